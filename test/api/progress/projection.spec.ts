import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { createIndicator, demo, draftPlan, issuePlan, ok, progress, record, setTargets, type Demo } from '../../support/documents';

/**
 * Early warning (docs/spec/api.md, "Between offices"): `projected` is the year-end figure at the
 * pace of the months recorded so far, `atRisk` whether it misses the target, and atRisk(...)
 * lists the lines of a subtree at risk, worst first. Monthly figures of communes of Krông A Na in
 * 2023 (a past year: every month of it is "so far"); every expected number is computed here from
 * the figures sent, by the normal equations of least squares.
 */
const YEAR = 2023;
const DISTRICT = '655';
type Key = 'rate' | 'count' | 'percent';
type Fig = [number, number]; // [b, a]

/** Weighted least squares through (x, y, w), read at x = 12: the normal equations, written out. */
function trendAt12(points: { x: number; y: number; w: number }[]): number {
  const S = (f: (p: { x: number; y: number; w: number }) => number) => points.reduce((s, p) => s + f(p), 0);
  const [sw, swx, swy, swxx, swxy] = [S((p) => p.w), S((p) => p.w * p.x), S((p) => p.w * p.y), S((p) => p.w * p.x * p.x), S((p) => p.w * p.x * p.y)];
  const slope = (sw * swxy - swx * swy) / (sw * swxx - swx * swx);
  return (swy - slope * swx) / sw + slope * 12;
}
const clamp100 = (x: number) => Math.min(100, Math.max(0, x));

const FIELDS = 'unit { id code } indicator { id } period target { value } rolledUp { numerator denominator value } status projected atRisk rank children { unit { id } }';

