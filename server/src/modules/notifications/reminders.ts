import type { DataSource } from 'typeorm';
import { dueDateOf, periodsOfYear, type Frequency } from '@chitieu/domain';
import type { AppConfig } from '../../config/config';
import type { Logger } from '../../common/logger';
import { validOnSql } from '../../common/validity';
import { onceAcrossServers } from '../../db/data-source';
import { placeholders } from '../../db/raw-sql';
import { planTreeDate } from '../plans/plan-tree';
import { todayInVietnam } from '../results/results.service';
import type { NotificationEvent, NotificationsService } from './notifications.service';

/** Units per statement when reading figures. */
const UNITS_PER_STATEMENT = 500;

type Reminder = { unitIds: number[]; event: NotificationEvent & { dedupeKey: string } };

/** The ISO day `days` after `day`. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Reminders before deadlines (issue #15), written as notifications to the units that have
 * something left to do, REMINDER_DAYS ahead (Vietnam's calendar):
 * - sub-assignment: a unit holding targets the issuer assigned in an ISSUED plan whose
 *   sub-assignment deadline is near, while one of its children (on the plan's tree date) has no
 *   target in the plan yet;
 * - reporting: a unit holding a target of a plan row with a reporting frequency, whose figure for
 *   a period due soon is not sent (SUBMITTED or APPROVED) yet.
 * Each reminder has a key, unique per user: however many runs and servers, a user gets it once
 * (the statements are cheap enough to repeat every hour). Run under the "reminders" lease on
 * MySQL so that servers take turns; on SQLite the key alone suffices.
 */
