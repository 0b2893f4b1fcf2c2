import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { MYSQL_SERVER } from './databases';

/** Helpers of the "Trust" specs (test/api/trust): raw HTTP, spawned server processes, MariaDB faults. */

export interface RawResponse<T = any> {
  status: number;
  headers: Headers;
  /** The body as the client received it: what leak checks search. */
  text: string;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** POSTs one GraphQL operation and keeps the status, the headers and the raw text. */
export async function post<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<RawResponse<T>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: T; errors?: RawResponse['errors'] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON: kept as text */
  }
  return { status: res.status, headers: res.headers, text, data: body.data, errors: body.errors };
}

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

/**
 * Signs in from a given client address (X-Forwarded-For, which the server trusts from loopback):
 * each simulated person sits at their own machine, as in an office, so the per-address login
 * throttle sees what it would see in real use.
 */
export async function loginFrom(url: string, username: string, password: string, address = '10.0.0.1'): Promise<string> {
  const res = await post<{ login: { token: string } }>(url, LOGIN, { u: username, p: password }, undefined, { 'x-forwarded-for': address });
  if (!res.data?.login) throw new Error(`login ${username} failed: ${res.text}`);
  return res.data.login.token;
}

export function errorCodes(res: { errors?: { extensions?: { code?: string } }[] }): string[] {
  return (res.errors ?? []).map((e) => String(e.extensions?.code));
}

// ---------------------------------------------------------------------------------------------
// A real server process (server/dist/main.js), as an operator runs it.

export const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/dist/main.js');

export interface SpawnedServer {
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** Sends SIGKILL if it still runs, and waits for the exit. */
  kill(): Promise<void>;
}

/** A free TCP port on loopback (PORT=0 would not tell us which one the server took). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node server/dist/main.js` on a database another server already migrated (SEED=none),
 * on a free port, and waits for /healthz. Build first: `server/node_modules/.bin/tsc -b server`
 * (`npm test` does).
 */
export async function spawnServer(databaseUrl: string, env: Record<string, string> = {}): Promise<SpawnedServer> {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first (server/node_modules/.bin/tsc -b server)`);
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED: 'none',
      LOG_LEVEL: 'silent',
      CLIENT_DIST: '/nonexistent',
      NODE_ENV: 'test',
      ADMIN_USERNAME: '',
      ADMIN_PASSWORD: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  let alive = true;
  void exited.then(() => (alive = false));
  for (;;) {
    if (!alive) throw new Error(`the server process exited before it was ready:\n${out}`);
    try {
      if ((await fetch(`${url}/healthz`)).status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server process did not answer /healthz within 30 s:\n${out}`);
    }
    await sleep(100);
  }
  return {
    url,
    port,
    child,
    exited,
    output: () => out,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined/false, or fails after `ms`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 10_000, every = 25): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v as T;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(every);
  }
}

// ---------------------------------------------------------------------------------------------
// MariaDB/MySQL: the server's connections, seen and killed from outside, and triggers that hold
// a write open at a chosen row.

/** The database a TypeORM data source is connected to, and its URL for a second process. */
export async function mysqlDatabaseOf(ds: DataSource): Promise<{ name: string; url: string }> {
  const [{ db }] = (await ds.query('SELECT DATABASE() AS db')) as { db: string }[];
  const url = new URL(MYSQL_SERVER);
  url.pathname = `/${db}`;
  return { name: db, url: url.toString() };
}

/** A connection of our own, with no default database, so it never counts as one of the server's. */
export function adminConnection(): Promise<mysql.Connection> {
  return mysql.createConnection({ uri: MYSQL_SERVER });
}

/** Ids of every connection working in `db`, ours excluded. */
export async function connectionIds(admin: mysql.Connection, db: string): Promise<number[]> {
  const [rows] = await admin.query('SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()', [db]);
  return (rows as { ID: number }[]).map((r) => Number(r.ID));
}

/** Waits until a statement in `db` sleeps inside one of our triggers: the write is mid-transaction. */
export function waitForSleepingWrite(admin: mysql.Connection, db: string, ms = 15_000): Promise<number> {
  return waitFor(
    'a write held by the trigger',
    async () => {
      const [rows] = await admin.query("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND STATE = 'User sleep'", [db]);
      const r = rows as { ID: number }[];
      return r.length ? Number(r[0].ID) : undefined;
    },
    ms,
  );
}

/** KILLs every connection of `db` (the server's whole pool); returns how many. */
export async function killConnections(admin: mysql.Connection, db: string): Promise<number> {
  const ids = await connectionIds(admin, db);
  for (const id of ids) {
    try {
      await admin.query(`KILL CONNECTION ${Number(id)}`);
    } catch {
      /* already gone */
    }
  }
  return ids.length;
}

/** Open transactions of `db`'s connections (0 once a dead client's transaction was rolled back). */
export async function openTransactions(admin: mysql.Connection, db: string): Promise<number> {
  const [rows] = await admin.query(
    'SELECT COUNT(*) AS n FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id WHERE p.DB = ?',
    [db],
  );
  return Number((rows as { n: number }[])[0].n);
}

/**
 * A trigger that sleeps when `condition` holds for the row being written: the transaction stays
 * open, with every statement before that row done, for as long as the test needs. Deterministic,
 * unlike racing a timer against a write. Returns a function that drops it.
 */
export async function holdWrites(
  admin: mysql.Connection,
  db: string,
  name: string,
  timing: 'BEFORE INSERT' | 'BEFORE UPDATE',
  table: string,
  condition: string,
  seconds = 30,
): Promise<() => Promise<void>> {
  const q = (id: string) => `\`${id.replace(/`/g, '``')}\``;
  await admin.query(`DROP TRIGGER IF EXISTS ${q(db)}.${q(name)}`);
  await admin.query(`CREATE TRIGGER ${q(db)}.${q(name)} ${timing} ON ${q(db)}.${q(table)} FOR EACH ROW BEGIN IF ${condition} THEN DO SLEEP(${Number(seconds)}); END IF; END`);
  return async () => {
    await admin.query(`DROP TRIGGER IF EXISTS ${q(db)}.${q(name)}`);
  };
}
