import type { EntityManager } from 'typeorm';
import type { Unit } from '../units/unit.entity';
import type { User } from '../auth/user.entity';
import type { Indicator } from '../indicators/indicator.entity';
import type { Plan } from '../plans/plan.entity';
import { AcknowledgementRow } from '../acknowledgements/acknowledgement.entity';
import { AdjustmentRow } from '../adjustments/adjustment.entity';
import { NotificationsService, type NotificationEvent } from '../notifications/notifications.service';
import { sqlValue } from '../results/bulk';
import { isSqlite } from '../../db/data-source';

/**
 * Between offices on the 2022 decision (issue #15), so that every side has something to look at:
 * two districts have acknowledged their targets (Krông A Na has not: its home page asks it to);
 * Buôn Đôn's proposal awaits the province, Cư Kuin's was rejected with a note; Krông A Na's
 * communes sent their December figures — one approved (locked), one awaiting approval, one
 * returned with a reason; and the notifications these events wrote, with a reminder. The rows
 * report monthly (online rate, due 10 days after the month) and yearly (digitisation).
 */
export interface OfficesDemo {
  plan: Plan;
  online: Indicator;
  digitization: Indicator;
  byCode: ReadonlyMap<string, Unit>;
  accounts: ReadonlyMap<string, User>;
  province: Unit;
}

