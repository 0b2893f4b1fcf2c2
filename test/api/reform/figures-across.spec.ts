import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { cascade, demo, ok, type Demo } from '../../support/documents';

const FIGURE = 'numerator denominator value fromPredecessors';
const NODE = `unit { id code kind } rolledUp { ${FIGURE} } own { ${FIGURE} } status`;
const PROGRESS = `query($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {
  progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) { ${NODE} children { ${NODE} } } }`;
type Fig = { numerator: number | null; denominator: number | null; value: number | null; fromPredecessors: boolean };
type Node = { unit: { id: string; code: string; kind: string }; rolledUp: Fig; own: Fig; status: string };

/** Σb, Σa of the 2025 rows of `unitIds`, straight from the result table. */
type Sum = { b: number; a: number };

/**
 * The demo after the reform: 2025 results recorded against the old communes for January–June
 * and against the new ones for July–December. The 2026 plan sees the new tree; its figures for
 * 2025 join each new commune's predecessors to it, and its cascade takes those as baselines.
 */
describe.each(await testDatabases())('figures across the 2025 reform on %s', (kind) => {
  let s: TestServer;
  let token: string;
  let d: Demo;
  let plan: string;
  let indicator: string;
  let province: string;
  /** Each new commune's expected 2025 sums: its own rows plus its predecessors', by unit id. */
  const expected = new Map<string, Sum>();
  const predecessorsOf = new Map<string, number>();
  let all: Sum;
  /** Old communes no mapping row leads anywhere (the register's malformed rows): in the province's total, under no new commune. */
  let unmapped: Sum;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo-reform' });
    token = await s.login('tinh.daklak');
    d = await demo(s);
    plan = d.plan(2026);
    indicator = d.indicator('DLK26-ONLINE-SUBMISSION');
    province = d.unit('66');
    const sums = (rows: Record<string, unknown>[]) => new Map(rows.map((r) => [String(r.unitId), { b: Number(r.b), a: Number(r.a) }]));
    const byUnit = sums(
      await s.ds.query("SELECT unitId, SUM(numerator) AS b, SUM(denominator) AS a FROM result WHERE indicatorId = ? AND period LIKE '2025-%' GROUP BY unitId", [Number(indicator)]),
    );
    const links = (await s.ds.query('SELECT predecessorId AS p, successorId AS s FROM unit_link')) as { p: unknown; s: unknown }[];
    const communes = (await s.ds.query("SELECT id FROM unit WHERE parentId = ? AND level = 3 AND validFrom = '2025-07-01'", [Number(province)])) as { id: unknown }[];
    for (const { id } of communes) {
      const preds = links.filter((l) => String(l.s) === String(id)).map((l) => String(l.p));
      predecessorsOf.set(String(id), preds.length);
      const parts = [String(id), ...preds].map((u) => byUnit.get(u) ?? { b: 0, a: 0 });
      expected.set(
        String(id),
        parts.reduce((x, y) => ({ b: x.b + y.b, a: x.a + y.a })),
      );
    }
    const add = (x: Sum, y: Sum) => ({ b: x.b + y.b, a: x.a + y.a });
    all = [...byUnit.values()].reduce(add);
    const ended = (await s.ds.query("SELECT id FROM unit WHERE level = 3 AND validTo = '2025-06-30'")) as { id: unknown }[];
    const linked = new Set(links.map((l) => String(l.p)));
    unmapped = ended
      .filter((u) => !linked.has(String(u.id)))
      .map((u) => byUnit.get(String(u.id)) ?? { b: 0, a: 0 })
      .reduce(add, { b: 0, a: 0 });
  });
  afterAll(async () => s?.close());

  const progressOf = async (period: string) =>
    ok(await s.gql<{ progress: Node & { children: Node[] } }>(PROGRESS, { planId: plan, indicatorId: indicator, unitId: province, period }, token)).progress;

  it('a new commune’s 2025 joins its predecessors’ January–June with its own July–December, and says so', async () => {
    const p = await progressOf('2025');
    const communes = p.children.filter((c) => expected.has(c.unit.id));
    expect(communes).toHaveLength(102);
    for (const c of communes) {
      const e = expected.get(c.unit.id)!;
      expect(c.rolledUp.numerator, c.unit.code).toBe(e.b);
      expect(c.rolledUp.denominator, c.unit.code).toBe(e.a);
      expect(c.rolledUp.value).toBeCloseTo((100 * e.b) / e.a, 9);
      expect(c.rolledUp.fromPredecessors).toBe(predecessorsOf.get(c.unit.id)! > 0);
    }
    expect(communes.filter((c) => c.rolledUp.fromPredecessors).length).toBeGreaterThan(90);
    // The province took Phú Yên in: its 2025 is every row recorded in both provinces, counted once.
    expect(p.rolledUp).toMatchObject({ numerator: all.b, denominator: all.a, fromPredecessors: true });
    const childB = p.children.reduce((sum, c) => sum + (c.rolledUp.numerator ?? 0), 0);
    expect(childB + unmapped.b).toBe(all.b);
  });

  it('a period wholly after the reform is the new communes’ own', async () => {
    const p = await progressOf('2025-Q3');
    for (const c of p.children) expect(c.rolledUp.fromPredecessors).toBe(false);
    const q1 = await progressOf('2025-Q1');
    const withData = q1.children.filter((c) => c.rolledUp.denominator);
    expect(withData.length).toBeGreaterThan(90);
    for (const c of withData) expect(c.rolledUp.fromPredecessors).toBe(true);
  });

  it('the 2022 plan does not see the reform: no figure of its tree comes from predecessors', async () => {
    type P = { plan: { indicators: { indicator: { id: string } }[] } };
    const first = ok(await s.gql<P>('query($id: ID!) { plan(id: $id) { indicators { indicator { id } } } }', { id: d.plan(2022) }, token)).plan.indicators[0].indicator.id;
    const args = { planId: d.plan(2022), indicatorId: first, unitId: province, period: '2022' };
    const p = ok(await s.gql<{ progress: Node & { children: Node[] } }>(PROGRESS, args, token)).progress;
    expect(p.rolledUp.fromPredecessors).toBe(false);
    expect(p.children.every((c) => !c.rolledUp.fromPredecessors)).toBe(true);
  });

  it('a 2026 cascade with a baseline policy takes each new commune’s baseline from its predecessors’ 2025 figures', async () => {
    const input = { planId: plan, indicatorId: indicator, parentUnitId: province, baselinePolicy: { uplift: 1, cap: 99, baselineYear: 2025 } };
    const floorOf = (k: string) => (k === 'WARD' ? 60 : 40);
    const dry = await cascade(s, token, { ...input, dryRun: true });
    expect(dry.applied).toBe(false);
    const rows = dry.targets.filter((t) => expected.has(t.unit.id));
    expect(rows).toHaveLength(102);
    for (const t of rows) {
      const e = expected.get(t.unit.id)!;
      const baseline = (100 * e.b) / e.a;
      expect(t.baseline, t.unit.code ?? '').toBeCloseTo(baseline, 9);
      expect(t.value).toBe(Math.min(99, Math.max(floorOf(t.unit.kind), Math.ceil(baseline) + 1)));
    }
    const applied = await cascade(s, token, input);
    expect(applied.applied).toBe(true);
    expect(applied.created).toBe(dry.created); // the 102 communes, and the agencies at the policy's fallback
    const stored = (await s.ds.query('SELECT unitId, baseline, baselineSource FROM target WHERE planId = ? AND indicatorId = ?', [Number(plan), Number(indicator)])) as {
      unitId: unknown;
      baseline: unknown;
      baselineSource: string | null;
    }[];
    const withPreds = stored.filter((r) => predecessorsOf.get(String(r.unitId))! > 0);
    expect(withPreds.length).toBeGreaterThan(90);
    for (const r of withPreds) {
      const e = expected.get(String(r.unitId))!;
      expect(Number(r.baseline)).toBeCloseTo((100 * e.b) / e.a, 9);
      expect(r.baselineSource).toBe('Kết quả năm 2025 (gồm số liệu của các đơn vị trước sắp xếp)');
    }
  });

  it('a re-run without a baseline year reads the stored baselines back and changes nothing', async () => {
    const s2 = await cascade(s, token, { planId: plan, indicatorId: indicator, parentUnitId: province, baselinePolicy: { uplift: 1, cap: 99 }, dryRun: true });
    expect(s2.targets.filter((t) => expected.has(t.unit.id)).every((t) => t.baseline !== null)).toBe(true);
    expect(s2.updated).toBe(0);
  });
});
