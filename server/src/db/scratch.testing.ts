/**
 * Scratch databases for the server's own specs: an SQLite file in a temporary folder, and a fresh
 * MariaDB database beside it when one answers (required under CI, skipped with TEST_MYSQL=off).
 * Not part of the build (tsconfig excludes *.testing.ts).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { parseDatabaseUrl, type DatabaseConfig } from '../config/config';

/** The MariaDB server the specs create their databases on. */
export const TEST_MYSQL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';

async function mysqlAnswers(): Promise<boolean> {
  const ds = new DataSource({ type: 'mysql', url: TEST_MYSQL, connectTimeout: 2000 });
  try {
    await ds.initialize();
    await ds.destroy();
    return true;
  } catch {
    return false;
  }
}

/** Whether the MariaDB specs run: always under CI or TEST_MYSQL=required, never with TEST_MYSQL=off, else when it answers. */
export async function withMysql(): Promise<boolean> {
  if (process.env.TEST_MYSQL === 'off') return false;
  return process.env.CI === 'true' || process.env.TEST_MYSQL === 'required' || (await mysqlAnswers());
}

/** A database name of its own on the test server, `chitieu_<prefix>_<random>`. */
export const scratchName = (prefix: string) => `chitieu_${prefix}_${crypto.randomBytes(4).toString('hex')}`;

/** Drops a database made on the test server. */
export async function dropScratch(name: string): Promise<void> {
  const ds = new DataSource({ type: 'mysql', url: TEST_MYSQL });
  await ds.initialize();
  await ds.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await ds.destroy();
}

/** An empty SQLite database and, where MariaDB runs, an empty MariaDB one; `drop` removes both. */
export async function scratchDatabases(prefix: string): Promise<{ databases: DatabaseConfig[]; drop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `chitieu-${prefix}-`));
  const databases: DatabaseConfig[] = [{ type: 'sqlite', file: path.join(dir, `${prefix}.sqlite`) }];
  const names: string[] = [];
  if (await withMysql()) {
    const name = scratchName(prefix);
    const url = new URL(TEST_MYSQL);
    url.pathname = `/${name}`;
    databases.push(parseDatabaseUrl(url.toString()));
    names.push(name);
  }
  return {
    databases,
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
      for (const n of names) await dropScratch(n);
    },
  };
}