export class ReminderJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
    private readonly config: Pick<AppConfig, 'reminderDays' | 'reminderIntervalMs'>,
    private readonly log: Logger,
  ) {}

  /** Runs now (in the background) and every REMINDER_INTERVAL_MS; does nothing when it is 0. */
  start(): void {
    if (this.config.reminderIntervalMs <= 0) return;
    this.tick();
    this.timer = setInterval(() => this.tick(), this.config.reminderIntervalMs);
    this.timer.unref();
  }

  private tick(): void {
    // A run still going (a slow database, a lease held elsewhere) is not doubled by the next tick.
    if (this.running || this.stopped) return;
    this.running = this.run()
      .then((written) => written && this.log.info({ written }, 'reminders written'))
      .catch((err: unknown) => this.log.error({ err }, 'reminders failed'))
      .finally(() => (this.running = null));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Writes the reminders due on `today` (YYYY-MM-DD, Vietnam); the number of notifications written. */
  run(today: string = todayInVietnam()): Promise<number> {
    return onceAcrossServers(this.ds, 'reminders', async () => {
      const reminders = [...(await this.subAssignment(today)), ...(await this.reporting(today))];
      if (!reminders.length) return 0;
      const m = this.ds.manager;
      const recipients = await this.notifications.recipientsOf(
        m,
        reminders.flatMap((r) => r.unitIds),
      );
      return this.notifications.notifyOnce(
        m,
        reminders.map((r) => ({ userIds: r.unitIds.flatMap((u) => recipients.get(u) ?? []), event: r.event })),
      );
    });
  }

  /** One statement for the plans, one per plan for its units still to sub-assign. */
  private async subAssignment(today: string): Promise<Reminder[]> {
    const last = addDays(today, this.config.reminderDays);
    const plans = (await this.ds.query(
      'SELECT id, issuerId, year, title, subAssignmentDeadline FROM plan WHERE status = ? AND subAssignmentDeadline >= ? AND subAssignmentDeadline <= ?',
      ['ISSUED', today, last],
    )) as { id: number | string; issuerId: number | string; year: number | string; title: string; subAssignmentDeadline: string }[];
    const out: Reminder[] = [];
    for (const p of plans) {
      // Units the issuer gave targets to, one of whose children (in the plan's tree) has none at all.
      const units = (await this.ds.query(
        `SELECT DISTINCT t.unitId FROM target t WHERE t.planId = ? AND t.assignedById = ? AND EXISTS (
           SELECT 1 FROM unit c WHERE c.parentId = t.unitId AND ${validOnSql('c', '?')}
             AND NOT EXISTS (SELECT 1 FROM target t2 WHERE t2.unitId = c.id AND t2.planId = ?))`,
        [p.id, p.issuerId, planTreeDate(Number(p.year)), planTreeDate(Number(p.year)), p.id],
      )) as { unitId: number | string }[];
      if (!units.length) continue;
      const deadline = p.subAssignmentDeadline;
      out.push({
        unitIds: units.map((u) => Number(u.unitId)),
        event: {
          kind: 'REMINDER_SUB_ASSIGNMENT',
          // The deadline as an ISO day: the catalogue writes it 30/06/2026 in Vietnamese.
          params: { plan: p.title, deadline, days: daysBetween(today, deadline) },
          link: `/plans/${p.id}`,
          dedupeKey: `remind-sub:${p.id}:${deadline}`,
        },
      });
    }
    return out;
  }

  /**
   * One statement for the plan rows that report, then per row with a period due soon: its target
   * units, and their figures of those periods (by unit, indicator and period: the result key).
   */
  private async reporting(today: string): Promise<Reminder[]> {
    const last = addDays(today, this.config.reminderDays);
    const year = Number(today.slice(0, 4));
    const rows = (await this.ds.query(
      `SELECT p.id AS planId, p.year, pi.indicatorId, pi.frequency, pi.dueDay, i.name AS indicatorName
       FROM plan p JOIN plan_indicator pi ON pi.planId = p.id JOIN indicator i ON i.id = pi.indicatorId
       WHERE p.status = ? AND p.year IN (?, ?) AND pi.frequency IS NOT NULL`,
      ['ISSUED', year - 1, year],
    )) as { planId: number | string; year: number | string; indicatorId: number | string; frequency: Frequency; dueDay: number | string | null; indicatorName: string }[];
    const out: Reminder[] = [];
    for (const row of rows) {
      const dueDay = row.dueDay === null ? null : Number(row.dueDay);
      const due = periodsOfYear(row.frequency, Number(row.year))
        .map((period) => ({ period: period.key, due: dueDateOf(period, dueDay) }))
        .filter((p) => p.due >= today && p.due <= last);
      if (!due.length) continue;
      const [planId, indicatorId] = [Number(row.planId), Number(row.indicatorId)];
      const units = (await this.ds.query('SELECT t.unitId, u.name FROM target t JOIN unit u ON u.id = t.unitId WHERE t.planId = ? AND t.indicatorId = ?', [
        planId,
        indicatorId,
      ])) as {
        unitId: number | string;
        name: string;
      }[];
      if (!units.length) continue;
      const sent = new Set<string>();
      const periods = due.map((p) => p.period);
      for (let i = 0; i < units.length; i += UNITS_PER_STATEMENT) {
        const chunk = units.slice(i, i + UNITS_PER_STATEMENT).map((u) => Number(u.unitId));
        const figures = (await this.ds.query(
          `SELECT unitId, period FROM result WHERE unitId IN (${placeholders(chunk.length)}) AND indicatorId = ? AND period IN (${placeholders(periods.length)}) AND state IN (?, ?)`,
          [...chunk, indicatorId, ...periods, 'SUBMITTED', 'APPROVED'],
        )) as { unitId: number | string; period: string }[];
        for (const f of figures) sent.add(`${Number(f.unitId)}:${f.period}`);
      }
      for (const { period, due: dueDate } of due) {
        for (const u of units) {
          const unitId = Number(u.unitId);
          if (sent.has(`${unitId}:${period}`)) continue;
          out.push({
            unitIds: [unitId],
            event: {
              kind: 'REMINDER_REPORTING',
              params: { indicator: row.indicatorName, period, unit: u.name, due: dueDate, days: daysBetween(today, dueDate) },
              link: `/results?planId=${planId}&indicatorId=${indicatorId}&period=${period}&unitId=${unitId}`,
              dedupeKey: `remind-rep:${planId}:${indicatorId}:${period}:${unitId}`,
            },
          });
        }
      }
    }
    return out;
  }
}
