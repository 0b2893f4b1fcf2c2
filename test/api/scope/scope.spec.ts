import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import {
  CASCADE,
  CREATE_INDICATOR,
  CREATE_PLAN,
  demo,
  ISSUE_PLAN,
  PLANS,
  PROGRESS,
  RECORD,
  SET_TARGETS,
  setTargets,
  TARGET_FIELDS,
  targets,
  type Demo,
  type WriteResult,
} from '../../support/documents';

/**
 * Every account sees its unit's subtree and, beyond it, only its ancestors' names. The district
 * Krông A Na (655) against its neighbour Lắk (656, communes 24580…); the township Buôn Trấp
 * (24538) against its sibling Dray Sáp (24556); the province's analyst, who writes nothing.
 */
describe.each(await testDatabases())('subtree scope on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  const tok: Record<string, string> = {};
  let plan: string;
  let online: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tok.sysadmin = d.admin;
    for (const u of ['tinh.daklak', 'huyen.krongana', 'xa.buontrap', 'phantich.daklak']) tok[u] = await s.login(u);
    plan = d.plan(2022);
    online = d.indicator('DLK22-ONLINE-RATE');
    const res = await setTargets(s, tok['huyen.krongana'], {
      planId: plan,
      indicatorId: online,
      targets: [
        { unitId: d.unit('24538'), value: 60 },
        { unitId: d.unit('24556'), value: 40 },
      ],
    });
    expect(res.applied).toBe(true);
  });
  afterAll(async () => s?.close());

  const gql = <T = any>(user: string, query: string, variables: Record<string, unknown> = {}) => s.gql<T>(query, variables, tok[user]);
  const unitCodes = async (user: string, args: string) => ((await gql<{ units: { code: string }[] }>(user, `{ units(${args}) { code } }`)).data?.units ?? []).map((u) => u.code);

  describe('units', () => {
    it.each([
      ['huyen.krongana', '656'],
      ['huyen.krongana', '24580'],
      ['huyen.krongana', '66.SNV'],
      ['xa.buontrap', '24556'],
      ['xa.buontrap', '656'],
    ])('%s does not get unit %s, by code or by id', async (user, code) => {
      const byCode = await gql(user, 'query($c: String!) { unit(code: $c) { id name } }', { c: code });
      const byId = await gql(user, 'query($id: ID!) { unit(id: $id) { id name } }', { id: d.unit(code) });
      for (const res of [byCode, byId]) {
        expect(res.data?.unit ?? null).toBeNull();
        expect(codes(res).every((c) => c === 'NOT_FOUND')).toBe(true);
      }
    });

    it('shows ancestors by name and kind, but none of their other children', async () => {
      const res = await gql('xa.buontrap', '{ unit(code: "24538") { name ancestors { code name kind } parent { code name } } }');
      expect(res.data?.unit).toEqual({
        name: 'Thị trấn Buôn Trấp',
        ancestors: [
          { code: '66', name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE' },
          { code: '655', name: 'Huyện Krông A Na', kind: 'DISTRICT' },
        ],
        parent: { code: '655', name: 'Huyện Krông A Na' },
      });
      const up = await gql('huyen.krongana', '{ unit(code: "66") { name children { code } } }');
      expect(up.data?.unit).toEqual({ name: 'Tỉnh Đắk Lắk', children: [{ code: '655' }] });
      expect(await unitCodes('huyen.krongana', `parentId: "${d.unit('66')}"`)).toEqual(['655']);
      expect(await unitCodes('xa.buontrap', `parentId: "${d.unit('655')}"`)).toEqual(['24538']);
      expect(codes(await gql('huyen.krongana', `{ units(parentId: "${d.unit('656')}") { code } }`))).toEqual(['NOT_FOUND']);
    });

    it.each([
      ['huyen.krongana', '', ['655']],
      ['xa.buontrap', '', ['24538']],
      ['tinh.daklak', '', ['66']],
      ['huyen.krongana', 'search: "krong"', ['655']],
      ['huyen.krongana', 'search: "buon"', ['24538']],
      ['xa.buontrap', 'search: "xa"', []],
      ['tinh.daklak', 'search: "krong a na"', ['655']],
      ['tinh.daklak', 'search: "KRÔNG A NA"', ['655']],
      ['phantich.daklak', 'search: "dak lak"', ['66']],
      ['huyen.krongana', 'search: "dak lak"', []],
      ['tinh.daklak', 'search: "huyen krong"', ['653', '654', '649', '650', '655'].sort()],
    ])('%s: units(%s) → %j', async (user, args, want) => {
      expect((await unitCodes(user, args || 'limit: 100')).sort()).toEqual(want);
    });

    it('matches codes by prefix inside the caller’s subtree only', async () => {
      const mine = d.childrenOf('655');
      expect((await unitCodes('huyen.krongana', 'search: "245"')).sort()).toEqual([...mine].sort());
      expect(d.childrenOf('656').filter((c) => c.startsWith('245')).length).toBeGreaterThan(0); // the neighbour's communes share the prefix
      expect((await unitCodes('tinh.daklak', 'search: "245", limit: 1000')).length).toBeGreaterThan(mine.length);
    });
  });

  describe('targets', () => {
    const T = `query($f: TargetFilter!) { targets(filter: $f) { ${TARGET_FIELDS} parent { id value } } }`;
    const list = async (user: string, filter: Record<string, unknown>) =>
      ((await gql<{ targets: any[] }>(user, T, { f: { planId: plan, indicatorId: online, ...filter } })).data?.targets ?? []).map((t) => t.unit.code).sort();

    it.each([
      ['huyen.krongana', {}, ['24538', '24556', '655']],
      ['huyen.krongana', { unitId: '655' }, ['655']],
      ['huyen.krongana', { unitId: '655', subtree: true }, ['24538', '24556', '655']],
      ['huyen.krongana', { unitId: '656' }, []],
      ['huyen.krongana', { unitId: '656', subtree: true }, []],
      ['huyen.krongana', { unitId: '66', subtree: true }, []],
      ['xa.buontrap', {}, ['24538']],
      ['xa.buontrap', { unitId: '24538' }, ['24538']],
      ['xa.buontrap', { unitId: '24556' }, []],
      ['xa.buontrap', { unitId: '655', subtree: true }, []],
      ['tinh.daklak', { unitId: '655', subtree: true }, ['24538', '24556', '655']],
      ['tinh.daklak', { unitId: '655' }, ['655']],
    ])('%s: targets %j', async (user, filter, want) => {
      const f = { ...filter } as Record<string, unknown>;
      if (f.unitId) f.unitId = d.unit(f.unitId as string);
      expect(await list(user, f)).toEqual(want);
    });

    it('lets the analyst read the whole province (33 units × 2 indicators) and every role see only its own rows', async () => {
      const all = await gql<{ targets: unknown[] }>('phantich.daklak', `{ targets(filter: { planId: "${plan}" }) { id } }`);
      expect(all.data?.targets).toHaveLength(33 * 2 + 2);
    });

    it("gives the commune its own target, with its district's name but not the district's target", async () => {
      const res = await gql<{ targets: any[] }>('xa.buontrap', T, { f: { planId: plan, indicatorId: online, unitId: d.unit('24538') } });
      expect(res.data?.targets[0]).toMatchObject({ value: 60, assignedBy: { code: '655' }, parent: null });
      const district = await gql<{ targets: any[] }>('huyen.krongana', T, { f: { planId: plan, indicatorId: online, unitId: d.unit('24538') } });
      expect(district.data?.targets[0].parent).toMatchObject({ value: 53 });
    });
  });

  describe('writes', () => {
    const write = (user: string, codesToWrite: string[]) =>
      gql<{ setTargets: WriteResult }>(user, SET_TARGETS, { input: { planId: plan, indicatorId: online, targets: codesToWrite.map((c) => ({ unitId: d.unit(c), value: 70 })) } });

    it.each([
      ['its own target', '655'],
      ['another district', '656'],
      ["another district's commune", '24580'],
      ['a provincial agency', '66.SNV'],
    ])('huyen.krongana may not write %s: NOT_IN_SCOPE, nothing of it returned', async (_label, code) => {
      const res = (await write('huyen.krongana', [code])).data!.setTargets;
      expect(res).toMatchObject({ applied: false, created: 0, updated: 0 });
      expect(res.issues.filter((i) => i.code === 'NOT_IN_SCOPE').map((i) => [i.unitId, i.severity])).toEqual([[d.unit(code), 'ERROR']]);
      expect(res.issues.every((i) => i.unitId === d.unit(code))).toBe(true);
      for (const t of res.targets) expect(t.unit.code).toBe('655'); // only its own row, which it may read
    });

    it.each([
      ['another district', '656'],
      ['the province above', '66'],
      ['a unit that does not exist', null],
    ])('huyen.krongana may not cascade under %s: NOT_FOUND, no rows', async (_label, code) => {
      const res = await gql('huyen.krongana', CASCADE, {
        input: { planId: plan, indicatorId: online, parentUnitId: code ? d.unit(code) : '987654', defaults: [{ kind: 'DISTRICT', value: 99 }] },
      });
      expect(codes(res)).toEqual(['NOT_FOUND']);
      expect(res.data?.cascadeTargets ?? null).toBeNull();
    });

    it.each([
      ['setTargets', 'phantich.daklak', () => [SET_TARGETS, { input: { planId: plan, indicatorId: online, targets: [{ unitId: d.unit('655'), value: 60 }] } }]],
      ['cascadeTargets', 'phantich.daklak', () => [CASCADE, { input: { planId: plan, indicatorId: online, parentUnitId: d.unit('655') } }]],
      [
        'recordResults',
        'phantich.daklak',
        () => [RECORD, { input: { indicatorId: online, period: '2022-12', results: [{ unitId: d.unit('655'), numerator: 1, denominator: 2 }] } }],
      ],
      ['createPlan', 'phantich.daklak', () => [CREATE_PLAN, { input: { issuerId: d.unit('66'), year: 2030, title: 'x' } }]],
      ['issuePlan', 'phantich.daklak', () => [ISSUE_PLAN, { id: d.plan(2024) }]],
      ['createIndicator', 'phantich.daklak', () => [CREATE_INDICATOR, { input: { code: 'X', name: 'x', measure: 'RATE', comparator: 'AT_LEAST' } }]],
      ['setTargets', 'xa.buontrap', () => [SET_TARGETS, { input: { planId: plan, indicatorId: online, targets: [{ unitId: d.unit('24538'), value: 60 }] } }]],
      // A district keeps a catalogue of its own, not its province's.
      ['createIndicator', 'huyen.krongana', () => [CREATE_INDICATOR, { input: { code: 'X', name: 'x', measure: 'RATE', comparator: 'AT_LEAST', ownerId: d.unit('66') } }]],
    ])('%s by %s → FORBIDDEN', async (_op, user, doc) => {
      const [query, variables] = doc() as [string, Record<string, unknown>];
      expect(codes(await gql(user, query, variables))).toEqual(['FORBIDDEN']);
    });

    it('saved none of the refused writes', async () => {
      const rows = await targets(s, tok['tinh.daklak'], { planId: plan, indicatorId: online });
      expect(
        rows
          .filter((t) => t.unit.code === '655' || t.unit.code === '656')
          .map((t) => [t.unit.code, t.value])
          .sort(),
      ).toEqual([
        ['655', 53],
        ['656', 40],
      ]);
      const plans = await gql<{ plans: { year: number; status: string }[] }>('tinh.daklak', PLANS, { year: 2030 });
      expect(plans.data?.plans).toEqual([]);
    });
  });

  describe('plans and progress', () => {
    it.each([
      ['huyen.krongana', [2023, 2022]],
      ['xa.buontrap', [2023, 2022]],
      ['phantich.daklak', [2024, 2023, 2022]],
    ])('%s sees the issued plans of its ancestors (and the province accounts the draft)', async (user, years) => {
      const res = await gql<{ plans: { year: number }[] }>(user, '{ plans { year } }');
      expect(res.data?.plans.map((p) => p.year)).toEqual(years);
    });

    it.each([
      ['huyen.krongana', '656'],
      ['huyen.krongana', '24580'],
      ['huyen.krongana', '66'],
      ['xa.buontrap', '24556'],
      ['xa.buontrap', '655'],
    ])('%s gets no progress of %s (NOT_FOUND)', async (user, code) => {
      const res = await gql(user, PROGRESS, { planId: plan, indicatorId: online, unitId: d.unit(code) });
      expect(codes(res)).toEqual(['NOT_FOUND']);
      expect(res.data?.progress ?? null).toBeNull();
    });

    it('gives the district progress over its own communes only', async () => {
      const res = await gql<{ progress: { unit: { code: string }; children: { unit: { code: string } }[] } }>('huyen.krongana', PROGRESS, {
        planId: plan,
        indicatorId: online,
        unitId: d.unit('655'),
      });
      expect(res.data?.progress.unit.code).toBe('655');
      expect(res.data?.progress.children.map((c) => c.unit.code).sort()).toEqual([...d.childrenOf('655')].sort());
    });
  });
});
