import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { cascade, demo, draftPlan, issueTriples, setTargets, sortTriples, targets, valuesByCode, type Demo } from '../../support/documents';

/** Đắk Lắk 2022 (fixture): unit code → [2021 online rate, 2022 target]; null baseline = no dossiers arose. */
const ANNEX: Record<string, [number | null, number]> = {
  '66.SCT': [99.96, 99],
  '66.SGTVT': [37.15, 50],
  '66.SGDDT': [95.33, 97],
  '66.SKHCN': [86.67, 88],
  '66.SKHDT': [97, 98],
  '66.SLDTBXH': [92.23, 94],
  '66.SNGV': [100, 99],
  '66.SNNPTNT': [100, 99],
  '66.SNV': [92.57, 87],
  '66.STTTT': [97.4, 98],
  '66.STC': [100, 99],
  '66.STNMT': [0.66, 50],
  '66.STP': [53.59, 55],
  '66.SVHTTDL': [100, 99],
  '66.SXD': [66.67, 68],
  '66.SYT': [98.06, 98],
  '66.BQLKCN': [null, 50],
  '66.CAT': [99.94, 99],
  '643': [78.39, 79],
  '644': [43.41, 45],
  '655': [51.04, 53],
  '653': [0.02, 40],
  '654': [86.43, 88],
  '649': [2.39, 40],
  '650': [66.03, 68],
  '645': [31.81, 40],
  '651': [17.18, 40],
  '646': [21.82, 40],
  '657': [1.19, 40],
  '648': [89.21, 91],
  '652': [0.03, 40],
  '647': [5, 40],
  '656': [0.57, 40],
};
const HAND_TYPED: Record<string, number> = { '66.SNV': 87, '66.STTTT': 98, '66.SYT': 98, '643': 79 };
const DEFAULTS = [
  { kind: 'PROVINCIAL_AGENCY', value: 50 },
  { kind: 'PROVINCIAL_CITY', value: 60 },
  { kind: 'TOWN', value: 45 },
  { kind: 'DISTRICT', value: 40 },
];
const BY_KIND: Record<string, number> = { PROVINCIAL_AGENCY: 50, PROVINCIAL_CITY: 60, TOWN: 45, DISTRICT: 40 };
const DISTRICT_LEVEL_40 = ['PROVINCIAL_CITY', 'TOWN', 'DISTRICT'].map((kind) => ({ kind, value: 40 }));

