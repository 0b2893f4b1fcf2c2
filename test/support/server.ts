import type { DataSource } from 'typeorm';
import { loadConfig } from '../../server/src/config/config';
import { migrate, openDataSource } from '../../server/src/db/data-source';
import { startServer, type RunningServer } from '../../server/src/app';
import { createLogger } from '../../server/src/common/logger';
import { seedDemoIfEmpty, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../server/src/modules/seed/demo';
import { bootstrapAdmin } from '../../server/src/modules/auth/bootstrap';
import { freshDatabase, type DatabaseKind, type TestDatabase } from './databases';

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestServer {
  kind: DatabaseKind;
  url: string;
  ds: DataSource;
  server: RunningServer;
  /** POSTs a GraphQL operation as the given token (or anonymously). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  /** Logs in and returns the token; fails the test if login fails. */
  login(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export const ADMIN = { username: 'sysadmin', password: 'sysadmin-password-1' };

/**
 * Boots the real server (migrations, optional demo seed, admin bootstrap) on a fresh database,
 * on a free port, and talks to it over HTTP like any client.
 */
/**
 * `seed`: 'demo' is the Đắk Lắk demo as it stood before the 2025 reform (what most specs pin);
 * 'demo-reform' is the whole demo `npm start` loads, reform and 2026 plan included.
 * `clientDist`: the built SPA to serve beside /graphql (browser specs: `CLIENT_DIST` in
 * support/browser.ts); by default none, so the API specs never depend on a client build.
 */
export async function bootServer(
  kind: DatabaseKind,
  opts: { seed?: 'demo' | 'demo-reform' | 'none'; database?: TestDatabase; clientDist?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const db: TestDatabase = opts.database ?? (await freshDatabase(kind));
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    SEED: opts.seed === 'none' ? 'none' : 'demo',
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    CLIENT_DIST: opts.clientDist ?? '/nonexistent',
    // Reminders only where a spec asks for them (REMINDER_INTERVAL_MS): a job writing at boot would race the others' counts.
    REMINDER_INTERVAL_MS: '0',
    // Extra settings a spec needs (TRUST_PROXY…).
    ...opts.env,
  } as NodeJS.ProcessEnv);
  const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const ds = await openDataSource(config.database);
  await migrate(ds);
  if (config.seed === 'demo') await seedDemoIfEmpty(ds, log, { reform: opts.seed === 'demo-reform' });
  await bootstrapAdmin(ds, config, log);
  const server = await startServer(config, ds, log);
  const url = server.url;

  async function gql<T>(query: string, variables?: Record<string, unknown>, token?: string, headers: Record<string, string> = {}): Promise<GqlResponse<T>> {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResponse<T>;
    return { ...body, status: res.status };
  }

  return {
    kind,
    url,
    ds,
    server,
    gql,
    async login(username, password = DEMO_PASSWORD) {
      const res = await gql<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', { u: username, p: password });
      if (!res.data?.login) throw new Error(`login ${username} failed: ${JSON.stringify(res.errors)}`);
      return res.data.login.token;
    },
    async close() {
      await server.close();
      await ds.destroy();
      await db.drop();
    },
  };
}

/** The errors' codes, for tables of failure cases. */
export function codes(res: GqlResponse): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}
