import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, draftPlan, SET_TARGETS, setTargets, targets, type Demo, type TargetRow } from '../../support/documents';

describe.each(await testDatabases())('setTargets on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;
  let plan: string;
  let online: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tinh = await s.login('tinh.daklak');
    online = d.indicator('DLK22-ONLINE-RATE');
    plan = await draftPlan(s, tinh, { issuerId: d.unit('66'), year: 2026, title: 'Giao chỉ tiêu 2026 (thử)' }, [{ indicatorId: online }]);
  });
  afterAll(async () => s?.close());

  const write = (rows: Record<string, unknown>[], dryRun = false) => setTargets(s, tinh, { planId: plan, indicatorId: online, targets: rows, dryRun });
  const stored = async (code: string): Promise<TargetRow | undefined> => (await targets(s, tinh, { planId: plan, indicatorId: online, unitId: d.unit(code) }))[0];

  it('previews new rows (dry run) as "new:<unitId>" with version 0, saving nothing', async () => {
    const res = await write(
      [
        { unitId: d.unit('66.SXD'), value: 70 },
        { unitId: d.unit('655'), value: 55, note: 'thử' },
      ],
      true,
    );
    expect(res).toMatchObject({ applied: false, created: 2, updated: 0, issues: [] });
    expect(res.targets.map((t) => [t.id, t.version, t.value, t.origin, t.unit.code])).toEqual([
      [`new:${d.unit('66.SXD')}`, 0, 70, 'MANUAL', '66.SXD'],
      [`new:${d.unit('655')}`, 0, 55, 'MANUAL', '655'],
    ]);
    expect(await targets(s, tinh, { planId: plan, indicatorId: online })).toEqual([]);
  });

  it('writes MANUAL rows with version 1, assigned by the writer, comparator from the indicator', async () => {
    const res = await write([{ unitId: d.unit('66.SXD'), value: 70, baseline: 66.67, expectedVersion: 0 }]);
    expect(res).toMatchObject({ applied: true, created: 1, updated: 0, issues: [] });
    expect(res.targets[0]).toMatchObject({ value: 70, baseline: 66.67, origin: 'MANUAL', version: 1, comparator: 'AT_LEAST', assignedBy: { code: '66' } });
    expect(res.targets[0].id).toMatch(/^\d+$/);
    expect(await stored('66.SXD')).toEqual(res.targets[0]);
  });

  it('bumps the version on a change with the right expectedVersion, and not on a write that changes nothing', async () => {
    const res = await write([{ unitId: d.unit('66.SXD'), value: 72, expectedVersion: 1 }]);
    expect(res).toMatchObject({ applied: true, created: 0, updated: 1 });
    expect(res.targets[0]).toMatchObject({ value: 72, version: 2 });
    const same = await write([{ unitId: d.unit('66.SXD'), value: 72, expectedVersion: 2 }]);
    expect(same).toMatchObject({ applied: true, created: 0, updated: 0 });
    expect(same.targets[0]).toMatchObject({ value: 72, version: 2 });
  });

  it.each([
    ['an older version', 1],
    ['"no row yet"', 0],
    ['a version not reached yet', 3],
  ])('refuses expectedVersion of %s with VERSION_CONFLICT, saving no row of the batch', async (_label, expectedVersion) => {
    const res = await write([
      { unitId: d.unit('66.SXD'), value: 80, expectedVersion },
      { unitId: d.unit('66.STP'), value: 60 },
    ]);
    expect(res).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(res.issues.map((i) => [d.codeOf(i.unitId), i.code, i.severity])).toEqual([['66.SXD', 'VERSION_CONFLICT', 'ERROR']]);
    expect(await stored('66.SXD')).toMatchObject({ value: 72, version: 2 });
    expect(await stored('66.STP')).toBeUndefined();
  });

  it.each([
    ['an existing row', '66.SXD', 2],
    ['a row not created yet', '66.SGTVT', 0],
  ])('lets exactly one of two concurrent writes of %s win; the other gets VERSION_CONFLICT', async (_label, code, expectedVersion) => {
    const [a, b] = await Promise.all([71, 79].map((value) => write([{ unitId: d.unit(code), value, expectedVersion }])));
    expect([a.applied, b.applied].sort()).toEqual([false, true]);
    const loser = a.applied ? b : a;
    const winner = a.applied ? a : b;
    expect(loser.issues.map((i) => [d.codeOf(i.unitId), i.code, i.severity])).toEqual([[code, 'VERSION_CONFLICT', 'ERROR']]);
    expect(await stored(code)).toMatchObject({ value: winner.targets[0].value, version: expectedVersion + 1 });
    if (code === '66.SXD') await write([{ unitId: d.unit(code), value: 72, expectedVersion: 3 }]); // back to 72 (version 4)
  });

  it('keeps the stored baseline when the baseline is omitted, and clears it on an explicit null', async () => {
    await write([{ unitId: d.unit('66.SXD'), value: 73, note: 'giữ nguyên' }]);
    expect(await stored('66.SXD')).toMatchObject({ value: 73, baseline: 66.67, note: 'giữ nguyên' });
    await write([{ unitId: d.unit('66.SXD'), value: 74 }]);
    expect(await stored('66.SXD')).toMatchObject({ value: 74, baseline: 66.67 });
    await write([{ unitId: d.unit('66.SXD'), value: 74, baseline: null }]);
    expect(await stored('66.SXD')).toMatchObject({ value: 74, baseline: null, version: 7 });
  });

  it('saves a row below its baseline and warns BELOW_BASELINE', async () => {
    const res = await write([{ unitId: d.unit('66.SNV'), value: 87, baseline: 92.57 }]);
    expect(res.applied).toBe(true);
    expect(res.issues.map((i) => [d.codeOf(i.unitId), i.code, i.severity])).toEqual([['66.SNV', 'BELOW_BASELINE', 'WARNING']]);
    expect(res.issues[0].message).toMatch(/92[,.]57/);
    expect(await stored('66.SNV')).toMatchObject({ value: 87, baseline: 92.57 });
  });

  it.each([
    ['a rate above 100', '66.STP', 100.5, 'OUT_OF_RANGE'],
    ['a negative rate', '66.STP', -0.01, 'OUT_OF_RANGE'],
  ])('refuses %s, saving no row of the batch', async (_label, code, value, issue) => {
    const res = await write([
      { unitId: d.unit(code), value },
      { unitId: d.unit('66.SYT'), value: 98 },
    ]);
    expect(res).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(res.issues.filter((i) => i.severity === 'ERROR').map((i) => [d.codeOf(i.unitId), i.code])).toEqual([[code, issue]]);
    expect(await stored('66.SYT')).toBeUndefined();
    expect(await stored(code)).toBeUndefined();
  });

  // The issuer writes its own unit's target (the whole-area row); every other unit's is written from above (own-scope.spec.ts).
  it("lets the plan's issuer write its own unit's target, assigned by itself (a dry run: nothing saved)", async () => {
    const res = await write([{ unitId: d.unit('66'), value: 80 }], true);
    expect(res).toMatchObject({ applied: false, created: 1, updated: 0, issues: [] });
    expect(res.targets.map((t) => [t.id, t.value, t.unit.code, t.assignedBy.code])).toEqual([[`new:${d.unit('66')}`, 80, '66', '66']]);
    expect(await stored('66')).toBeUndefined();
  });

  it('reports a unit that does not exist as NOT_IN_SCOPE, like one outside reach', async () => {
    const res = await write([
      { unitId: '987654', value: 50 },
      { unitId: d.unit('66.SYT'), value: 98 },
    ]);
    expect(res).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(res.issues.map((i) => [i.unitId, i.code, i.severity])).toEqual([['987654', 'NOT_IN_SCOPE', 'ERROR']]);
    expect(await stored('66.SYT')).toBeUndefined();
  });

  it.each([
    ['a plan that does not exist', () => ({ planId: '987654', indicatorId: online }), 'NOT_FOUND'],
    ['an indicator the plan does not cover', () => ({ planId: plan, indicatorId: d.indicator('DLK22-DIGITIZATION') }), 'NOT_FOUND'],
  ])('answers %s with a GraphQL error', async (_label, ids, code) => {
    const res = await s.gql(SET_TARGETS, { input: { ...ids(), targets: [{ unitId: d.unit('66.SYT'), value: 98 }] } }, tinh);
    expect(codes(res)).toEqual([code]);
  });
});
