import path from 'node:path';
import express from 'express';

/**
 * MySQL/MariaDB: `url` is the first host's URL (one host: the URL as given); `urls` holds one URL
 * per host of a multi-host DATABASE_URL (mysql://root@h1:3311,h2:3312,h3:3313/chitieu), in the
 * order a failover tries them (data-source.ts).
 */
export type DatabaseConfig = { type: 'sqlite'; file: string } | { type: 'mysql'; url: string; urls?: string[]; database: string; flavor?: 'mysql' | 'mariadb' };

/** Every host's URL of a MySQL configuration, in failover order. */
export function hostUrls(db: { url: string; urls?: string[] }): string[] {
  return db.urls?.length ? db.urls : [db.url];
}

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
  /** Mail (issue #15): notifications are mailed when smtpUrl (SMTP_URL) is set; checked every mailIntervalMs. */
  smtpUrl?: string;
  mailFrom: string;
  mailIntervalMs: number;
  /** The SPA's public address (PUBLIC_URL), for absolute links in mails; without it mails carry the path only. */
  publicUrl?: string;
  /** Deadline reminders: run every reminderIntervalMs (0: never), for deadlines up to reminderDays days ahead. */
  reminderIntervalMs: number;
  reminderDays: number;
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
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, not "${smtpUrl.split(':')[0]}:"`);
  const mailIntervalMs = integerSetting(env, 'MAIL_INTERVAL_MS', 5000, 1);
  const reminderIntervalMs = integerSetting(env, 'REMINDER_INTERVAL_MS', 3_600_000, 0);
  const reminderDays = integerSetting(env, 'REMINDER_DAYS', 3, 0);
  const publicUrl = env.PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined;
  if (publicUrl && !/^https?:\/\/[^/]/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must be an http(s) address, e.g. https://chitieu.example.vn, not "${env.PUBLIC_URL}"`);
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
    smtpUrl,
    mailFrom: env.MAIL_FROM?.trim() || 'Chỉ tiêu <chitieu@localhost>',
    mailIntervalMs,
    publicUrl,
    reminderIntervalMs,
    reminderDays,
  };
}

/** A whole number setting of at least `min`; unset or empty: the default. */
function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be a whole number of at least ${min}, not "${raw}"`);
  return n;
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
    // new URL() cannot read several hosts: the authority is split here, one URL per host.
    const m = /^(?:mysql|mariadb):\/\/([^@/?#]*@)?([^/?#]*)([^?#]*)(\?[^#]*)?$/.exec(url);
    const hosts = (m?.[2] ?? '').split(',').map((h) => h.trim());
    if (!m || hosts.some((h) => h === '')) throw new ConfigError('DATABASE_URL mysql:// needs host[:port][,host[:port]…], e.g. mysql://root@127.0.0.1:3306/chitieu');
    const urls = hosts.map((host) => new URL(`mysql://${m[1] ?? ''}${host}${m[3]}${m[4] ?? ''}`).toString());
    const database = decodeURIComponent(new URL(urls[0]).pathname.replace(/^\//, ''));
    if (!database) throw new ConfigError('DATABASE_URL mysql:// needs a database name, e.g. mysql://root@127.0.0.1:3306/chitieu');
    return { type: 'mysql', url: urls[0], urls, database };
  }
  throw new ConfigError(`DATABASE_URL must start with sqlite: or mysql://, not "${url.split(':')[0]}:"`);
}
