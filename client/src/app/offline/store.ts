import { createStore, del, delMany, get, keys, set, type UseStore } from 'idb-keyval';

/**
 * What the app keeps on the device for a reporter with no signal (issue #16), in IndexedDB: who
 * was signed in (never the session itself: that is an httpOnly cookie), the last answers of
 * the signed-in user's queries, and the results entered offline waiting to be sent
 * (features/results/offline-queue.ts). Signing out forgets the user and their answers; the queue
 * stays, as figures someone typed are never dropped silently.
 */
/** The signed-in user, and the prefix of their kept answers (`answers:<userId>:<operation>:<variables>`). */
export const KEPT_USER = 'session.user';
export const KEPT_ANSWERS = 'answers:';

let store: UseStore | null = null;
const db = (): UseStore | null => {
  if (typeof indexedDB === 'undefined') return null;
  store ??= createStore('chitieu', 'offline');
  return store;
};

/** A read that never throws: a private window or a full disk only means nothing is kept. */
export async function load<T>(key: string): Promise<T | undefined> {
  const s = db();
  if (!s) return undefined;
  try {
    return await get<T>(key, s);
  } catch {
    return undefined;
  }
}

export async function save(key: string, value: unknown): Promise<void> {
  const s = db();
  if (!s) return;
  try {
    await set(key, value, s);
  } catch {
    // not kept: the app works online as before
  }
}

export async function remove(key: string): Promise<void> {
  const s = db();
  if (s) await del(key, s).catch(() => {});
}

/** Removes every key starting with `prefix` (a signed-out user's answers). */
export async function removePrefix(prefix: string): Promise<void> {
  const s = db();
  if (!s) return;
  try {
    const found = (await keys(s)).filter((k) => typeof k === 'string' && k.startsWith(prefix));
    if (found.length) await delMany(found, s);
  } catch {
    // nothing kept to remove
  }
}
