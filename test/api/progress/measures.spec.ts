import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { createIndicator, demo, draftPlan, progress, record, setTargets, type Demo, type ProgressNode, type ProgressRow } from '../../support/documents';

/**
 * Comparators and measures in progress: AT_MOST ranks lowest first, GREATER_THAN is strict at
 * the boundary, SCORE rolls up as a mean (the latest sub-period standing for a period), COUNT as
 * a sum. Indicators from both catalogues: national (system admin) and the province's own.
 */
describe.each(await testDatabases())('progress by comparator and measure on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;
  let huyen: string;
  let plan: string;
  const ind: Record<string, string> = {};

  const put = async (indicator: string, period: string, rows: [string, Record<string, number>][]) =>
    expect(
      await record(
        s,
        huyen,
        ind[indicator],
        period,
        rows.map(([c, f]) => ({ unitId: d.unit(c), ...f })),
      ),
    ).toBe(rows.length);
  const targetsFor = async (indicator: string, values: Record<string, number>) => {
    const res = await setTargets(s, tinh, { planId: plan, indicatorId: ind[indicator], targets: Object.entries(values).map(([c, value]) => ({ unitId: d.unit(c), value })) });
    expect(res.applied).toBe(true);
  };
  const at = (indicator: string, period?: string): Promise<ProgressRow> =>
    progress(s, tinh, { planId: plan, indicatorId: ind[indicator], unitId: d.unit('655'), ...(period ? { period } : {}) });
  const byChild = (p: ProgressRow): Record<string, ProgressNode> =>
    Object.fromEntries(p.children.filter((c) => Object.values(c.rolledUp).some((x) => x !== null)).map((c) => [c.unit.code, c]));

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tinh = await s.login('tinh.daklak');
    huyen = await s.login('huyen.krongana');
    const admin = d.admin;
    ind.late = await createIndicator(s, admin, { code: 'N-LATE', name: 'Tỷ lệ hồ sơ trễ hạn', measure: 'RATE', comparator: 'AT_MOST' });
    ind.strict = await createIndicator(s, admin, { code: 'N-STRICT', name: 'Tỷ lệ hồ sơ toàn trình', measure: 'RATE', comparator: 'GREATER_THAN' });
    ind.score = await createIndicator(s, tinh, { code: 'T-SCORE', name: 'Ban hành văn bản triển khai', measure: 'SCORE', comparator: 'AT_LEAST', unitOfMeasure: 'điểm' });
    ind.count = await createIndicator(s, tinh, { code: 'T-COUNT', name: 'Dịch vụ công không giấy', measure: 'COUNT', comparator: 'AT_LEAST', unitOfMeasure: 'dịch vụ' });
    plan = await draftPlan(
      s,
      tinh,
      { issuerId: d.unit('66'), year: 2023, title: 'Theo dõi 2023 (thử)' },
      Object.values(ind).map((indicatorId) => ({ indicatorId })),
    );
  });
  afterAll(async () => s?.close());

  it('ranks AT_MOST lowest first (ties share a rank) and judges ≤', async () => {
    const figs: Record<string, [number, number]> = { '24538': [1, 10], '24556': [2, 10], '24559': [4, 20], '24565': [0, 10], '24568': [3, 10] };
    await targetsFor('late', { '655': 10, '24538': 10, '24556': 10, '24559': 10, '24565': 10, '24568': 10 });
    await put(
      'late',
      '2023',
      Object.entries(figs).map(([c, [numerator, denominator]]) => [c, { numerator, denominator }]),
    );
    const p = await at('late');
    const value = (c: string) => (100 * figs[c][0]) / figs[c][1];
    expect(Object.fromEntries(Object.entries(byChild(p)).map(([c, n]) => [c, [n.rolledUp.value, n.rank, n.status, n.gap]]))).toEqual({
      '24565': [0, 1, 'ACHIEVED', -10],
      '24538': [10, 2, 'ACHIEVED', 0],
      '24556': [20, 3, 'NOT_ACHIEVED', value('24556') - 10],
      '24559': [20, 3, 'NOT_ACHIEVED', value('24559') - 10],
      '24568': [30, 5, 'NOT_ACHIEVED', value('24568') - 10],
    });
    expect(p.rolledUp).toEqual({ numerator: 10, denominator: 60, value: (100 * 10) / 60 });
    expect(p).toMatchObject({ status: 'NOT_ACHIEVED', gap: (100 * 10) / 60 - 10, target: { comparator: 'AT_MOST' } });
  });

  it('judges GREATER_THAN strictly: exactly at the target is NOT_ACHIEVED', async () => {
    await targetsFor('strict', { '655': 80, '24538': 79.9, '24556': 80 });
    await put('strict', '2023', [
      ['655', { numerator: 72, denominator: 90 }],
      ['24538', { numerator: 8, denominator: 10 }],
      ['24556', { numerator: 81, denominator: 100 }],
    ]);
    // The district: 72/90 + 8/10 + 81/100 = 161/200 = 80.5 > 80.
    const p = await at('strict');
    expect(p.rolledUp).toEqual({ numerator: 161, denominator: 200, value: (100 * 161) / 200 });
    expect(p).toMatchObject({ status: 'ACHIEVED', gap: (100 * 161) / 200 - 80 });
    const c = byChild(p);
    expect([c['24538'].status, c['24538'].gap]).toEqual(['ACHIEVED', (100 * 8) / 10 - 79.9]);
    expect([c['24556'].status, c['24556'].gap]).toEqual(['ACHIEVED', 81 - 80]);
    // 24556 turns out to have had no dossiers: the district is left with 72/90 + 8/10 = 80/100, exactly 80.
    await put('strict', '2023', [
      ['24556', { numerator: 0, denominator: 0 }],
      ['24538', { numerator: 8, denominator: 10 }],
    ]);
    const boundary = await at('strict');
    expect(boundary.rolledUp).toEqual({ numerator: 80, denominator: 100, value: 80 });
    expect(boundary).toMatchObject({ status: 'NOT_ACHIEVED', gap: 0 });
  });

  it('rolls SCORE up as the mean of the units that have a score; the latest sub-period stands for a period', async () => {
    await targetsFor('score', { '655': 80, '24538': 100, '24556': 100 });
    await put('score', '2023-Q1', [['24538', { value: 50 }]]);
    await put('score', '2023-Q3', [['24538', { value: 100 }]]);
    await put('score', '2023-05', [['24556', { value: 50 }]]);
    const p = await at('score');
    expect(byChild(p)['24538'].rolledUp).toEqual({ numerator: null, denominator: null, value: 100 });
    expect(byChild(p)['24556'].rolledUp).toEqual({ numerator: null, denominator: null, value: 50 });
    expect(p.rolledUp).toEqual({ numerator: null, denominator: null, value: (100 + 50) / 2 });
    expect(p).toMatchObject({ status: 'NOT_ACHIEVED', gap: 75 - 80, own: { value: null } });
    const q1 = await at('score', '2023-Q1');
    expect(q1.rolledUp.value).toBe(50);
    expect(byChild(q1)['24538'].rank).toBe(1);
  });

  it('rolls COUNT up as a sum, the unit’s own count included', async () => {
    await targetsFor('count', { '655': 15, '24538': 5 });
    await put('count', '2023-01', [['24538', { value: 3 }]]);
    await put('count', '2023-02', [['24538', { value: 4 }]]);
    await put('count', '2023', [['24556', { value: 5 }]]);
    await put('count', '2023-Q4', [['655', { value: 2 }]]);
    const p = await at('count');
    expect(p.own).toEqual({ numerator: null, denominator: null, value: 2 });
    expect(p.rolledUp).toEqual({ numerator: null, denominator: null, value: 3 + 4 + 5 + 2 });
    expect(p).toMatchObject({ status: 'NOT_ACHIEVED', gap: 14 - 15 });
    expect(byChild(p)['24538']).toMatchObject({ status: 'ACHIEVED', gap: 7 - 5, rank: 1 });
    expect(byChild(p)['24556']).toMatchObject({ status: 'NO_TARGET', gap: null, rank: 2 });
  });
});
