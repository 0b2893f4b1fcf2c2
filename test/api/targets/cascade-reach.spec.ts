import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { CHILDREN, DISTRICT_TARGET, floorOf, RESULTS_2021, TOWNSHIP } from '../../support/krong-ana-2021';
import { demo, ok, PLAN, record, TARGET_FIELDS, targets, valuesByCode, type Demo, type Issue, type TargetRow } from '../../support/documents';

/**
 * "Đạt chỉ tiêu của cấp trên": Huyện Krông A Na (655, target 53 in the 2022 decision) cascades
 * its online rate to its township and seven communes from their 2021 results with reachParent:
 * the uplift is the smallest whole one whose weighted implied aggregate meets 53.
 */
const FLOOR: Record<string, number> = Object.fromEntries(CHILDREN.map((c) => [c, floorOf(c)]));
const RESULTS = RESULTS_2021;

const RESULT_FIELDS = `applied created updated uplift impliedAggregate parentTarget issues { unitId code severity message } targets { ${TARGET_FIELDS} baselineSource }`;
const CASCADE = `mutation($input: CascadeInput!) { cascadeTargets(input: $input) { ${RESULT_FIELDS} } }`;
type Result = {
  applied: boolean;
  created: number;
  updated: number;
  uplift: number | null;
  impliedAggregate: number | null;
  parentTarget: number | null;
  issues: Issue[];
  targets: (TargetRow & { baselineSource: string | null })[];
};

const baselineOf = (c: string) => (RESULTS[c].numerator / RESULTS[c].denominator) * 100;
/** What the baseline policy gives a child at uplift u (cap 100: a rate). */
const valueAt = (c: string, u: number, cap = 100) => Math.min(cap, Math.max(FLOOR[c], Math.ceil(baselineOf(c)) + u));
const weighted = (values: Record<string, number>) =>
  CHILDREN.reduce((s, c) => s + values[c] * RESULTS[c].denominator, 0) / CHILDREN.reduce((s, c) => s + RESULTS[c].denominator, 0);
const impliedAt = (u: number, cap = 100) => weighted(Object.fromEntries(CHILDREN.map((c) => [c, valueAt(c, u, cap)])));

