import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { ok } from '../../support/documents';

/** The demo `npm start` loads: the 2022 Đắk Lắk beside today's, with a 2026 plan on the new tree. */
describe.each(await testDatabases())('the demo after the reform on %s', (kind) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo-reform' });
    token = await s.login('tinh.daklak');
  });
  afterAll(async () => s?.close());

  it('shows each plan in the tree of its own year', async () => {
    type P = { plans: { id: string; year: number }[] };
    const plans = ok(await s.gql<P>('{ plans { id year } }', {}, token)).plans;
    expect(plans.map((p) => p.year).sort()).toEqual([2022, 2023, 2024, 2026]);
    const tree = async (at: string) =>
      ok(await s.gql<{ unit: { children: { kind: string }[] } }>('query($at: Date) { unit(code: "66") { children(at: $at) { kind } } }', { at }, token)).unit.children;
    const count = (rows: { kind: string }[], kinds: string[]) => rows.filter((r) => kinds.includes(r.kind)).length;
    const then = await tree('2022-01-01');
    const now = await tree('2026-01-01');
    expect(count(then, ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY'])).toBe(15);
    expect(count(then, ['WARD', 'COMMUNE', 'SPECIAL_ZONE'])).toBe(0);
    expect(count(now, ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY'])).toBe(0);
    expect(count(now, ['WARD', 'COMMUNE', 'SPECIAL_ZONE'])).toBe(102);
    expect(count(now, ['PROVINCIAL_AGENCY'])).toBe(18);
  });
});
