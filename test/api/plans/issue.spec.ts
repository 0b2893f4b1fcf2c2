import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import {
  ADD_PLAN_INDICATOR,
  cascade,
  CASCADE,
  demo,
  draftPlan,
  ISSUE_PLAN,
  issueTriples,
  PLAN,
  PLANS,
  PROGRESS,
  setTargets,
  SET_TARGETS,
  sortTriples,
  TARGETS,
  targets,
  valuesByCode,
  type Demo,
} from '../../support/documents';

/**
 * A plan's life: the province drafts a 2027 plan, assigns to its districts (and, while it is a
 * draft, to a township directly), issues it; its own rows are then frozen for everybody while
 * Krông A Na keeps sub-assigning to its communes inside the floors of this plan.
 */
const FLOORS = [
  { kind: 'WARD', value: 85 },
  { kind: 'TOWNSHIP', value: 65 },
  { kind: 'COMMUNE', value: 45 },
];
const COMMUNES = ['24556', '24559', '24565', '24568', '24571', '24574', '24577'];
const DISTRICT_DEFAULTS = [
  { kind: 'PROVINCIAL_AGENCY', value: 60 },
  { kind: 'PROVINCIAL_CITY', value: 70 },
  { kind: 'TOWN', value: 55 },
  { kind: 'DISTRICT', value: 50 },
];

