import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
import { isSqlite } from './data-source';

/** How long /healthz waits for the database before saying it is unavailable. */
const PROBE_TIMEOUT_MS = 2_000;

export interface DatabaseProbe {
  /** Whether the database answers `SELECT 1` now. */
  check(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The health check's own way to the database, beside the one requests queue on: under load the
 * request pool (MySQL) or the statements' turns (SQLite) hold dozens of statements, and a probe
 * waiting behind them would call a busy server dead (issue #11, class 8). SQLite: a statement on
 * the open handle, outside the turns (it takes microseconds). MySQL: one connection of its own,
 * opened when first needed and again after a failure.
 */
export function databaseProbe(ds: DataSource, db: DatabaseConfig): DatabaseProbe {
  if (isSqlite(ds)) {
    const handle = (ds.driver as unknown as { databaseConnection: { prepare(sql: string): { get(): unknown } } }).databaseConnection;
    return {
      async check() {
        try {
          handle.prepare('SELECT 1').get();
          return true;
        } catch {
          return false;
        }
      },
      async close() {},
    };
  }
  if (db.type !== 'mysql') throw new Error('unknown database type');
  let connection: Promise<mysql.Connection> | null = null;
  const drop = () => {
    const c = connection;
    connection = null;
    c?.then((x) => x.destroy()).catch(() => {});
  };
  return {
    async check() {
      try {
        connection ??= mysql.createConnection({ uri: db.url, connectTimeout: PROBE_TIMEOUT_MS });
        const c = await connection;
        await c.query({ sql: 'SELECT 1', timeout: PROBE_TIMEOUT_MS });
        return true;
      } catch {
        drop();
        return false;
      }
    },
    async close() {
      const c = connection;
      connection = null;
      await c?.then((x) => x.end()).catch(() => {});
    },
  };
}
