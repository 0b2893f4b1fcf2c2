import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import {
  cascade,
  createIndicator,
  demo,
  draftPlan,
  issuePlan,
  issueTriples,
  ok,
  progress,
  record,
  SET_TARGETS,
  setTargets,
  sortTriples,
  type Demo,
  type WriteResult,
} from '../../support/documents';

/**
 * Plans as the documents write them (issue #13), the target writes: a level-differentiated row
 * ("cấp tỉnh 90%, cấp huyện 80%, cấp xã 75%", scope OWN) never compares a child with its parent;
 * every check of a write sees the other rows of the same write; the issuer writes its own
 * unit's target (the whole-area row "toàn tỉnh ≥ 80%"); per-unit facts ride on the targets.
 */
const YEAR = 2024;
const LABELS = ['Số lượng TTHC mức độ 3, 4', 'Tổng số TTHC'];
const DISTRICT_KINDS = ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY', 'URBAN_DISTRICT'];
const COMMUNE_KINDS = ['COMMUNE', 'WARD', 'TOWNSHIP'];
const COMPARISONS = ['BELOW_PARENT', 'IMPLIED_AGGREGATE_SHORT'];
const LEVELS = { province: 90, district: 80, commune: 75 };

type Fact = { label: string; value: number | null };
type Row = { id: string; value: number; facts: Fact[]; unit: { code: string }; assignedBy: { code: string }; parent: { value: number; unit: { code: string } } | null };
const ROWS = `query($filter: TargetFilter!) { targets(filter: $filter) { id value facts { label value } unit { code } assignedBy { code } parent { value unit { code } } } }`;
const ROW_SCOPES = 'query($id: ID!) { plan(id: $id) { indicators { scope factLabels indicator { id } } } }';
const AUDIT = 'query($id: ID!) { auditLog(entity: "target", entityId: $id) { action before after } }';

