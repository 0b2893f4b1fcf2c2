import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { heavyRequests, type HeavyLimits } from './heavy-requests';

/**
 * The limiter of heavy operations (issue #11, class 8), driven through Apollo's plugin hooks as
 * Apollo calls them: a few run, a few wait their turn, the rest are refused with 429 at once, and
 * every slot comes back when the response is sent.
 */
const schema = buildSchema('type Item { a: Int b: Int } type Query { items: [Item!]! one: Int }');
const HEAVY = parse('{ items { a b } }'); // an undeclared list: 1 + 1000 × 2
const LIGHT = parse('{ one }');
const LIMITS: HeavyLimits = { threshold: 1000, perSession: 2, queuePerSession: 1, waitMs: 200, total: 3 };

async function request(plugin: ReturnType<typeof heavyRequests>['plugin'], document = HEAVY, sessionId = 1) {
  const hooks = (await plugin.requestDidStart!({} as never))!;
  const operation = document.definitions[0] as OperationDefinitionNode;
  const started = hooks.didResolveOperation!({ request: {}, document, operation, contextValue: { actor: { sessionId }, ip: '127.0.0.1' } } as never);
  return {
    started: started.then(
      () => 'running' as const,
      (e: { extensions?: { code?: string; http?: { status?: number } } }) => e,
    ),
    end: () => hooks.willSendResponse!({} as never),
  };
}

const settled = async <T>(p: Promise<T>, ms = 20) => Promise.race([p, new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), ms))]);

describe('heavy operations per session and per process', () => {
  it('lets perSession run, queues queuePerSession, refuses the rest with 429 TOO_MANY_REQUESTS', async () => {
    const limiter = heavyRequests(schema, LIMITS);
    const [a, b, c, d] = [await request(limiter.plugin), await request(limiter.plugin), await request(limiter.plugin), await request(limiter.plugin)];
    expect(await settled(a.started)).toBe('running');
    expect(await settled(b.started)).toBe('running');
    expect(await settled(c.started)).toBe('waiting');
    const refused = await d.started;
    expect(refused).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS', http: { status: 429 } } });
    expect(limiter.inFlight()).toBe(2);
    // A slot given back goes to the one waiting.
    await a.end();
    expect(await settled(c.started)).toBe('running');
    await b.end();
    await c.end();
    expect(limiter.inFlight()).toBe(0);
    expect(limiter.waiting()).toBe(0);
  });

  it('refuses a waiting operation when no slot comes within waitMs, and forgets it', async () => {
    const limiter = heavyRequests(schema, LIMITS);
    const held = [await request(limiter.plugin), await request(limiter.plugin)];
    const late = await request(limiter.plugin);
    expect(await late.started).toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS' } });
    expect(limiter.waiting()).toBe(0);
    for (const h of held) await h.end();
    // Ending a refused request gives back nothing it did not hold.
    await late.end();
    expect(limiter.inFlight()).toBe(0);
  });

  it('bounds the process whoever asks, and never counts light operations', async () => {
    const limiter = heavyRequests(schema, LIMITS);
    const sessions = [await request(limiter.plugin, HEAVY, 1), await request(limiter.plugin, HEAVY, 2), await request(limiter.plugin, HEAVY, 3)];
    for (const s of sessions) expect(await settled(s.started)).toBe('running');
    const fourth = await request(limiter.plugin, HEAVY, 4);
    expect(await settled(fourth.started)).toBe('waiting');
    const light = await request(limiter.plugin, LIGHT, 4);
    expect(await settled(light.started)).toBe('running');
    await light.end();
    expect(limiter.inFlight()).toBe(3);
    await sessions[0].end();
    expect(await settled(fourth.started)).toBe('running');
    for (const s of [...sessions.slice(1), fourth]) await s.end();
    expect(limiter.inFlight()).toBe(0);
  });
});
