import { In, type DataSource, type EntityManager } from 'typeorm';
import { DEFAULT_DUE_DAY, DomainError, dueDateOf, latenessOf, parsePeriod, type NotificationKind, type Period, type ResultState } from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import type { AuditLog } from '../audit/audit-log';
import { planTreeDate, type PlansService } from '../plans/plans.service';
import type { IndicatorsService } from '../indicators/indicators.service';
import type { UnitsService } from '../units/units.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { Indicator } from '../indicators/indicator.entity';
import type { Unit } from '../units/unit.entity';
import { ResultRow } from './result.entity';
import type { ReportingRow } from './reporting.types';
import { todayInVietnam } from './results.service';
import { badInput, notFound, requiredText } from '../../common/errors';
import { inSubtree, pathIds, strictlyBelow } from '../../common/scope';
import { isSqlite } from '../../db/data-source';
import { placeholders } from '../../db/raw-sql';

/** Key of one unit's figure of one indicator and period. */
export interface FigureKey {
  indicatorId: string;
  period: string;
  unitId: string;
}

/** What a figure's row says between offices. */
type Figure = Pick<ResultRow, 'id' | 'state' | 'submittedAt' | 'submittedById' | 'decidedAt' | 'decidedById' | 'returnReason'>;
const FIGURE_COLUMNS: (keyof Figure)[] = ['id', 'state', 'submittedAt', 'submittedById', 'decidedAt', 'decidedById', 'returnReason'];

/** A checked request about one figure: the indicator, period and unit it names, and the plan it is reported under. */
interface Subject {
  indicator: Indicator;
  period: Period;
  unit: Unit;
  /** The newest issued plan of the year over the unit listing the indicator (null: none), and its row's due day. */
  planId: number | null;
  dueDay: number | null;
}

/** A move of a figure: the states it leaves from, the one it reaches, and what it writes. */
interface Move {
  action: 'submit' | 'approve' | 'return';
  to: ResultState;
  set: Partial<Figure>;
  notify: { kind: NotificationKind; unitId: number | null; params?: Record<string, string> };
}

/**
 * Reporting between offices (issue #15): a figure's way DRAFT → SUBMITTED → APPROVED or RETURNED,
 * and each child's state, due date, lateness and absence in a period.
 */
