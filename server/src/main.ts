import 'reflect-metadata';
import { loadConfig } from './config/config';
import { databaseHost, migrate, onceAcrossServers, openDataSource } from './db/data-source';
import { createLogger } from './common/logger';
import { startServer } from './app';
import { bootstrapAdmin } from './modules/auth/bootstrap';
import { seedDemoIfEmpty } from './modules/seed/demo';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const ds = await openDataSource(config.database);
  const applied = await migrate(ds);
  if (applied.length) log.info({ migrations: applied }, 'migrations applied');
  // Servers started together on one database: one seeds and creates the first administrator, the others wait and find it done.
  await onceAcrossServers(ds, 'startup', async () => {
    if (config.seed === 'demo') await seedDemoIfEmpty(ds, log);
    await bootstrapAdmin(ds, config, log);
  });
  const server = await startServer(config, ds, log);
  log.info(
    { url: `http://localhost:${server.port}`, database: config.database.type, host: databaseHost(ds), mail: Boolean(config.smtpUrl), reminders: config.reminderIntervalMs > 0 },
    'Chỉ tiêu is ready',
  );
  // SIGTERM/SIGINT: drain (see RunningServer.close), close the pool, exit 0; a failure exits 1.
  // A second signal ends the process at once (the handlers are registered once).
  const stop = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    try {
      await server.close();
      await ds.destroy();
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
