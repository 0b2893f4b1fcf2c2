import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import { hostUrls, type DatabaseConfig } from '../config/config';
import { Unit } from '../modules/units/unit.entity';
import { UnitLink } from '../modules/units/unit-link.entity';
import { User } from '../modules/auth/user.entity';
import { Session } from '../modules/auth/session.entity';
import { LoginFailure } from '../modules/auth/login-failure.entity';
import { Indicator } from '../modules/indicators/indicator.entity';
import { Plan } from '../modules/plans/plan.entity';
import { PlanIndicatorRow } from '../modules/plans/plan-indicator.entity';
import { PlanTask } from '../modules/plans/plan-task.entity';
import { Target } from '../modules/targets/target.entity';
import { ResultRow } from '../modules/results/result.entity';
import { AuditEntry } from '../modules/audit/audit.entity';
import { AcknowledgementRow } from '../modules/acknowledgements/acknowledgement.entity';
import { AdjustmentRow } from '../modules/adjustments/adjustment.entity';
import { NotificationRow } from '../modules/notifications/notification.entity';
import { migrations } from './migrations';
import { failoverPool, hostOf, type FailoverPool } from './failover';
import { ensureLeaseTable, withLease } from '../common/lease';
import { isConflictError, isNodeNotReady, withRetry } from '../common/retry';
import { isConnectionError } from '../common/errors';

export const entities = [
  Unit,
  UnitLink,
  User,
  Session,
  Indicator,
  Plan,
  PlanIndicatorRow,
  PlanTask,
  Target,
  ResultRow,
  AuditEntry,
  LoginFailure,
  AcknowledgementRow,
  AdjustmentRow,
  NotificationRow,
];

export interface DataSourceExtras {
  /** Called for every SQL statement: the N+1 guard counts them. */
  onQuery?: (sql: string) => void;
}

class CountingLogger implements Logger {
  constructor(private readonly onQuery: (sql: string) => void) {}
  logQuery(query: string) {
    this.onQuery(query);
  }
  logQueryError() {}
  logQuerySlow() {}
  logSchemaBuild() {}
  logMigration() {}
  log() {}
}

export function dataSourceOptions(db: DatabaseConfig, extras: DataSourceExtras = {}): DataSourceOptions {
  const common = {
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    ...(extras.onQuery ? { logging: ['query'] as 'query'[], logger: new CountingLogger(extras.onQuery) } : { logging: false as const }),
  };
  if (db.type === 'sqlite') {
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.file,
      // WAL lets readers go on while one writer commits; busy_timeout waits instead of failing.
      prepareDatabase: (conn: { pragma(s: string): unknown }) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('synchronous = NORMAL');
      },
    };
  }
  return {
    ...common,
    // TypeORM reads MariaDB's information_schema differently (defaults, generated columns).
    type: db.flavor === 'mariadb' ? 'mariadb' : 'mysql',
    url: db.url,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    supportBigNumbers: true,
    // Several hosts: a host that does not answer is given up on soon, the next one is tried (failover.ts).
    extra: { connectionLimit: 10, decimalNumbers: true, ...(hostUrls(db).length > 1 ? { connectTimeout: 3_000 } : {}) },
  };
}

/**
 * Creates the MySQL database named in the URL when it does not exist yet (and notes whether the
 * server is MariaDB); makes the SQLite folder.
 */