describe.each(await testDatabases())('cascadeTargets with reachParent on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let huyen: string;
  let plan: string;
  let online: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    huyen = await s.login('huyen.krongana');
    plan = d.plan(2022);
    online = d.indicator('DLK22-ONLINE-RATE');
    const rows = CHILDREN.map((c) => ({ unitId: d.unit(c), ...RESULTS[c] }));
    expect(await record(s, huyen, online, '2021', rows)).toBe(CHILDREN.length);
  });
  afterAll(async () => s?.close());

  const run = async (extra: Record<string, unknown>, token = huyen): Promise<Result> =>
    ok(await s.gql<{ cascadeTargets: Result }>(CASCADE, { input: { planId: plan, indicatorId: online, parentUnitId: d.unit('655'), ...extra } }, token)).cascadeTargets;
  const codes = (r: Result) => r.issues.map((i) => `${d.codeOf(i.unitId)}:${i.code}`).filter((x) => !x.endsWith('PAST_DEADLINE') && !x.endsWith('BELOW_PARENT'));

  it('without it, uplift 0 falls short of the district’s 53 and says so', async () => {
    expect(impliedAt(0)).toBeLessThan(DISTRICT_TARGET);
    const r = await run({ baselinePolicy: { uplift: 0, baselineYear: 2021 }, dryRun: true });
    expect(r).toMatchObject({ applied: false, uplift: 0, parentTarget: DISTRICT_TARGET });
    expect(r.impliedAggregate).toBeCloseTo(impliedAt(0), 9);
    expect(codes(r)).toEqual(['655:IMPLIED_AGGREGATE_SHORT']);
  });

  it('previews the smallest whole uplift that reaches it, weighted by the 2021 dossiers', async () => {
    let smallest = 0;
    while (impliedAt(smallest) < DISTRICT_TARGET) smallest++;
    expect(smallest).toBeGreaterThan(0);
    const r = await run({ baselinePolicy: { uplift: 0, baselineYear: 2021 }, reachParent: true, dryRun: true });
    expect(r).toMatchObject({ applied: false, uplift: smallest, parentTarget: DISTRICT_TARGET });
    expect(r.impliedAggregate).toBeCloseTo(impliedAt(smallest), 9);
    expect(r.impliedAggregate!).toBeGreaterThanOrEqual(DISTRICT_TARGET);
    expect(codes(r)).toEqual([]);
    expect(valuesByCode(r.targets)).toEqual(Object.fromEntries(CHILDREN.map((c) => [c, valueAt(c, smallest)])));
  });

  it('never goes below the uplift asked for', async () => {
    let smallest = 0;
    while (impliedAt(smallest) < DISTRICT_TARGET) smallest++;
    const r = await run({ baselinePolicy: { uplift: smallest + 2, baselineYear: 2021 }, reachParent: true, dryRun: true });
    expect(r.uplift).toBe(smallest + 2);
    expect(r.impliedAggregate).toBeCloseTo(impliedAt(smallest + 2), 9);
  });

  it('out of reach under a low cap: a warning with the best aggregate, the proposal at the caps', async () => {
    // The township kept at its floor 60 by an override (the uplift does not move it), the communes capped at 45.
    const cap = 45;
    const r = await run({
      baselinePolicy: { uplift: 0, cap, baselineYear: 2021 },
      overrides: [{ unitId: d.unit(TOWNSHIP), value: FLOOR[TOWNSHIP] }],
      reachParent: true,
      dryRun: true,
    });
    const atCaps = Object.fromEntries(CHILDREN.map((c) => [c, c === TOWNSHIP ? FLOOR[c] : cap]));
    expect(weighted(atCaps)).toBeLessThan(DISTRICT_TARGET);
    expect(valuesByCode(r.targets)).toEqual(atCaps);
    expect(r.impliedAggregate).toBeCloseTo(weighted(atCaps), 9);
    expect(codes(r)).toEqual(expect.arrayContaining(['655:REACH_PARENT_UNREACHABLE', '655:IMPLIED_AGGREGATE_SHORT']));
    const warning = r.issues.find((i) => i.code === 'REACH_PARENT_UNREACHABLE')!;
    expect(warning.severity).toBe('WARNING');
    expect(warning.message).toContain(String(DISTRICT_TARGET));
  });

  it('applies: the stored targets, weighted by last year’s denominators, meet the district’s target; baselines name their source', async () => {
    // First the floors as plain defaults (no baselines), then the policy over them: the update takes
    // its baselines from the 2021 results and stores where they came from.
    const defaults = CHILDREN.map((c) => ({ kind: c === TOWNSHIP ? 'TOWNSHIP' : 'COMMUNE', value: FLOOR[c] })).filter(
      (kv, i, all) => all.findIndex((x) => x.kind === kv.kind) === i,
    );
    expect(await run({ defaults })).toMatchObject({ applied: true, created: CHILDREN.length });
    const r = await run({ baselinePolicy: { uplift: 0, baselineYear: 2021 }, reachParent: true, keepManual: false });
    expect(r).toMatchObject({ applied: true, created: 0, updated: CHILDREN.length });
    const stored = await s.gql<{ targets: (TargetRow & { baselineSource: string | null })[] }>(
      `query($filter: TargetFilter!) { targets(filter: $filter) { ${TARGET_FIELDS} baselineSource } }`,
      { filter: { planId: plan, indicatorId: online, unitId: d.unit('655'), subtree: true } },
      huyen,
    );
    const rows = ok(stored).targets;
    const values = valuesByCode(rows);
    expect(values['655']).toBe(DISTRICT_TARGET);
    expect(weighted(values)).toBeGreaterThanOrEqual(DISTRICT_TARGET);
    for (const c of CHILDREN) {
      const t = rows.find((x) => x.unit.code === c)!;
      expect(t.baseline).toBeCloseTo(baselineOf(c), 9);
      expect(t.baselineSource).toContain('2021');
    }
    expect(await targets(s, huyen, { planId: plan, indicatorId: online, unitId: d.unit(TOWNSHIP) })).toHaveLength(1);
  });

  it('a parent without a target of its own: a warning, the uplift asked for', async () => {
    const tinh = await s.login('tinh.daklak');
    const plan23 = d.plan(2023);
    const row = ok(await s.gql<{ plan: { indicators: { indicator: { id: string; measure: string } }[] } }>(PLAN, { id: plan23 }, tinh)).plan.indicators.find(
      (i) => i.indicator.measure === 'RATE',
    )!;
    const own = await targets(s, tinh, { planId: plan23, indicatorId: row.indicator.id, unitId: d.unit('66') });
    expect(own).toEqual([]);
    const r = ok(
      await s.gql<{ cascadeTargets: Result }>(
        CASCADE,
        { input: { planId: plan23, indicatorId: row.indicator.id, parentUnitId: d.unit('66'), baselinePolicy: { uplift: 1 }, reachParent: true, dryRun: true } },
        tinh,
      ),
    ).cascadeTargets;
    expect(r).toMatchObject({ uplift: 1, parentTarget: null, impliedAggregate: null });
    expect(r.issues.filter((i) => i.code === 'REACH_PARENT_NO_TARGET').map((i) => d.codeOf(i.unitId))).toEqual(['66']);
  });
});