export class ReportingService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditLog,
    private readonly plans: PlansService,
    private readonly indicators: IndicatorsService,
    private readonly units: UnitsService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Each child of the unit in the plan's tree (a unit without children: itself) with its own
   * figure's state in the period, the due date from the plan row, and whether it is late or missing.
   */
  async reporting(ctx: AuthedContext, args: { planId: string; indicatorId: string; unitId: string; period: string }): Promise<ReportingRow[]> {
    const plan = await this.plans.get(ctx, args.planId);
    const [row, unit] = await Promise.all([this.plans.planIndicator(ctx, plan, args.indicatorId), this.units.getInSubtree(ctx, args.unitId)]);
    const period = parsePeriod(args.period);
    const children = await this.units.childrenOn(unit.id, planTreeDate(plan.year));
    const rows = children.length ? children : [unit];
    const figures = await this.ds.getRepository(ResultRow).find({
      select: { unitId: true, state: true, submittedAt: true, returnReason: true },
      where: { indicatorId: row.indicatorId, period: period.key, unitId: In(rows.map((u) => u.id)) },
    });
    const byUnit = new Map(figures.map((f) => [f.unitId, f]));
    const dueDate = dueDateOf(period, row.dueDay);
    const today = todayInVietnam();
    return rows.map((u) => {
      const f = byUnit.get(u.id);
      return reportingRow(u, period, dueDate, f?.state ?? null, f?.submittedAt ?? null, today, f?.returnReason ?? null);
    });
  }

  /** The unit (or a unit above entering for it) sends its figure up: DRAFT or RETURNED → SUBMITTED. */
  async submit(ctx: AuthedContext, key: FigureKey): Promise<ReportingRow[]> {
    const s = await this.subject(ctx, key, 'submit');
    return this.move(ctx, s, (f) => {
      if (f.state === 'APPROVED') throw new DomainError('CONFLICT', { reason: 'resultAlreadyApproved', unit: s.unit.name, period: s.period.key });
      if (f.state === 'SUBMITTED') return null;
      return {
        action: 'submit',
        to: 'SUBMITTED',
        set: { submittedAt: new Date(), submittedById: ctx.actor.userId },
        notify: { kind: 'RESULTS_SUBMITTED', unitId: s.unit.parentId },
      };
    });
  }

  /** A unit above approves a submitted figure; it is locked until returned. */
  async approve(ctx: AuthedContext, key: FigureKey): Promise<ReportingRow[]> {
    const s = await this.subject(ctx, key, 'decide');
    return this.move(ctx, s, (f) => {
      if (f.state === 'APPROVED') return null;
      if (f.state !== 'SUBMITTED') throw new DomainError('CONFLICT', { reason: 'resultNotSubmitted', unit: s.unit.name, period: s.period.key });
      return {
        action: 'approve',
        to: 'APPROVED',
        set: { decidedAt: new Date(), decidedById: ctx.actor.userId },
        notify: { kind: 'RESULTS_APPROVED', unitId: s.unit.id },
      };
    });
  }

  /** A unit above sends a submitted or approved figure back with a reason; the unit corrects it and submits again. */
  async returnResults(ctx: AuthedContext, key: FigureKey, reason: string): Promise<ReportingRow[]> {
    const why = requiredText(reason, 'reason');
    const s = await this.subject(ctx, key, 'decide');
    return this.move(ctx, s, (f) => {
      if (f.state !== 'SUBMITTED' && f.state !== 'APPROVED') throw new DomainError('CONFLICT', { reason: 'resultNotSubmitted', unit: s.unit.name, period: s.period.key });
      return {
        action: 'return',
        to: 'RETURNED',
        set: { decidedAt: new Date(), decidedById: ctx.actor.userId, returnReason: why },
        notify: { kind: 'RESULTS_RETURNED', unitId: s.unit.id, params: { reason: why } },
      };
    });
  }

  /**
   * The request's indicator, period and unit, checked: submitting needs the unit in the caller's
   * subtree (else NOT_FOUND), deciding a unit strictly below the caller's (FORBIDDEN when the unit
   * is seen but not below). Then the plan the figure is reported under, in one query.
   */
  private async subject(ctx: AuthedContext, key: FigureKey, kind: 'submit' | 'decide'): Promise<Subject> {
    const [indicator, unit] = await Promise.all([this.indicators.get(ctx, key.indicatorId), this.units.get(ctx, key.unitId)]);
    const period = parsePeriod(key.period);
    if (kind === 'submit' && !inSubtree(ctx.actor, unit.path)) throw notFound('unit', key.unitId);
    if (kind === 'decide' && !strictlyBelow(ctx.actor, unit.path)) throw new DomainError('FORBIDDEN', { reason: 'notApprover', unit: unit.name });
    const line = pathIds(unit.path);
    const [plan] = (await this.ds.query(
      `SELECT p.id AS id, pin.dueDay AS dueDay FROM plan p JOIN plan_indicator pin ON pin.planId = p.id ` +
        `WHERE p.status = 'ISSUED' AND p.year = ? AND pin.indicatorId = ? AND p.issuerId IN (${placeholders(line.length)}) ORDER BY p.issuedAt DESC, p.id DESC LIMIT 1`,
      [period.year, indicator.id, ...line],
    )) as { id: number | string; dueDay: number | string | null }[];
    return { indicator, period, unit, planId: plan ? Number(plan.id) : null, dueDay: plan && plan.dueDay != null ? Number(plan.dueDay) : null };
  }

  /**
   * One move of the figure, in one transaction: the row read (locked on MySQL), the decision, the
   * update guarded by the state read, the audit entry and the notification. `decide` answers null
   * when the figure already is where the request wants it (nothing written). Answers the unit's row.
   */
  private async move(ctx: AuthedContext, s: Subject, decide: (f: Figure) => Move | null): Promise<ReportingRow[]> {
    const after = await this.ds.transaction(async (m) => {
      const f = await this.figure(m, s);
      if (!f) throw badInput('resultMissing', { unit: s.unit.name, period: s.period.key });
      const mv = decide(f);
      if (!mv) return f;
      const set = { ...mv.set, state: mv.to };
      const res = await m.createQueryBuilder().update(ResultRow).set(set).where('id = :id AND state = :state', { id: f.id, state: f.state }).updateEntity(false).execute();
      // Another decision came between the read and the write (SQLite reads without a lock): ask again.
      if (!res.affected) throw new DomainError('CONFLICT', { reason: 'resultChanged' });
      // Read back: the answer carries the stored times (MariaDB keeps whole seconds).
      const next = (await this.figure(m, s))!;
      await this.audit.record(m, ctx, [
        {
          entity: 'result',
          entityId: f.id,
          action: mv.action,
          unitPath: s.unit.path,
          before: snapshot(s, f),
          after: snapshot(s, next),
        },
      ]);
      if (mv.notify.unitId !== null) {
        await this.notifications.notifyUnits(m, [mv.notify.unitId], {
          kind: mv.notify.kind,
          params: { unit: s.unit.name, indicator: s.indicator.name, period: s.period.key, ...mv.notify.params },
          link: resultsLink(s),
        });
      }
      return next;
    });
    return [reportingRow(s.unit, s.period, dueDateOf(s.period, s.dueDay ?? DEFAULT_DUE_DAY), after.state, after.submittedAt, todayInVietnam(), after.returnReason)];
  }

  /** The figure's row, locked on MySQL so that two decisions on it queue. */
  private async figure(m: EntityManager, s: Subject): Promise<Figure | null> {
    const qb = m
      .getRepository(ResultRow)
      .createQueryBuilder('r')
      .select(FIGURE_COLUMNS.map((c) => `r.${c}`))
      .where('r.unitId = :u AND r.indicatorId = :i AND r.period = :p', { u: s.unit.id, i: s.indicator.id, p: s.period.key });
    if (!isSqlite(this.ds)) qb.setLock('pessimistic_write');
    return qb.getOne();
  }
}

