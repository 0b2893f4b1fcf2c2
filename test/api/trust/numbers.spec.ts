import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { createIndicator, demo, draftPlan, ok, RECORD, SET_TARGETS, type Demo } from '../../support/documents';
import { repairFiniteNumbers } from '../../../server/src/db/migrations/1765000000000-finite-numbers';

/**
 * Issue #11, class 3: every Float the API takes is finite and bounded (counts 0..1e12, rates,
 * scores and baselines of rates 0..100); 1e308, a `1e400` literal (Infinity to graphql-js) and
 * absurd baselines are refused with nothing stored; and a non-finite figure already stored
 * neither breaks progress, nationalProgress nor progress.xlsx, and the repair migration clears it.
 */
describe.each(await testDatabases())('non-finite and absurd numbers on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let token: string;
  let rate: string;
  let count: string;
  let plan: string;
  const month = `${new Date().getUTCFullYear()}-${String(new Date().getUTCMonth() + 1).padStart(2, '0')}`;
  const year = new Date().getUTCFullYear();

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    token = await s.login('tinh.daklak');
    rate = await createIndicator(s, token, { code: 'T-NUM-RATE', name: 'Tỷ lệ (thử số)', measure: 'RATE', comparator: 'AT_LEAST' });
    count = await createIndicator(s, token, { code: 'T-NUM-COUNT', name: 'Số lượng (thử số)', measure: 'COUNT', comparator: 'AT_LEAST', unitOfMeasure: 'hồ sơ' });
    plan = await draftPlan(s, token, { issuerId: d.unit('66'), year, title: 'Kế hoạch thử số' }, [{ indicatorId: rate }, { indicatorId: count }]);
  });
  afterAll(async () => s?.close());

  const stored = async (table: 'result' | 'target', indicatorId: string) =>
    Number((await s.ds.query(`SELECT COUNT(*) AS n FROM ${table} WHERE indicatorId = ?`, [Number(indicatorId)]))[0].n);
  const record = (indicatorId: string, results: Record<string, unknown>[], headers: Record<string, string> = {}) =>
    s.gql<{ recordResults: number }>(RECORD, { input: { indicatorId, period: month, results } }, token, headers);

  it.each([
    ['numerator = denominator = 1e308', () => rate, [{ numerator: 1e308, denominator: 1e308 }], 'results[0].numerator'],
    ['a count of 1e308', () => count, [{ value: 1e308 }], 'results[0].value'],
    ['two counts of 1e308 that would overflow the sum', () => count, [{ value: 1e308 }, { value: 1e308 }], 'results[0].value'],
    ['a count above 1e12', () => count, [{ value: 2e12 }], 'results[0].value'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and stores nothing', async (_label, indicatorId, figures, field) => {
    const units = ['24538', '24541'];
    const res = await record(
      indicatorId(),
      figures.map((f, i) => ({ unitId: d.unit(units[i]), ...f })),
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = (res.errors![0].extensions!.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toContain(field);
    expect(res.errors![0].message).toMatch(/^Dữ liệu nhập không hợp lệ: trường results\[0\]\.\w+ phải là một số hữu hạn/);
    expect(await stored('result', indicatorId())).toBe(0);
  });

  it('refuses the literal 1e400 (Infinity to graphql-js) as BAD_USER_INPUT, in English too', async () => {
    const doc = (field: string) =>
      `mutation { recordResults(input: { indicatorId: "${count}", period: "${month}", results: [{ unitId: "${d.unit('24538')}", ${field}: 1e400 }] }) }`;
    const res = await s.gql(doc('value'), {}, token, { 'accept-language': 'en' });
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].message).toMatch(/^Invalid input: results\[0\]\.value must be a finite number/);
    expect(await stored('result', count)).toBe(0);
  });

  it('refuses a rate result whose b exceeds its a, and a count below 0, as before (OUT_OF_RANGE)', async () => {
    const res = await record(count, [{ unitId: d.unit('24538'), value: -1 }]);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.reason).toBe('OUT_OF_RANGE');
    expect(res.errors![0].message).toMatch(/Kết quả thực hiện của .* không hợp lệ: giá trị nằm ngoài giới hạn/);
    expect(await stored('result', count)).toBe(0);
  });

  it.each([
    ['1e308', 1e308],
    ['1e12 + 1 (above every bound)', 1e12 + 1],
  ])('refuses a baseline of %s with BAD_USER_INPUT and stores no target', async (_label, baseline) => {
    const res = await s.gql(SET_TARGETS, { input: { planId: plan, indicatorId: rate, targets: [{ unitId: d.unit('655'), value: 90, baseline }] } }, token);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect((res.errors![0].extensions!.fields as { field: string }[])[0].field).toBe('targets[0].baseline');
    expect(await stored('target', rate)).toBe(0);
  });

  it('refuses a baseline written as the literal 1e400', async () => {
    const res = await s.gql(
      `mutation { setTargets(input: { planId: "${plan}", indicatorId: "${rate}", targets: [{ unitId: "${d.unit('655')}", value: 90, baseline: 1e400 }] }) { applied } }`,
      {},
      token,
    );
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(await stored('target', rate)).toBe(0);
  });

  it.each([
    ['−50 for a rate', () => rate, 90, -50],
    ['120 for a rate', () => rate, 90, 120],
    ['−1 for a count', () => count, 10, -1],
  ])('refuses a baseline of %s like a target out of range (OUT_OF_RANGE, nothing applied)', async (_label, indicatorId, value, baseline) => {
    const res = ok(
      await s.gql<{ setTargets: { applied: boolean; issues: { code: string; severity: string; message: string }[] } }>(
        SET_TARGETS,
        { input: { planId: plan, indicatorId: indicatorId(), targets: [{ unitId: d.unit('655'), value, baseline }] } },
        token,
      ),
    ).setTargets;
    expect(res.applied).toBe(false);
    expect(res.issues.map((i) => [i.code, i.severity])).toContainEqual(['OUT_OF_RANGE', 'ERROR']);
    expect(res.issues.find((i) => i.code === 'OUT_OF_RANGE')!.message).toMatch(/^Kết quả năm trước \(mức cơ sở\) -?\d+/);
    expect(await stored('target', indicatorId())).toBe(0);
  });

  it('keeps answering progress, nationalProgress and progress.xlsx when a non-finite figure is stored, and the repair clears it', async () => {
    // Two legitimate counts, then made absurd behind the API's back: 1.7e308 each (their sum overflows),
    // and on SQLite a true Infinity (MariaDB's DOUBLE cannot hold one).
    expect(
      ok(
        await record(count, [
          { unitId: d.unit('24538'), value: 5 },
          { unitId: d.unit('24541'), value: 7 },
        ]),
      ).recordResults,
    ).toBe(2);
    await s.ds.query('UPDATE result SET value = 1.7e308 WHERE indicatorId = ?', [Number(count)]);
    expect(ok(await record(rate, [{ unitId: d.unit('24538'), numerator: 3, denominator: 4 }])).recordResults).toBe(1);
    if (kind === 'sqlite') await s.ds.query('UPDATE result SET numerator = 9e999, denominator = 9e999, value = 9e999 WHERE indicatorId = ?', [Number(rate)]);
    else await s.ds.query('UPDATE result SET numerator = 1.7e308, denominator = 1.7e308 WHERE indicatorId = ?', [Number(rate)]);

    const PROGRESS =
      'query($p: ID!, $i: ID!, $u: ID!, $period: String) { progress(planId: $p, indicatorId: $i, unitId: $u, period: $period) { rolledUp { numerator denominator value } children { own { value } rolledUp { value } } } }';
    const NATIONAL = 'query($i: ID!, $p: String!) { nationalProgress(indicatorId: $i, period: $p) { rolledUp { numerator denominator value } } }';
    const answers = async () => {
      for (const indicatorId of [count, rate]) {
        for (const unit of ['66', '655', '24538']) {
          const res = await s.gql(PROGRESS, { p: plan, i: indicatorId, u: d.unit(unit), period: month }, token);
          expect(res.errors, `${unit}: ${JSON.stringify(res.errors)}`).toBeUndefined();
        }
        const national = await s.gql<{ nationalProgress: { rolledUp: { value: number | null } }[] }>(NATIONAL, { i: indicatorId, p: month }, d.admin);
        expect(national.errors).toBeUndefined();
        for (const row of national.data!.nationalProgress) expect(row.rolledUp.value === null || Number.isFinite(row.rolledUp.value)).toBe(true);
        const xlsx = await fetch(`${s.url}/export/progress.xlsx?${new URLSearchParams({ planId: plan, indicatorId, unitId: d.unit('66'), period: month })}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(xlsx.status).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
        wb.worksheets[0].eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'number') expect(Number.isFinite(cell.value)).toBe(true);
          }),
        );
      }
    };
    await answers();

    const repaired = await repairFiniteNumbers((sql, params) => s.ds.query(sql, params));
    expect(repaired.results).toBe(3);
    const left = (await s.ds.query('SELECT numerator, denominator, value FROM result WHERE indicatorId IN (?, ?)', [Number(count), Number(rate)])) as Record<string, unknown>[];
    expect(left).toHaveLength(3);
    for (const r of left) expect([r.numerator, r.denominator, r.value]).toEqual([null, null, null]);
    await answers();
    // Safe to run twice: nothing left to repair.
    expect(Object.values(await repairFiniteNumbers((sql, params) => s.ds.query(sql, params))).every((n) => n === 0)).toBe(true);
  });
});
