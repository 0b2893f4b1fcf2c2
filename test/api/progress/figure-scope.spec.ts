import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import {
  ADD_PLAN_INDICATOR,
  createIndicator,
  demo,
  issuePlan,
  ok,
  progress,
  RECORD,
  record,
  setTargets,
  CREATE_PLAN,
  type Demo,
  type FigureRow,
  type ProgressNode,
  type ProgressRow,
} from '../../support/documents';

/**
 * Whose figure counts (docs/spec/api.md, "Plans as the documents write them"): a row with scope
 * OWN judges each target on the unit's own figure, SUBTREE on its rolled-up one; siblings are
 * ranked agencies apart from territorial units; PERCENT rolls up as a mean of values; a
 * CUMULATIVE figure is a running total, so a period takes its latest; SCORE takes only the
 * scores its steps give. Two plans of the province for 2023 carry the same indicators, one row
 * OWN and one SUBTREE, over the same recorded results. Every expected number is computed here
 * from the figures sent.
 */
type Fig = [number, number]; // [b, a]
const YEAR = 2023;
const DISTRICT = '655';
const TARGET = 80;
const STEPS = [
  { when: 'Ban hành trong 15 ngày', score: 100 },
  { when: 'Ban hành sau 30 ngày', score: 50 },
  { when: 'Còn lại', score: 0 },
];

const rate = ([b, a]: Fig): FigureRow => ({ numerator: b, denominator: a, value: a === 0 ? null : (100 * b) / a });
const value = (v: number | null): FigureRow => ({ numerator: null, denominator: null, value: v });
const sum = (figs: Fig[]): Fig => figs.reduce<Fig>(([b, a], [fb, fa]) => [b + fb, a + fa], [0, 0]);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const judge = (v: number | null, target: number) => (v === null ? 'NO_DATA' : v >= target ? 'ACHIEVED' : 'NOT_ACHIEVED');
/** Competition ranking, highest first (1, 1, 3); no value, no rank. */
const ranks = (values: (number | null)[]) => values.map((v) => (v === null ? null : 1 + values.filter((x) => x !== null && x > v).length));