describe.each(await testDatabases())('OWN rows, whole writes, the issuer’s own target and facts on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;
  let huyen: string;
  let plan: string;
  let levels: string; // the OWN row: each level judged on its own offices' dossiers
  let whole: string; // the SUBTREE row: each unit judged on everything below it

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tinh = await s.login('tinh.daklak');
    huyen = await s.login('huyen.krongana');
    levels = await createIndicator(s, d.admin, { code: 'T13-LEVELS', name: 'Tỷ lệ hồ sơ trực tuyến theo cấp', measure: 'RATE', comparator: 'AT_LEAST' });
    whole = await createIndicator(s, d.admin, { code: 'T13-WHOLE', name: 'Tỷ lệ hồ sơ trực tuyến toàn tỉnh', measure: 'RATE', comparator: 'AT_LEAST' });
    // PlanIndicatorInput's document fields (scope, factLabels) beside the ones draftPlan names.
    const levelsRow = { indicatorId: levels, scope: 'OWN', factLabels: LABELS };
    plan = await draftPlan(s, tinh, { issuerId: d.unit('66'), year: YEAR, title: 'Kế hoạch CCHC 2024 (cấp độ)' }, [levelsRow, { indicatorId: whole }]);
  });
  afterAll(async () => s?.close());

  const write = (indicatorId: string, values: Record<string, number>, token = tinh, planId = plan): Promise<WriteResult> =>
    setTargets(s, token, { planId, indicatorId, targets: Object.entries(values).map(([code, value]) => ({ unitId: d.unit(code), value })) });
  const rows = async (indicatorId: string, token = tinh, planId = plan): Promise<Record<string, Row>> =>
    Object.fromEntries(ok(await s.gql<{ targets: Row[] }>(ROWS, { filter: { planId, indicatorId } }, token)).targets.map((t) => [t.unit.code, t]));
  const comparisons = (res: WriteResult) => issueTriples(res.issues, d).filter(([, code]) => COMPARISONS.includes(code));
  const districts = () => d.childrenOf('66').filter((c) => DISTRICT_KINDS.includes(d.kind(c)) && d.childrenOf(c).length > 0);
  const each = (codes: string[], value: number) => Object.fromEntries(codes.map((c) => [c, value]));

  it('keeps the rows as written: one OWN with its fact labels, one SUBTREE', async () => {
    const rowsOfPlan = ok(await s.gql<{ plan: { indicators: { scope: string; factLabels: string[]; indicator: { id: string } }[] } }>(ROW_SCOPES, { id: plan }, tinh)).plan
      .indicators;
    expect(rowsOfPlan.map((r) => [r.indicator.id, r.scope, r.factLabels])).toEqual([
      [levels, 'OWN', LABELS],
      [whole, 'SUBTREE', []],
    ]);
  });

  it('lets the province write its own target in its own plan ("cấp tỉnh 90%"), assigned by itself', async () => {
    const res = await write(levels, { '66': LEVELS.province });
    expect(res).toMatchObject({ applied: true, created: 1, updated: 0, issues: [] });
    expect((await rows(levels))['66']).toMatchObject({ value: LEVELS.province, assignedBy: { code: '66' }, parent: null });
  });

  it('(a) OWN row, one setTargets: a district at 80 and its communes at 75 raise no BELOW_PARENT nor IMPLIED_AGGREGATE_SHORT', async () => {
    const communes = d.childrenOf('655');
    const res = await write(levels, { '655': LEVELS.district, ...each(communes, LEVELS.commune) });
    expect(res).toMatchObject({ applied: true, created: communes.length + 1, updated: 0, issues: [] });
    // The communes' targets hang on the district's, created by the same write; the district's on the province's.
    const stored = await rows(levels);
    expect(stored['655']).toMatchObject({ value: LEVELS.district, parent: { value: LEVELS.province, unit: { code: '66' } } });
    for (const c of communes) expect(stored[c], c).toMatchObject({ value: LEVELS.commune, parent: { value: LEVELS.district, unit: { code: '655' } } });
  });

  it('(b) OWN row, the district first and its communes after: still none, by setTargets and by cascades with defaults per kind', async () => {
    const [first, second] = districts().filter((c) => c !== '655');
    expect(comparisons(await write(levels, { [first]: LEVELS.district }))).toEqual([]);
    const communes = await write(levels, each(d.childrenOf(first), LEVELS.commune));
    expect(communes.applied).toBe(true);
    expect(comparisons(communes)).toEqual([]);

    // The province cascades 90 to its agencies and 80 to its districts (the manual 655 and `first` kept), then `second` 75 to its communes.
    const agencies = d.childrenOf('66').filter((c) => d.kind(c) === 'PROVINCIAL_AGENCY');
    const top = await cascade(s, tinh, {
      planId: plan,
      indicatorId: levels,
      parentUnitId: d.unit('66'),
      defaults: [{ kind: 'PROVINCIAL_AGENCY', value: LEVELS.province }, ...DISTRICT_KINDS.map((k) => ({ kind: k, value: LEVELS.district }))],
    });
    expect(top.applied).toBe(true);
    expect(comparisons(top)).toEqual([]);
    const below = await cascade(s, tinh, {
      planId: plan,
      indicatorId: levels,
      parentUnitId: d.unit(second),
      defaults: COMMUNE_KINDS.map((k) => ({ kind: k, value: LEVELS.commune })),
    });
    expect(below).toMatchObject({ applied: true, created: d.childrenOf(second).length });
    expect(comparisons(below)).toEqual([]);

    const stored = await rows(levels);
    for (const a of agencies) expect(stored[a]?.value, a).toBe(LEVELS.province);
    for (const c of [first, second, '655']) expect(stored[c]?.value, c).toBe(LEVELS.district);
    for (const c of [...d.childrenOf(first), ...d.childrenOf(second)]) expect(stored[c]?.value, c).toBe(LEVELS.commune);
  });

  it('(c) SUBTREE row, one setTargets: communes below the district are compared with the district’s value of the same write', async () => {
    const communes = d.childrenOf('655');
    // The first commune above the district, the others at the commune level.
    const values: Record<string, number> = { '655': LEVELS.district, ...each(communes, LEVELS.commune), [communes[0]]: LEVELS.district + 5 };
    const res = await write(whole, values);
    expect(res.applied).toBe(true);
    const below = communes.filter((c) => values[c] < values['655']);
    const mean = communes.reduce((sum, c) => sum + values[c], 0) / communes.length;
    const expected: [string, string, string][] = [
      ...below.map((c) => [c, 'BELOW_PARENT', 'WARNING'] as [string, string, string]),
      ...(mean < values['655'] ? [['655', 'IMPLIED_AGGREGATE_SHORT', 'WARNING'] as [string, string, string]] : []),
    ];
    expect(below.length).toBeGreaterThan(0);
    expect(issueTriples(res.issues, d)).toEqual(sortTriples(expected));
    for (const i of res.issues.filter((x) => x.code === 'BELOW_PARENT')) expect(i.message).toMatch(new RegExp(`\\b${values['655']}\\b`));
  });

  it('(c) SUBTREE row, written apart: the communes are checked against the stored district, as before', async () => {
    const [other] = districts().filter((c) => c !== '655');
    expect(comparisons(await write(whole, { [other]: LEVELS.district }))).toEqual([]);
    const communes = d.childrenOf(other);
    const res = await write(whole, each(communes, LEVELS.commune));
    expect(issueTriples(res.issues, d)).toEqual(
      sortTriples([...communes.map((c) => [c, 'BELOW_PARENT', 'WARNING'] as [string, string, string]), [other, 'IMPLIED_AGGREGATE_SHORT', 'WARNING']]),
    );
  });

  it('(d) the province writes "toàn tỉnh ≥ 80%" on itself; progress judges the province on it once results exist', async () => {
    const res = await write(whole, { '66': 80 });
    expect(res).toMatchObject({ applied: true, created: 1 });
    expect(res.issues.filter((i) => i.code === 'NOT_IN_SCOPE')).toEqual([]);
    expect(res.targets.map((t) => [t.unit.code, t.value, t.assignedBy.code])).toEqual([['66', 80, '66']]);

    const at = () => progress(s, tinh, { planId: plan, indicatorId: whole, unitId: d.unit('66'), period: String(YEAR) });
    expect(await at()).toMatchObject({ target: { value: 80, comparator: 'AT_LEAST' }, status: 'NO_DATA' });

    const figures: [string, number, number][] = [];
    const judge = async (added: [string, number, number][]) => {
      figures.push(...added);
      expect(
        await record(
          s,
          tinh,
          whole,
          String(YEAR),
          added.map(([c, numerator, denominator]) => ({ unitId: d.unit(c), numerator, denominator })),
        ),
      ).toBe(added.length);
      const numerator = figures.reduce((n, f) => n + f[1], 0);
      const denominator = figures.reduce((n, f) => n + f[2], 0);
      const value = (100 * numerator) / denominator;
      const p = await at();
      expect(p.rolledUp.value).toBeCloseTo(value, 9);
      expect(p).toMatchObject({ target: { value: 80 }, status: value >= 80 ? 'ACHIEVED' : 'NOT_ACHIEVED' });
      expect(p.gap).toBeCloseTo(value - 80, 9);
      return p.status;
    };
    expect(await judge([['655', 60, 100]])).toBe('NOT_ACHIEVED');
    expect(await judge([['66.SNV', 200, 200]])).toBe('ACHIEVED');
  });

  it('(e) keeps per-unit facts on a target: saved, read back, kept when omitted, cleared by [] or null, audited', async () => {
    const facts = [
      { label: LABELS[0], value: 12 },
      { label: LABELS[1], value: 30 },
    ];
    const put = (targets: Record<string, unknown>[], indicatorId = levels) => setTargets(s, tinh, { planId: plan, indicatorId, targets });
    const res = await put([{ unitId: d.unit('655'), value: LEVELS.district, facts }]);
    expect(res).toMatchObject({ applied: true, updated: 1 });
    expect((await rows(levels))['655']).toMatchObject({ value: LEVELS.district, facts });

    // Omitted: kept, whatever else changes.
    await put([{ unitId: d.unit('655'), value: LEVELS.district + 1 }]);
    const kept = (await rows(levels))['655'];
    expect(kept).toMatchObject({ value: LEVELS.district + 1, facts });

    // The audit log has the facts before and after.
    const entries = ok(await s.gql<{ auditLog: { action: string; before: string | null; after: string | null }[] }>(AUDIT, { id: kept.id }, tinh)).auditLog;
    const added = entries.find((e) => e.after && JSON.parse(e.after).facts?.length && !JSON.parse(e.before ?? '{}').facts?.length);
    expect(added && JSON.parse(added.after!).facts).toEqual(facts);

    // A label the row does not declare: BAD_USER_INPUT naming the field, nothing of the request changed.
    const bad = await s.gql(
      SET_TARGETS,
      {
        input: {
          planId: plan,
          indicatorId: levels,
          targets: [
            { unitId: d.unit('656'), value: LEVELS.district + 2 },
            { unitId: d.unit('655'), value: LEVELS.district + 2, facts: [{ label: 'Số cán bộ một cửa', value: 4 }] },
          ],
        },
      },
      tinh,
    );
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.params).toMatchObject({ field: 'targets[1].facts', label: 'Số cán bộ một cửa' });
    expect(bad.errors![0].message).toContain('targets[1].facts');
    const after = await rows(levels);
    expect(after['655']).toMatchObject({ value: LEVELS.district + 1, facts });
    expect(after['656']?.value).not.toBe(LEVELS.district + 2);

    // [] and null clear them.
    await put([{ unitId: d.unit('655'), value: LEVELS.district, facts: [] }]);
    expect((await rows(levels))['655'].facts).toEqual([]);
    await put([{ unitId: d.unit('655'), value: LEVELS.district, facts: [facts[1]] }]);
    expect((await rows(levels))['655'].facts).toEqual([facts[1]]);
    await put([{ unitId: d.unit('655'), value: LEVELS.district, facts: null }]);
    expect((await rows(levels))['655'].facts).toEqual([]);

    // A row that declares no labels takes any.
    const free = [{ label: 'Số cán bộ một cửa', value: null }];
    expect(await put([{ unitId: d.unit('655'), value: LEVELS.district, facts: free }], whole)).toMatchObject({ applied: true, updated: 1 });
    expect((await rows(whole))['655'].facts).toEqual(free);
  });

  it('lets a district manager write its own target in its district’s own plan', async () => {
    const own = await draftPlan(s, huyen, { issuerId: d.unit('655'), year: YEAR, title: 'Kế hoạch CCHC huyện Krông A Na 2024' }, [{ indicatorId: whole }]);
    const commune = d.childrenOf('655')[0];
    const res = await write(whole, { '655': 85, [commune]: 85 }, huyen, own);
    expect(res).toMatchObject({ applied: true, created: 2, issues: [] });
    expect(Object.values(await rows(whole, huyen, own)).map((t) => [t.unit.code, t.value, t.assignedBy.code])).toEqual([
      ['655', 85, '655'],
      [commune, 85, '655'],
    ]);
  });

  it('freezes the province’s own target when the plan is issued; a district still never writes its own target in the province’s plan', async () => {
    await issuePlan(s, tinh, plan);
    const frozen = await write(whole, { '66': 85 });
    expect(frozen).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(issueTriples(frozen.issues, d).filter(([, , severity]) => severity === 'ERROR')).toEqual([['66', 'PLAN_NOT_EDITABLE', 'ERROR']]);

    const refused = await write(whole, { '655': 90 }, huyen);
    expect(refused).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(refused.issues.filter((i) => i.code === 'NOT_IN_SCOPE').map((i) => [d.codeOf(i.unitId), i.severity])).toEqual([['655', 'ERROR']]);
    expect((await rows(whole))['655'].value).toBe(LEVELS.district);
    expect((await rows(whole))['66'].value).toBe(80);
  });
});
