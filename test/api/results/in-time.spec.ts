import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { createIndicator, demo, ok, RECORD, type Demo } from '../../support/documents';

/**
 * Issue #11, class 9: a result must lie in time. The period has started, the unit existed during
 * it, and it ended within twelve months unless the unit has a target that year; refused with
 * UNIT_NOT_VALID / PERIOD_OUT_OF_RANGE (BAD_USER_INPUT) in the user's language, nothing stored.
 */
describe.each(await testDatabases())('results in time on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let token: string;
  let rate: string;
  let dissolved: { id: string; name: string };
  let commune: string;
  const year = new Date().getUTCFullYear();
  const month = `${year}-${String(new Date().getUTCMonth() + 1).padStart(2, '0')}`;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo-reform' });
    d = await demo(s);
    token = await s.login('tinh.daklak');
    rate = await createIndicator(s, token, { code: 'T-TIME', name: 'Tỷ lệ (thử thời gian)', measure: 'RATE', comparator: 'AT_LEAST' });
    // A district merged away by the 2025 reform, and a commune of today's tree.
    const [old] = (await s.ds.query(`SELECT id, name FROM unit WHERE kind = 'DISTRICT' AND validTo = '2025-06-30' ORDER BY id`)) as { id: number; name: string }[];
    dissolved = { id: String(old.id), name: old.name };
    const [now] = (await s.ds.query(`SELECT id FROM unit WHERE kind = 'COMMUNE' AND validFrom = '2025-07-01' ORDER BY id`)) as { id: number }[];
    commune = String(now.id);
  });
  afterAll(async () => s?.close());

  const send = (indicatorId: string, period: string, unitId: string, headers: Record<string, string> = {}) =>
    s.gql<{ recordResults: number }>(RECORD, { input: { indicatorId, period, results: [{ unitId, numerator: 3, denominator: 4 }] } }, token, headers);
  const stored = async (indicatorId: string, period: string) =>
    Number((await s.ds.query('SELECT COUNT(*) AS n FROM result WHERE indicatorId = ? AND period = ?', [Number(indicatorId), period]))[0].n);

  it.each([
    // The old district has no start date, so 1900 is refused for lack of a target, not of the unit.
    ['1900, a year with no target', () => '1900', 'PERIOD_OUT_OF_RANGE', /Không thể ghi nhận kết quả cho kỳ 1900: đơn vị không có chỉ tiêu/],
    ['next year, which has not started', () => String(year + 1), 'PERIOD_OUT_OF_RANGE', /chưa bắt đầu/],
    ['next month', () => (month.endsWith('-12') ? `${year + 1}-01` : `${year}-${String(Number(month.slice(5)) + 1).padStart(2, '0')}`), 'PERIOD_OUT_OF_RANGE', /chưa bắt đầu/],
  ])('refuses a result for %s with %s and stores nothing', async (_label, period, reason, message) => {
    const res = await send(rate, period(), period() === '1900' ? dissolved.id : commune);
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.reason).toBe(reason);
    expect(res.errors![0].message).toMatch(message);
    expect(await stored(rate, period())).toBe(0);
  });

  it('refuses a result of this year for a district dissolved in the 2025 reform (UNIT_NOT_VALID), in Vietnamese and English', async () => {
    const vi = await send(rate, String(year), dissolved.id);
    expect(codes(vi)).toEqual(['BAD_USER_INPUT']);
    expect(vi.errors![0].extensions!.reason).toBe('UNIT_NOT_VALID');
    expect(vi.errors![0].message).toContain(`Đơn vị ${dissolved.name} không tồn tại trong kỳ báo cáo ${year}`);
    expect(vi.errors![0].message).toContain('30/06/2025');
    const en = await send(rate, month, dissolved.id, { 'accept-language': 'en' });
    expect(en.errors![0].extensions!.reason).toBe('UNIT_NOT_VALID');
    expect(en.errors![0].message).toContain(`Unit ${dissolved.name} did not exist during the period ${month}`);
    expect(await stored(rate, String(year))).toBe(0);
    expect(await stored(rate, month)).toBe(0);
  });

  it('refuses the whole batch when one row is out of time', async () => {
    const res = await s.gql(
      RECORD,
      {
        input: {
          indicatorId: rate,
          period: month,
          results: [
            { unitId: commune, numerator: 1, denominator: 2 },
            { unitId: dissolved.id, numerator: 1, denominator: 2 },
          ],
        },
      },
      token,
    );
    expect(res.errors![0].extensions!.reason).toBe('UNIT_NOT_VALID');
    expect(await stored(rate, month)).toBe(0);
  });

  it("accepts this month for today's commune, and 2022 (and its baseline year 2021) for the old district where the 2022 plan set targets", async () => {
    expect(ok(await send(rate, month, commune)).recordResults).toBe(1);
    expect(await stored(rate, month)).toBe(1);
    const online = d.indicator('DLK22-ONLINE-RATE');
    expect(ok(await send(online, '2022-Q3', dissolved.id)).recordResults).toBe(1);
    // 2021 is the 2022 plan's baseline year: last year's actual, recorded while the plan is made.
    expect(ok(await send(online, '2021', dissolved.id)).recordResults).toBe(1);
    expect(codes(await send(online, '2019', dissolved.id))).toEqual(['BAD_USER_INPUT']);
    // A period that ended more than twelve months ago, for an indicator no plan of that year lists: refused.
    const res = await send(rate, '2022-Q3', dissolved.id);
    expect(res.errors![0].extensions!.reason).toBe('PERIOD_OUT_OF_RANGE');
  });
});
