import { afterAll, describe, expect, it } from 'vitest';
import { databaseHost, migrate, openDataSource } from './data-source';
import { databaseProbe } from './health';
import { parseDatabaseUrl } from '../config/config';
import { isConflictError, withRetry } from '../common/retry';
import { shapeError } from '../common/errors';
import { dropScratch, scratchName, TEST_MYSQL, withMysql } from './scratch.testing';

describe('withRetry', () => {
  it('runs again what failed with a retryable error, up to the attempts, and passes other errors at once', async () => {
    let calls = 0;
    const deadlock = Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { errno: 1213, code: 'ER_LOCK_DEADLOCK' });
    const wrapped = { message: 'Query failed', driverError: deadlock };
    expect(isConflictError(wrapped)).toBe(true);
    expect(await withRetry(async () => (++calls < 3 ? Promise.reject(wrapped) : 'done'), isConflictError, { baseMs: 1 })).toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRetry(async () => (++calls, Promise.reject(wrapped)), isConflictError, { attempts: 4, baseMs: 1 })).rejects.toBe(wrapped);
    expect(calls).toBe(4);
    calls = 0;
    const other = new Error('syntax');
    await expect(withRetry(async () => (++calls, Promise.reject(other)), isConflictError, { baseMs: 1 })).rejects.toBe(other);
    expect(calls).toBe(1);
  });

  it('reports a conflict that outlasted the retries as SERVICE_UNAVAILABLE, retryable, never INTERNAL', () => {
    const certification = { message: 'Query failed', driverError: Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { errno: 1213 }) };
    const shaped = shapeError({ message: 'x' }, certification, 'en');
    expect(shaped.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    const notReady = { message: 'Query failed', driverError: Object.assign(new Error('WSREP has not yet prepared node for application use'), { errno: 1047 }) };
    expect(shapeError({ message: 'x' }, notReady, 'vi').extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  });
});

describe.skipIf(!(await withMysql()))('several database hosts (MariaDB)', () => {
  const name = scratchName('failover');
  const server = new URL(TEST_MYSQL);
  // Port 1 refuses at once: a node that is down, listed first.
  const url = `mysql://${server.username || 'root'}${server.password ? `:${server.password}` : ''}@127.0.0.1:1,${server.host}/${name}`;

  afterAll(() => dropScratch(name));

  it('starts, migrates and serves on the next host when the first does not answer; /readyz names the serving node', async () => {
    const db = parseDatabaseUrl(url);
    const ds = await openDataSource(db);
    try {
      expect((await migrate(ds)).length).toBeGreaterThan(0);
      expect(await ds.query('SELECT COUNT(*) AS n FROM unit')).toEqual([{ n: expect.anything() }]);
      expect(databaseHost(ds)).toBe(server.host);
      const probe = databaseProbe(ds, db);
      expect(await probe.check()).toBe(true);
      expect(await probe.ready()).toMatchObject({ ready: true, node: server.host });
      await probe.close();
    } finally {
      await ds.destroy();
    }
  });

  it('runs a transaction again when the database picks it as a deadlock victim: both writers succeed', async () => {
    const ds = await openDataSource(parseDatabaseUrl(url));
    try {
      await ds.query('CREATE TABLE IF NOT EXISTS deadlock_probe (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB');
      await ds.query('REPLACE INTO deadlock_probe VALUES (1, 0), (2, 0)');
      let attempts = 0;
      let firstLocks = 0;
      let bothLocked!: () => void;
      const barrier = new Promise<void>((r) => (bothLocked = r));
      // Two transactions locking the rows in opposite orders, each waiting (first attempt only) for the other's first lock.
      const writer = (a: number, b: number) =>
        ds.transaction(async (m) => {
          const first = ++attempts <= 2;
          await m.query('UPDATE deadlock_probe SET v = v + 1 WHERE id = ?', [a]);
          if (first) {
            if (++firstLocks === 2) bothLocked();
            await barrier;
          }
          await m.query('UPDATE deadlock_probe SET v = v + 1 WHERE id = ?', [b]);
        });
      await Promise.all([writer(1, 2), writer(2, 1)]);
      expect(attempts).toBe(3); // one of them ran twice
      expect(await ds.query('SELECT id, v FROM deadlock_probe ORDER BY id')).toEqual([
        { id: 1, v: 2 },
        { id: 2, v: 2 },
      ]);
    } finally {
      await ds.destroy();
    }
  });
});
