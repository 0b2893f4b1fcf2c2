import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { hostUrls, type DatabaseConfig } from '../config/config';
import { isSqlite } from './data-source';
import { WSREP_SQL, wsrepState } from './failover';

/** How long /healthz waits for the database before saying it is unavailable. */
const PROBE_TIMEOUT_MS = 2_000;

export interface Readiness {
  ready: boolean;
  /** host:port of the node that would serve (MySQL). */
  node?: string;
  /** Galera only: the node's wsrep_ready and wsrep_cluster_status (Primary when it is in the primary component). */
  wsrepReady?: string;
  clusterStatus?: string;
}

export interface DatabaseProbe {
  /** Whether the database answers `SELECT 1` now. */
  check(): Promise<boolean>;
  /**
   * Whether requests can be served: the database answers and, on Galera, the node is synced in
   * the primary component. With several hosts, the first that can serve (as the failover pool
   * picks it); not ready when none can.
   */
  ready(): Promise<Readiness>;
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
      async ready() {
        try {
          handle.prepare('SELECT 1').get();
          return { ready: true };
        } catch {
          return { ready: false };
        }
      },
      async close() {},
    };
  }
  if (db.type !== 'mysql') throw new Error('unknown database type');
  // One connection per host, opened when first needed and again after a failure.
  const connections = new Map<string, Promise<mysql.Connection>>();
  const drop = (url: string) => {
    const c = connections.get(url);
    connections.delete(url);
    c?.then((x) => x.destroy()).catch(() => {});
  };
  const on = async <T>(url: string, work: (c: mysql.Connection) => Promise<T>): Promise<T> => {
    let c = connections.get(url);
    if (!c) {
      c = mysql.createConnection({ uri: url, connectTimeout: PROBE_TIMEOUT_MS });
      connections.set(url, c);
    }
    try {
      return await work(await c);
    } catch (err) {
      drop(url);
      throw err;
    }
  };
  return {
    async check() {
      for (const url of hostUrls(db)) {
        try {
          await on(url, (c) => c.query({ sql: 'SELECT 1', timeout: PROBE_TIMEOUT_MS }));
          return true;
        } catch {
          /* the next host */
        }
      }
      return false;
    },
    async ready() {
      let first: Readiness | null = null;
      for (const url of hostUrls(db)) {
        const node = new URL(url).host;
        let state: Readiness;
        try {
          const [rows] = await on(url, (c) => c.query({ sql: WSREP_SQL, timeout: PROBE_TIMEOUT_MS }));
          const { galera, ready, wsrepReady, clusterStatus } = wsrepState(rows);
          state = galera ? { ready, node, wsrepReady, clusterStatus } : { ready: true, node };
        } catch {
          state = { ready: false, node };
        }
        if (state.ready) return state;
        first ??= state;
      }
      return first ?? { ready: false };
    },
    async close() {
      const all = [...connections.values()];
      connections.clear();
      await Promise.all(all.map((c) => c.then((x) => x.end()).catch(() => {})));
    },
  };
}
