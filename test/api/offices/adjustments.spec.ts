import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type GqlResponse, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, ok, setTargets, type Demo } from '../../support/documents';

/**
 * Issue #15, adjustments (đề xuất điều chỉnh): a unit proposes another value for one of its
 * targets in an issued plan, with a reason; the unit that assigned it rejects (with a note) or
 * accepts — the target changes as a recorded amendment. Every refusal changes nothing.
 */
const ADJ_FIELDS =
  'id proposedValue reason state requestedBy { username } requestedAt decidedBy { username } decidedAt decisionNote target { id value version unit { code } assignedBy { code } }';
const REQUEST = `mutation($targetId: ID!, $proposedValue: Float!, $reason: String!) { requestAdjustment(targetId: $targetId, proposedValue: $proposedValue, reason: $reason) { ${ADJ_FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $accept: Boolean!, $note: String) { decideAdjustment(id: $id, accept: $accept, note: $note) { ${ADJ_FIELDS} } }`;
const LIST = `query($planId: ID!, $state: AdjustmentState) { adjustments(planId: $planId, state: $state) { ${ADJ_FIELDS} } }`;
const RECIPIENT_ROLES = ['PROVINCE_ADMIN', 'UNIT_MANAGER', 'UNIT_REPORTER'];

type Adj = {
  id: string;
  proposedValue: number;
  reason: string;
  state: string;
  requestedBy: { username: string };
  requestedAt: string;
  decidedBy: { username: string } | null;
  decidedAt: string | null;
  decisionNote: string | null;
  target: { id: string; value: number; version: number; unit: { code: string }; assignedBy: { code: string } };
};
type Notice = { userId: number; params: Record<string, unknown>; link: string | null; dedupeKey: string | null };

