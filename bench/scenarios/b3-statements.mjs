/**
 * B3 — the N+1 guard: a nested query (provinces → children → targets) on an in-process server
 * whose data source counts every SQL statement. The count must stay the same whatever the
 * number of rows (5 provinces or all of them), within one per nesting level plus a constant.
 */
import { server, sleep } from '../lib/env.mjs';
import { client } from '../lib/gql.mjs';

export const NESTED = `query($n: Int!, $y: Int!) { units(limit: $n) { id name children { id name kind targets(year: $y) { value comparator version } } } }`;
export const LEVELS = 3;
export const CONSTANT = 4; // the session, the plans and their issuers (loaders), and one spare

export async function b3({ databaseUrl, fixture }) {
  const { loadConfig } = server('config/config');
  const { openDataSource } = server('db/data-source');
  const { startServer } = server('app');
  const { createLogger } = server('common/logger');
  let counting = false;
  let statements = 0;
  const config = loadConfig({ DATABASE_URL: databaseUrl, PORT: '0', SEED: 'none', CLIENT_DIST: '/nonexistent' });
  const ds = await openDataSource(config.database, { onQuery: () => counting && statements++ });
  const app = await startServer(config, ds, createLogger('silent'));
  try {
    const api = client(app.url);
    const token = await api.login('quantri', fixture.password);
    const run = async (n) => {
      statements = 0;
      counting = true;
      const t = performance.now();
      const data = await api.data(NESTED, { n, y: fixture.year }, token);
      const ms = performance.now() - t;
      counting = false;
      const children = data.units.reduce((s, u) => s + u.children.length, 0);
      const targets = data.units.reduce((s, u) => s + u.children.reduce((x, c) => x + c.targets.length, 0), 0);
      return { provinces: data.units.length, children, targets, statements, ms: Math.round(ms) };
    };
    await run(1);
    const small = await run(2);
    // The cost limit (3,000,000, every list at its largest page: 200 children × 600 targets each)
    // allows 8 provinces at this depth.
    const large = await run(8);
    await sleep(10);
    return {
      id: 'B3',
      title: 'N+1 guard: units → children → targets, statements per request',
      small,
      large,
      levels: LEVELS,
      allowed: LEVELS + CONSTANT,
      budget: `≤ ${LEVELS} levels + ${CONSTANT} statements, the same for 2 provinces and for 8`,
      met: small.statements === large.statements && large.statements <= LEVELS + CONSTANT,
    };
  } finally {
    await app.close();
    await ds.destroy();
  }
}
