import path from 'node:path';
import express from 'express';

export type DatabaseConfig = { type: 'sqlite'; file: string } | { type: 'mysql'; url: string; database: string; flavor?: 'mysql' | 'mariadb' };

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
  /**
   * Express's `trust proxy` (TRUST_PROXY): which proxies in front of the server may say, in
   * X-Forwarded-For, who the client is. req.ip, and so the login throttle, depends on it.
   * false (the default) trusts nobody: a client cannot pick the address it is counted under.
   */
  trustProxy: boolean | number | string;
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
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
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
    trustProxy,
  };
}

/**
 * TRUST_PROXY takes what Express's `trust proxy` setting takes: true/false, a hop count, or
 * comma-separated addresses, subnets and the names loopback, linklocal, uniquelocal. Unset: false.
 */
export function parseTrustProxy(value: string | undefined): boolean | number | string {
  const v = (value ?? '').trim();
  if (v === '' || /^false$/i.test(v)) return false;
  if (/^true$/i.test(v)) return true;
  if (/^\d+$/.test(v)) return Number(v);
  // Express (proxy-addr) parses the list: a dry run on a throwaway app says whether it would take it.
  try {
    express().set('trust proxy', v);
  } catch (err) {
    throw new ConfigError(`TRUST_PROXY must be true, false, a hop count or comma-separated addresses/subnets (loopback, 10.0.0.0/8…), not "${value}": ${(err as Error).message}`);
  }
  return v;
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
