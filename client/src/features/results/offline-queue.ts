import { useEffect, useSyncExternalStore } from 'react';
import type { ApolloClient } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describeError, errorCode, isNetworkError } from '../../app/errors';
import { storedLocale, translate } from '../../app/i18n';
import { load, save } from '../../app/offline/store';
import { isOffline } from '../../app/offline/status';
import { forgetReporting } from './cache';
import { RecordResultsMutation } from './results.graphql';

/** A figure as it was seen before it was changed (all empty: none was recorded). */
export interface Figure {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface QueuedFigure extends Figure {
  unitId: string;
  unitName: string;
  /**
   * What the unit's figure was when the reporter changed it: sent along, so a figure changed
   * meanwhile is a conflict. Null once the reporter chose to keep theirs over the other one.
   */
  basedOn: Figure | null;
}

/**
 * Results entered with no signal (issue #16), one entry per (user, indicator, period), kept in
 * IndexedDB until the server has them. `pending`: waiting for the link; `conflict`: someone else
 * changed the figure meanwhile (the reporter chooses which to keep); `refused`: the server said
 * why not (an approved figure, a closed period), shown until the reporter discards it.
 */
export interface QueuedWrite {
  id: string;
  userId: string;
  planId: string;
  indicatorId: string;
  indicatorName: string;
  period: string;
  results: QueuedFigure[];
  queuedAt: string;
  status: 'pending' | 'conflict' | 'refused';
  problem?: { unitId: string | null; message: string };
}

const KEY = 'results.queue';
/**
 * How long a write waits for the server on a weak signal before it is kept on the device instead.
 * Sent again later with what it was based on, a write that did arrive is stored once.
 */
export const SEND_TIMEOUT_MS = 30_000;
/** How often the queue is tried again while the app is open (a server down, the network up). */
const RETRY_MS = 60_000;
const EMPTY: QueuedWrite[] = [];
let entries: QueuedWrite[] = EMPTY;
let loaded: Promise<void> | null = null;
const listeners = new Set<() => void>();
// One change at a time: a flush and an enqueue never read and write the list over each other.
let chain: Promise<unknown> = Promise.resolve();

function ensureLoaded(): Promise<void> {
  loaded ??= load<QueuedWrite[]>(KEY).then((kept) => {
    entries = kept ?? EMPTY;
    listeners.forEach((l) => l());
  });
  return loaded;
}

function change(next: (list: QueuedWrite[]) => QueuedWrite[]): Promise<void> {
  const run = chain.then(async () => {
    await ensureLoaded();
    entries = next(entries);
    await save(KEY, entries);
    listeners.forEach((l) => l());
  });
  chain = run.catch(() => {});
  return run;
}

/** The entries of a user, kept up to date. */
export function useQueuedWrites(userId: string | undefined): QueuedWrite[] {
  const all = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      void ensureLoaded();
      return () => listeners.delete(l);
    },
    () => entries,
    () => EMPTY,
  );
  return userId ? all.filter((e) => e.userId === userId) : EMPTY;
}

/**
 * Queues figures typed with no signal. A second entry for the same indicator and period replaces
 * the figures of the units it names and keeps what each was first based on: the reporter's
 * later edits are still edits of the figure the server last showed.
 */
export function enqueue(entry: Omit<QueuedWrite, 'id' | 'queuedAt' | 'status'>): Promise<void> {
  return change((list) => {
    const same = list.find((e) => e.userId === entry.userId && e.indicatorId === entry.indicatorId && e.period === entry.period);
    if (!same) return [...list, { ...entry, id: `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`, queuedAt: new Date().toISOString(), status: 'pending' }];
    const byUnit = new Map(same.results.map((r) => [r.unitId, r]));
    for (const r of entry.results) byUnit.set(r.unitId, { ...r, basedOn: byUnit.get(r.unitId)?.basedOn ?? r.basedOn });
    return list.map((e) => (e === same ? { ...same, results: [...byUnit.values()], status: 'pending', problem: undefined, queuedAt: new Date().toISOString() } : e));
  });
}

export function discard(id: string): Promise<void> {
  return change((list) => list.filter((e) => e.id !== id));
}

/** "Keep mine": sent again as the last word, no longer based on the figure it first saw. */
export function keepMine(id: string): Promise<void> {
  return change((list) => list.map((e) => (e.id === id ? { ...e, status: 'pending', problem: undefined, results: e.results.map((r) => ({ ...r, basedOn: null })) } : e)));
}

let flushing: Promise<number> | null = null;

/**
 * Sends the user's pending entries in the order they were typed; stops at the first one that
 * still finds no server. Each is sent with what it was based on: a figure changed meanwhile
 * comes back as a conflict and waits for the reporter, never overwriting the other figure.
 * Answers how many entries were stored.
 */
export function flush(client: ApolloClient, userId: string): Promise<number> {
  flushing ??= (async () => {
    let sent = 0;
    await ensureLoaded();
    for (const entry of entries.filter((e) => e.userId === userId && e.status === 'pending')) {
      try {
        await client.mutate({
          mutation: RecordResultsMutation,
          variables: {
            input: {
              indicatorId: entry.indicatorId,
              period: entry.period,
              results: entry.results.map((r) => ({ unitId: r.unitId, numerator: r.numerator, denominator: r.denominator, value: r.value, basedOn: r.basedOn })),
            },
          },
          context: { queueWhenOffline: true, fetchOptions: { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) } },
          update: forgetReporting,
        });
        await change((list) => list.filter((e) => e.id !== entry.id));
        sent++;
      } catch (error) {
        // No answer, or a server that cannot take it now: the entry waits for the next try.
        if (isNetworkError(error) || (ServerError.is(error) && error.statusCode >= 500) || errorCode(error) === 'SERVICE_UNAVAILABLE') break;
        const first = CombinedGraphQLErrors.is(error) ? error.errors[0] : undefined;
        const params = (first?.extensions?.params ?? {}) as { reason?: string; unitId?: string };
        const status = params.reason === 'resultChangedMeanwhile' ? 'conflict' : 'refused';
        const message = describeError(error, (key, p) => translate(storedLocale(), key, p));
        await change((list) => list.map((e) => (e.id === entry.id ? { ...e, status, problem: { unitId: params.unitId ?? null, message } } : e)));
        // The screen asks again for the figure as it now stands, to show it beside the reporter's.
        forgetReporting(client.cache);
      }
    }
    return sent;
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

/**
 * Sends the queue when the signed-in frame starts and whenever the link comes back; `onSent`
 * tells the user how many entries arrived.
 */
export function useQueueSender(client: ApolloClient, userId: string | undefined, onSent: (count: number) => void): void {
  useEffect(() => {
    if (!userId) return;
    const send = () => flush(client, userId).then((n) => n > 0 && onSent(n));
    // Back online: what the screen shows from the device is asked again from the server.
    const reconnected = () => void send().then(() => (isOffline() ? client.refetchQueries({ include: 'active' }) : undefined));
    if (navigator.onLine) void send();
    window.addEventListener('online', reconnected);
    const retry = window.setInterval(() => navigator.onLine && entries.some((e) => e.userId === userId && e.status === 'pending') && void send(), RETRY_MS);
    return () => {
      window.removeEventListener('online', reconnected);
      window.clearInterval(retry);
    };
  }, [client, userId, onSent]);
}
