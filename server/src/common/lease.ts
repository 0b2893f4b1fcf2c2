import crypto from 'node:crypto';
import os from 'node:os';
import type { DataSource } from 'typeorm';
import { isConflictError, isUniqueViolation } from './retry';

/*
 * Leases: one row per name (a job, the migrations) with its holder and until when it holds it
 * (issue #17). Taken with an INSERT (the primary key lets one process win; on Galera the cluster
 * certifies it, where GET_LOCK would be one node's only) or, once expired, with an UPDATE guarded
 * by the expiry it read; kept with an UPDATE guarded by the holder. A holder that dies stops
 * renewing and its lease expires: someone else takes it. Times are the processes' clocks (ms):
 * the servers of one cluster keep them in step (NTP), and a TTL of tens of seconds absorbs drift.
 *
 * The table is made by ensureLeaseTable (CREATE TABLE IF NOT EXISTS), not by a migration: the
 * migrations themselves run under a lease.
 */
export const LEASE_TABLE = 'cluster_lease';

export async function ensureLeaseTable(ds: DataSource): Promise<void> {
  await ds.query(`CREATE TABLE IF NOT EXISTS ${LEASE_TABLE} (name VARCHAR(64) NOT NULL PRIMARY KEY, holder VARCHAR(128) NOT NULL, expiresAt BIGINT NOT NULL)`);
}

/** This process, as a lease holder: host, pid and a random part (a restarted pid is someone else). */
export const PROCESS_HOLDER = `${os.hostname().slice(0, 60)}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;

/** Rows an UPDATE/DELETE changed (ds.query returns the driver's raw answer, which differs per driver). */
async function exec(ds: DataSource, sql: string, params: unknown[]): Promise<number> {
  const runner = ds.createQueryRunner();
  try {
    return (await runner.query(sql, params, true)).affected ?? 0;
  } finally {
    await runner.release();
  }
}

export class Lease {
  constructor(
    private readonly ds: DataSource,
    readonly name: string,
    readonly holder: string = PROCESS_HOLDER,
  ) {}

  /** Takes the lease for ttlMs when it is free, expired, or already this holder's; whether it did. */
  async tryAcquire(ttlMs: number, now = Date.now()): Promise<boolean> {
    try {
      await this.ds.query(`INSERT INTO ${LEASE_TABLE} (name, holder, expiresAt) VALUES (?, ?, ?)`, [this.name, this.holder, now + ttlMs]);
      return true;
    } catch (err) {
      // Taken (or, on Galera, being taken at this moment by another node): look at it.
      if (!isUniqueViolation(err) && !isConflictError(err)) throw err;
    }
    try {
      const sql = `UPDATE ${LEASE_TABLE} SET holder = ?, expiresAt = ? WHERE name = ? AND (expiresAt < ? OR holder = ?)`;
      return (await exec(this.ds, sql, [this.holder, now + ttlMs, this.name, now, this.holder])) === 1;
    } catch (err) {
      if (isConflictError(err)) return false;
      throw err;
    }
  }

  /** Extends a lease this holder has; false when it lost it (expired and taken by someone else). */
  async renew(ttlMs: number, now = Date.now()): Promise<boolean> {
    return (await exec(this.ds, `UPDATE ${LEASE_TABLE} SET expiresAt = ? WHERE name = ? AND holder = ?`, [now + ttlMs, this.name, this.holder])) === 1;
  }

  async release(): Promise<void> {
    await this.ds.query(`DELETE FROM ${LEASE_TABLE} WHERE name = ? AND holder = ?`, [this.name, this.holder]);
  }

  /** Who holds it now (an expired row still names its last holder), or null. */
  async current(): Promise<{ holder: string; expiresAt: number } | null> {
    const [row] = (await this.ds.query(`SELECT holder, expiresAt FROM ${LEASE_TABLE} WHERE name = ?`, [this.name])) as { holder: string; expiresAt: number | string }[];
    return row ? { holder: row.holder, expiresAt: Number(row.expiresAt) } : null;
  }
}

let runs = 0;

/**
 * Runs `work` holding the lease, renewed every third of its TTL, and releases it after. Waits
 * (polling) up to waitMs for it; throws when it cannot be had in that time.
 */
export async function withLease<T>(ds: DataSource, name: string, work: () => Promise<T>, opts: { ttlMs?: number; waitMs?: number; pollMs?: number } = {}): Promise<T> {
  const ttl = opts.ttlMs ?? 60_000;
  // A holder per run: two runs in one process exclude each other too.
  const lease = new Lease(ds, name, `${PROCESS_HOLDER}#${++runs}`);
  const deadline = Date.now() + (opts.waitMs ?? 10 * 60_000);
  while (!(await lease.tryAcquire(ttl))) {
    if (Date.now() > deadline) throw new Error(`could not take the lease "${name}" (held by ${(await lease.current())?.holder ?? 'nobody'})`);
    await new Promise((r) => setTimeout(r, (opts.pollMs ?? 250) * (0.5 + Math.random())));
  }
  const timer = setInterval(() => void lease.renew(ttl).catch(() => undefined), ttl / 3);
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await lease.release().catch(() => undefined);
  }
}