describe.each(await testDatabases())('projections and atRisk on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;
  let huyen: string;
  let plan: string;
  let communes: string[];
  const ind: Record<Key, string> = { rate: '', count: '', percent: '' };

  // Monthly figures by commune (index into `communes`) and month. The fourth commune has two months only.
  const RATE: Record<number, Record<number, Fig>> = {
    0: { 1: [60, 100], 2: [65, 100], 3: [70, 100], 4: [72, 100] },
    1: { 1: [50, 100], 2: [48, 100], 3: [45, 100], 4: [44, 100] },
    2: { 1: [140, 200], 2: [150, 200], 3: [70, 100], 4: [150, 200] },
    3: { 1: [70, 100], 2: [75, 100] },
  };
  const COUNT: Record<number, Record<number, number>> = {
    0: { 1: 10, 2: 12, 4: 15 }, // March left blank
    1: { 1: 30, 2: 35, 3: 40, 4: 45 },
    2: { 1: 5, 2: 5, 3: 5 },
    3: { 1: 100 },
  };
  const PERCENT: Record<number, Record<number, number>> = {
    0: { 1: 90, 2: 85, 3: 80 },
    1: { 1: 70, 2: 75, 3: 80, 4: 82 },
    2: { 1: 88, 2: 86, 3: 87, 4: 85 },
    3: { 2: 50 },
  };
  const TARGETS: Record<Key, Record<string, number>> = { rate: {}, count: {}, percent: {} };

  /** The projection of a group of communes (the district: all of them), as the rule says, over months 1..last. */
  const expected = (key: Key, members: number[], last = 12): number | null => {
    const months = Array.from({ length: last }, (_, i) => i + 1);
    if (key === 'rate') {
      const pts = months.flatMap((m) => {
        const figs = members.map((c) => RATE[c][m]).filter((f): f is Fig => !!f);
        const [b, a] = figs.reduce<Fig>(([x, y], [fb, fa]) => [x + fb, y + fa], [0, 0]);
        return a > 0 ? [{ x: m, y: (100 * b) / a, w: a }] : [];
      });
      return pts.length < 3 ? null : clamp100(trendAt12(pts));
    }
    if (key === 'count') {
      const recorded = months.filter((m) => members.some((c) => COUNT[c][m] !== undefined));
      if (recorded.length < 3) return null;
      const total = recorded.reduce((s, m) => s + members.reduce((t, c) => t + (COUNT[c][m] ?? 0), 0), 0);
      return (total * 12) / Math.max(...recorded);
    }
    const pts = months.flatMap((m) => {
      const vs = members.map((c) => PERCENT[c][m]).filter((v): v is number => v !== undefined);
      return vs.length ? [{ x: m, y: vs.reduce((x, y) => x + y, 0) / vs.length, w: 1 }] : [];
    });
    return pts.length < 3 ? null : clamp100(trendAt12(pts));
  };
  const membersOf = (code: string) => (code === DISTRICT ? [0, 1, 2, 3] : [communes.indexOf(code)]);
  /** Every (unit, indicator) at risk, worst first, from the figures above (AT_LEAST targets). */
  const expectedAtRisk = (last = 12) =>
    (Object.keys(TARGETS) as Key[])
      .flatMap((key) =>
        Object.entries(TARGETS[key]).map(([code, target]) => {
          const projected = expected(key, membersOf(code), last);
          return { code, key, target, projected };
        }),
      )
      .filter((x) => x.projected !== null && x.projected < x.target)
      .map((x) => ({ ...x, shortfall: (x.target - x.projected!) / x.target }))
      .sort((a, b) => b.shortfall - a.shortfall);

  type Line = {
    unit: { id: string; code: string | null };
    indicator: { id: string };
    period: string;
    target: { value: number } | null;
    status: string;
    projected: number | null;
    atRisk: boolean;
    rank: number | null;
    children: { unit: { id: string }; projected?: number | null; atRisk?: boolean }[];
    rolledUp: { numerator: number | null; denominator: number | null; value: number | null };
  };
  const PROJECTED = `query($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {
    progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) { ...Line children { unit { id } ... on Progress { projected atRisk } } } }
    fragment Line on Progress { unit { id code } projected atRisk target { value } }`;
  const projectedAt = async (key: Key, period?: string) =>
    ok(await s.gql<{ progress: Line }>(PROJECTED, { planId: plan, indicatorId: ind[key], unitId: d.unit(DISTRICT), ...(period ? { period } : {}) }, tinh)).progress;
  const atRisk = async (token: string, unitCode: string, period?: string) =>
    ok(
      await s.gql<{ atRisk: Line[] }>(
        `query($p: ID!, $u: ID!, $period: String) { atRisk(planId: $p, unitId: $u, period: $period) { ${FIELDS} } }`,
        { p: plan, u: d.unit(unitCode), ...(period ? { period } : {}) },
        token,
      ),
    ).atRisk;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tinh = await s.login('tinh.daklak');
    huyen = await s.login('huyen.krongana');
    communes = d.childrenOf(DISTRICT).slice(0, 4);
    expect(communes).toHaveLength(4);
    ind.rate = await createIndicator(s, tinh, { code: 'T-PROJ-RATE', name: 'Tỷ lệ hồ sơ đúng hạn (dự báo)', measure: 'RATE', comparator: 'AT_LEAST' });
    ind.count = await createIndicator(s, tinh, { code: 'T-PROJ-COUNT', name: 'Số hồ sơ trực tuyến (dự báo)', measure: 'COUNT', comparator: 'AT_LEAST', unitOfMeasure: 'hồ sơ' });
    ind.percent = await createIndicator(s, tinh, { code: 'T-PROJ-PCT', name: 'Mức độ hài lòng (dự báo)', measure: 'PERCENT', comparator: 'AT_LEAST' });
    plan = await draftPlan(
      s,
      tinh,
      { issuerId: d.unit('66'), year: YEAR, title: `Dự báo ${YEAR} (thử)` },
      Object.values(ind).map((indicatorId) => ({ indicatorId })),
    );
    const [c0, c1, c2, c3] = communes;
    TARGETS.rate = { [DISTRICT]: 80, [c0]: 80, [c1]: 80, [c2]: 80, [c3]: 80 };
    TARGETS.count = { [DISTRICT]: 700, [c0]: 100, [c1]: 600, [c2]: 50, [c3]: 10 };
    TARGETS.percent = { [DISTRICT]: 80, [c0]: 85, [c1]: 80, [c2]: 85, [c3]: 50 };
    for (const key of Object.keys(ind) as Key[]) {
      const w = await setTargets(s, tinh, { planId: plan, indicatorId: ind[key], targets: Object.entries(TARGETS[key]).map(([c, value]) => ({ unitId: d.unit(c), value })) });
      expect(w.applied).toBe(true);
    }
    await issuePlan(s, tinh, plan);
    for (let m = 1; m <= 12; m++) {
      const month = `${YEAR}-${String(m).padStart(2, '0')}`;
      const rows = <T>(table: Record<number, Record<number, T>>, f: (x: T) => Record<string, number>) =>
        [0, 1, 2, 3].filter((c) => table[c][m] !== undefined).map((c) => ({ unitId: d.unit(communes[c]), ...f(table[c][m]) }));
      for (const [key, list] of [
        ['rate', rows(RATE, ([numerator, denominator]) => ({ numerator, denominator }))],
        ['count', rows(COUNT, (value) => ({ value }))],
        ['percent', rows(PERCENT, (value) => ({ value }))],
      ] as const) {
        // The district enters its communes' months.
        if (list.length) expect(await record(s, huyen, ind[key], month, [...list])).toBe(list.length);
      }
    }
  });
  afterAll(async () => s?.close());

  it('projects the district and each commune (through fragments), and says which miss their target', async () => {
    for (const key of Object.keys(ind) as Key[]) {
      const p = await projectedAt(key);
      const want = expected(key, membersOf(DISTRICT));
      expect(want, key).not.toBeNull();
      expect(p.projected, key).toBeCloseTo(want!, 6);
      expect(p.atRisk, key).toBe(want! < TARGETS[key][DISTRICT]);
      for (const code of communes) {
        const c = p.children.find((x) => x.unit.id === d.unit(code))!;
        const w = expected(key, membersOf(code));
        if (w === null) expect(c.projected, `${key} ${code}`).toBeNull();
        else expect(c.projected, `${key} ${code}`).toBeCloseTo(w, 6);
        expect(c.atRisk, `${key} ${code}`).toBe(w !== null && w < TARGETS[key][code]);
      }
      // Communes with no figures have no projection and are not at risk.
      const silent = p.children.filter((x) => !communes.includes(d.codeOf(x.unit.id)));
      expect(silent.length).toBeGreaterThan(0);
      expect(silent.every((x) => x.projected === null && x.atRisk === false)).toBe(true);
    }
    // The data covers each case: a clamped rate, a commune with too few months, lines at risk and lines not.
    expect(expected('rate', [0])).toBe(100);
    expect(expected('rate', [3])).toBeNull();
    const risks = expectedAtRisk();
    expect(risks.length).toBeGreaterThan(2);
    expect(risks.length).toBeLessThan(15);
  });

  it('reads the months up to the end of the period asked', async () => {
    const p = await projectedAt('rate', `${YEAR}-Q1`);
    expect(p.projected).toBeCloseTo(expected('rate', membersOf(DISTRICT), 3)!, 6);
    expect(p.projected).toBeGreaterThan(0);
    expect(p.projected).toBeLessThan(100);
    expect(expected('rate', membersOf(DISTRICT), 3)).not.toBeCloseTo(expected('rate', membersOf(DISTRICT))!, 3);
    const feb = await projectedAt('rate', `${YEAR}-02`);
    expect(feb.projected).toBeNull();
    expect(feb.atRisk).toBe(false);
  });

  it('answers progress without the projection fields as before', async () => {
    const p = await progress(s, tinh, { planId: plan, indicatorId: ind.rate, unitId: d.unit(DISTRICT) });
    const all = Object.values(RATE).flatMap((m) => Object.values(m));
    const [b, a] = all.reduce<Fig>(([x, y], [fb, fa]) => [x + fb, y + fa], [0, 0]);
    expect(p.rolledUp).toEqual({ numerator: b, denominator: a, value: (100 * b) / a });
    expect(p).not.toHaveProperty('projected');
    expect(p.children.length).toBe(d.childrenOf(DISTRICT).length);
  });

  it('lists the lines of the subtree at risk, worst first, with their figures of the period', async () => {
    const want = expectedAtRisk();
    const got = await atRisk(tinh, DISTRICT);
    const keyOf = (id: string) => (Object.keys(ind) as Key[]).find((k) => ind[k] === id);
    expect(got.map((l) => [d.codeOf(l.unit.id), keyOf(l.indicator.id)])).toEqual(want.map((w) => [w.code, w.key]));
    got.forEach((l, i) => {
      expect(l.projected).toBeCloseTo(want[i].projected!, 6);
      expect(l).toMatchObject({ atRisk: true, period: String(YEAR), target: { value: want[i].target }, rank: null, children: [] });
    });
    // A line's figures are those of the period: the district's rate is its communes' year.
    const district = got.find((l) => l.unit.id === d.unit(DISTRICT) && l.indicator.id === ind.rate);
    if (district) {
      const all = Object.values(RATE).flatMap((m) => Object.values(m));
      const [b, a] = all.reduce<Fig>(([x, y], [fb, fa]) => [x + fb, y + fa], [0, 0]);
      expect(district.rolledUp).toEqual({ numerator: b, denominator: a, value: (100 * b) / a });
      expect(district.status).toBe((100 * b) / a >= 80 ? 'ACHIEVED' : 'NOT_ACHIEVED');
    }
    // Under one commune: only its own lines.
    const c1 = communes[1];
    expect((await atRisk(tinh, c1)).map((l) => keyOf(l.indicator.id))).toEqual(want.filter((w) => w.code === c1).map((w) => w.key));
    // For the first quarter, the months up to March.
    const q1 = await atRisk(tinh, DISTRICT, `${YEAR}-Q1`);
    expect(q1.map((l) => [d.codeOf(l.unit.id), keyOf(l.indicator.id)])).toEqual(expectedAtRisk(3).map((w) => [w.code, w.key]));
    expect(q1.every((l) => l.period === `${YEAR}-Q1`)).toBe(true);
  });

  it('lets an analyst read atRisk, the district its own subtree, and nobody outside it', async () => {
    const analyst = await s.login('phantich.daklak');
    const byTinh = await atRisk(tinh, DISTRICT);
    expect(await atRisk(analyst, DISTRICT)).toEqual(byTinh);
    expect(await atRisk(huyen, DISTRICT)).toEqual(byTinh);
    const commune = await s.login('xa.buontrap');
    const res = await s.gql(`query($p: ID!, $u: ID!) { atRisk(planId: $p, unitId: $u) { unit { id } } }`, { p: plan, u: d.unit(DISTRICT) }, commune);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data?.atRisk ?? null).toBeNull();
  });
});
