import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { CASCADE, demo, ok, type Demo, type WriteResult } from '../../support/documents';

/** What a province follows: the change history, who has sub-assigned, and the accounts of its units. */
describe.each(await testDatabases())('audit log, sub-assignment and accounts on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let province: string;
  let district: string;
  beforeAll(async () => {
    s = await bootServer(kind);
    d = await demo(s);
    province = await s.login('tinh.daklak');
    district = await s.login('huyen.krongana');
  });
  afterAll(async () => s?.close());

  const SUB = `query($p: ID!, $u: ID!) { subAssignment(planId: $p, unitId: $u) { unit { code } indicator { code } hasTarget children assigned late } }`;
  type SubRow = { unit: { code: string }; indicator: { code: string }; hasTarget: boolean; children: number; assigned: number; late: number };

  it('counts, per district and indicator, the communes with a target, and the late ones', async () => {
    const plan = d.plan(2022);
    const before = ok(await s.gql<{ subAssignment: SubRow[] }>(SUB, { p: plan, u: d.unit('66') }, province)).subAssignment;
    const row = (rows: SubRow[]) => rows.find((r) => r.unit.code === '655' && r.indicator.code === 'DLK22-ONLINE-RATE')!;
    const communes = d.childrenOf('655').length;
    expect(row(before)).toEqual({ unit: { code: '655' }, indicator: { code: 'DLK22-ONLINE-RATE' }, hasTarget: true, children: communes, assigned: 0, late: 0 });
    expect(before.filter((r) => r.unit.code.startsWith('66.')).every((r) => r.children === 0 && r.hasTarget)).toBe(true);

    const res = ok(
      await s.gql<{ cascadeTargets: WriteResult }>(
        CASCADE,
        {
          input: {
            planId: plan,
            indicatorId: d.indicator('DLK22-ONLINE-RATE'),
            parentUnitId: d.unit('655'),
            defaults: [
              { kind: 'TOWNSHIP', value: 70 },
              { kind: 'COMMUNE', value: 55 },
            ],
          },
        },
        district,
      ),
    ).cascadeTargets;
    expect(res.applied).toBe(true);
    const after = row(ok(await s.gql<{ subAssignment: SubRow[] }>(SUB, { p: plan, u: d.unit('66') }, province)).subAssignment);
    // The 2022 deadline (30/06/2022) is long past: every sub-assignment is saved and counted late.
    expect(after).toMatchObject({ children: communes, assigned: communes, late: communes });
  });

  const LOG = `query($e: String, $id: ID, $u: ID) { auditLog(entity: $e, entityId: $id, unitId: $u) { entity entityId action before after user { username } } }`;
  type Entry = { entity: string; entityId: string; action: string; before: string | null; after: string | null; user: { username: string } | null };

  it('records who changed a target, with the values before and after', async () => {
    const plan = d.plan(2022);
    const indicatorId = d.indicator('DLK22-ONLINE-RATE');
    const commune = d.unit('24538');
    const read = ok(
      await s.gql<{ targets: { id: string; value: number; version: number }[] }>(
        'query($f: TargetFilter!) { targets(filter: $f) { id value version } }',
        { f: { planId: plan, indicatorId, unitId: commune } },
        district,
      ),
    ).targets[0];
    const set = ok(
      await s.gql<{ setTargets: WriteResult }>(
        'mutation($i: SetTargetsInput!) { setTargets(input: $i) { applied issues { code } } }',
        { i: { planId: plan, indicatorId, targets: [{ unitId: commune, value: 75, expectedVersion: read.version }] } },
        district,
      ),
    ).setTargets;
    expect(set.applied).toBe(true);
    const log = ok(await s.gql<{ auditLog: Entry[] }>(LOG, { e: 'target', id: read.id }, district)).auditLog;
    expect(log[0]).toMatchObject({ entity: 'target', entityId: read.id, action: 'update', user: { username: 'huyen.krongana' } });
    expect(JSON.parse(log[0].before!).value).toBe(read.value);
    expect(JSON.parse(log[0].after!).value).toBe(75);
    // The cascade before it is there too, as the creation of the row.
    expect(log.map((e) => e.action)).toContain('create');
  });

  it('shows a district only the history of its own subtree', async () => {
    const otherDistrict = d.unit('643');
    const mine = ok(await s.gql<{ auditLog: Entry[] }>(LOG, { e: 'target' }, district)).auditLog;
    expect(mine.length).toBeGreaterThan(0);
    const other = await s.gql(LOG, { u: otherDistrict }, district);
    expect(codes(other)).toEqual(['NOT_FOUND']);
    const provinceView = ok(await s.gql<{ auditLog: Entry[] }>(LOG, { e: 'target' }, province)).auditLog;
    expect(provinceView.length).toBeGreaterThanOrEqual(mine.length);
  });

  it('lists the accounts of the province to its administrator, and to nobody below', async () => {
    const users = ok(await s.gql<{ users: { username: string; role: string }[] }>('{ users { username role } }', {}, province)).users;
    expect(users.map((u) => u.username).sort()).toEqual(['huyen.buondon', 'huyen.cukuin', 'huyen.krongana', 'phantich.daklak', 'tinh.daklak', 'xa.buontrap']);
    expect(codes(await s.gql('{ users { username } }', {}, district))).toEqual(['FORBIDDEN']);
  });
});