export async function ensureDatabase(db: DatabaseConfig): Promise<void> {
  if (db.type === 'sqlite') {
    if (db.file !== ':memory:') fs.mkdirSync(path.dirname(db.file), { recursive: true });
    return;
  }
  // Several hosts: the first that answers (on a cluster, the database then exists on every node).
  let lastError: unknown;
  for (const url of hostUrls(db)) {
    const server = new URL(url);
    server.pathname = '/';
    const bootstrap = new DataSource({ type: 'mysql', url: server.toString(), ...(hostUrls(db).length > 1 ? { connectTimeout: 3_000 } : {}) });
    try {
      await bootstrap.initialize();
    } catch (err) {
      lastError = err;
      continue;
    }
    try {
      const name = db.database.replace(/`/g, '``');
      await bootstrap.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      const [{ version }] = (await bootstrap.query('SELECT VERSION() AS version')) as { version: string }[];
      db.flavor = /mariadb/i.test(version) ? 'mariadb' : 'mysql';
      return;
    } finally {
      await bootstrap.destroy();
    }
  }
  throw lastError;
}

export async function openDataSource(db: DatabaseConfig, extras: DataSourceExtras = {}): Promise<DataSource> {
  await ensureDatabase(db);
  if (db.type === 'sqlite') {
    const ds = new DataSource(dataSourceOptions(db, extras));
    await ds.initialize();
    serializeOnOneConnection(ds);
    return ds;
  }
  // TypeORM opens its pool on one URL and fails when that host is down: the first that opens wins.
  let ds: DataSource | undefined;
  let lastError: unknown;
  for (const url of hostUrls(db)) {
    const candidate = new DataSource(dataSourceOptions({ ...db, url }, extras));
    try {
      ds = await candidate.initialize();
      break;
    } catch (err) {
      lastError = err;
    }
  }
  if (!ds) throw lastError;
  if (hostUrls(db).length > 1) {
    useFailoverPool(ds, hostUrls(db));
    retryStatementsOnAnotherNode(ds);
  }
  retryTransactions(ds);
  return ds;
}

/** The failover pool, when the DataSource has one (a multi-host DATABASE_URL). */
export function failoverOf(ds: DataSource): FailoverPool | null {
  const pool = (ds.driver as unknown as { pool?: unknown }).pool;
  return pool && typeof (pool as FailoverPool).current === 'function' ? (pool as FailoverPool) : null;
}

/** Replaces the MySQL driver's one pool with one per host, the first usable serving (failover.ts). */
function useFailoverPool(ds: DataSource, urls: string[]): void {
  type Driver = {
    pool: { end(cb: () => void): void };
    mysql: Parameters<typeof failoverPool>[0];
    options: unknown;
    createConnectionOptions(options: unknown, credentials: { url: string }): object;
  };
  const driver = ds.driver as unknown as Driver;
  const single = driver.pool;
  driver.pool = failoverPool(driver.mysql, urls, (url) => driver.createConnectionOptions(driver.options, { url }) as never) as never;
  single.end(() => undefined);
}

/**
 * A statement outside a transaction that a node refused (it left the cluster: 1047, nothing ran)
 * or, for a read, whose connection died, runs again on a fresh connection, which the failover
 * pool takes from the next node. Inside a transaction the whole transaction is run again instead
 * (retryTransactions); an autocommit write whose connection died is not repeated here: it may
 * have been committed.
 */
function retryStatementsOnAnotherNode(ds: DataSource): void {
  type Runner = { query: (...args: unknown[]) => Promise<unknown>; isTransactionActive: boolean; databaseConnection?: { destroy(): void }; databaseConnectionPromise?: unknown };
  const driver = ds.driver as unknown as { createQueryRunner(mode: unknown): Runner };
  const create = driver.createQueryRunner.bind(driver);
  const safe = (err: unknown, sql: unknown) => isNodeNotReady(err) || (isConnectionError(err) && typeof sql === 'string' && /^\s*(SELECT|SHOW)\b/i.test(sql));
  driver.createQueryRunner = (mode: unknown) => {
    const runner = create(mode);
    const query = runner.query.bind(runner);
    runner.query = (...args: unknown[]) =>
      withRetry(
        async () => {
          try {
            return await query(...args);
          } catch (err) {
            if (!runner.isTransactionActive && safe(err, args[0])) {
              // The next attempt asks the pool for another connection (the failover pool, another node).
              runner.databaseConnection?.destroy();
              runner.databaseConnection = undefined;
              runner.databaseConnectionPromise = undefined;
            }
            throw err;
          }
        },
        (err) => !runner.isTransactionActive && safe(err, args[0]),
        { attempts: 3 },
      );
    return runner;
  };
}

/**
 * Every outermost transaction runs again when it loses a race the database resolved by rolling
 * it back: a deadlock, a lock wait timeout, a Galera certification conflict, or (on a multi-host
 * URL) a node that dropped out under it, the next attempt going to another node. Nested calls
 * run once: the outermost one repeats them. Exhausted, the error reaches the client as
 * SERVICE_UNAVAILABLE with retryable: true (common/errors.ts).
 */
function retryTransactions(ds: DataSource): void {
  const inside = new AsyncLocalStorage<true>();
  const multiHost = failoverOf(ds) !== null;
  const retryable = (err: unknown) => isConflictError(err) || (multiHost && (isNodeNotReady(err) || isConnectionError(err)));
  const transaction = ds.transaction.bind(ds) as (...args: unknown[]) => Promise<unknown>;
  ds.transaction = ((...args: unknown[]) => {
    if (inside.getStore()) return transaction(...args);
    return withRetry(() => inside.run(true, () => transaction(...args)), retryable);
  }) as DataSource['transaction'];
}

/**
 * SQLite runs on one connection that every request shares (TypeORM's better-sqlite3 driver hands
 * out a single query runner). A transaction that awaits something else (a password hash) would
 * let other requests' statements run inside it, and their transactions nest in it as savepoints:
 * one rollback then silently undoes work another request was told was saved. So a transaction
 * takes the connection for itself, and statements from outside it wait until it ends; inside it
 * (tracked with AsyncLocalStorage) everything runs as before, nested transactions included.
 */
function serializeOnOneConnection(ds: DataSource): void {
  const nextTurn = oneStatementPerTurn();
  const inside = new AsyncLocalStorage<true>();
  let busy: Promise<void> | null = null;
  const transaction = ds.transaction.bind(ds) as (...args: unknown[]) => Promise<unknown>;
  ds.transaction = (async (...args: unknown[]) => {
    if (inside.getStore()) return transaction(...args);
    // Checked and taken in one continuation: two waiters can never both take it.
    while (busy) await busy;
    let release!: () => void;
    busy = new Promise<void>((resolve) => (release = resolve));
    try {
      return await inside.run(true, () => transaction(...args));
    } finally {
      busy = null;
      release();
    }
  }) as DataSource['transaction'];
  const runner = ds.createQueryRunner();
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = (async (...args: unknown[]) => {
    await nextTurn();
    if (!inside.getStore()) while (busy) await busy;
    return query(...args);
  }) as typeof runner.query;
}

/**
 * better-sqlite3 runs each statement synchronously. A request whose resolvers await statement
 * after statement never gave the event loop a turn (the chain stays in microtasks), and even one
 * setImmediate each lets every waiting statement run in the same check phase: /healthz and every
 * other request waited for all of it (issue #11, class 8: seconds). Here statements take turns,
 * one per loop iteration, with the network polled in between: nothing waits for more than one
 * statement of someone else's.
 */
function oneStatementPerTurn(): () => Promise<void> {
  const lane: (() => void)[] = [];
  let scheduled = false;
  const admitOne = () => {
    const next = lane.shift();
    // Scheduled from inside the check phase, the next admission waits for the next iteration.
    if (lane.length) setImmediate(admitOne);
    else scheduled = false;
    next?.();
  };
  return () =>
    new Promise<void>((resolve) => {
      lane.push(resolve);
      if (!scheduled) {
        scheduled = true;
        setImmediate(admitOne);
      }
    });
}

/**
 * Runs pending migrations. SQLite: foreign keys off around the run, as table rebuilds need.
 * MySQL: under the cluster-wide "migrations" lease (common/lease.ts), so any number of servers
 * may start at once against one database or one Galera cluster: one runs them, the others wait
 * and then find nothing pending.
 */
export async function migrate(ds: DataSource): Promise<string[]> {
  const sqlite = isSqlite(ds);
  await ensureLeaseTable(ds);
  if (sqlite) await ds.query('PRAGMA foreign_keys = OFF');
  try {
    const run = async () => (await ds.runMigrations({ transaction: sqlite ? 'all' : 'each' })).map((m) => m.name);
    return sqlite ? await run() : await withLease(ds, 'migrations', run);
  } finally {
    if (sqlite) await ds.query('PRAGMA foreign_keys = ON');
  }
}

/** Work one process of a cluster does while the others wait (the demo seed, the first administrator); SQLite: just runs it. */
export function onceAcrossServers<T>(ds: DataSource, name: string, work: () => Promise<T>): Promise<T> {
  return isSqlite(ds) ? work() : withLease(ds, name, work);
}

/** Where a MySQL DataSource is connected now (host:port), for logs; null on SQLite. */
export function databaseHost(ds: DataSource): string | null {
  if (isSqlite(ds)) return null;
  const failover = failoverOf(ds);
  if (failover) return failover.current();
  const url = (ds.options as { url?: string }).url;
  return url ? hostOf(url) : null;
}

export function isSqlite(ds: DataSource): boolean {
  return ds.options.type === 'better-sqlite3';
}
