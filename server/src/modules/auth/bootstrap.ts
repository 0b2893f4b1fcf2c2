import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import type { Logger } from '../../common/logger';
import { User } from './user.entity';
import { DomainError, domainErrorText } from '../../common/errors';
import { createServices } from '../../services';

/** ADMIN_USERNAME/ADMIN_PASSWORD: a SYSTEM_ADMIN (no unit: the whole country), created once. */
export async function bootstrapAdmin(ds: DataSource, config: Pick<AppConfig, 'adminUsername' | 'adminPassword' | 'sessionHours'>, log: Logger): Promise<void> {
  if (!config.adminUsername || !config.adminPassword) return;
  const username = config.adminUsername.trim().toLowerCase();
  if (await ds.getRepository(User).findOneBy({ username })) return;
  try {
    await createServices(ds, config).auth.insertUser(ds.getRepository(User), {
      username,
      password: config.adminPassword,
      role: 'SYSTEM_ADMIN',
      unitId: null,
      displayName: 'System administrator',
    });
  } catch (err) {
    // The operator reads this at start: say which setting and why (a weak password, a bad name).
    if (err instanceof DomainError) throw new Error(`ADMIN_USERNAME/ADMIN_PASSWORD refused: ${domainErrorText(err, 'en')}`, { cause: err });
    throw err;
  }
  log.info({ username }, 'system administrator created');
}
