import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import {
  createIndicator,
  demo,
  draftPlan,
  issuePlan,
  progress,
  PROGRESS,
  record,
  setTargets,
  type Demo,
  type FigureRow,
  type ProgressNode,
  type ProgressRow,
} from '../../support/documents';

/**
 * Progress of a RATE indicator (AT_LEAST, hard minimum 50) in a 2022 plan of the province, for
 * Huyện Krông A Na and its communes. Every expected number is computed here from the figures
 * sent below, never read back from the server.
 */
type Fig = [number, number]; // [b, a]
const OWN = '655';
const RESULTS: Record<string, Record<string, Fig>> = {
  // the district's own office: three months of Q1, a recorded Q2 and a month inside it (the quarter wins)
  [OWN]: { '2022-01': [30, 40], '2022-02': [20, 40], '2022-03': [10, 20], '2022-Q2': [50, 100], '2022-04': [1, 1] },
  '24538': { '2022-01': [9, 10] },
  '24556': { '2022-02': [18, 20] },
  '24559': { '2022-Q1': [8, 10], '2022-01': [1, 10] }, // the recorded quarter wins over its month
  '24565': { '2022-03': [1, 3] },
  '24568': { '2022-01': [0, 0] }, // no dossiers arose: not applicable
  '24574': { '2022-02': [5, 10] }, // figures but no target
};
const TARGETS: Record<string, number> = { [OWN]: 60, '24538': 70, '24556': 50, '24559': 50, '24565': 30, '24568': 50, '24571': 50 };
const HARD_MINIMUM = 50;
const CHILDREN = ['24538', '24556', '24559', '24565', '24568', '24571', '24574', '24577'];

const sum = (figs: Fig[]): Fig => figs.reduce<Fig>(([b, a], [fb, fa]) => [b + fb, a + fa], [0, 0]);
/** A unit's own figure for a period by the period rule: recorded, else built from the periods inside it. */
function own(code: string, period: string): Fig | null {
  const rec = RESULTS[code] ?? {};
  if (rec[period]) return rec[period];
  const parts = subPeriods(period)
    .map((p) => own(code, p))
    .filter((f): f is Fig => f !== null);
  return parts.length ? sum(parts) : null;
}
function subPeriods(period: string): string[] {
  if (/^\d{4}$/.test(period)) return [1, 2, 3, 4].map((q) => `${period}-Q${q}`);
  const q = /^(\d{4})-Q(\d)$/.exec(period);
  if (q) return [0, 1, 2].map((i) => `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1 + i).padStart(2, '0')}`);
  return [];
}
const figure = (f: Fig | null): FigureRow =>
  f ? { numerator: f[0], denominator: f[1], value: f[1] === 0 ? null : (100 * f[0]) / f[1] } : { numerator: null, denominator: null, value: null };
const rolled = (codes: string[], period: string) => {
  const figs = codes.map((c) => own(c, period)).filter((f): f is Fig => f !== null);
  return figs.length ? figure(sum(figs)) : figure(null);
};