/** A reporting row of one unit: its figure's state and submission against the due date. */
function reportingRow(unit: Unit, period: Period, dueDate: string, state: ResultState | null, submittedAt: Date | null, today: string, returnReason: string | null): ReportingRow {
  const { late, missing } = latenessOf(dueDate, state, submittedAt ? todayInVietnam(submittedAt) : null, today);
  // The reason stays with a RETURNED figure only: once sent again it is history (the audit log keeps it).
  return { unit, period: period.key, dueDate, state, submittedAt, late, missing, returnReason: state === 'RETURNED' ? returnReason : null };
}

/** What the audit keeps of a figure's move. */
function snapshot(s: Subject, f: Figure) {
  return {
    unitId: s.unit.id,
    indicatorId: s.indicator.id,
    period: s.period.key,
    state: f.state,
    submittedById: f.submittedById,
    decidedById: f.decidedById,
    returnReason: f.returnReason,
  };
}

/** Where a notification about a figure leads in the SPA: the results page of its plan (when there is one), indicator, period and unit. */
function resultsLink(s: Subject): string {
  const q = new URLSearchParams();
  if (s.planId !== null) q.set('planId', String(s.planId));
  q.set('indicatorId', String(s.indicator.id));
  q.set('period', s.period.key);
  q.set('unitId', String(s.unit.id));
  return `/results?${q.toString()}`;
}