describe.each(await testDatabases())('cascadeTargets by the province on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;
  let plan: string;
  let online: string;
  let digitization: string;
  const codes = () => d.childrenOf('66');
  const expectedDefault = (code: string) => BY_KIND[d.kind(code)];

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tinh = await s.login('tinh.daklak');
    online = d.indicator('DLK22-ONLINE-RATE');
    digitization = d.indicator('DLK22-DIGITIZATION');
    plan = await draftPlan(s, tinh, { issuerId: d.unit('66'), year: 2025, title: 'Giao chỉ tiêu 2025 (thử)' }, [
      { indicatorId: online },
      {
        indicatorId: digitization,
        floors: [
          { kind: 'DISTRICT', value: 45 },
          { kind: 'PROVINCIAL_AGENCY', value: 30 },
        ],
      },
    ]);
  });
  afterAll(async () => s?.close());

  const base = () => ({ planId: plan, indicatorId: online, parentUnitId: d.unit('66') });

  it('previews a cascade (dry run): would-be rows "new:<unitId>", version 0, counts, nothing saved', async () => {
    const res = await cascade(s, tinh, { ...base(), defaults: DEFAULTS, dryRun: true });
    expect(res).toMatchObject({ applied: false, created: 33, updated: 0, issues: [] });
    expect(res.targets).toHaveLength(33);
    for (const t of res.targets) {
      expect(t.id).toBe(`new:${t.unit.id}`);
      expect(t).toMatchObject({ version: 0, origin: 'RULE', value: expectedDefault(t.unit.code!) });
    }
    expect(await targets(s, tinh, { planId: plan, indicatorId: online })).toEqual([]);
  });

  it('applies the defaults per kind, then re-running changes nothing (created 0, updated 0)', async () => {
    const res = await cascade(s, tinh, { ...base(), defaults: DEFAULTS });
    expect(res).toMatchObject({ applied: true, created: 33, updated: 0, issues: [] });
    const saved = await targets(s, tinh, { planId: plan, indicatorId: online });
    expect(valuesByCode(saved)).toEqual(Object.fromEntries(codes().map((c) => [c, expectedDefault(c)])));
    expect(saved.every((t) => t.origin === 'RULE' && t.version === 1 && !t.id.startsWith('new:') && t.assignedBy.code === '66')).toBe(true);
    const again = await cascade(s, tinh, { ...base(), defaults: DEFAULTS });
    expect(again).toMatchObject({ applied: true, created: 0, updated: 0, issues: [] });
    expect(again.targets.map((t) => [t.id, t.version]).sort()).toEqual(saved.map((t) => [t.id, t.version]).sort());
  });

  it('reproduces the 2022 annex: baseline policy (uplift 1, cap 99, floors 50/40) from stored baselines plus four hand-typed overrides', async () => {
    // The 2021 baselines go onto the existing targets first (values as they are).
    const withBaselines = await setTargets(s, tinh, {
      planId: plan,
      indicatorId: online,
      targets: codes().map((c) => ({ unitId: d.unit(c), value: expectedDefault(c), baseline: ANNEX[c][0] })),
    });
    expect(withBaselines).toMatchObject({ applied: true, created: 0, updated: 33 });
    const input = {
      ...base(),
      floors: [{ kind: 'PROVINCIAL_AGENCY', value: 50 }, ...DISTRICT_LEVEL_40],
      baselinePolicy: { uplift: 1, cap: 99 },
      overrides: Object.entries(HAND_TYPED).map(([c, value]) => ({ unitId: d.unit(c), value })),
      keepManual: false,
    };
    const res = await cascade(s, tinh, input);
    expect(res.applied).toBe(true);
    // What the rule gives, computed here from the baselines: it matches the annex except the four typed by hand.
    const rule = (c: string) => {
      const floor = d.kind(c) === 'PROVINCIAL_AGENCY' ? 50 : 40;
      const b = ANNEX[c][0];
      return b === null ? floor : Math.min(99, Math.max(floor, Math.ceil(b) + 1));
    };
    expect(
      codes()
        .filter((c) => rule(c) !== ANNEX[c][1])
        .sort(),
    ).toEqual(Object.keys(HAND_TYPED).sort());
    expect(valuesByCode(res.targets)).toEqual(Object.fromEntries(codes().map((c) => [c, ANNEX[c][1]])));
    for (const t of res.targets) {
      expect(t.origin, t.unit.code!).toBe(t.unit.code! in HAND_TYPED ? 'MANUAL' : 'RULE');
      expect(t.baseline, t.unit.code!).toBe(ANNEX[t.unit.code!][0]);
    }
    // Warnings only, so it was saved: the eight rows below their baseline.
    expect(issueTriples(res.issues, d)).toEqual(
      ['66.CAT', '66.SCT', '66.SNGV', '66.SNNPTNT', '66.SNV', '66.STC', '66.SVHTTDL', '66.SYT'].map((c) => [c, 'BELOW_BASELINE', 'WARNING']),
    );
    expect(valuesByCode(await targets(s, tinh, { planId: plan, indicatorId: online }))).toEqual(valuesByCode(res.targets));
    // Idempotent: the same cascade again writes nothing.
    expect(await cascade(s, tinh, input)).toMatchObject({ applied: true, created: 0, updated: 0 });
  });

  it('keepManual true keeps MANUAL rows without an override; false replaces them with the rule', async () => {
    const higher = DEFAULTS.map((kv) => ({ ...kv, value: kv.value + 5 }));
    const kept = await cascade(s, tinh, { ...base(), defaults: higher, dryRun: true });
    // Sở Tư pháp's 55 already equals the raised default: 28 rows would change, not 29.
    const changes = codes().filter((c) => !(c in HAND_TYPED) && ANNEX[c][1] !== expectedDefault(c) + 5);
    expect(changes).toHaveLength(28);
    expect(kept).toMatchObject({ applied: false, created: 0, updated: changes.length });
    const keptValues = valuesByCode(kept.targets);
    for (const c of codes()) expect(keptValues[c], c).toBe(c in HAND_TYPED ? HAND_TYPED[c] : expectedDefault(c) + 5);
    expect(
      kept.targets
        .filter((t) => t.origin === 'MANUAL')
        .map((t) => t.unit.code)
        .sort(),
    ).toEqual(Object.keys(HAND_TYPED).sort());

    const replaced = await cascade(s, tinh, { ...base(), defaults: higher, keepManual: false, dryRun: true });
    // Every row changes now: values, or origin MANUAL → RULE (Sở Tư pháp's value stays 55, origin RULE already).
    expect(replaced).toMatchObject({ applied: false, created: 0, updated: 32 });
    expect(valuesByCode(replaced.targets)).toEqual(Object.fromEntries(codes().map((c) => [c, expectedDefault(c) + 5])));
    expect(replaced.targets.every((t) => t.origin === 'RULE')).toBe(true);
    // Dry runs: the stored annex is untouched.
    expect(valuesByCode(await targets(s, tinh, { planId: plan, indicatorId: online }))).toEqual(Object.fromEntries(codes().map((c) => [c, ANNEX[c][1]])));
  });

  it('leaves a child untouched when nothing yields a value for it', async () => {
    const res = await cascade(s, tinh, { ...base(), defaults: [{ kind: 'TOWN', value: 46 }], keepManual: false, dryRun: true });
    expect(res).toMatchObject({ created: 0, updated: 1 });
    const v = valuesByCode(res.targets);
    expect(v['644']).toBe(46);
    expect(v['655']).toBe(53); // as stored
  });

  // The digitisation row of the plan carries floors DISTRICT 45 and PROVINCIAL_AGENCY 30: the largest floor binds.
  it.each([
    ['the plan floor binds (45 > no request floor)', null, 44, ['DISTRICT']],
    ['the plan floor binds over a lower request floor (45 > 40)', 40, 44, ['DISTRICT']],
    ['the request floor binds over a lower plan floor (50 > 45)', 50, 48, ['DISTRICT']],
    ['nothing below either floor', 40, 45, []],
  ])('floors: %s', async (_label, requestFloor, districtDefault, belowKinds) => {
    const floors = requestFloor === null ? null : [{ kind: 'DISTRICT', value: requestFloor }];
    const res = await cascade(s, tinh, {
      planId: plan,
      indicatorId: digitization,
      parentUnitId: d.unit('66'),
      floors,
      defaults: [
        { kind: 'PROVINCIAL_AGENCY', value: 50 },
        { kind: 'DISTRICT', value: districtDefault },
        { kind: 'TOWN', value: 40 },
        { kind: 'PROVINCIAL_CITY', value: 40 },
      ],
    });
    const below = codes().filter((c) => belowKinds.includes(d.kind(c)));
    expect(issueTriples(res.issues, d)).toEqual(below.sort().map((c) => [c, 'BELOW_FLOOR', 'ERROR']));
    expect(res.applied).toBe(below.length === 0);
    if (below.length) expect(res).toMatchObject({ created: 0, updated: 0 });
    expect(await targets(s, tinh, { planId: plan, indicatorId: digitization })).toHaveLength(below.length ? 0 : 33);
  });

  it('baseline policy without a baseline gives the binding floor (0 where no floor is set)', async () => {
    const res = await cascade(s, tinh, {
      planId: plan,
      indicatorId: digitization,
      parentUnitId: d.unit('66'),
      keepManual: false,
      dryRun: true,
      floors: [
        { kind: 'PROVINCIAL_AGENCY', value: 25 },
        { kind: 'DISTRICT', value: 40 },
        { kind: 'TOWN', value: 42 },
      ],
      baselinePolicy: { uplift: 3, cap: 99 },
    });
    const want: Record<string, number> = { PROVINCIAL_AGENCY: 30, DISTRICT: 45, TOWN: 42, PROVINCIAL_CITY: 0 };
    expect(valuesByCode(res.targets)).toEqual(Object.fromEntries(codes().map((c) => [c, want[d.kind(c)]])));
    expect(res.issues).toEqual([]);
  });

  it('an ERROR on one row blocks the whole write, warnings still reported', async () => {
    const before = await targets(s, tinh, { planId: plan, indicatorId: online });
    const res = await cascade(s, tinh, {
      ...base(),
      defaults: DEFAULTS,
      keepManual: false,
      overrides: [
        { unitId: d.unit('66.SXD'), value: 100.5 },
        { unitId: d.unit('66.SCT'), value: 90, baseline: 99.96 },
      ],
    });
    expect(res).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(issueTriples(res.issues, d)).toEqual(sortTriples([['66.SCT', 'BELOW_BASELINE', 'WARNING'], ['66.SXD', 'OUT_OF_RANGE', 'ERROR'], ...lowBaselines()]));
    expect(await targets(s, tinh, { planId: plan, indicatorId: online })).toEqual(before);
  });

  /** Rows whose default (by kind) sits below their stored baseline, as the failed cascade above would have made them. */
  function lowBaselines(): [string, string, string][] {
    return codes()
      .filter((c) => c !== '66.SXD' && c !== '66.SCT' && ANNEX[c][0] !== null && expectedDefault(c) < (ANNEX[c][0] as number))
      .map((c) => [c, 'BELOW_BASELINE', 'WARNING'] as [string, string, string]);
  }

  it.each([
    ['a rate above 100', 100.01, 'OUT_OF_RANGE'],
    ['a negative rate', -1, 'OUT_OF_RANGE'],
  ])('refuses %s in an override', async (_label, value, code) => {
    const res = await cascade(s, tinh, { ...base(), overrides: [{ unitId: d.unit('655'), value }] });
    expect(res.applied).toBe(false);
    expect(res.issues.filter((i) => i.severity === 'ERROR').map((i) => [d.codeOf(i.unitId), i.code])).toEqual([['655', code]]);
  });

  it.each([
    ['a unit that is not a child of the parent', '24538'],
    ['the parent itself', '66'],
  ])('reports an override for %s as NOT_IN_SCOPE and saves nothing', async (_label, code) => {
    const res = await cascade(s, tinh, { ...base(), defaults: DEFAULTS, overrides: [{ unitId: d.unit(code), value: 70 }] });
    expect(res.applied).toBe(false);
    expect(res.issues.filter((i) => i.severity === 'ERROR').map((i) => [d.codeOf(i.unitId), i.code])).toEqual([[code, 'NOT_IN_SCOPE']]);
    expect(valuesByCode(await targets(s, tinh, { planId: plan, indicatorId: online }))['66.SXD']).toBe(68);
  });
});
