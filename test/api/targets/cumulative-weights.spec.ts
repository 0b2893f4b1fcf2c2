import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { ADD_PLAN_INDICATOR, cascade, createIndicator, CREATE_PLAN, demo, ok, record, setTargets, type Demo, type TargetRow } from '../../support/documents';

/**
 * Last year's figures as the target writes read them (issue #13, follow-up): a cascade's baseline
 * policy on an OWN row takes each child's own figure (what its target will be judged on), on a
 * SUBTREE row the rolled-up one; a CUMULATIVE RATE indicator weighs each commune's target
 * (IMPLIED_AGGREGATE_SHORT) by its latest denominator of the year, never by the sum of its
 * running totals. Every expected number is computed here from the figures sent.
 */
type Fig = [number, number]; // [b, a]: numerator, denominator
type Months = Record<string, Record<string, Fig>>; // unit code → period → figure
const YEAR = 2025;
const LAST = YEAR - 1;
const DISTRICT = '655';
const POLICY = { uplift: 1, cap: 99, baselineYear: LAST };

const m = (month: number) => `${LAST}-${String(month).padStart(2, '0')}`;
const rate = ([b, a]: Fig) => (100 * b) / a;
const sum = (figs: Fig[]): Fig => figs.reduce<Fig>(([b, a], [fb, fa]) => [b + fb, a + fa], [0, 0]);
/** A unit's figure of the year: the sum of its periods (PERIODIC), or its latest running total (CUMULATIVE). */
const yearFigure = (periods: Record<string, Fig> | undefined, cumulative: boolean): Fig | null => {
  if (!periods || !Object.keys(periods).length) return null;
  const keys = Object.keys(periods).sort();
  return cumulative ? periods[keys.at(-1)!] : sum(keys.map((k) => periods[k]));
};
/** The target the baseline policy makes of a baseline (no floors: 0 without one). */
const fromBaseline = (baseline: number | null) => (baseline === null ? 0 : Math.min(POLICY.cap, Math.ceil(baseline) + POLICY.uplift));
/** The implied aggregate of children's targets weighted by their denominators (docs/spec/domain.md). */
const implied = (rows: { value: number; weight: number }[]) => rows.reduce((s, r) => s + r.value * r.weight, 0) / rows.reduce((s, r) => s + r.weight, 0);