export async function seedOfficesDemo(m: EntityManager, d: OfficesDemo): Promise<void> {
  const notifications = new NotificationsService(m.connection);
  const unit = (code: string) => d.byCode.get(code)!;
  const user = (username: string) => d.accounts.get(username)!;
  const planLink = `/plans/${d.plan.id}`;
  const at = (iso: string) => new Date(iso);
  const sqlite = isSqlite(m.connection);

  await m.query('UPDATE plan_indicator SET frequency = ?, dueDay = ? WHERE planId = ? AND indicatorId = ?', ['MONTHLY', 10, d.plan.id, d.online.id]);
  await m.query('UPDATE plan_indicator SET frequency = ?, dueDay = ? WHERE planId = ? AND indicatorId = ?', ['YEARLY', 15, d.plan.id, d.digitization.id]);

  // Issued: every district account was told.
  for (const code of ['655', '647', '657']) {
    const count = Number(((await m.query('SELECT COUNT(*) AS n FROM target WHERE planId = ? AND unitId = ?', [d.plan.id, unit(code).id])) as { n: number | string }[])[0].n);
    await notifications.notifyUnits(m, [unit(code).id], {
      kind: 'TARGETS_ISSUED',
      params: { issuer: d.province.name, plan: d.plan.title, unit: unit(code).name, count },
      link: planLink,
    });
  }

  // Acknowledged by Buôn Đôn and Cư Kuin.
  for (const [code, username, when] of [
    ['647', 'huyen.buondon', '2022-03-02T02:15:00Z'],
    ['657', 'huyen.cukuin', '2022-03-04T08:40:00Z'],
  ] as const) {
    await m.getRepository(AcknowledgementRow).insert({ planId: d.plan.id, unitId: unit(code).id, byId: user(username).id, at: at(when) });
    await toProvince(m, notifications, d, { kind: 'TARGETS_ACKNOWLEDGED', params: { unit: unit(code).name, plan: d.plan.title }, link: planLink });
  }

  // Proposals: Buôn Đôn's pending, Cư Kuin's rejected with a note.
  const targetOf = async (code: string, indicator: Indicator) =>
    (
      (await m.query('SELECT id, value FROM target WHERE planId = ? AND indicatorId = ? AND unitId = ?', [d.plan.id, indicator.id, unit(code).id])) as {
        id: number;
        value: number;
      }[]
    )[0];
  const proposals = [
    {
      code: '647',
      username: 'huyen.buondon',
      indicator: d.online,
      by: -10,
      reason: 'Năm 2022 huyện mới triển khai Bộ phận Một cửa cấp xã, số hồ sơ trực tuyến phát sinh thấp',
      when: '2022-03-10T03:00:00Z',
    },
    { code: '657', username: 'huyen.cukuin', indicator: d.digitization, by: -20, reason: 'Thiếu máy quét tại 5/8 xã, đề nghị giảm chỉ tiêu số hóa', when: '2022-03-08T07:30:00Z' },
  ];
  for (const [i, p] of proposals.entries()) {
    const t = await targetOf(p.code, p.indicator);
    if (!t) continue;
    const previous = Number(t.value);
    const proposed = Math.max(0, previous + p.by);
    const rejected = i === 1;
    await m.getRepository(AdjustmentRow).insert({
      planId: d.plan.id,
      targetId: Number(t.id),
      unitId: unit(p.code).id,
      unitPath: unit(p.code).path,
      previousValue: previous,
      proposedValue: proposed,
      reason: p.reason,
      state: rejected ? 'REJECTED' : 'PENDING',
      requestedById: user(p.username).id,
      requestedAt: at(p.when),
      decidedById: rejected ? user('tinh.daklak').id : null,
      decidedAt: rejected ? at('2022-03-15T02:00:00Z') : null,
      decisionNote: rejected ? 'Sở TT&TT hỗ trợ máy quét trong quý II; giữ nguyên chỉ tiêu' : null,
    });
    const indicator = `${p.indicator.code} ${p.indicator.name}`;
    const link = `${planLink}?view=adjustments`;
    await toProvince(m, notifications, d, {
      kind: 'ADJUSTMENT_REQUESTED',
      params: { unit: unit(p.code).name, indicator, from: previous, to: proposed, reason: p.reason },
      link,
    });
    if (rejected) {
      await notifications.notifyUsers(m, [user(p.username).id], {
        kind: 'ADJUSTMENT_REJECTED',
        params: { indicator, unit: unit(p.code).name, to: proposed, note: 'Sở TT&TT hỗ trợ máy quét trong quý II; giữ nguyên chỉ tiêu' },
        link,
      });
    }
  }

  // December 2022 of Krông A Na's communes: approved, awaiting approval, returned.
  const district = unit('655');
  const states: [string, 'APPROVED' | 'SUBMITTED' | 'RETURNED', string | null][] = [
    ['24556', 'APPROVED', null],
    ['24559', 'SUBMITTED', null],
    ['24565', 'RETURNED', 'Tổng số hồ sơ (a) tháng 12 thấp hơn số liệu iGate; đề nghị rà soát lại'],
  ];
  const manager = user('huyen.krongana');
  for (const [code, state, reason] of states) {
    const submittedAt = at('2023-01-06T03:00:00Z');
    const decided = state === 'SUBMITTED' ? null : at('2023-01-09T04:00:00Z');
    await m.query(
      'UPDATE result SET state = ?, submittedAt = ?, submittedById = NULL, decidedById = ?, decidedAt = ?, returnReason = ? WHERE unitId = ? AND indicatorId = ? AND period = ?',
      [state, state === 'RETURNED' ? null : submittedAt, decided ? manager.id : null, decided, reason, unit(code).id, d.online.id, '2022-12'].map((v) => sqlValue(v, sqlite)),
    );
    const results = `/results?planId=${d.plan.id}&indicatorId=${d.online.id}&period=2022-12&unitId=${unit(code).id}`;
    const params = { unit: unit(code).name, indicator: d.online.name, period: '2022-12' };
    await notifications.notifyUnits(m, [district.id], { kind: 'RESULTS_SUBMITTED', params, link: results });
    if (state === 'RETURNED') await notifications.notifyUnits(m, [unit(code).id], { kind: 'RESULTS_RETURNED', params: { ...params, reason }, link: results });
    if (state === 'APPROVED') await notifications.notifyUnits(m, [unit(code).id], { kind: 'RESULTS_APPROVED', params, link: results });
  }

  // A reminder Krông A Na got before the sub-assignment deadline.
  await notifications.notifyUnits(m, [district.id], {
    kind: 'REMINDER_SUB_ASSIGNMENT',
    params: { plan: d.plan.title, deadline: '2022-06-30', days: 3 },
    link: planLink,
    dedupeKey: `remind-sub:${d.plan.id}:2022-06-30`,
  });
}

/** To the province's accounts: the assigner of the districts' targets. */
function toProvince(m: EntityManager, notifications: NotificationsService, d: OfficesDemo, event: NotificationEvent) {
  return notifications.notifyUnits(m, [d.province.id], event);
}