describe.each(await testDatabases())('whose figure counts on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;
  const ind: Record<'rate' | 'percent' | 'cumulative' | 'score', string> = { rate: '', percent: '', cumulative: '', score: '' };
  const plan: Record<'OWN' | 'SUBTREE', string> = { OWN: '', SUBTREE: '' };
  let communes: string[];
  let other: string; // another district, with one commune of its own
  let otherCommune: string;
  let agencies: string[];

  // The rate's figures for the year: the district's own 85% against communes pulling the roll-up to 62%.
  const RATE: () => Record<string, Fig> = () => ({
    '66': [95, 100],
    [DISTRICT]: [85, 100],
    [communes[0]]: [100, 200],
    [communes[1]]: [125, 200],
    [other]: [70, 100],
    [otherCommune]: [700, 1000],
    [agencies[0]]: [90, 100],
    [agencies[1]]: [50, 100],
    [agencies[2]]: [90, 100],
  });

  const at = (scope: 'OWN' | 'SUBTREE', indicator: keyof typeof ind, unit: string, period?: string): Promise<ProgressRow> =>
    progress(s, tinh, { planId: plan[scope], indicatorId: ind[indicator], unitId: d.unit(unit), ...(period ? { period } : {}) });
  const child = (p: ProgressRow, code: string): ProgressNode => p.children.find((c) => d.codeOf(c.unit.id) === code)!;
  const put = async (indicator: keyof typeof ind, period: string, rows: Record<string, Record<string, number>>) =>
    expect(
      await record(
        s,
        tinh,
        ind[indicator],
        period,
        Object.entries(rows).map(([c, f]) => ({ unitId: d.unit(c), ...f })),
      ),
    ).toBe(Object.keys(rows).length);
  const stored = async (indicator: keyof typeof ind) => Number((await s.ds.query('SELECT COUNT(*) AS n FROM result WHERE indicatorId = ?', [Number(ind[indicator])]))[0].n);

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tinh = await s.login('tinh.daklak');
    communes = d.childrenOf(DISTRICT).slice(0, 2);
    const districts = d.childrenOf('66').filter((c) => c !== DISTRICT && d.kind(c) !== 'PROVINCIAL_AGENCY' && d.childrenOf(c).length > 0);
    other = districts[0];
    otherCommune = d.childrenOf(other)[0];
    agencies = d
      .childrenOf('66')
      .filter((c) => d.kind(c) === 'PROVINCIAL_AGENCY')
      .slice(0, 3);
    expect(agencies).toHaveLength(3);

    ind.rate = await createIndicator(s, tinh, { code: 'T-SCOPE-RATE', name: 'Tỷ lệ hồ sơ trực tuyến (thử)', measure: 'RATE', comparator: 'AT_LEAST' });
    ind.percent = await createIndicator(s, tinh, { code: 'T-SCOPE-PCT', name: 'Mức độ hài lòng (thử)', measure: 'PERCENT', comparator: 'AT_LEAST' });
    ind.cumulative = await createIndicator(s, tinh, {
      code: 'T-SCOPE-CUM',
      name: 'Tỷ lệ hồ sơ trực tuyến lũy kế (thử)',
      measure: 'RATE',
      comparator: 'AT_LEAST',
      accumulation: 'CUMULATIVE',
    });
    ind.score = await createIndicator(s, tinh, {
      code: 'T-SCOPE-SCORE',
      name: 'Ban hành văn bản (thử)',
      measure: 'SCORE',
      comparator: 'AT_LEAST',
      unitOfMeasure: 'điểm',
      scoring: STEPS,
    });
    for (const scope of ['OWN', 'SUBTREE'] as const) {
      plan[scope] = ok(
        await s.gql<{ createPlan: { id: string } }>(CREATE_PLAN, { input: { issuerId: d.unit('66'), year: YEAR, title: `Đánh giá ${YEAR} (${scope})` } }, tinh),
      ).createPlan.id;
      for (const key of ['rate', 'percent', 'cumulative', 'score'] as const) {
        ok(await s.gql(ADD_PLAN_INDICATOR, { input: { planId: plan[scope], indicatorId: ind[key], scope } }, tinh));
        // The province's own target ("toàn tỉnh") only on the OWN plan: nationalProgress judges the province on it.
        const units = [...(scope === 'OWN' && key === 'rate' ? ['66'] : []), DISTRICT, ...communes, other, otherCommune, ...agencies];
        const w = await setTargets(s, tinh, { planId: plan[scope], indicatorId: ind[key], targets: units.map((c) => ({ unitId: d.unit(c), value: TARGET })) });
        expect(w.applied).toBe(true);
      }
      await issuePlan(s, tinh, plan[scope]);
    }
    const rows = ok(await s.gql<{ plan: { indicators: { scope: string }[] } }>('query($id: ID!) { plan(id: $id) { indicators { scope } } }', { id: plan.OWN }, tinh)).plan;
    // addPlanIndicator keeps the row's scope (the plans feature): without it nothing below is judged on OWN.
    expect(rows.indicators.map((r) => r.scope)).toEqual(['OWN', 'OWN', 'OWN', 'OWN']);

    await put('rate', String(YEAR), Object.fromEntries(Object.entries(RATE()).map(([c, [numerator, denominator]]) => [c, { numerator, denominator }])));
  });
  afterAll(async () => s?.close());

  it('judges a district on its own 85% on an OWN row (ACHIEVED, gap 5), on the roll-up on a SUBTREE row', async () => {
    const figs = RATE();
    const own = rate(figs[DISTRICT]);
    const rolledUp = rate(sum([DISTRICT, ...d.childrenOf(DISTRICT)].filter((c) => figs[c]).map((c) => figs[c])));
    expect(own.value).toBe(85);
    expect(rolledUp.value).toBe(62);

    const byOwn = await at('OWN', 'rate', DISTRICT);
    expect(byOwn).toMatchObject({ own, rolledUp, status: judge(own.value, TARGET), gap: own.value! - TARGET });
    expect([byOwn.status, byOwn.gap]).toEqual(['ACHIEVED', 5]);

    const bySubtree = await at('SUBTREE', 'rate', DISTRICT);
    expect(bySubtree).toMatchObject({ own, rolledUp, status: judge(rolledUp.value, TARGET), gap: rolledUp.value! - TARGET });
    expect(bySubtree.status).toBe('NOT_ACHIEVED');
  });

  it('prints in progress.xlsx the figure each line is judged on: the own figure on an OWN row, the roll-up on a SUBTREE row', async () => {
    const figs = RATE();
    for (const scope of ['OWN', 'SUBTREE'] as const) {
      const want = await at(scope, 'rate', DISTRICT);
      const judged = scope === 'OWN' ? want.own : want.rolledUp;
      const args = { planId: plan[scope], indicatorId: ind.rate, unitId: d.unit(DISTRICT), period: String(YEAR) };
      const res = await fetch(`${s.url}/export/progress.xlsx?${new URLSearchParams(args)}`, { headers: { authorization: `Bearer ${tinh}` } });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const ws = wb.worksheets[0];
      // STT | Đơn vị | Mức giao | b | a | Kết quả | …: the unit's own line comes first under the header.
      const all = ws.getRows(1, ws.rowCount)!;
      const line = all.slice(all.findIndex((r) => r.getCell(1).value === 'STT') + 1).find((r) => r.getCell(2).value !== null)!;
      expect([line.getCell(4).value, line.getCell(5).value], scope).toEqual([judged.numerator, judged.denominator]);
      expect(judged.numerator, scope).toBe(scope === 'OWN' ? figs[DISTRICT][0] : want.rolledUp.numerator);
    }
  });

  it('ranks districts by the figure the row judges them on', async () => {
    const figs = RATE();
    const subtree = (c: string) => rate(sum([c, ...d.childrenOf(c)].filter((x) => figs[x]).map((x) => figs[x]))).value;
    const pair = [DISTRICT, other];
    for (const [scope, valueOf] of [
      ['OWN', (c: string) => rate(figs[c]).value],
      ['SUBTREE', subtree],
    ] as const) {
      const p = await at(scope, 'rate', '66');
      const want = ranks(pair.map(valueOf));
      expect(pair.map((c) => child(p, c).rank)).toEqual(want);
      expect(pair.map((c) => child(p, c).status)).toEqual(pair.map((c) => judge(valueOf(c), TARGET)));
    }
    // The two orders differ: 85 > 70 on their own dossiers, 62 < 70 rolled up.
    expect(ranks(pair.map((c) => rate(figs[c]).value))).not.toEqual(ranks(pair.map(subtree)));
  });

  it('judges the province in nationalProgress on its own figure when its own plan’s row is OWN', async () => {
    const figs = RATE();
    const [row] = ok(
      await s.gql<{ nationalProgress: ProgressRow[] }>(
        `query($i: ID!, $p: String!) { nationalProgress(indicatorId: $i, period: $p) { unit { id code } target { value comparator } own { numerator denominator value } rolledUp { numerator denominator value } status gap } }`,
        { i: ind.rate, p: String(YEAR) },
        tinh,
      ),
    ).nationalProgress;
    const own = rate(figs['66']);
    const rolledUp = rate(sum(Object.values(figs)));
    expect(row).toMatchObject({ unit: { code: '66' }, target: { value: TARGET }, own, rolledUp, status: judge(own.value, TARGET), gap: own.value! - TARGET });
    expect(judge(rolledUp.value, TARGET)).not.toBe(row.status);
  });

  it('ranks agencies apart from territorial units, each group from 1, agencies listed first', async () => {
    const figs = RATE();
    const p = await at('SUBTREE', 'rate', '66');
    const valueOf = (c: string) => rate(sum([c, ...d.childrenOf(c)].filter((x) => figs[x]).map((x) => figs[x]))).value;
    for (const group of [agencies, [DISTRICT, other]]) {
      expect(group.map((c) => child(p, c).rank)).toEqual(ranks(group.map(valueOf)));
    }
    expect(Math.min(...[DISTRICT, other].map((c) => child(p, c).rank!))).toBe(1);
    // Two agencies tie at 90: 1, 1, then 3.
    expect(agencies.map((c) => child(p, c).rank)).toEqual([1, 3, 1]);
    const firstTerritorial = p.children.findIndex((c) => d.kind(d.codeOf(c.unit.id)) !== 'PROVINCIAL_AGENCY');
    expect(p.children.slice(firstTerritorial).every((c) => d.kind(d.codeOf(c.unit.id)) !== 'PROVINCIAL_AGENCY')).toBe(true);
  });

  it('rolls PERCENT up as the mean of the units’ values (own = the unit’s value) and refuses counts without a value', async () => {
    const values: Record<string, number> = { [DISTRICT]: 90, [communes[0]]: 80, [communes[1]]: 65 };
    await put('percent', `${YEAR}-03`, { [DISTRICT]: { value: 40 } }); // earlier in the year: the latest value stands for it
    await put('percent', `${YEAR}-06`, Object.fromEntries(Object.entries(values).map(([c, v]) => [c, { value: v }])));
    const p = await at('SUBTREE', 'percent', DISTRICT);
    const rolled = mean(Object.values(values));
    expect(p.rolledUp).toEqual(value(rolled));
    expect(p.own).toEqual(value(values[DISTRICT]));
    expect(p).toMatchObject({ status: judge(rolled, TARGET), gap: rolled - TARGET });
    expect(child(p, communes[1]).rolledUp).toEqual(value(values[communes[1]]));
    expect((await at('OWN', 'percent', DISTRICT)).status).toBe(judge(values[DISTRICT], TARGET));

    const before = await stored('percent');
    const counts = await s.gql(RECORD, { input: { indicatorId: ind.percent, period: `${YEAR}-07`, results: [{ unitId: d.unit(DISTRICT), numerator: 9, denominator: 10 }] } }, tinh);
    expect(codes(counts)).toEqual(['BAD_USER_INPUT']);
    expect(counts.errors![0].extensions!.reason).toBe('OUT_OF_RANGE');
    const over = await s.gql(RECORD, { input: { indicatorId: ind.percent, period: `${YEAR}-07`, results: [{ unitId: d.unit(DISTRICT), value: 101 }] } }, tinh);
    expect(codes(over)).toEqual(['BAD_USER_INPUT']);
    expect(await stored('percent')).toBe(before);
  });

  it('takes a CUMULATIVE period’s latest running total, never a sum; units still add up (Σb/Σa)', async () => {
    const months: Record<string, Record<string, Fig>> = {
      [DISTRICT]: { [`${YEAR}-01`]: [10, 20], [`${YEAR}-02`]: [25, 40], [`${YEAR}-03`]: [30, 60] },
      [communes[0]]: { [`${YEAR}-01`]: [5, 10], [`${YEAR}-02`]: [8, 20] },
    };
    for (const m of [`${YEAR}-01`, `${YEAR}-02`, `${YEAR}-03`]) {
      const rows = Object.entries(months).filter(([, r]) => r[m]);
      await put('cumulative', m, Object.fromEntries(rows.map(([c, r]) => [c, { numerator: r[m][0], denominator: r[m][1] }])));
    }
    /** A unit's figure for a period: its latest month inside it. */
    const latest = (c: string, within: string[]): Fig | null =>
      within
        .map((m) => months[c][m])
        .filter((f): f is Fig => !!f)
        .at(-1) ?? null;
    const q1 = [`${YEAR}-01`, `${YEAR}-02`, `${YEAR}-03`];
    for (const period of [`${YEAR}-Q1`, String(YEAR)]) {
      const p = await at('SUBTREE', 'cumulative', DISTRICT, period);
      expect(p.own).toEqual(rate(latest(DISTRICT, q1)!));
      expect(p.own).toEqual(rate([30, 60]));
      expect(p.rolledUp).toEqual(rate(sum(Object.keys(months).map((c) => latest(c, q1)!))));
      expect(child(p, communes[0]).rolledUp).toEqual(rate([8, 20]));
    }
    const feb = await at('SUBTREE', 'cumulative', DISTRICT, `${YEAR}-02`);
    expect(feb.rolledUp).toEqual(rate(sum([months[DISTRICT][`${YEAR}-02`], months[communes[0]][`${YEAR}-02`]])));
    // A directly recorded quarter still wins over its months.
    await put('cumulative', `${YEAR}-Q1`, { [DISTRICT]: { numerator: 33, denominator: 61 } });
    expect((await at('SUBTREE', 'cumulative', DISTRICT, String(YEAR))).own).toEqual(rate([33, 61]));
  });

  it('takes only the scores the steps give (INVALID_SCORE naming them, nothing stored), any other step accepted', async () => {
    const refused = await s.gql(
      RECORD,
      {
        input: {
          indicatorId: ind.score,
          period: String(YEAR),
          results: [
            { unitId: d.unit(communes[0]), value: 0 },
            { unitId: d.unit(DISTRICT), value: 75 },
          ],
        },
      },
      tinh,
      { 'accept-language': 'en' },
    );
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].extensions!.reason).toBe('INVALID_SCORE');
    expect(refused.errors![0].message).toContain(STEPS.map((x) => x.score).join(' / '));
    expect(await stored('score')).toBe(0);
    await put('score', String(YEAR), { [DISTRICT]: { value: 50 } });
    expect((await at('SUBTREE', 'score', DISTRICT)).own).toEqual(value(50));
  });

  it('judges a district’s own score on an OWN row, never averaged with its communes’', async () => {
    const scores: Record<string, number> = { [DISTRICT]: 100, [communes[0]]: 0, [communes[1]]: 0 };
    await put('score', String(YEAR), Object.fromEntries(Object.entries(scores).map(([c, v]) => [c, { value: v }])));
    const averaged = mean(Object.values(scores));
    const byOwn = await at('OWN', 'score', DISTRICT);
    expect(byOwn).toMatchObject({ own: value(scores[DISTRICT]), rolledUp: value(averaged), status: judge(scores[DISTRICT], TARGET), gap: scores[DISTRICT] - TARGET });
    expect(byOwn.status).toBe('ACHIEVED');
    const bySubtree = await at('SUBTREE', 'score', DISTRICT);
    expect(bySubtree).toMatchObject({ own: value(scores[DISTRICT]), rolledUp: value(averaged), status: judge(averaged, TARGET), gap: averaged - TARGET });
    expect(bySubtree.status).toBe('NOT_ACHIEVED');
  });
});
