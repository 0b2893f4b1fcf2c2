import path from 'node:path';

export type DatabaseConfig =
  | { type: 'sqlite'; file: string }
  | { type: 'mysql'; url: string; database: string; flavor?: 'mysql' | 'mariadb' };

export interface AppConfig {
  port: number;
  database: DatabaseConfig;
  seed: 'demo' | 'none';
  adminUsername?: string;
  adminPassword?: string;
  sessionHours: number;
  logLevel: string;
  /** Where the built SPA lives; served at / when present. */
  clientDist: string;
  production: boolean;
}

export class ConfigError extends Error {}

/** Reads and validates the environment once; everything else takes the typed object. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const database = parseDatabaseUrl(env.DATABASE_URL, cwd);
  const seed = (env.SEED ?? (env.DATABASE_URL ? 'none' : 'demo')).toLowerCase();
  if (seed !== 'demo' && seed !== 'none') throw new ConfigError(`SEED must be "demo" or "none", not "${env.SEED}"`);
  const port = env.PORT === undefined || env.PORT === '' ? 4000 : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const sessionHours = env.SESSION_HOURS ? Number(env.SESSION_HOURS) : 12;
  if (!(sessionHours > 0)) throw new ConfigError('SESSION_HOURS must be a positive number');
  return {
    port,
    database,
    seed,
    adminUsername: env.ADMIN_USERNAME || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    sessionHours,
    logLevel: env.LOG_LEVEL ?? 'info',
    clientDist: env.CLIENT_DIST ?? path.resolve(__dirname, '../../../client/dist'),
    production: env.NODE_ENV === 'production',
  };
}

export function parseDatabaseUrl(url: string | undefined, cwd = process.cwd()): DatabaseConfig {
  if (!url) return { type: 'sqlite', file: path.resolve(cwd, 'data/chitieu.sqlite') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (!file) throw new ConfigError('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/chitieu.sqlite');
    return { type: 'sqlite', file: file === ':memory:' ? file : path.resolve(cwd, file) };
  }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) {
    const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (!database) throw new ConfigError('DATABASE_URL mysql:// needs a database name, e.g. mysql://root@127.0.0.1:3306/chitieu');
    return { type: 'mysql', url: parsed.toString(), database };
  }
  throw new ConfigError(`DATABASE_URL must start with sqlite: or mysql://, not "${url.split(':')[0]}:"`);
}
