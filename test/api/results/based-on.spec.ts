import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { createIndicator, demo, draftPlan, progress, RECORD, type Demo } from '../../support/documents';

type Figure = { numerator: number | null; denominator: number | null; value: number | null };
const NONE: Figure = { numerator: null, denominator: null, value: null };

/**
 * recordResults with `basedOn` (issue #16): a phone queues a figure entered offline with the figure
 * it saw, and sends it when the link returns. A figure changed meanwhile by someone else is a
 * CONFLICT naming the unit, and nothing of the batch is written; the same figure sent twice is
 * stored once; without `basedOn` the last write wins, as before.
 */
describe.each(await testDatabases())('recordResults based on a figure seen, on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  const tok: Record<string, string> = {};
  let rate: string;
  let plan: string;
  const PERIOD = '2024-03';

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    for (const u of ['tinh.daklak', 'huyen.krongana', 'xa.buontrap']) tok[u] = await s.login(u);
    rate = await createIndicator(s, tok['tinh.daklak'], { code: 'T-BASIS', name: 'Tỷ lệ (thử cơ sở)', measure: 'RATE', comparator: 'AT_LEAST' });
    plan = await draftPlan(s, tok['tinh.daklak'], { issuerId: d.unit('66'), year: 2024, title: 'Cơ sở 2024 (thử)' }, [{ indicatorId: rate }]);
  });
  afterAll(async () => s?.close());

  const send = (user: string, results: Record<string, unknown>[]) => s.gql<{ recordResults: number }>(RECORD, { input: { indicatorId: rate, period: PERIOD, results } }, tok[user]);
  const stored = async (code: string): Promise<Figure> => {
    const rows = (await s.ds.query('SELECT numerator, denominator, value FROM result WHERE indicatorId = ? AND period = ? AND unitId = ?', [
      Number(rate),
      PERIOD,
      Number(d.unit(code)),
    ])) as Figure[];
    expect(rows.length).toBeLessThanOrEqual(1);
    return rows[0] ? { numerator: Number(rows[0].numerator), denominator: Number(rows[0].denominator), value: Number(rows[0].value) } : NONE;
  };
  const auditCount = async () => Number((await s.ds.query('SELECT COUNT(*) AS n FROM audit_log'))[0].n);

  it('writes a figure based on "none recorded" when none is, and stores it once when the same is sent again', async () => {
    const row = { unitId: d.unit('24538'), numerator: 30, denominator: 40, basedOn: NONE };
    expect((await send('xa.buontrap', [row])).data?.recordResults).toBe(1);
    expect(await stored('24538')).toEqual({ numerator: 30, denominator: 40, value: 75 });
    const audits = await auditCount();
    // The reply was lost and the phone sends the same again: based on "none" still, but it is what is stored.
    const again = await send('xa.buontrap', [row]);
    expect(codes(again)).toEqual([]);
    expect(await stored('24538')).toEqual({ numerator: 30, denominator: 40, value: 75 });
    expect(await auditCount()).toBe(audits);
    expect(Number((await s.ds.query('SELECT COUNT(*) AS n FROM result WHERE indicatorId = ? AND period = ?', [Number(rate), PERIOD]))[0].n)).toBe(1);
  });

  it('writes a change based on the figure that is stored', async () => {
    const res = await send('xa.buontrap', [{ unitId: d.unit('24538'), numerator: 32, denominator: 40, basedOn: { numerator: 30, denominator: 40, value: 75 } }]);
    expect(res.data?.recordResults).toBe(1);
    expect(await stored('24538')).toEqual({ numerator: 32, denominator: 40, value: 80 });
  });

  it('refuses a change based on a figure someone else has changed since, naming the unit, and writes nothing of the batch', async () => {
    // The district corrects the commune's figure while the commune's phone is offline.
    expect((await send('huyen.krongana', [{ unitId: d.unit('24538'), numerator: 35, denominator: 40 }])).data?.recordResults).toBe(1);
    const audits = await auditCount();
    const res = await send('huyen.krongana', [
      { unitId: d.unit('24556'), numerator: 1, denominator: 2, basedOn: NONE },
      { unitId: d.unit('24538'), numerator: 33, denominator: 40, basedOn: { numerator: 32, denominator: 40, value: 80 } },
    ]);
    expect(codes(res)).toEqual(['CONFLICT']);
    const err = res.errors![0] as { message: string; extensions: { params: Record<string, unknown> } };
    expect(err.extensions.params).toMatchObject({ reason: 'resultChangedMeanwhile', unitId: d.unit('24538'), period: PERIOD });
    const { unit } = (await s.gql<{ unit: { name: string } }>('query($id: ID!) { unit(id: $id) { name } }', { id: d.unit('24538') }, tok['huyen.krongana'])).data!;
    expect(err.message).toContain(unit.name);
    expect(err.message).toContain('đã được người khác sửa');
    expect(await stored('24538')).toEqual({ numerator: 35, denominator: 40, value: 87.5 });
    expect(await stored('24556')).toEqual(NONE);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses a first figure based on "none recorded" when one has been recorded since', async () => {
    const res = await send('xa.buontrap', [{ unitId: d.unit('24538'), numerator: 1, denominator: 1, basedOn: NONE }]);
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(await stored('24538')).toEqual({ numerator: 35, denominator: 40, value: 87.5 });
  });

  it('keeps the last write winning without basedOn (the user chose to keep their figure)', async () => {
    expect((await send('xa.buontrap', [{ unitId: d.unit('24538'), numerator: 33, denominator: 40 }])).data?.recordResults).toBe(1);
    expect(await stored('24538')).toEqual({ numerator: 33, denominator: 40, value: 82.5 });
    const own = (await progress(s, tok['tinh.daklak'], { planId: plan, indicatorId: rate, unitId: d.unit('24538'), period: PERIOD })).own;
    expect(own).toEqual({ numerator: 33, denominator: 40, value: 82.5 });
  });
});
