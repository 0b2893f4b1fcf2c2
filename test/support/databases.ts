import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';

export type DatabaseKind = 'sqlite' | 'mysql';

/** The MariaDB/MySQL server the suite uses; TEST_MYSQL_URL overrides (a server URL, no database). */
export const MYSQL_SERVER = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';

let reachable: Promise<boolean> | undefined;
function mysqlReachable(): Promise<boolean> {
  reachable ??= mysql
    .createConnection({ uri: MYSQL_SERVER, connectTimeout: 2000 })
    .then(async (c) => {
      await c.end();
      return true;
    })
    .catch(() => false);
  return reachable;
}

/**
 * The databases every acceptance spec runs against: SQLite always, MySQL/MariaDB when it answers.
 * With CI=true (or TEST_MYSQL=required) MySQL must answer: CI never skips it silently.
 * TEST_MYSQL=off skips it on purpose.
 */
export async function testDatabases(): Promise<DatabaseKind[]> {
  if (process.env.TEST_MYSQL === 'off') return ['sqlite'];
  const required = process.env.CI === 'true' || process.env.TEST_MYSQL === 'required';
  if (await mysqlReachable()) return ['sqlite', 'mysql'];
  if (required) throw new Error(`MySQL/MariaDB is required (CI=true) but does not answer at ${MYSQL_SERVER}`);
  return ['sqlite'];
}

export interface TestDatabase {
  kind: DatabaseKind;
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given kind: a temp SQLite file or a new MySQL schema. */
export async function freshDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const name = `chitieu_t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-'));
    return { kind, url: `sqlite:${path.join(dir, `${name}.sqlite`)}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const server = new URL(MYSQL_SERVER);
  server.pathname = `/${name}`;
  return {
    kind,
    url: server.toString(),
    drop: async () => {
      const c = await mysql.createConnection({ uri: MYSQL_SERVER });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