describe.each(await testDatabases())('drafting and issuing a plan on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tok: Record<string, string>;
  let plan: string;
  let online: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tok = { sysadmin: d.admin };
    for (const u of ['tinh.daklak', 'huyen.krongana', 'xa.buontrap', 'phantich.daklak']) tok[u] = await s.login(u);
    online = d.indicator('DLK22-ONLINE-RATE');
    plan = await draftPlan(
      s,
      tok['tinh.daklak'],
      {
        issuerId: d.unit('66'),
        year: 2027,
        title: 'Kế hoạch 2027 (thử)',
        documentNumber: '12/KH-UBND',
        subAssignmentDeadline: '2099-12-31',
      },
      [{ indicatorId: online, floors: FLOORS, section: 'I', position: '1' }],
    );
  });
  afterAll(async () => s?.close());

  const ops = {
    plan: () => s.gql(PLAN, { id: plan }, tok['huyen.krongana']),
    targets: () => s.gql(TARGETS, { filter: { planId: plan } }, tok['huyen.krongana']),
    progress: () => s.gql(PROGRESS, { planId: plan, indicatorId: online, unitId: d.unit('655') }, tok['huyen.krongana']),
    cascade: () => s.gql(CASCADE, { input: { planId: plan, indicatorId: online, parentUnitId: d.unit('655'), defaults: FLOORS } }, tok['huyen.krongana']),
    reporter: () => s.gql(PLAN, { id: plan }, tok['xa.buontrap']),
  };

  it('is a DRAFT with its indicator and floors, visible to the province accounts', async () => {
    for (const u of ['tinh.daklak', 'phantich.daklak', 'sysadmin']) {
      const res = await s.gql<{ plan: any }>(PLAN, { id: plan }, tok[u]);
      expect(res.data?.plan, u).toMatchObject({ status: 'DRAFT', year: 2027, documentNumber: '12/KH-UBND', issuer: { code: '66' } });
      expect(res.data?.plan.indicators).toEqual([
        { section: 'I', position: '1', floors: FLOORS, indicator: { id: online, code: 'DLK22-ONLINE-RATE', measure: 'RATE', comparator: 'AT_LEAST' } },
      ]);
    }
  });

  it.each(Object.keys(ops))('hides the DRAFT from the units below: %s → NOT_FOUND', async (op) => {
    const res = await ops[op as keyof typeof ops]();
    expect(codes(res)).toEqual(['NOT_FOUND']);
  });

  it('leaves the DRAFT out of `plans` for the district', async () => {
    const res = await s.gql<{ plans: { id: string }[] }>(PLANS, { year: 2027 }, tok['huyen.krongana']);
    expect(res.data?.plans).toEqual([]);
  });

  it('lets the province assign to its children and, while a draft, directly to a township', async () => {
    const res = await cascade(s, tok['tinh.daklak'], { planId: plan, indicatorId: online, parentUnitId: d.unit('66'), defaults: DISTRICT_DEFAULTS });
    expect(res).toMatchObject({ applied: true, created: 33, issues: [] });
    const township = await setTargets(s, tok['tinh.daklak'], { planId: plan, indicatorId: online, targets: [{ unitId: d.unit('24538'), value: 70 }] });
    expect(township).toMatchObject({ applied: true, created: 1 });
    expect(township.targets[0]).toMatchObject({ value: 70, origin: 'MANUAL', assignedBy: { code: '66' } });
  });

  it('issues the plan once; a second issue is a CONFLICT', async () => {
    const first = await s.gql<{ issuePlan: { status: string } }>(ISSUE_PLAN, { id: plan }, tok['tinh.daklak']);
    expect(first.data?.issuePlan.status).toBe('ISSUED');
    expect(codes(await s.gql(ISSUE_PLAN, { id: plan }, tok['tinh.daklak']))).toEqual(['CONFLICT']);
    // Its indicators are fixed too: the issued state conflicts with the request (CONFLICT, reason PLAN_NOT_EDITABLE).
    const add = await s.gql(ADD_PLAN_INDICATOR, { input: { planId: plan, indicatorId: d.indicator('DLK22-DIGITIZATION') } }, tok['tinh.daklak']);
    expect(codes(add)).toEqual(['CONFLICT']);
    expect(add.errors![0].extensions!.reason).toBe('PLAN_NOT_EDITABLE');
    const after = await s.gql<{ plan: { indicators: unknown[] } }>(PLAN, { id: plan }, tok['tinh.daklak']);
    expect(after.data?.plan.indicators).toHaveLength(1);
  });

  it.each([
    ['tinh.daklak', '655'],
    ['tinh.daklak', '66.SNV'],
    ['tinh.daklak', '24556'],
    ['sysadmin', '655'],
    ['sysadmin', '24538'],
  ])('freezes the issuer’s rows: %s writing %s → PLAN_NOT_EDITABLE', async (user, code) => {
    const res = await setTargets(s, tok[user], { planId: plan, indicatorId: online, targets: [{ unitId: d.unit(code), value: 90 }] });
    expect(res).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(res.issues.map((i) => [d.codeOf(i.unitId), i.code, i.severity])).toEqual([[code, 'PLAN_NOT_EDITABLE', 'ERROR']]);
  });

  it("refuses the province's re-cascade on every row and keeps its values", async () => {
    const res = await cascade(s, tok['tinh.daklak'], {
      planId: plan,
      indicatorId: online,
      parentUnitId: d.unit('66'),
      defaults: DISTRICT_DEFAULTS.map((kv) => ({ ...kv, value: kv.value + 1 })),
    });
    expect(res.applied).toBe(false);
    expect(issueTriples(res.issues, d)).toEqual(sortTriples(d.childrenOf('66').map((c) => [c, 'PLAN_NOT_EDITABLE', 'ERROR'])));
    const rows = await targets(s, tok['tinh.daklak'], { planId: plan, indicatorId: online });
    expect(valuesByCode(rows)['655']).toBe(50);
    expect(valuesByCode(rows)['643']).toBe(70);
  });

  it('shows the issued plan to the district, which sub-assigns inside this plan’s floors', async () => {
    expect((await s.gql<{ plan: { status: string } }>(PLAN, { id: plan }, tok['huyen.krongana'])).data?.plan.status).toBe('ISSUED');
    const listed = await s.gql<{ plans: { id: string }[] }>(PLANS, { year: 2027 }, tok['huyen.krongana']);
    expect(listed.data?.plans.map((p) => p.id)).toEqual([plan]);
    expect((await s.gql<{ plan: { status: string } }>(PLAN, { id: plan }, tok['xa.buontrap'])).data?.plan.status).toBe('ISSUED');

    // 44 would pass the 2022 plan's floor of 40, not this plan's 45.
    const low = await cascade(s, tok['huyen.krongana'], {
      planId: plan,
      indicatorId: online,
      parentUnitId: d.unit('655'),
      defaults: [{ kind: 'COMMUNE', value: 44 }],
    });
    expect(low.applied).toBe(false);
    expect(
      issueTriples(
        low.issues.filter((i) => i.severity === 'ERROR'),
        d,
      ),
    ).toEqual(sortTriples(COMMUNES.map((c) => [c, 'BELOW_FLOOR', 'ERROR'])));

    // The township the province assigned is kept (MANUAL, frozen); the communes get their floor.
    const res = await cascade(s, tok['huyen.krongana'], {
      planId: plan,
      indicatorId: online,
      parentUnitId: d.unit('655'),
      defaults: [
        { kind: 'TOWNSHIP', value: 65 },
        { kind: 'COMMUNE', value: 50 },
      ],
    });
    expect(res).toMatchObject({ applied: true, created: 7, updated: 0, issues: [] });
    expect(valuesByCode(res.targets)).toEqual({ '24538': 70, ...Object.fromEntries(COMMUNES.map((c) => [c, 50])) });
    for (const t of res.targets) expect(t.assignedBy.code).toBe(t.unit.code === '24538' ? '66' : '655');

    // Its own rows stay editable; the province's township row does not.
    const edit = await setTargets(s, tok['huyen.krongana'], { planId: plan, indicatorId: online, targets: [{ unitId: d.unit('24556'), value: 55, expectedVersion: 1 }] });
    expect(edit).toMatchObject({ applied: true, updated: 1 });
    const frozen = await cascade(s, tok['huyen.krongana'], {
      planId: plan,
      indicatorId: online,
      parentUnitId: d.unit('655'),
      defaults: [
        { kind: 'TOWNSHIP', value: 65 },
        { kind: 'COMMUNE', value: 50 },
      ],
      keepManual: false,
    });
    expect(frozen.applied).toBe(false);
    expect(issueTriples(frozen.issues, d)).toEqual([['24538', 'PLAN_NOT_EDITABLE', 'ERROR']]);
  });

  it('keeps floors inside their plan: an issued plan without floors accepts a commune at 10', async () => {
    const other = await draftPlan(s, tok['tinh.daklak'], { issuerId: d.unit('66'), year: 2028, title: 'Kế hoạch 2028 (thử)' }, [{ indicatorId: online }]);
    expect(codes(await s.gql(SET_TARGETS, { input: { planId: other, indicatorId: online, targets: [{ unitId: d.unit('24556'), value: 10 }] } }, tok['huyen.krongana']))).toEqual([
      'NOT_FOUND',
    ]);
    const issued = await s.gql<{ issuePlan: { status: string } }>(ISSUE_PLAN, { id: other }, tok['tinh.daklak']);
    expect(issued.data?.issuePlan.status).toBe('ISSUED');
    const res = await setTargets(s, tok['huyen.krongana'], { planId: other, indicatorId: online, targets: [{ unitId: d.unit('24556'), value: 10 }] });
    expect(res).toMatchObject({ applied: true, created: 1, issues: [] });
  });
});
