/**
 * Transactions that lose a race are run again (issue #17). On MariaDB a deadlock (1213) or a lock
 * wait timeout (1205) rolls the transaction back; on a Galera cluster a write that conflicts with
 * one certified first on another node is rolled back the same way, at commit, as a deadlock. A
 * node that leaves the cluster (or its connection) mid-transaction rolls it back too, and the
 * failover pool (db/failover.ts) hands the next attempt a connection to another node. The work is
 * the same on every attempt, so the outcome is as if it had run once.
 */

/** MariaDB/MySQL errnos: deadlock, lock wait timeout, "WSREP has not yet prepared node for application use". */
const CONFLICT_ERRNOS = new Set([1213, 1205]);
const CONFLICT_CODES = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const NODE_ERRNOS = new Set([1047]);
const CONFLICT_MESSAGES = /Deadlock found|WSREP detected deadlock|conflict state|Lock wait timeout exceeded/i;

export const RETRY = {
  /** Attempts in all, the first included. */
  attempts: 6,
  /** Backoff: a random wait up to base·2^attempt, never above max ("full jitter"). */
  baseMs: 15,
  maxMs: 400,
} as const;

function* chain(err: unknown): Generator<{ code?: unknown; errno?: unknown; message?: unknown }> {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const x = e as { code?: unknown; errno?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    yield x;
    e = x.driverError ?? x.cause;
  }
}

/** A deadlock, lock wait timeout or Galera certification failure: the transaction was rolled back and may run again. */
export function isConflictError(err: unknown): boolean {
  for (const x of chain(err)) {
    if (typeof x.errno === 'number' && CONFLICT_ERRNOS.has(x.errno)) return true;
    if (typeof x.code === 'string' && CONFLICT_CODES.has(x.code)) return true;
    if (typeof x.message === 'string' && CONFLICT_MESSAGES.test(x.message)) return true;
  }
  return false;
}

/** A duplicate key on insert (MySQL/MariaDB or SQLite): another request wrote the same row first. */
export function isUniqueViolation(err: unknown): boolean {
  for (const x of chain(err)) {
    if (x.code === 'ER_DUP_ENTRY' || x.errno === 1062 || x.code === 'SQLITE_CONSTRAINT_UNIQUE' || x.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
    // node-sqlite3 reports every constraint as SQLITE_CONSTRAINT, the kind in the message.
    if (x.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(String(x.message))) return true;
  }
  return false;
}

/** A Galera node that is not (or no longer) part of the primary component: another node may take the work. */
export function isNodeNotReady(err: unknown): boolean {
  for (const x of chain(err)) {
    if (typeof x.errno === 'number' && NODE_ERRNOS.has(x.errno)) return true;
    if (typeof x.message === 'string' && /WSREP has not yet prepared node/i.test(x.message)) return true;
  }
  return false;
}

/** Runs again what failed with a retryable error, after a jittered pause; the last error is thrown when attempts run out. */
export async function withRetry<T>(work: () => Promise<T>, retryable: (err: unknown) => boolean, opts: { attempts?: number; baseMs?: number; maxMs?: number } = {}): Promise<T> {
  const attempts = opts.attempts ?? RETRY.attempts;
  const base = opts.baseMs ?? RETRY.baseMs;
  const max = opts.maxMs ?? RETRY.maxMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (attempt >= attempts || !retryable(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(max, base * 2 ** attempt)));
    }
  }
}