describe.each(await testDatabases())('adjustments on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tok: Record<string, string>;
  let plan: string;
  let online: string;
  /** Krông A Na's target of the online rate in the 2022 decision. */
  let target: { id: number; value: number; version: number; assignedById: number };

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tok = {};
    for (const u of ['tinh.daklak', 'huyen.krongana', 'xa.buontrap']) tok[u] = await s.login(u);
    plan = d.plan(2022);
    online = d.indicator('DLK22-ONLINE-RATE');
    target = await targetOf(d.unit('655'));
  });
  afterAll(async () => s?.close());

  async function targetOf(unitId: string) {
    const [t] = (await s.ds.query('SELECT id, value, version, assignedById FROM target WHERE planId = ? AND indicatorId = ? AND unitId = ?', [
      Number(plan),
      Number(online),
      Number(unitId),
    ])) as {
      id: number;
      value: number;
      version: number;
      assignedById: number;
    }[];
    return { id: Number(t.id), value: Number(t.value), version: Number(t.version), assignedById: Number(t.assignedById) };
  }
  const request = (user: string, targetId: number, proposedValue: number, reason: string, headers: Record<string, string> = {}) =>
    s.gql<{ requestAdjustment: Adj }>(REQUEST, { targetId: String(targetId), proposedValue, reason }, tok[user], headers);
  const decide = (user: string, id: string, accept: boolean, note?: string | null) => s.gql<{ decideAdjustment: Adj }>(DECIDE, { id, accept, note }, tok[user]);
  const list = async (user: string, state?: string) => ok(await s.gql<{ adjustments: Adj[] }>(LIST, { planId: plan, state }, tok[user])).adjustments;
  const count = async (sql: string, params: unknown[] = []) => Number(((await s.ds.query(sql, params)) as { n: number }[])[0].n);
  /** What a refusal must leave alone: the proposals, the target, the notifications. */
  const snapshot = async (targetId: number) => ({
    adjustments: await count('SELECT COUNT(*) AS n FROM adjustment'),
    notifications: await count('SELECT COUNT(*) AS n FROM notification'),
    target: (await s.ds.query('SELECT value, version FROM target WHERE id = ?', [targetId])) as unknown[],
  });
  const notices = async (kindName: string): Promise<Notice[]> =>
    (
      (await s.ds.query('SELECT userId, params, link, dedupeKey FROM notification WHERE kind = ? ORDER BY id', [kindName])) as {
        userId: number;
        params: string;
        link: string | null;
        dedupeKey: string | null;
      }[]
    ).map((r) => ({ userId: Number(r.userId), params: JSON.parse(r.params) as Record<string, unknown>, link: r.link, dedupeKey: r.dedupeKey }));
  const accountsOf = async (unitId: number) =>
    ((await s.ds.query('SELECT id, role, active FROM app_user WHERE unitId = ? ORDER BY id', [unitId])) as { id: number; role: string; active: unknown }[])
      .filter((u) => RECIPIENT_ROLES.includes(u.role) && Boolean(Number(u.active)))
      .map((u) => Number(u.id));
  const userId = async (username: string) => Number(((await s.ds.query('SELECT id FROM app_user WHERE username = ?', [username])) as { id: number }[])[0].id);
  const unitName = async (id: number | string) => ((await s.ds.query('SELECT name FROM unit WHERE id = ?', [Number(id)])) as { name: string }[])[0].name;
  const indicatorLabel = async () => {
    const [i] = (await s.ds.query('SELECT i.code, i.name, pi.position FROM indicator i JOIN plan_indicator pi ON pi.indicatorId = i.id WHERE pi.planId = ? AND i.id = ?', [
      Number(plan),
      Number(online),
    ])) as {
      code: string;
      name: string;
      position: string | null;
    }[];
    return `${i.position?.trim() || i.code} ${i.name}`;
  };
  const errorParams = (res: GqlResponse) => res.errors![0].extensions!.params as Record<string, unknown>;

  it.each([
    ['an empty reason', () => target.value - 5, '   ', 'BAD_USER_INPUT', 'required'],
    ['a rate above 100', () => 150, 'Lý do hợp lệ', 'BAD_USER_INPUT', undefined],
    ['a negative rate', () => -1, 'Lý do hợp lệ', 'BAD_USER_INPUT', undefined],
    ['the current value', () => target.value, 'Lý do hợp lệ', 'CONFLICT', 'adjustmentSameValue'],
  ])('refuses a proposal with %s and changes nothing', async (_label, value, reason, code, why) => {
    const before = await snapshot(target.id);
    const res = await request('huyen.krongana', target.id, value(), reason);
    expect(codes(res)).toEqual([code]);
    if (why) expect(errorParams(res).reason).toBe(why);
    else expect(res.errors![0].extensions!.reason).toBe('OUT_OF_RANGE');
    expect(await snapshot(target.id)).toEqual(before);
  });

  it('says why in English with accept-language: en', async () => {
    const res = await request('huyen.krongana', target.id, 150, 'Reason', { 'accept-language': 'en' });
    expect(res.errors![0].message).toMatch(/out of range/);
    const empty = await request('huyen.krongana', target.id, target.value - 1, '', { 'accept-language': 'en' });
    expect(empty.errors![0].message).toContain('reason cannot be empty');
  });

  it('refuses a proposal by the province or the commune on the district’s target', async () => {
    const before = await snapshot(target.id);
    const province = await request('tinh.daklak', target.id, target.value - 5, 'Không phải đơn vị được giao');
    expect(codes(province)).toEqual(['FORBIDDEN']);
    expect(errorParams(province)).toMatchObject({ reason: 'notOwnUnit', unit: await unitName(d.unit('655')) });
    // The commune does not see its district's targets.
    expect(codes(await request('xa.buontrap', target.id, target.value - 5, 'Không phải đơn vị được giao'))).toEqual(['NOT_FOUND']);
    expect(await snapshot(target.id)).toEqual(before);
  });

  let first: Adj;
  it('lets the district propose, tells the province, and refuses a second proposal while one is pending', async () => {
    const province = await accountsOf(target.assignedById);
    const requestedBefore = (await notices('ADJUSTMENT_REQUESTED')).length;
    const proposed = target.value - 5;
    const res = await request('huyen.krongana', target.id, proposed, '  Nhiều xã chưa có đường truyền ổn định  ');
    first = ok(res).requestAdjustment;
    expect(first).toMatchObject({
      proposedValue: proposed,
      reason: 'Nhiều xã chưa có đường truyền ổn định',
      state: 'PENDING',
      requestedBy: { username: 'huyen.krongana' },
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      target: { id: String(target.id), value: target.value, version: target.version, unit: { code: '655' }, assignedBy: { code: '66' } },
    });
    const [row] = (await s.ds.query('SELECT previousValue, planId, unitId, unitPath, state FROM adjustment WHERE id = ?', [Number(first.id)])) as Record<string, unknown>[];
    const [unit] = (await s.ds.query('SELECT path FROM unit WHERE id = ?', [Number(d.unit('655'))])) as { path: string }[];
    expect({ ...row, previousValue: Number(row.previousValue), planId: Number(row.planId), unitId: Number(row.unitId) }).toEqual({
      previousValue: target.value,
      planId: Number(plan),
      unitId: Number(d.unit('655')),
      unitPath: unit.path,
      state: 'PENDING',
    });

    const added = (await notices('ADJUSTMENT_REQUESTED')).slice(requestedBefore);
    expect(added.map((n) => n.userId)).toEqual(province);
    for (const n of added) {
      expect(n.params).toEqual({
        unit: await unitName(d.unit('655')),
        indicator: await indicatorLabel(),
        from: target.value,
        to: proposed,
        reason: 'Nhiều xã chưa có đường truyền ổn định',
      });
      expect(n.link).toBe(`/plans/${plan}?view=adjustments`);
    }

    const before = await snapshot(target.id);
    const second = await request('huyen.krongana', target.id, proposed - 1, 'Đề xuất thứ hai');
    expect(codes(second)).toEqual(['CONFLICT']);
    expect(errorParams(second).reason).toBe('adjustmentPending');
    expect(await snapshot(target.id)).toEqual(before);
  });

  it('lists the proposal for the province and the district, newest first, with a state filter', async () => {
    const stored = (await s.ds.query('SELECT id FROM adjustment WHERE planId = ? ORDER BY requestedAt DESC, id DESC', [Number(plan)])) as { id: number }[];
    const province = await list('tinh.daklak');
    expect(province.map((a) => a.id)).toEqual(stored.map((r) => String(r.id)));
    expect(province[0].id).toBe(first.id);
    const pending = await list('tinh.daklak', 'PENDING');
    expect(pending.every((a) => a.state === 'PENDING')).toBe(true);
    expect(pending.map((a) => a.id)).toContain(first.id);
    // The district sees its own proposal, not the other districts'.
    expect((await list('huyen.krongana')).map((a) => a.id)).toEqual([first.id]);
  });

  it('refuses a decision by the requesting district itself (notAssigner) and a rejection without a note', async () => {
    const before = await snapshot(target.id);
    const own = await decide('huyen.krongana', first.id, true);
    expect(codes(own)).toEqual(['FORBIDDEN']);
    expect(errorParams(own)).toMatchObject({ reason: 'notAssigner', unit: await unitName(d.unit('655')) });
    for (const note of [null, '', '   ']) {
      const res = await decide('tinh.daklak', first.id, false, note);
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(errorParams(res)).toMatchObject({ reason: 'required', field: 'note' });
    }
    expect(await snapshot(target.id)).toEqual(before);
    expect((await list('tinh.daklak', 'PENDING')).map((a) => a.id)).toContain(first.id);
  });

  it('lets the province reject with a note; the district is told; the decision is final', async () => {
    const rejectedBefore = (await notices('ADJUSTMENT_REJECTED')).length;
    const res = ok(await decide('tinh.daklak', first.id, false, 'Giữ nguyên chỉ tiêu, tỉnh hỗ trợ đường truyền'));
    expect(res.decideAdjustment).toMatchObject({ state: 'REJECTED', decidedBy: { username: 'tinh.daklak' }, decisionNote: 'Giữ nguyên chỉ tiêu, tỉnh hỗ trợ đường truyền' });
    expect(Number.isNaN(Date.parse(res.decideAdjustment.decidedAt!))).toBe(false);
    // The target is as it was.
    expect(await targetOf(d.unit('655'))).toEqual(target);
    const added = (await notices('ADJUSTMENT_REJECTED')).slice(rejectedBefore);
    expect(added.map((n) => n.userId)).toEqual([await userId('huyen.krongana')]);
    expect(added[0].params).toEqual({
      indicator: await indicatorLabel(),
      unit: await unitName(d.unit('655')),
      to: first.proposedValue,
      note: 'Giữ nguyên chỉ tiêu, tỉnh hỗ trợ đường truyền',
    });
    expect(added[0].link).toBe(`/plans/${plan}?view=adjustments`);

    const before = await snapshot(target.id);
    const again = await decide('tinh.daklak', first.id, true);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(errorParams(again).reason).toBe('adjustmentDecided');
    expect(await snapshot(target.id)).toEqual(before);
  });

  it('lets the district propose again and the province accept: the target is amended, audited, and both sides told', async () => {
    const proposed = target.value - 3;
    const second = ok(await request('huyen.krongana', target.id, proposed, 'Đề xuất lại sau khi rà soát')).requestAdjustment;
    expect(second.state).toBe('PENDING');
    const acceptedBefore = (await notices('ADJUSTMENT_ACCEPTED')).length;
    const audits = await count("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'target' AND entityId = ?", [String(target.id)]);

    const decided = ok(await decide('tinh.daklak', second.id, true)).decideAdjustment;
    expect(decided).toMatchObject({ state: 'ACCEPTED', decidedBy: { username: 'tinh.daklak' }, decisionNote: null, target: { value: proposed, version: target.version + 1 } });
    const after = await targetOf(d.unit('655'));
    expect(after).toEqual({ ...target, value: proposed, version: target.version + 1 });

    const [audit] = (await s.ds.query("SELECT action, `before`, `after`, planId, userId FROM audit_log WHERE entity = 'target' AND entityId = ? ORDER BY id DESC", [
      String(target.id),
    ])) as {
      action: string;
      before: string;
      after: string;
      planId: number;
      userId: number;
    }[];
    expect(await count("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'target' AND entityId = ?", [String(target.id)])).toBe(audits + 1);
    expect(audit.action).toBe('amend');
    expect(Number(audit.planId)).toBe(Number(plan));
    expect(Number(audit.userId)).toBe(await userId('tinh.daklak'));
    expect(JSON.parse(audit.before)).toMatchObject({ value: target.value, version: target.version });
    expect(JSON.parse(audit.after)).toMatchObject({ value: proposed, version: target.version + 1, adjustmentId: Number(second.id), reason: 'Đề xuất lại sau khi rà soát' });

    const added = (await notices('ADJUSTMENT_ACCEPTED')).slice(acceptedBefore);
    expect(added.map((n) => n.userId)).toEqual([await userId('huyen.krongana')]);
    expect(added[0].params).toEqual({ indicator: await indicatorLabel(), unit: await unitName(d.unit('655')), to: proposed, note: null });
    // The province was told of both proposals.
    const requested = (await notices('ADJUSTMENT_REQUESTED')).filter((n) => n.params.reason === 'Đề xuất lại sau khi rà soát');
    expect(requested.map((n) => n.userId)).toEqual(await accountsOf(target.assignedById));
    target = after;
  });

  describe('a commune’s target, sub-assigned by the district in the issued plan', () => {
    let commune: { id: number; value: number; version: number; assignedById: number };

    it('tells the commune once a day however often the district writes', async () => {
      const assignedBefore = (await notices('TARGETS_ASSIGNED')).length;
      // Inside the plan's floor for the commune's kind.
      const [row] = (await s.ds.query('SELECT floors FROM plan_indicator WHERE planId = ? AND indicatorId = ?', [Number(plan), Number(online)])) as { floors: unknown }[];
      const floors = (typeof row.floors === 'string' ? JSON.parse(row.floors) : (row.floors ?? [])) as { kind: string; value: number }[];
      const value = (floors.find((f) => f.kind === d.kind('24538'))?.value ?? 50) + 5;
      const first = await setTargets(s, tok['huyen.krongana'], { planId: plan, indicatorId: online, targets: [{ unitId: d.unit('24538'), value }] });
      expect(first, JSON.stringify(first.issues)).toMatchObject({ applied: true, created: 1 });
      const second = await setTargets(s, tok['huyen.krongana'], { planId: plan, indicatorId: online, targets: [{ unitId: d.unit('24538'), value: value + 1 }] });
      expect(second).toMatchObject({ applied: true, updated: 1 });
      commune = await targetOf(d.unit('24538'));
      expect(commune.assignedById).toBe(Number(d.unit('655')));

      const added = (await notices('TARGETS_ASSIGNED')).slice(assignedBefore);
      const day = new Date().toISOString().slice(0, 10);
      expect(added.map((n) => n.userId)).toEqual(await accountsOf(Number(d.unit('24538'))));
      for (const n of added) {
        expect(n.params).toEqual({ issuer: await unitName(d.unit('655')), plan: expect.any(String), unit: await unitName(d.unit('24538')), count: 1 });
        expect(n.link).toBe(`/plans/${plan}`);
        expect(n.dedupeKey).toBe(`assigned:${plan}:${d.unit('24538')}:${day}`);
      }
    });

    it('lets the commune propose and the district (its assigner) accept', async () => {
      const requestedBefore = (await notices('ADJUSTMENT_REQUESTED')).length;
      const proposed = commune.value - 2;
      const adj = ok(await request('xa.buontrap', commune.id, proposed, 'Thị trấn mới sáp nhập thôn')).requestAdjustment;
      expect(adj.target).toMatchObject({ unit: { code: '24538' }, assignedBy: { code: '655' } });
      const toDistrict = (await notices('ADJUSTMENT_REQUESTED')).slice(requestedBefore);
      expect(toDistrict.map((n) => n.userId)).toEqual(await accountsOf(Number(d.unit('655'))));

      // The district sees it (assigned by it, in its subtree); the commune sees its own.
      expect((await list('huyen.krongana', 'PENDING')).map((a) => a.id)).toEqual([adj.id]);
      expect((await list('xa.buontrap')).map((a) => a.id)).toEqual([adj.id]);

      const decided = ok(await decide('huyen.krongana', adj.id, true, 'Đồng ý')).decideAdjustment;
      expect(decided).toMatchObject({
        state: 'ACCEPTED',
        decidedBy: { username: 'huyen.krongana' },
        decisionNote: 'Đồng ý',
        target: { value: proposed, version: commune.version + 1 },
      });
      expect(await targetOf(d.unit('24538'))).toEqual({ ...commune, value: proposed, version: commune.version + 1 });
      const accepted = await notices('ADJUSTMENT_ACCEPTED');
      expect(accepted[accepted.length - 1]).toMatchObject({
        userId: await userId('xa.buontrap'),
        params: { to: proposed, note: 'Đồng ý', unit: await unitName(d.unit('24538')) },
      });
      commune = await targetOf(d.unit('24538'));
    });

    it('lets the province, an administrator above the district, decide the commune’s next proposal', async () => {
      const adj = ok(await request('xa.buontrap', commune.id, commune.value + 1, 'Đề nghị tăng lại')).requestAdjustment;
      const decided = ok(await decide('tinh.daklak', adj.id, false, 'Giữ như huyện đã duyệt')).decideAdjustment;
      expect(decided).toMatchObject({ state: 'REJECTED', decidedBy: { username: 'tinh.daklak' }, target: { value: commune.value, version: commune.version } });
      expect(await targetOf(d.unit('24538'))).toEqual(commune);
    });
  });
});