describe.each(await testDatabases())('progress of a rate on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;
  let huyen: string;
  let plan: string;
  let rate: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tinh = await s.login('tinh.daklak');
    huyen = await s.login('huyen.krongana');
    rate = await createIndicator(s, tinh, {
      code: 'T-ONLINE',
      name: 'Tỷ lệ hồ sơ trực tuyến (thử)',
      measure: 'RATE',
      comparator: 'AT_LEAST',
      hardMinimum: HARD_MINIMUM,
    });
    plan = await draftPlan(s, tinh, { issuerId: d.unit('66'), year: 2022, title: 'Theo dõi 2022 (thử)' }, [{ indicatorId: rate }]);
    // A draft: the province writes at any depth.
    const w = await setTargets(s, tinh, { planId: plan, indicatorId: rate, targets: Object.entries(TARGETS).map(([c, value]) => ({ unitId: d.unit(c), value })) });
    expect(w.applied).toBe(true);
    // The district enters its own figures and its communes'.
    const periods = [...new Set(Object.values(RESULTS).flatMap((r) => Object.keys(r)))];
    for (const period of periods) {
      const rows = Object.entries(RESULTS)
        .filter(([, r]) => r[period])
        .map(([c, r]) => ({ unitId: d.unit(c), numerator: r[period][0], denominator: r[period][1] }));
      expect(await record(s, huyen, rate, period, rows)).toBe(rows.length);
    }
  });
  afterAll(async () => s?.close());

  const at = (unit: string, period?: string) => progress(s, tinh, { planId: plan, indicatorId: rate, unitId: d.unit(unit), ...(period ? { period } : {}) });
  const child = (p: ProgressRow, code: string): ProgressNode => p.children.find((c) => c.unit.code === code)!;

  it('rolls up Σb/Σa over the district’s own figures and its communes’, for the plan year by default', async () => {
    const p = await at(OWN);
    const want = rolled([OWN, ...CHILDREN], '2022');
    expect(want.numerator).toBe(110 + 9 + 18 + 8 + 1 + 0 + 5);
    expect(want.denominator).toBe(200 + 10 + 20 + 10 + 3 + 0 + 10);
    expect(p).toMatchObject({ period: '2022', target: { value: 60, comparator: 'AT_LEAST' }, rolledUp: want, own: figure([110, 200]), rank: null });
    expect(p.status).toBe(want.value! >= 60 ? 'ACHIEVED' : 'NOT_ACHIEVED');
    expect(p.status).toBe('NOT_ACHIEVED');
    expect(p.gap).toBe(want.value! - 60);
    expect(p.belowHardMinimum).toBe(false);
    expect(p.children.map((c) => c.unit.code).sort()).toEqual([...CHILDREN].sort());
  });

  it.each([
    ['2022', [110, 200]],
    ['2022-Q1', [60, 100]],
    ['2022-Q2', [50, 100]],
    ['2022-03', [10, 20]],
    ['2022-04', [1, 1]],
  ])('builds the district’s own figure for %s from recorded periods (a recorded quarter wins over its months)', async (period, [b, a]) => {
    expect(own(OWN, period)).toEqual([b, a]);
    const p = await at(OWN, period);
    expect(p.period).toBe(period);
    expect(p.own).toEqual(figure([b, a]));
    expect(p.rolledUp).toEqual(rolled([OWN, ...CHILDREN], period));
  });

  it('takes a recorded quarter over its months for a commune, and does not split it into months', async () => {
    expect(child(await at(OWN, '2022-Q1'), '24559').rolledUp).toEqual(figure([8, 10]));
    expect(child(await at(OWN, '2022-01'), '24559').rolledUp).toEqual(figure([1, 10]));
    expect(child(await at(OWN, '2022-03'), '24559').status).toBe('NO_DATA');
  });

  it('gives each child its status, unrounded gap, hard-minimum flag and rank (ties 1, 1, 3; no value, no rank)', async () => {
    const p = await at(OWN);
    const got = Object.fromEntries(p.children.map((c) => [c.unit.code, [c.status, c.gap, c.belowHardMinimum, c.rank]]));
    const v = (c: string) => rolled([c], '2022').value!;
    expect(got).toEqual({
      '24538': ['ACHIEVED', v('24538') - 70, false, 1], // 90
      '24556': ['ACHIEVED', v('24556') - 50, false, 1], // 90, tied
      '24559': ['ACHIEVED', v('24559') - 50, false, 3], // 80
      '24574': ['NO_TARGET', null, false, 4], // 50, ranked though it has no target
      '24565': ['ACHIEVED', v('24565') - 30, true, 5], // 33.33…: meets its 30 but not the hard minimum of 50
      '24568': ['NOT_APPLICABLE', null, false, null],
      '24571': ['NO_DATA', null, false, null],
      '24577': ['NO_TARGET', null, false, null],
    });
    expect(got['24565'][1]).toBe(100 / 3 - 30); // not rounded to 3.33
    expect(p.children.map((c) => c.rank)).toEqual([1, 1, 3, 4, 5, null, null, null]);
  });

  it('reports a = 0 as NOT_APPLICABLE with a null value and a null gap', async () => {
    const p = await at('24568');
    expect(p).toMatchObject({ status: 'NOT_APPLICABLE', gap: null, rank: null, belowHardMinimum: false, target: { value: 50 } });
    expect(p.rolledUp).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(p.own).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(p.children).toEqual([]);
  });

  it('reports NO_DATA for a unit with a target and nothing recorded, NO_TARGET before NO_DATA', async () => {
    expect(await at('24571')).toMatchObject({ status: 'NO_DATA', gap: null, rolledUp: figure(null), own: figure(null), target: { value: 50 } });
    expect(await at('24577')).toMatchObject({ status: 'NO_TARGET', gap: null, target: null, rolledUp: figure(null) });
    expect(await at('24574')).toMatchObject({ status: 'NO_TARGET', gap: null, target: null, rolledUp: figure([5, 10]) });
  });

  it('raises belowHardMinimum on the roll-up when Σb/Σa falls under the hard minimum', async () => {
    // March alone: the district's 10/20 and the commune's 1/3 → 11/23 ≈ 47.8 < 50.
    const p = await at(OWN, '2022-03');
    expect(p.rolledUp).toEqual(figure([11, 23]));
    expect(p).toMatchObject({ belowHardMinimum: true, status: 'NOT_ACHIEVED', gap: (100 * 11) / 23 - 60 });
  });

  it('shows the district the same progress once the plan is issued, and nothing outside its subtree', async () => {
    expect(codes(await s.gql(PROGRESS, { planId: plan, indicatorId: rate, unitId: d.unit(OWN) }, huyen))).toEqual(['NOT_FOUND']);
    await issuePlan(s, tinh, plan);
    expect(await progress(s, huyen, { planId: plan, indicatorId: rate, unitId: d.unit(OWN) })).toEqual(await at(OWN));
    expect(codes(await s.gql(PROGRESS, { planId: plan, indicatorId: rate, unitId: d.unit('656') }, huyen))).toEqual(['NOT_FOUND']);
    expect(codes(await s.gql(PROGRESS, { planId: plan, indicatorId: rate, unitId: d.unit('66') }, huyen))).toEqual(['NOT_FOUND']);
  });

  it.each([
    ['an invalid period', { period: '2022-13' }, 'BAD_USER_INPUT'],
    ['a lower-case quarter', { period: '2022-q1' }, 'BAD_USER_INPUT'],
    ['an indicator outside the plan', { indicatorId: 'DLK22-ONLINE-RATE' }, 'NOT_FOUND'],
    ['a unit that does not exist', { unitId: '987654' }, 'NOT_FOUND'],
  ])('refuses %s', async (_label, args, code) => {
    const vars: Record<string, unknown> = { planId: plan, indicatorId: rate, unitId: d.unit(OWN), ...args };
    if (vars.indicatorId === 'DLK22-ONLINE-RATE') vars.indicatorId = d.indicator('DLK22-ONLINE-RATE');
    expect(codes(await s.gql(PROGRESS, vars, tinh))).toEqual([code]);
  });
});
