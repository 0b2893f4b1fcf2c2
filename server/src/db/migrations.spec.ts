import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { migrate, openDataSource } from './data-source';
import type { DatabaseConfig } from '../config/config';

const MYSQL = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';

async function mysqlAnswers(): Promise<boolean> {
  const ds = new DataSource({ type: 'mysql', url: MYSQL, connectTimeout: 2000 });
  try {
    await ds.initialize();
    await ds.destroy();
    return true;
  } catch {
    return false;
  }
}

const databases: DatabaseConfig[] = [];
const cleanups: (() => Promise<void>)[] = [];
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-drift-'));
  databases.push({ type: 'sqlite', file: path.join(dir, 'drift.sqlite') });
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const required = process.env.CI === 'true' || process.env.TEST_MYSQL === 'required';
  if (process.env.TEST_MYSQL !== 'off' && (required || (await mysqlAnswers()))) {
    const name = `chitieu_drift_${crypto.randomBytes(4).toString('hex')}`;
    const url = new URL(MYSQL);
    url.pathname = `/${name}`;
    databases.push({ type: 'mysql', url: url.toString(), database: name });
    cleanups.push(async () => {
      const ds = new DataSource({ type: 'mysql', url: MYSQL });
      await ds.initialize();
      await ds.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await ds.destroy();
    });
  }
}

afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each(databases.map((d) => [d.type, d] as const))('migrations on %s', (_kind, db) => {
  it('build exactly the schema the entities describe, and are safe to run twice', async () => {
    const ds = await openDataSource(db);
    try {
      const applied = await migrate(ds);
      expect(applied.length).toBeGreaterThan(0);
      expect(await migrate(ds)).toEqual([]);
      // TypeORM's schema builder lists what synchronize would change: nothing, when they agree.
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });
});
