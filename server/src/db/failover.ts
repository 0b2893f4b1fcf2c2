import type { Pool, PoolConnection, PoolOptions } from 'mysql2';
import { isNodeNotReady } from '../common/retry';

/*
 * Several database hosts, one pool each, the first usable one serving (issue #17). A host is
 * usable when a connection opens and, on Galera, the node is part of the primary component
 * (wsrep_ready ON); otherwise it is set aside for a few seconds and the next host is tried. So a
 * node that stops answering, or leaves the cluster, hands its work to the next one, and takes
 * it back once it is synced again. Only new connections are checked (once each): a node that
 * drops out under an open connection fails that statement, and the transaction retry
 * (common/retry.ts) starts over on a fresh connection.
 *
 * TypeORM's MySQL driver keeps one mysql2 pool and calls only getConnection(cb) and end(cb) on
 * it: this object stands in for that pool.
 */

/** How long a host that failed stays aside before it is tried again. */
export const HOST_BACKOFF_MS = 2_000;

interface Host {
  url: string;
  pool: Pool;
  downUntil: number;
}

export interface FailoverPool {
  getConnection(cb: (err: Error | null, connection?: PoolConnection) => void): void;
  end(cb?: (err?: Error | null) => void): void;
  /** The host serving now (the first one not set aside), for /readyz and logs. */
  current(): string;
  /** Sets a host aside, as when one of its connections found it out of the cluster. */
  markDown(url: string): void;
}

type MysqlModule = { createPool(options: PoolOptions): Pool };

export function failoverPool(mysql: MysqlModule, urls: string[], optionsFor: (url: string) => PoolOptions): FailoverPool {
  const hosts: Host[] = urls.map((url) => ({ url, pool: mysql.createPool(optionsFor(url)), downUntil: 0 }));
  const checked = new WeakSet<object>();
  const down = (h: Host) => (h.downUntil = Date.now() + HOST_BACKOFF_MS);

  /** Hosts to try, in order: the ones not set aside first, then (all down) every one anyway. */
  const order = () => {
    const now = Date.now();
    const up = hosts.filter((h) => h.downUntil <= now);
    return up.length ? [...up, ...hosts.filter((h) => h.downUntil > now)] : [...hosts];
  };

  function tryHost(list: Host[], i: number, lastError: Error | null, cb: (err: Error | null, c?: PoolConnection) => void): void {
    const h = list[i];
    if (!h) return cb(lastError ?? new Error('no database host answered'));
    h.pool.getConnection((err, conn) => {
      if (err) {
        down(h);
        return tryHost(list, i + 1, err, cb);
      }
      if (checked.has(conn)) return cb(null, conn);
      // A new connection: is this node serving? (No wsrep variables: not Galera, so yes.)
      conn.query(WSREP_SQL, (qerr: Error | null, rows: unknown) => {
        if (qerr || !wsrepState(rows).ready) {
          conn.destroy();
          down(h);
          return tryHost(list, i + 1, qerr ?? Object.assign(new Error(`database node ${hostOf(h.url)} is not ready`), { errno: 1047 }), cb);
        }
        checked.add(conn);
        watch(conn, h);
        cb(null, conn);
      });
    });
  }

  /** A statement refused because the node left the primary component: the host goes aside, the connection away. */
  function watch(conn: PoolConnection, h: Host) {
    const query = conn.query.bind(conn) as (...args: unknown[]) => unknown;
    (conn as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const last = args.length - 1;
      const cb = args[last];
      if (typeof cb === 'function')
        args[last] = (err: unknown, ...rest: unknown[]) => {
          if (err && isNodeNotReady(err)) {
            down(h);
            conn.destroy();
          }
          return (cb as (...a: unknown[]) => unknown)(err, ...rest);
        };
      return query(...args);
    };
  }

  return {
    getConnection(cb) {
      tryHost(order(), 0, null, cb);
    },
    end(cb) {
      Promise.all(hosts.map((h) => new Promise<void>((resolve) => h.pool.end(() => resolve())))).then(
        () => cb?.(null),
        (err: Error) => cb?.(err),
      );
    },
    current() {
      return hostOf(order()[0].url);
    },
    markDown(url) {
      const h = hosts.find((x) => x.url === url);
      if (h) down(h);
    },
  };
}

/** A node's Galera state, from WSREP_SQL's rows. */
export const WSREP_SQL = "SHOW STATUS WHERE Variable_name IN ('wsrep_provider_name', 'wsrep_ready', 'wsrep_cluster_status')";

/**
 * Whether a node can serve: not Galera (no wsrep provider loaded: plain MariaDB/MySQL), or a
 * Galera node synced in the primary component (wsrep_ready ON, wsrep_cluster_status Primary).
 */
export function wsrepState(rows: unknown): { galera: boolean; ready: boolean; wsrepReady?: string; clusterStatus?: string } {
  const status = new Map(((rows ?? []) as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]));
  if (!status.get('wsrep_provider_name')) return { galera: false, ready: true };
  const wsrepReady = status.get('wsrep_ready');
  const clusterStatus = status.get('wsrep_cluster_status');
  return { galera: true, ready: wsrepReady === 'ON' && clusterStatus === 'Primary', wsrepReady, clusterStatus };
}

/** host:port of a URL, without credentials: safe to log and to show. */
export function hostOf(url: string): string {
  return new URL(url).host;
}
