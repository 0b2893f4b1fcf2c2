import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { cascade, demo, draftPlan, issuePlan, ok, type Demo } from '../../support/documents';

/**
 * Issue #15, acknowledgement (tiếp nhận): a unit confirms the targets it received in an issued
 * plan, once; the units that assigned them are told in the same transaction; the province sees
 * who has acknowledged and when. Issuing a plan tells every unit that received targets.
 */
const ACK = 'mutation($planId: ID!, $unitId: ID!) { acknowledgeTargets(planId: $planId, unitId: $unitId) { plan { id } unit { id code } by { username } at } }';
const ACKS = 'query($planId: ID!) { acknowledgements(planId: $planId) { plan { id } unit { id code name } by { username } at } }';
const RECIPIENT_ROLES = ['PROVINCE_ADMIN', 'UNIT_MANAGER', 'UNIT_REPORTER'];

type Ack = { plan: { id: string }; unit: { id: string; code: string }; by: { username: string }; at: string };
type NotificationRow = { userId: number; kind: string; params: Record<string, unknown>; link: string | null };

describe.each(await testDatabases())('acknowledging targets on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tok: Record<string, string>;
  let plan: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tok = {};
    for (const u of ['tinh.daklak', 'huyen.krongana', 'huyen.buondon', 'xa.buontrap', 'phantich.daklak']) tok[u] = await s.login(u);
    plan = d.plan(2022);
  });
  afterAll(async () => s?.close());

  const ack = (planId: string, code: string, user: string, headers: Record<string, string> = {}) =>
    s.gql<{ acknowledgeTargets: Ack }>(ACK, { planId, unitId: d.unit(code) }, tok[user], headers);
  const ackRows = async (planId: string) =>
    (await s.ds.query('SELECT unitId, byId FROM acknowledgement WHERE planId = ? ORDER BY id', [Number(planId)])) as { unitId: number; byId: number }[];
  const notifications = async (kindName: string): Promise<NotificationRow[]> =>
    (
      (await s.ds.query('SELECT userId, kind, params, link FROM notification WHERE kind = ? ORDER BY id', [kindName])) as {
        userId: number;
        kind: string;
        params: string;
        link: string | null;
      }[]
    ).map((r) => ({ userId: Number(r.userId), kind: r.kind, params: JSON.parse(r.params) as Record<string, unknown>, link: r.link }));
  /** The active accounts that act for the units (analysts only read). */
  const accountsOf = async (unitIds: number[]) =>
    (
      (await s.ds.query(`SELECT id, role, active FROM app_user WHERE unitId IN (${unitIds.map(() => '?').join(', ')}) ORDER BY id`, unitIds)) as {
        id: number;
        role: string;
        active: unknown;
      }[]
    )
      .filter((u) => RECIPIENT_ROLES.includes(u.role) && Boolean(Number(u.active)))
      .map((u) => Number(u.id));
  const unitRow = async (code: string) =>
    ((await s.ds.query('SELECT id, name FROM unit WHERE id = ?', [Number(d.unit(code))])) as { id: number; name: string }[]).map((u) => ({ id: Number(u.id), name: u.name }))[0];
  const planTitle = async (id: string) => ((await s.ds.query('SELECT title FROM plan WHERE id = ?', [Number(id)])) as { title: string }[])[0].title;

  it('lets the district acknowledge its targets once, even when asked twice at once, and tells the province', async () => {
    const district = await unitRow('655');
    const before = await ackRows(plan);
    expect(before.map((r) => Number(r.unitId))).not.toContain(district.id);
    const noticesBefore = await notifications('TARGETS_ACKNOWLEDGED');

    const [a, b] = await Promise.all([ack(plan, '655', 'huyen.krongana'), ack(plan, '655', 'huyen.krongana')]);
    const first = ok(a).acknowledgeTargets;
    expect(first).toMatchObject({ plan: { id: plan }, unit: { id: d.unit('655'), code: '655' }, by: { username: 'huyen.krongana' } });
    expect(ok(b).acknowledgeTargets).toEqual(first);
    expect(Math.abs(Date.parse(first.at) - Date.now())).toBeLessThan(60_000);
    expect((await ackRows(plan)).filter((r) => Number(r.unitId) === district.id)).toHaveLength(1);

    // Asked again later: the first acknowledgement, nothing new written.
    expect(ok(await ack(plan, '655', 'huyen.krongana')).acknowledgeTargets).toEqual(first);
    expect(await ackRows(plan)).toHaveLength(before.length + 1);

    // The units that assigned Krông A Na's targets of the plan, each of their acting accounts once.
    const assigners = (
      (await s.ds.query('SELECT DISTINCT assignedById FROM target WHERE planId = ? AND unitId = ?', [Number(plan), district.id])) as { assignedById: number }[]
    ).map((r) => Number(r.assignedById));
    expect(assigners).toEqual([Number(d.unit('66'))]);
    const expected = await accountsOf(assigners);
    expect(expected.length).toBeGreaterThan(0);
    const added = (await notifications('TARGETS_ACKNOWLEDGED')).slice(noticesBefore.length);
    const title = await planTitle(plan);
    expect(added.map((n) => n.userId).sort((x, y) => x - y)).toEqual(expected);
    for (const n of added) expect(n).toMatchObject({ params: { unit: district.name, plan: title }, link: `/plans/${plan}` });
  });

  it('shows the province every acknowledgement with its date, oldest first; the district only its own', async () => {
    const stored = (await s.ds.query('SELECT a.unitId, u.path FROM acknowledgement a JOIN unit u ON u.id = a.unitId WHERE a.planId = ? ORDER BY a.at, a.id', [Number(plan)])) as {
      unitId: number;
      path: string;
    }[];
    const province = ok(await s.gql<{ acknowledgements: Ack[] }>(ACKS, { planId: plan }, tok['tinh.daklak'])).acknowledgements;
    expect(province.map((a) => a.unit.id)).toEqual(stored.map((r) => String(r.unitId)));
    expect(province.length).toBeGreaterThanOrEqual(3);
    for (const a of province) {
      expect(a.plan.id).toBe(plan);
      expect(Number.isNaN(Date.parse(a.at))).toBe(false);
    }
    const times = province.map((a) => Date.parse(a.at));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(province.find((a) => a.unit.code === '655')?.by.username).toBe('huyen.krongana');

    const districtPath = stored.find((r) => String(r.unitId) === d.unit('655'))!.path;
    const own = ok(await s.gql<{ acknowledgements: Ack[] }>(ACKS, { planId: plan }, tok['huyen.krongana'])).acknowledgements;
    expect(own.map((a) => a.unit.id)).toEqual(stored.filter((r) => r.path.startsWith(districtPath)).map((r) => String(r.unitId)));
    expect(own.map((a) => a.unit.code)).toEqual(['655']);
  });

  it.each([
    ['the commune, for its district', 'xa.buontrap', '655', 'FORBIDDEN', 'notOwnUnit'],
    ['another district, for Krông A Na', 'huyen.buondon', '655', 'NOT_FOUND', undefined],
    ['Krông A Na, for another district', 'huyen.krongana', '647', 'NOT_FOUND', undefined],
    ['the analyst, for the province', 'phantich.daklak', '66', 'FORBIDDEN', undefined],
  ])('refuses %s (%s) with %s and writes nothing', async (_label, user, code, expected, reason) => {
    const before = await ackRows(plan);
    const res = await ack(plan, code, user);
    expect(codes(res)).toEqual([expected]);
    if (reason) {
      expect((res.errors![0].extensions!.params as Record<string, unknown>).reason).toBe(reason);
      expect((res.errors![0].extensions!.params as Record<string, unknown>).unit).toBe((await unitRow(code)).name);
    }
    expect(await ackRows(plan)).toEqual(before);
  });

  it('refuses a unit with no target in the plan (BAD_USER_INPUT), in Vietnamese and English', async () => {
    const commune = await unitRow('24538');
    const held = Number(((await s.ds.query('SELECT COUNT(*) AS n FROM target WHERE planId = ? AND unitId = ?', [Number(plan), commune.id])) as { n: number }[])[0].n);
    expect(held).toBe(0);
    const before = await ackRows(plan);
    const vi = await ack(plan, '24538', 'xa.buontrap');
    expect(codes(vi)).toEqual(['BAD_USER_INPUT']);
    expect(vi.errors![0].message).toContain(`${commune.name} không được giao chỉ tiêu nào trong kế hoạch này`);
    const en = await ack(plan, '24538', 'xa.buontrap', { 'accept-language': 'en' });
    expect(codes(en)).toEqual(['BAD_USER_INPUT']);
    expect(en.errors![0].message).toContain(`${commune.name} has no targets in this plan`);
    expect(await ackRows(plan)).toEqual(before);
  });

  describe('a plan the province drafts and issues', () => {
    let fresh: string;
    const online = () => d.indicator('DLK22-ONLINE-RATE');

    beforeAll(async () => {
      fresh = await draftPlan(s, tok['tinh.daklak'], { issuerId: d.unit('66'), year: 2024, title: 'Kế hoạch thử tiếp nhận 2024', subAssignmentDeadline: '2099-12-31' }, [
        { indicatorId: online(), floors: [{ kind: 'COMMUNE', value: 40 }] },
      ]);
      const res = await cascade(s, tok['tinh.daklak'], {
        planId: fresh,
        indicatorId: online(),
        parentUnitId: d.unit('66'),
        defaults: [
          { kind: 'PROVINCIAL_AGENCY', value: 60 },
          { kind: 'PROVINCIAL_CITY', value: 70 },
          { kind: 'TOWN', value: 55 },
          { kind: 'DISTRICT', value: 50 },
        ],
      });
      expect(res.applied).toBe(true);
    });

    it('refuses an acknowledgement while it is a draft (CONFLICT planNotIssued), even by the province', async () => {
      const res = await ack(fresh, '66', 'tinh.daklak');
      // The draft is hidden from the district: NOT_FOUND there; the province sees it and is told it is not issued.
      expect(codes(res)).toEqual(['CONFLICT']);
      expect((res.errors![0].extensions!.params as Record<string, unknown>).reason).toBe('planNotIssued');
      expect(res.errors![0].message).toContain('kế hoạch chưa được ban hành');
      expect(codes(await ack(fresh, '655', 'huyen.krongana'))).toEqual(['NOT_FOUND']);
      expect(await ackRows(fresh)).toEqual([]);
    });

    it('tells every unit that received targets when it is issued, with its own count', async () => {
      const before = (await notifications('TARGETS_ISSUED')).length;
      await issuePlan(s, tok['tinh.daklak'], fresh);
      const province = await unitRow('66');
      const held = (await s.ds.query('SELECT unitId, COUNT(*) AS n FROM target WHERE planId = ? AND assignedById = ? AND unitId <> ? GROUP BY unitId', [
        Number(fresh),
        province.id,
        province.id,
      ])) as { unitId: number; n: number }[];
      expect(held.length).toBeGreaterThan(1);
      const title = await planTitle(fresh);
      const expected: { userId: number; unit: string; count: number }[] = [];
      for (const h of held) {
        const name = ((await s.ds.query('SELECT name FROM unit WHERE id = ?', [Number(h.unitId)])) as { name: string }[])[0].name;
        for (const userId of await accountsOf([Number(h.unitId)])) expected.push({ userId, unit: name, count: Number(h.n) });
      }
      // The demo's districts with accounts: Krông A Na, Buôn Đôn, Cư Kuin.
      expect(expected.length).toBeGreaterThanOrEqual(3);
      const added = (await notifications('TARGETS_ISSUED')).slice(before);
      expect(added.map((n) => ({ userId: n.userId, unit: n.params.unit, count: n.params.count })).sort((x, y) => x.userId - y.userId)).toEqual(
        expected.sort((x, y) => x.userId - y.userId),
      );
      for (const n of added) expect(n).toMatchObject({ params: { issuer: province.name, plan: title }, link: `/plans/${fresh}` });

      // Issued: Krông A Na may now acknowledge it.
      expect(ok(await ack(fresh, '655', 'huyen.krongana')).acknowledgeTargets.unit.code).toBe('655');
    });
  });
});
