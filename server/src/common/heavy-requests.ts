import { GraphQLError, type GraphQLSchema } from 'graphql';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { costOf, isIntrospection } from './complexity';
import type { RequestContext } from './context';

export interface HeavyLimits {
  /** An operation whose estimated cost is at least this is heavy. */
  threshold: number;
  /** Heavy operations one session (one address, signed out) may have running at once. */
  perSession: number;
  /** Heavy operations of one session that may wait for a slot; beyond that, 429 at once. */
  queuePerSession: number;
  /** How long a heavy operation waits for a slot before it is answered 429. */
  waitMs: number;
  /** Heavy operations the whole process runs at once, whoever asks: what bounds many accounts. */
  total: number;
}

interface Waiter {
  who: string;
  grant: () => void;
}

/**
 * At most a few heavy operations running per session and per process (issue #11, class 8: twenty
 * parallel requests, each under the cost limit, kept /healthz at 7.7 s). A few more wait their
 * turn — the SPA's plan page sends two or three costly queries at once, and a user must not see
 * an error for that — and the rest are answered at once with HTTP 429 TOO_MANY_REQUESTS in the
 * caller's language, before any resolver runs. The slot is taken once the operation is costed
 * and given back when the response is sent, whatever the outcome (Apollo calls willSendResponse
 * on every path that answers, errors included).
 */
export function heavyRequests(schema: GraphQLSchema, limits: HeavyLimits) {
  const running = new Map<string, number>();
  const waiting = new Map<string, number>();
  const queue: Waiter[] = [];
  let total = 0;

  const add = (map: Map<string, number>, who: string, n: number) => {
    const v = (map.get(who) ?? 0) + n;
    if (v > 0) map.set(who, v);
    else map.delete(who);
  };
  const fits = (who: string) => (running.get(who) ?? 0) < limits.perSession && total < limits.total;
  const take = (who: string) => {
    add(running, who, 1);
    total += 1;
  };
  /** Hands freed slots to the waiters that fit, oldest first. */
  const wake = () => {
    for (let i = 0; i < queue.length && total < limits.total;) {
      const w = queue[i];
      if (!fits(w.who)) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      add(waiting, w.who, -1);
      take(w.who);
      w.grant();
    }
  };
  const refuse = () =>
    new GraphQLError('Too many heavy requests in flight', {
      extensions: { code: 'TOO_MANY_REQUESTS', http: { status: 429, headers: new HeaderMap([['retry-after', '2']]) } },
    });

  /** Resolves once a slot is held; throws the 429 error when none comes in time (or the queue is full). */
  async function acquire(who: string): Promise<void> {
    if (fits(who) && !queue.some((w) => w.who === who)) return take(who);
    if ((waiting.get(who) ?? 0) >= limits.queuePerSession) throw refuse();
    add(waiting, who, 1);
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        who,
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        add(waiting, who, -1);
        reject(refuse());
      }, limits.waitMs);
      queue.push(waiter);
    });
  }

  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      let held: string | null = null;
      return {
        async didResolveOperation({ request, document, operation, contextValue }) {
          if (!operation || isIntrospection(operation)) return;
          if (costOf(schema, document, request.operationName, request.variables) < limits.threshold) return;
          const who = contextValue.actor ? `s:${contextValue.actor.sessionId}` : `a:${contextValue.ip}`;
          await acquire(who);
          held = who;
        },
        async willSendResponse() {
          if (held === null) return;
          add(running, held, -1);
          total -= 1;
          held = null;
          wake();
        },
      };
    },
  };

  return {
    plugin,
    /** Heavy operations running now and waiting (tests check that slots are given back). */
    inFlight: () => total,
    waiting: () => queue.length,
  };
}
