import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openDataSource } from '../db/data-source';
import { Lease, withLease } from './lease';
import { scratchDatabases } from '../db/scratch.testing';

const { databases, drop } = await scratchDatabases('lease');
afterAll(drop);

describe.each(databases.map((d) => [d.type, d] as const))('leases on %s', (_kind, db) => {
  it('one holder at a time; renewed by its holder only; taken over once expired; free after release', async () => {
    const ds = await openDataSource(db);
    try {
      await migrate(ds);
      const t = 1_000_000;
      const a = new Lease(ds, 'reminders', 'server-a');
      const b = new Lease(ds, 'reminders', 'server-b');
      expect(await a.tryAcquire(10_000, t)).toBe(true);
      expect(await b.tryAcquire(10_000, t + 1)).toBe(false);
      expect(await a.tryAcquire(10_000, t + 2)).toBe(true); // its own: kept
      expect(await b.renew(10_000, t + 3)).toBe(false);
      expect(await a.renew(10_000, t + 5_000)).toBe(true);
      expect(await b.tryAcquire(10_000, t + 12_000)).toBe(false); // renewed until t+15,000
      expect(await b.tryAcquire(10_000, t + 15_001)).toBe(true); // a stopped renewing: b takes it over
      expect(await a.renew(10_000, t + 15_002)).toBe(false);
      expect(await b.current()).toEqual({ holder: 'server-b', expiresAt: t + 25_001 });
      await a.release(); // not a's: nothing happens
      expect((await b.current())?.holder).toBe('server-b');
      await b.release();
      expect(await b.current()).toBeNull();
      expect(await a.tryAcquire(10_000, t + 15_003)).toBe(true);
      await a.release();
    } finally {
      await ds.destroy();
    }
  });

  it('withLease: concurrent runs of one job never overlap, and each one runs', async () => {
    const ds = await openDataSource(db);
    try {
      await migrate(ds);
      let running = 0;
      let overlaps = 0;
      const runs: number[] = [];
      await Promise.all(
        [1, 2, 3, 4].map((n) =>
          withLease(
            ds,
            'nightly-job',
            async () => {
              running++;
              if (running > 1) overlaps++;
              await new Promise((r) => setTimeout(r, 30));
              runs.push(n);
              running--;
            },
            { ttlMs: 5_000, pollMs: 10 },
          ),
        ),
      );
      expect(overlaps).toBe(0);
      expect(runs.sort()).toEqual([1, 2, 3, 4]);
    } finally {
      await ds.destroy();
    }
  });
});
