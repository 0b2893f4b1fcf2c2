import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { freshDatabase, testDatabases, type TestDatabase } from '../../support/databases';
import { loadConfig } from '../../../server/src/config/config';
import { migrate, openDataSource } from '../../../server/src/db/data-source';
import { startServer, type RunningServer } from '../../../server/src/app';
import { createLogger } from '../../../server/src/common/logger';
import { generateNational, NATIONAL_ADMIN, NATIONAL_PASSWORD } from '../../../server/src/modules/seed/national';

/**
 * The N+1 guard (bench B3, deterministic here): nested queries cost one SQL statement per
 * nesting level plus a constant, whatever the number of rows. Counted with the data source's
 * onQuery hook on a small generated country (two provinces, two indicators, one month).
 */
const NESTED = `query($n: Int!) { units(limit: $n) { id name children { id name kind targets(year: 2024) { value version } } } }`;
const UNITS_3_LEVELS = `query($n: Int!) { units(limit: $n) { id children { id children { id code } } } }`;
const TARGET_RELATIONS = `query($p: ID!) { targets(filter: { planId: $p, subtree: false }) { value unit { name parent { name } } plan { title issuer { name } } indicator { code } assignedBy { name } parent { value } } }`;
const PROGRESS = `query($p: ID!, $i: ID!, $u: ID!) { progress(planId: $p, indicatorId: $i, unitId: $u) { rolledUp { value } children { unit { name } target { value } rolledUp { value } } } }`;

describe.each(await testDatabases())('SQL statements per request on %s', (kind) => {
  let db: TestDatabase;
  let ds: DataSource;
  let app: RunningServer;
  let token: string;
  let counting = false;
  let statements = 0;

  beforeAll(async () => {
    db = await freshDatabase(kind);
    const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', SEED: 'none', CLIENT_DIST: '/nonexistent' } as NodeJS.ProcessEnv);
    ds = await openDataSource(config.database, { onQuery: () => void (counting && statements++) });
    await migrate(ds);
    await generateNational(ds, { provinces: 2, months: 1, indicators: 2, agencies: 2 });
    app = await startServer(config, ds, createLogger('silent'));
    token = await login(NATIONAL_ADMIN);
  });
  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
    await db?.drop();
  });

  async function gql<T>(query: string, variables: Record<string, unknown>, auth?: string): Promise<T> {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  async function login(username: string): Promise<string> {
    const query = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    return (await gql<{ login: { token: string } }>(query, { u: username, p: NATIONAL_PASSWORD })).login.token;
  }

  /** The statements of one request, the session look-up included: a fresh session each time (a used one is remembered for a few seconds). */
  async function count(query: string, variables: Record<string, unknown>): Promise<number> {
    const fresh = await login(NATIONAL_ADMIN);
    statements = 0;
    counting = true;
    await gql(query, variables, fresh);
    counting = false;
    return statements;
  }

  it('units → children → targets: one statement per level plus the session, plans and issuers, for 1 province or 2', async () => {
    const one = await count(NESTED, { n: 1 });
    const two = await count(NESTED, { n: 2 });
    const data = await gql<{ units: { children: { targets: unknown[] }[] }[] }>(NESTED, { n: 2 }, token);
    expect(data.units).toHaveLength(2);
    expect(data.units.flatMap((u) => u.children.flatMap((c) => c.targets)).length).toBeGreaterThan(50);
    expect(two).toBe(one);
    expect(two).toBeLessThanOrEqual(3 + 4);
  });

  it('units → children → children: one statement per level', async () => {
    const one = await count(UNITS_3_LEVELS, { n: 1 });
    const two = await count(UNITS_3_LEVELS, { n: 2 });
    expect(two).toBe(one);
    expect(two).toBeLessThanOrEqual(3 + 1);
  });

  it('a list of targets with their unit, parent unit, plan, issuer, indicator, assigner and parent target: a constant', async () => {
    const plans = await gql<{ plans: { id: string; issuer: { id: string } }[] }>('{ plans(year: 2024) { id issuer { id } } }', {}, token);
    const counts = [];
    for (const p of plans.plans) counts.push(await count(TARGET_RELATIONS, { p: p.id }));
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(9);
  });

  it('nationalProgress: each province’s roll-up equals its progress, against its own plan’s target; a province sees only itself', async () => {
    const NATIONAL = `query($i: ID!) { nationalProgress(indicatorId: $i, period: "2024") { unit { id code } rank status rolledUp { numerator denominator value } target { value } } }`;
    const plans = await gql<{ plans: { id: string; issuer: { id: string; code: string }; indicators: { indicator: { id: string; measure: string } }[] }[] }>(
      '{ plans(year: 2024) { id issuer { id code } indicators { indicator { id measure } } } }',
      {},
      token,
    );
    const indicator = plans.plans[0].indicators.find((i) => i.indicator.measure === 'RATE')!.indicator.id;
    const national = (
      await gql<{ nationalProgress: { unit: { id: string; code: string }; rank: number | null; rolledUp: { numerator: number }; target: { value: number } | null }[] }>(
        NATIONAL,
        { i: indicator },
        token,
      )
    ).nationalProgress;
    expect(national).toHaveLength(2);
    for (const p of plans.plans) {
      const one = (
        await gql<{ progress: { rolledUp: unknown; target: { value: number } } }>(
          `query($p: ID!, $i: ID!, $u: ID!) { progress(planId: $p, indicatorId: $i, unitId: $u) { rolledUp { numerator denominator value } target { value } } }`,
          { p: p.id, i: indicator, u: p.issuer.id },
          token,
        )
      ).progress;
      const row = national.find((n) => n.unit.id === p.issuer.id)!;
      expect(row.rolledUp).toEqual(one.rolledUp);
      expect(row.target).toEqual(one.target);
      expect(row.rank).not.toBeNull();
    }
    const code = plans.plans[0].issuer.code;
    const province = await login(`tinh.${code}`);
    const mine = (await gql<{ nationalProgress: { unit: { code: string } }[] }>(NATIONAL, { i: indicator }, province)).nationalProgress;
    expect(mine.map((n) => n.unit.code)).toEqual([code]);
    const other = plans.plans[1].issuer.id;
    const seen = await gql<{ unit: { targets: unknown[] } | null }>('query($u: ID!) { unit(id: $u) { targets(year: 2024) { value } } }', { u: other }, province);
    expect(seen.unit?.targets ?? []).toEqual([]);
  });

  it('progress of a province with its children: a constant, whatever the province', async () => {
    const plans = await gql<{ plans: { id: string; issuer: { id: string }; indicators: { indicator: { id: string } }[] }[] }>(
      '{ plans(year: 2024) { id issuer { id } indicators { indicator { id } } } }',
      {},
      token,
    );
    const counts = [];
    for (const p of plans.plans) counts.push(await count(PROGRESS, { p: p.id, i: p.indicators[0].indicator.id, u: p.issuer.id }));
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(10);
  });
});
