import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, ok, PLAN, targets, type Demo } from '../../support/documents';

/**
 * The 2022 decision's annex (Quyết định giao chỉ tiêu năm 2022, Phụ lục), copied from the
 * fixture: unit code → [2021 online rate (null: no dossiers arose), 2022 online-rate target,
 * digitisation target]. The four rows typed by hand (not the baseline rule) are marked.
 */
const ANNEX_2022: Record<string, [number | null, number, number]> = {
  '66.SCT': [99.96, 99, 50],
  '66.SGTVT': [37.15, 50, 50],
  '66.SGDDT': [95.33, 97, 50],
  '66.SKHCN': [86.67, 88, 50],
  '66.SKHDT': [97, 98, 50],
  '66.SLDTBXH': [92.23, 94, 50],
  '66.SNGV': [100, 99, 50],
  '66.SNNPTNT': [100, 99, 50],
  '66.SNV': [92.57, 87, 50],
  '66.STTTT': [97.4, 98, 50],
  '66.STC': [100, 99, 50],
  '66.STNMT': [0.66, 50, 50],
  '66.STP': [53.59, 55, 50],
  '66.SVHTTDL': [100, 99, 50],
  '66.SXD': [66.67, 68, 50],
  '66.SYT': [98.06, 98, 50],
  '66.BQLKCN': [null, 50, 50],
  '66.CAT': [99.94, 99, 50],
  '643': [78.39, 79, 40],
  '644': [43.41, 45, 40],
  '655': [51.04, 53, 40],
  '653': [0.02, 40, 40],
  '654': [86.43, 88, 40],
  '649': [2.39, 40, 40],
  '650': [66.03, 68, 40],
  '645': [31.81, 40, 40],
  '651': [17.18, 40, 40],
  '646': [21.82, 40, 40],
  '657': [1.19, 40, 40],
  '648': [89.21, 91, 40],
  '652': [0.03, 40, 40],
  '647': [5, 40, 40],
  '656': [0.57, 40, 40],
};
const TYPED_BY_HAND = ['66.SNV', '66.STTTT', '66.SYT', '643'];
const BELOW_BASELINE = ['66.SCT', '66.SNGV', '66.SNNPTNT', '66.STC', '66.SVHTTDL', '66.CAT', '66.SYT', '66.SNV'];

/** Kế hoạch 91/KH-UBND (2023), Phụ lục I: position → [measure, agencies' target, district-level target]. */
const PLAN_2023: Record<string, [string, [string, number] | null, [string, number]]> = {
  '1': ['RATE', ['AT_LEAST', 100], ['AT_LEAST', 100]],
  '2': ['RATE', ['AT_LEAST', 100], ['AT_LEAST', 100]],
  '3': ['RATE', ['GREATER_THAN', 80], ['GREATER_THAN', 80]],
  '4': ['RATE', ['AT_LEAST', 100], ['AT_LEAST', 60]],
  '5': ['RATE', ['AT_LEAST', 90], ['AT_LEAST', 90]],
  '6': ['RATE', ['AT_LEAST', 90], ['AT_LEAST', 90]],
  '7': ['RATE', ['AT_LEAST', 100], ['AT_LEAST', 100]],
  '8': ['SCORE', ['AT_LEAST', 100], ['AT_LEAST', 100]],
  '9': ['SCORE', null, ['AT_LEAST', 100]],
};