describe.each(await testDatabases())('last year’s figures in target writes on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;
  const ind = { periodic: '', cumulative: '' };
  const plan = { OWN: '', SUBTREE: '' };
  let a: string; // the district's first commune: three running totals in the year
  let b: string; // its second: December only
  let other: string; // another district: figures of its commune only, none of its own
  let otherCommune: string;
  const figures: Record<keyof typeof ind, () => Months> = {
    periodic: () => ({
      [DISTRICT]: { [String(LAST)]: [85, 100] },
      [a]: { [String(LAST)]: [100, 200] },
      [otherCommune]: { [String(LAST)]: [70, 100] },
    }),
    cumulative: () => ({
      [DISTRICT]: { [m(6)]: [40, 100], [m(12)]: [170, 200] },
      [a]: { [m(1)]: [10, 100], [m(2)]: [30, 200], [m(12)]: [100, 1000] },
      [b]: { [m(12)]: [10, 100] },
      [otherCommune]: { [m(3)]: [5, 50], [m(11)]: [60, 100] },
    }),
  };

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tinh = await s.login('tinh.daklak');
    [a, b] = d.childrenOf(DISTRICT);
    other = d.childrenOf('66').filter((c) => c !== DISTRICT && d.kind(c) !== 'PROVINCIAL_AGENCY' && d.childrenOf(c).length > 0)[0];
    otherCommune = d.childrenOf(other)[0];
    ind.periodic = await createIndicator(s, tinh, { code: 'T-W-RATE', name: 'Tỷ lệ hồ sơ trực tuyến (thử)', measure: 'RATE', comparator: 'AT_LEAST' });
    ind.cumulative = await createIndicator(s, tinh, {
      code: 'T-W-CUM',
      name: 'Tỷ lệ hồ sơ trực tuyến lũy kế (thử)',
      measure: 'RATE',
      comparator: 'AT_LEAST',
      accumulation: 'CUMULATIVE',
    });
    for (const scope of ['OWN', 'SUBTREE'] as const) {
      plan[scope] = ok(
        await s.gql<{ createPlan: { id: string } }>(CREATE_PLAN, { input: { issuerId: d.unit('66'), year: YEAR, title: `Giao chỉ tiêu ${YEAR} (${scope})` } }, tinh),
      ).createPlan.id;
      for (const i of Object.values(ind)) ok(await s.gql(ADD_PLAN_INDICATOR, { input: { planId: plan[scope], indicatorId: i, scope } }, tinh));
    }
    for (const key of Object.keys(ind) as (keyof typeof ind)[]) {
      const byPeriod = new Map<string, Record<string, unknown>[]>();
      for (const [code, periods] of Object.entries(figures[key]())) {
        for (const [period, [numerator, denominator]] of Object.entries(periods)) {
          byPeriod.set(period, [...(byPeriod.get(period) ?? []), { unitId: d.unit(code), numerator, denominator }]);
        }
      }
      for (const [period, rows] of byPeriod) expect(await record(s, tinh, ind[key], period, rows)).toBe(rows.length);
    }
  });
  afterAll(async () => s?.close());

  /** A child's figure of last year as the row's scope judges it: its own, or its subtree's (itself and its communes). */
  const expectedBaseline = (key: keyof typeof ind, scope: 'OWN' | 'SUBTREE', code: string): number | null => {
    const figs = figures[key]();
    const units = scope === 'OWN' ? [code] : [code, ...d.childrenOf(code)];
    const found = units.map((u) => yearFigure(figs[u], key === 'cumulative')).filter((f): f is Fig => f !== null);
    return found.length ? rate(sum(found)) : null;
  };

  for (const key of ['periodic', 'cumulative'] as const) {
    it(`(1) a ${key} RATE cascade with a baseline year takes each child’s own figure on an OWN row, its subtree’s on a SUBTREE row`, async () => {
      const byScope: Record<string, Record<string, TargetRow>> = {};
      for (const scope of ['OWN', 'SUBTREE'] as const) {
        const res = await cascade(s, tinh, { planId: plan[scope], indicatorId: ind[key], parentUnitId: d.unit('66'), baselinePolicy: POLICY, dryRun: true });
        expect(res.applied).toBe(false);
        byScope[scope] = Object.fromEntries(res.targets.map((t) => [t.unit.code, t]));
        expect(Object.keys(byScope[scope]).sort()).toEqual([...d.childrenOf('66')].sort());
        for (const code of d.childrenOf('66')) {
          const baseline = expectedBaseline(key, scope, code);
          const row = byScope[scope][code];
          if (baseline === null) expect(row.baseline, `${scope} ${code}`).toBeNull();
          else expect(row.baseline, `${scope} ${code}`).toBeCloseTo(baseline, 9);
          expect(row.value, `${scope} ${code}`).toBe(fromBaseline(baseline));
        }
      }
      // The cases that tell the scopes apart: the district's own figure against its roll-up, and a district with no figure of its own.
      expect(expectedBaseline(key, 'OWN', DISTRICT)).toBe(85);
      expect(expectedBaseline(key, 'SUBTREE', DISTRICT)).not.toBe(85);
      expect(byScope.OWN[DISTRICT].baseline).toBe(85);
      expect(byScope.OWN[other].baseline).toBeNull();
      expect(byScope.SUBTREE[other].baseline).not.toBeNull();
    });
  }

  it('(1) keeps the OWN baseline and its source when the cascade is applied', async () => {
    const res = await cascade(s, tinh, { planId: plan.OWN, indicatorId: ind.cumulative, parentUnitId: d.unit('66'), baselinePolicy: POLICY });
    expect(res.applied).toBe(true);
    const [row] = (await s.ds.query('SELECT baseline, baselineSource, value FROM target WHERE planId = ? AND indicatorId = ? AND unitId = ?', [
      Number(plan.OWN),
      Number(ind.cumulative),
      Number(d.unit(DISTRICT)),
    ])) as { baseline: unknown; baselineSource: string | null; value: unknown }[];
    const baseline = expectedBaseline('cumulative', 'OWN', DISTRICT)!;
    expect(Number(row.baseline)).toBeCloseTo(baseline, 9);
    expect(Number(row.value)).toBe(fromBaseline(baseline));
    expect(row.baselineSource).toContain(String(LAST));
  });

  describe('(2) a CUMULATIVE RATE weighs each commune by its latest denominator of last year', () => {
    const figs = () => figures.cumulative();
    /** Each commune's weight: its latest running total's denominator; and what summing its months would have made of it. */
    const latest = (code: string) => yearFigure(figs()[code], true)![1];
    const summed = (code: string) => yearFigure(figs()[code], false)![1];
    const shortIssues = async (values: Record<string, number>) => {
      const res = await setTargets(s, tinh, {
        planId: plan.SUBTREE,
        indicatorId: ind.cumulative,
        dryRun: true,
        targets: Object.entries(values).map(([code, value]) => ({ unitId: d.unit(code), value })),
      });
      return res.issues.filter((i) => i.code === 'IMPLIED_AGGREGATE_SHORT').map((i) => [d.codeOf(i.unitId), i.severity]);
    };
    const cases = (ta: number, tb: number) => {
      const byLatest = implied([
        { value: ta, weight: latest(a) },
        { value: tb, weight: latest(b) },
      ]);
      const bySum = implied([
        { value: ta, weight: summed(a) },
        { value: tb, weight: summed(b) },
      ]);
      return { byLatest, bySum, between: (byLatest + bySum) / 2 };
    };

    it('weights 1000 and 100 (the December figures), not the sums of the months', () => {
      expect([latest(a), latest(b)]).toEqual([1000, 100]);
      expect(summed(a)).toBeGreaterThan(latest(a));
    });

    it('warns on a district target above what the latest-weighted communes imply, though the month sums would have covered it', async () => {
      const [ta, tb] = [90, 50];
      const { byLatest, bySum, between } = cases(ta, tb);
      // The district's target lies between the two aggregates: only the right weights find it short.
      expect(byLatest).toBeLessThan(between);
      expect(bySum).toBeGreaterThan(between);
      expect(await shortIssues({ [DISTRICT]: between, [a]: ta, [b]: tb })).toEqual([[DISTRICT, 'WARNING']]);
    });

    it('does not warn where the latest-weighted communes make the district’s target, though the month sums would have fallen short', async () => {
      const [ta, tb] = [50, 90];
      const { byLatest, bySum, between } = cases(ta, tb);
      expect(byLatest).toBeGreaterThan(between);
      expect(bySum).toBeLessThan(between);
      expect(await shortIssues({ [DISTRICT]: between, [a]: ta, [b]: tb })).toEqual([]);
    });
  });
});
