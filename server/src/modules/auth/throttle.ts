import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@chitieu/domain';
import { LoginFailure } from './login-failure.entity';

/*
 * Login throttling that an attacker cannot turn against an account's owner (issue #11, class 7).
 * Failures are counted, in the database (shared by every process, kept across restarts):
 * - per (username, address): 5 in 15 minutes block that pair only, so a stranger's guesses
 *   from one address do not stop the owner signing in from another;
 * - per username, from any address: from the 20th failure in a day, each failure locks the
 *   username for a while, doubling with every further failure (1 minute, 2, 4 … at most an
 *   hour), so guessing spread over many addresses stays slow; an administrator can unlock;
 * - per address: 30 in 15 minutes, whatever the usernames.
 * Only failures count: a successful sign-in takes back its own attempt and the pair's failures.
 */
const MINUTE = 60_000;
export const PAIR_LIMIT = 5;
export const PAIR_WINDOW_MS = 15 * MINUTE;
export const ADDRESS_LIMIT = 30;
export const ADDRESS_WINDOW_MS = 15 * MINUTE;
export const USERNAME_LIMIT = 20;
export const USERNAME_LOOKBACK_MS = 24 * 60 * MINUTE;
export const FIRST_LOCK_MS = MINUTE;
export const MAX_LOCK_MS = 60 * MINUTE;
/** How often one process deletes rows older than every window. */
const PRUNE_EVERY_MS = MINUTE;

/** Columns are varchar(64): longer usernames cannot exist, longer addresses are junk. */
const clip = (s: string) => [...s].slice(0, 64).join('');

/** When a username's lock ends, given its failure times (ms) in the lookback; null below the bar. */
export function usernameLockEnd(times: number[]): number | null {
  if (times.length < USERNAME_LIMIT) return null;
  const lock = Math.min(FIRST_LOCK_MS * 2 ** (times.length - USERNAME_LIMIT), MAX_LOCK_MS);
  return Math.max(...times) + lock;
}

/** When a "limit failures in a sliding window" block ends, or null when it is not blocked at `now`. */
export function windowBlockEnd(times: number[], limit: number, windowMs: number, now: number): number | null {
  const recent = times.filter((t) => t > now - windowMs).sort((a, b) => b - a);
  return recent.length >= limit ? recent[limit - 1] + windowMs : null;
}

export interface Attempt {
  id: number;
  username: string;
  address: string;
}

export class LoginThrottle {
  private lastPrune = 0;

  constructor(private readonly ds: DataSource) {}

  /**
   * Records an attempt as a failure before the password is checked (so concurrent or aliased
   * attempts all count), then refuses it with TOO_MANY_REQUESTS when a bar is reached. Insert
   * first, count the others after: two concurrent attempts each see the other, so no more than
   * the bar ever gets through. A refused attempt is taken back (it tried no password).
   */
  async begin(username: string, address: string, now = Date.now()): Promise<Attempt> {
    const attempt = { username: clip(username), address: clip(address) };
    const inserted = await this.ds.getRepository(LoginFailure).insert({ ...attempt, at: now });
    const id = Number(inserted.identifiers[0].id);
    const byUser = (await this.ds.query('SELECT address, at FROM login_failure WHERE username = ? AND at > ? AND id <> ?', [attempt.username, now - USERNAME_LOOKBACK_MS, id])) as {
      address: string;
      at: number | string;
    }[];
    const byAddress = (await this.ds.query(`SELECT at FROM login_failure WHERE address = ? AND at > ? AND id <> ? ORDER BY at DESC LIMIT ${ADDRESS_LIMIT}`, [
      attempt.address,
      now - ADDRESS_WINDOW_MS,
      id,
    ])) as { at: number | string }[];
    const until = Math.max(
      usernameLockEnd(byUser.map((r) => Number(r.at))) ?? 0,
      windowBlockEnd(
        byUser.filter((r) => r.address === attempt.address).map((r) => Number(r.at)),
        PAIR_LIMIT,
        PAIR_WINDOW_MS,
        now,
      ) ?? 0,
      windowBlockEnd(
        byAddress.map((r) => Number(r.at)),
        ADDRESS_LIMIT,
        ADDRESS_WINDOW_MS,
        now,
      ) ?? 0,
    );
    if (until > now) {
      await this.ds.query('DELETE FROM login_failure WHERE id = ?', [id]);
      throw new DomainError('TOO_MANY_REQUESTS', { retryAfter: Math.ceil((until - now) / 1000) });
    }
    await this.prune(now);
    return { id, ...attempt };
  }

  /** The right password: this attempt and the pair's earlier failures are forgiven; other addresses' are not. */
  async succeeded(attempt: Attempt): Promise<void> {
    await this.ds.query('DELETE FROM login_failure WHERE username = ? AND address = ?', [attempt.username, attempt.address]);
  }

  /**
   * Until when signing in as each username is refused (everywhere, or from at least one address),
   * or null. One statement for the whole list.
   */
  async lockedUntil(usernames: readonly string[], now = Date.now()): Promise<(Date | null)[]> {
    if (!usernames.length) return [];
    const keys = usernames.map(clip);
    const rows = (await this.ds
      .getRepository(LoginFailure)
      .createQueryBuilder('f')
      .select(['f.username AS username', 'f.address AS address', 'f.at AS at'])
      .where('f.username IN (:...keys) AND f.at > :since', { keys, since: now - USERNAME_LOOKBACK_MS })
      .getRawMany()) as { username: string; address: string; at: number | string }[];
    return keys.map((key) => {
      const mine = rows.filter((r) => r.username === key);
      const byAddress = new Map<string, number[]>();
      for (const r of mine) byAddress.set(r.address, [...(byAddress.get(r.address) ?? []), Number(r.at)]);
      const ends = [usernameLockEnd(mine.map((r) => Number(r.at))) ?? 0];
      for (const times of byAddress.values()) ends.push(windowBlockEnd(times, PAIR_LIMIT, PAIR_WINDOW_MS, now) ?? 0);
      const until = Math.max(...ends);
      return until > now ? new Date(until) : null;
    });
  }

  /** Forgets every failure of a username (an administrator unlocks the account); inside the caller's transaction. */
  async unlock(m: EntityManager, username: string): Promise<void> {
    await m.query('DELETE FROM login_failure WHERE username = ?', [clip(username)]);
  }

  /** Rows older than every window are dead weight; deleted now and then (errors only delay it). */
  private async prune(now: number): Promise<void> {
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    await this.ds.query('DELETE FROM login_failure WHERE at < ?', [now - USERNAME_LOOKBACK_MS]).catch(() => undefined);
  }
}
