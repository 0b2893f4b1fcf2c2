import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { createIndicator, demo, draftPlan, progress, record, RECORD, type Demo } from '../../support/documents';

/** recordResults: who writes whose figures, idempotence, all-or-nothing, and what is refused. */
describe.each(await testDatabases())('recordResults on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  const tok: Record<string, string> = {};
  let plan: string;
  let rate: string;
  let score: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tok.sysadmin = d.admin;
    for (const u of ['tinh.daklak', 'huyen.krongana', 'xa.buontrap', 'phantich.daklak']) tok[u] = await s.login(u);
    rate = await createIndicator(s, tok['tinh.daklak'], { code: 'T-RES', name: 'Tỷ lệ (thử)', measure: 'RATE', comparator: 'AT_LEAST' });
    score = await createIndicator(s, tok['tinh.daklak'], { code: 'T-RES-SCORE', name: 'Điểm (thử)', measure: 'SCORE', comparator: 'AT_LEAST' });
    plan = await draftPlan(s, tok['tinh.daklak'], { issuerId: d.unit('66'), year: 2024, title: 'Kết quả 2024 (thử)' }, [{ indicatorId: rate }, { indicatorId: score }]);
  });
  afterAll(async () => s?.close());

  const rolledUp = async (unit: string, period: string, indicatorId = rate) =>
    (await progress(s, tok['tinh.daklak'], { planId: plan, indicatorId, unitId: d.unit(unit), period })).rolledUp;
  const storedRows = async (period: string) => Number((await s.ds.query('SELECT COUNT(*) AS n FROM result WHERE indicatorId = ? AND period = ?', [Number(rate), period]))[0].n);
  const send = (user: string, period: string, results: Record<string, unknown>[], indicatorId = rate) =>
    s.gql<{ recordResults: number }>(RECORD, { input: { indicatorId, period, results } }, tok[user]);

  it('is idempotent: the same batch twice leaves the same figures and one row per (unit, indicator, period)', async () => {
    const batch = [
      { unitId: d.unit('655'), numerator: 80, denominator: 100 },
      { unitId: d.unit('24538'), numerator: 45, denominator: 50 },
      { unitId: d.unit('24556'), numerator: 0, denominator: 0 },
    ];
    expect(await record(s, tok['huyen.krongana'], rate, '2024-05', batch)).toBe(3);
    const first = await rolledUp('655', '2024-05');
    expect(first).toEqual({ numerator: 125, denominator: 150, value: (100 * 125) / 150 });
    expect(await record(s, tok['huyen.krongana'], rate, '2024-05', batch)).toBe(3);
    expect(await rolledUp('655', '2024-05')).toEqual(first);
    expect(await storedRows('2024-05')).toBe(3);
  });

  it('replaces the earlier figures of a (unit, indicator, period) rather than adding to them', async () => {
    expect(await record(s, tok['huyen.krongana'], rate, '2024-05', [{ unitId: d.unit('24538'), numerator: 10, denominator: 50 }])).toBe(1);
    expect(await rolledUp('24538', '2024-05')).toEqual({ numerator: 10, denominator: 50, value: 20 });
    expect(await rolledUp('655', '2024-05')).toEqual({ numerator: 90, denominator: 150, value: 60 });
    expect(await storedRows('2024-05')).toBe(3);
  });

  it.each([
    ['the commune itself (reporter)', 'xa.buontrap', '24538'],
    ['its district, for the commune', 'huyen.krongana', '24538'],
    ['the district, for itself', 'huyen.krongana', '655'],
    ['the province, for a commune', 'tinh.daklak', '24538'],
    ['a system admin, anywhere', 'sysadmin', '24580'],
  ])('accepts figures from %s', async (_label, user, code) => {
    const res = await send(user, '2024-06', [{ unitId: d.unit(code), numerator: 7, denominator: 8 }]);
    expect(res.data?.recordResults).toBe(1);
    const own = (await progress(s, tok['tinh.daklak'], { planId: plan, indicatorId: rate, unitId: d.unit(code), period: '2024-06' })).own;
    expect(own).toEqual({ numerator: 7, denominator: 8, value: (100 * 7) / 8 });
  });

  it.each([
    ['an analyst (reads only)', 'phantich.daklak', '24538', 'FORBIDDEN'],
    ['a district, for a commune of another district', 'huyen.krongana', '24580', 'NOT_FOUND'],
    ['a district, for another district', 'huyen.krongana', '656', 'NOT_FOUND'],
    ['a district, for its province', 'huyen.krongana', '66', 'NOT_FOUND'],
    ['a commune, for a sibling commune', 'xa.buontrap', '24556', 'NOT_FOUND'],
    ['a commune, for its district', 'xa.buontrap', '655', 'NOT_FOUND'],
  ])('refuses figures from %s', async (_label, user, code, error) => {
    const res = await send(user, '2024-07', [{ unitId: d.unit(code), numerator: 1, denominator: 2 }]);
    expect(codes(res)).toEqual([error]);
    expect(await storedRows('2024-07')).toBe(0);
  });

  it('refuses anonymous callers', async () => {
    const res = await s.gql(RECORD, { input: { indicatorId: rate, period: '2024-07', results: [{ unitId: d.unit('24538'), numerator: 1, denominator: 2 }] } });
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    ['b greater than a', '2024-08', [{ numerator: 11, denominator: 10 }], 'BAD_USER_INPUT'],
    ['a negative count', '2024-08', [{ numerator: -1, denominator: 10 }], 'BAD_USER_INPUT'],
    ['a rate without its denominator', '2024-08', [{ numerator: 1 }], 'BAD_USER_INPUT'],
    ['a month without its leading zero', '2024-8', [{ numerator: 1, denominator: 2 }], 'BAD_USER_INPUT'],
    ['a fifth quarter', '2024-Q5', [{ numerator: 1, denominator: 2 }], 'BAD_USER_INPUT'],
    [
      'the same unit twice',
      '2024-08',
      [
        { numerator: 1, denominator: 2 },
        { numerator: 1, denominator: 2 },
      ],
      'BAD_USER_INPUT',
    ],
  ])('refuses %s and saves no row of the batch', async (_label, period, bad, error) => {
    const rows = [{ unitId: d.unit('24556'), numerator: 5, denominator: 10 }, ...bad.map((f) => ({ unitId: d.unit('24538'), ...f }))];
    const res = await send('huyen.krongana', period, rows);
    expect(codes(res)).toEqual([error]);
    expect(await storedRows(period)).toBe(0);
  });

  it.each([
    ['a score above 100', 101, 'BAD_USER_INPUT'],
    ['a negative score', -5, 'BAD_USER_INPUT'],
  ])('refuses %s', async (_label, value, error) => {
    expect(codes(await send('huyen.krongana', '2024', [{ unitId: d.unit('24538'), value }], score))).toEqual([error]);
    expect((await rolledUp('24538', '2024', score)).value).toBeNull();
  });

  it('refuses an indicator that does not exist', async () => {
    expect(codes(await send('huyen.krongana', '2024-09', [{ unitId: d.unit('24538'), numerator: 1, denominator: 2 }], '987654'))).toEqual(['NOT_FOUND']);
  });
});