describe.each(await testDatabases())('the demo seed on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let province: string;
  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    province = await s.login('tinh.daklak');
  });
  afterAll(async () => s?.close());

  it('has the province, its 18 agencies, 15 district-level units and 184 communes with their GSO codes', async () => {
    const res = ok(
      await s.gql<{ unit: { name: string; kind: string; children: { code: string; kind: string; children: unknown[] }[] } }>(
        '{ unit(code: "66") { name kind children { code kind children { code } } } }',
        {},
        province,
      ),
    ).unit;
    expect(res).toMatchObject({ name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE' });
    const agencies = res.children.filter((c) => c.kind === 'PROVINCIAL_AGENCY');
    const districts = res.children.filter((c) => c.kind !== 'PROVINCIAL_AGENCY');
    expect(agencies.map((a) => a.code).sort()).toEqual(
      Object.keys(ANNEX_2022)
        .filter((c) => c.startsWith('66.'))
        .sort(),
    );
    expect(districts.map((x) => x.code).sort()).toEqual(
      Object.keys(ANNEX_2022)
        .filter((c) => !c.startsWith('66.'))
        .sort(),
    );
    expect(districts.reduce((n, x) => n + x.children.length, 0)).toBe(184);
    const ana = ok(await s.gql<{ unit: unknown }>('{ unit(code: "655") { name kind children { code name kind } } }', {}, province)).unit;
    expect(ana).toMatchObject({ name: 'Huyện Krông A Na', kind: 'DISTRICT' });
    expect((ana as { children: unknown[] }).children).toContainEqual({ code: '24538', name: 'Thị trấn Buôn Trấp', kind: 'TOWNSHIP' });
  });

  it('has the 2022 decision ISSUED, deadline 2022-06-30, with its two indicators and the commune floors 80/60/40', async () => {
    const plan = ok(await s.gql<{ plan: any }>(PLAN, { id: d.plan(2022) }, province)).plan;
    expect(plan).toMatchObject({ year: 2022, status: 'ISSUED', subAssignmentDeadline: '2022-06-30', issuer: { code: '66' } });
    const byCode = Object.fromEntries(plan.indicators.map((i: any) => [i.indicator.code, i]));
    expect(Object.keys(byCode).sort()).toEqual(['DLK22-DIGITIZATION', 'DLK22-ONLINE-RATE']);
    expect(byCode['DLK22-ONLINE-RATE'].indicator).toMatchObject({ measure: 'RATE', comparator: 'AT_LEAST' });
    const floors = Object.fromEntries(byCode['DLK22-ONLINE-RATE'].floors.map((f: any) => [f.kind, f.value]));
    expect(floors).toEqual({ WARD: 80, TOWNSHIP: 60, COMMUNE: 40 });
    expect(byCode['DLK22-DIGITIZATION'].floors).toEqual([]);
  });

  it('has all 33 online-rate targets of 2022 with their 2021 baselines, by unit code', async () => {
    const rows = await targets(s, province, { planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE') });
    expect(rows).toHaveLength(33);
    const got = Object.fromEntries(rows.map((t) => [t.unit.code, [t.baseline, t.value]]));
    const want = Object.fromEntries(Object.entries(ANNEX_2022).map(([code, [baseline, target]]) => [code, [baseline, target]]));
    expect(got).toEqual(want);
    for (const t of rows) {
      expect(t.comparator).toBe('AT_LEAST');
      expect(t.assignedBy.code).toBe('66');
      expect(t.origin).toBe(TYPED_BY_HAND.includes(t.unit.code!) ? 'MANUAL' : 'RULE');
    }
    // Eight rows sit below their baseline: six capped at 99, Sở Y tế 98 vs 98.06 and Sở Nội vụ 87 vs 92.57.
    expect(
      rows
        .filter((t) => t.baseline !== null && t.value < t.baseline)
        .map((t) => t.unit.code)
        .sort(),
    ).toEqual([...BELOW_BASELINE].sort());
  });

  it('has the digitisation targets: 50% for every agency, 40% for every district-level unit', async () => {
    const rows = await targets(s, province, { planId: d.plan(2022), indicatorId: d.indicator('DLK22-DIGITIZATION') });
    expect(Object.fromEntries(rows.map((t) => [t.unit.code, t.value]))).toEqual(
      Object.fromEntries(Object.entries(ANNEX_2022).map(([code, [, , digitization]]) => [code, digitization])),
    );
  });

  it('has the 2023 plan 91/KH-UBND with its 9 indicators and their targets per kind', async () => {
    const plan = ok(await s.gql<{ plan: any }>(PLAN, { id: d.plan(2023) }, province)).plan;
    expect(plan).toMatchObject({ year: 2023, documentNumber: '91/KH-UBND', status: 'ISSUED', issuer: { code: '66' } });
    expect(plan.indicators.map((i: any) => i.position)).toEqual(Object.keys(PLAN_2023));
    const all = await targets(s, province, { planId: d.plan(2023) });
    expect(all).toHaveLength(8 * 33 + 15);
    for (const pi of plan.indicators) {
      const [measure, agencies, districts] = PLAN_2023[pi.position];
      expect(pi.indicator.measure, `position ${pi.position}`).toBe(measure);
      const rows = await targets(s, province, { planId: d.plan(2023), indicatorId: pi.indicator.id });
      const agencyRows = rows.filter((t) => t.unit.kind === 'PROVINCIAL_AGENCY');
      const districtRows = rows.filter((t) => t.unit.kind !== 'PROVINCIAL_AGENCY');
      expect(
        agencyRows.map((t) => [t.comparator, t.value]),
        `position ${pi.position}`,
      ).toEqual(agencies ? Array(18).fill(agencies) : []);
      expect(
        districtRows.map((t) => [t.comparator, t.value]),
        `position ${pi.position}`,
      ).toEqual(Array(15).fill(districts));
    }
  });
});
