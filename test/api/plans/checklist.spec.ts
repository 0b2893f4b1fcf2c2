import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, draftPlan, issuePlan, ok, setTargets, type Demo } from '../../support/documents';

/**
 * The pre-issue checklist (issue #14): per row of a plan, the issuer's children without a target
 * in the plan's tree, the stored targets re-checked as a write would check them, late ones.
 */
const CHECKLIST = `query($planId: ID!) { planChecklist(planId: $planId) {
  planId units warnings rows { id indicator { id } missing { id } issues { unitId code severity message } late } } }`;
const UPDATE_ROW = 'mutation($input: PlanIndicatorInput!) { updatePlanIndicator(input: $input) { id } }';

type Checklist = {
  planId: string;
  units: number;
  warnings: string[];
  rows: { id: string; indicator: { id: string }; missing: { id: string }[]; issues: { unitId: string; code: string; severity: string; message: string }[]; late: number }[];
};

const YEAR = 2025;

describe.each(await testDatabases())('the pre-issue checklist on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let prov: string;
  let plan: string;
  let online: string;
  let digitization: string;
  let children: { id: string; kind: string }[];
  const checklist = async (token = prov) => ok(await s.gql<{ planChecklist: Checklist }>(CHECKLIST, { planId: plan }, token)).planChecklist;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    prov = await s.login('tinh.daklak');
    online = d.indicator('DLK22-ONLINE-RATE');
    digitization = d.indicator('DLK22-DIGITIZATION');
    plan = await draftPlan(s, prov, { issuerId: d.unit('66'), year: YEAR, title: 'Kế hoạch kiểm tra trước ban hành', documentNumber: '9/KH-UBND' }, [
      { indicatorId: online, floors: [{ kind: 'DISTRICT', value: 50 }] },
      { indicatorId: digitization, floors: [{ kind: 'DISTRICT', value: 60 }] },
    ]);
    const at = `${YEAR}-01-01`;
    const tree = ok(
      await s.gql<{ unit: { children: { id: string; kind: string }[] } }>('query($at: Date) { unit(code: "66", at: $at) { children(at: $at) { id kind } } }', { at }, prov),
    );
    children = tree.unit.children;
  });
  afterAll(async () => s?.close());

  it('lists exactly the units without a target, the issues of the stored ones, and nothing for a complete row', async () => {
    const districts = children.filter((c) => c.kind === 'DISTRICT');
    const [floorBreaker, belowBaseline] = districts;
    const agency = children.find((c) => c.kind === 'PROVINCIAL_AGENCY')!;
    expect(floorBreaker && belowBaseline && agency).toBeTruthy();
    // A complete row: every child gets 90.
    const full = await setTargets(s, prov, { planId: plan, indicatorId: online, targets: children.map((c) => ({ unitId: c.id, value: 90 })) });
    expect(full.applied, JSON.stringify(full.issues)).toBe(true);
    // Three targets of the other row: one saved at 70 over a floor of 60, then the floor raised to 80; one under its baseline.
    const some = await setTargets(s, prov, {
      planId: plan,
      indicatorId: digitization,
      targets: [
        { unitId: floorBreaker.id, value: 70 },
        { unitId: belowBaseline.id, value: 85, baseline: 95 },
        { unitId: agency.id, value: 90 },
      ],
    });
    expect(some.applied, JSON.stringify(some.issues)).toBe(true);
    ok(await s.gql(UPDATE_ROW, { input: { planId: plan, indicatorId: digitization, floors: [{ kind: 'DISTRICT', value: 80 }] } }, prov));

    const list = await checklist();
    expect(list.units).toBe(children.length);
    expect(list.warnings).toEqual(['NO_DOCUMENT_DATE']);
    expect(list.rows.map((r) => r.indicator.id)).toEqual([online, digitization]);
    const [onlineRow, digitizationRow] = list.rows;
    expect(onlineRow.missing).toEqual([]);
    expect(onlineRow.issues).toEqual([]);
    const set = new Set([floorBreaker.id, belowBaseline.id, agency.id]);
    expect(digitizationRow.missing.map((u) => u.id).sort()).toEqual(
      children
        .map((c) => c.id)
        .filter((id) => !set.has(id))
        .sort(),
    );
    const issues = digitizationRow.issues.map((i) => [i.unitId, i.code, i.severity]).sort();
    expect(issues).toEqual(
      [
        [floorBreaker.id, 'BELOW_FLOOR', 'ERROR'],
        [belowBaseline.id, 'BELOW_BASELINE', 'WARNING'],
      ].sort(),
    );
    // Worded, never a raw code.
    for (const i of digitizationRow.issues) expect(i.message).not.toMatch(/BELOW_|[A-Z]{2,}_[A-Z]{2,}/);
  });

  it('is for the issuer’s accounts and administrators above: a district gets NOT_FOUND on a draft, FORBIDDEN once issued', async () => {
    const district = await s.login('huyen.krongana');
    expect(codes(await s.gql(CHECKLIST, { planId: plan }, district))).toEqual(['NOT_FOUND']);
    expect((await checklist(d.admin)).units).toBe(children.length);
    expect((await checklist(await s.login('phantich.daklak'))).units).toBe(children.length);
    await issuePlan(s, prov, plan);
    expect(codes(await s.gql(CHECKLIST, { planId: plan }, district))).toEqual(['FORBIDDEN']);
    // Issued, its rows are re-checked the same way (the frozen rows are not an issue).
    const after = await checklist();
    expect(after.rows[1].issues.map((i) => i.code).sort()).toEqual(['BELOW_BASELINE', 'BELOW_FLOOR']);
  });

  it('says when a plan has no rows', async () => {
    const empty = await draftPlan(s, prov, { issuerId: d.unit('66'), year: YEAR + 1, title: 'Kế hoạch trống' }, []);
    const list = ok(await s.gql<{ planChecklist: Checklist }>(CHECKLIST, { planId: empty }, prov)).planChecklist;
    expect(list.rows).toEqual([]);
    expect(list.warnings.sort()).toEqual(['NO_DOCUMENT_DATE', 'NO_DOCUMENT_NUMBER', 'NO_ROWS']);
  });
});
