import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource, type DataSourceOptions, type Logger } from 'typeorm';
import type { DatabaseConfig } from '../config/config';
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
import { migrations } from './migrations';

export const entities = [Unit, UnitLink, User, Session, Indicator, Plan, PlanIndicatorRow, PlanTask, Target, ResultRow, AuditEntry, LoginFailure];

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
    extra: { connectionLimit: 10, decimalNumbers: true },
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
  const server = new URL(db.url);
  server.pathname = '/';
  const bootstrap = new DataSource({ type: 'mysql', url: server.toString() });
  await bootstrap.initialize();
  try {
    const name = db.database.replace(/`/g, '``');
    await bootstrap.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [{ version }] = (await bootstrap.query('SELECT VERSION() AS version')) as { version: string }[];
    db.flavor = /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  } finally {
    await bootstrap.destroy();
  }
}

export async function openDataSource(db: DatabaseConfig, extras: DataSourceExtras = {}): Promise<DataSource> {
  await ensureDatabase(db);
  const ds = new DataSource(dataSourceOptions(db, extras));
  await ds.initialize();
  if (isSqlite(ds)) serializeOnOneConnection(ds);
  return ds;
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

/** Runs pending migrations. SQLite: foreign keys off around the run, as table rebuilds need. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const sqlite = isSqlite(ds);
  if (sqlite) await ds.query('PRAGMA foreign_keys = OFF');
  try {
    const done = await ds.runMigrations({ transaction: sqlite ? 'all' : 'each' });
    return done.map((m) => m.name);
  } finally {
    if (sqlite) await ds.query('PRAGMA foreign_keys = ON');
  }
}

export function isSqlite(ds: DataSource): boolean {
  return ds.options.type === 'better-sqlite3';
}
