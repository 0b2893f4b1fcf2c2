import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, type AdjustmentState } from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import type { AuditChange, AuditLog } from '../audit/audit-log';
import type { PlansService } from '../plans/plans.service';
import type { UnitsService } from '../units/units.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { Plan } from '../plans/plan.entity';
import type { User } from '../auth/user.entity';
import { Target } from '../targets/target.entity';
import { snapshot } from '../targets/target-rows';
import { Adjustment, AdjustmentRow } from './adjustment.entity';
import { checkProposedValue, indicatorLabel } from './adjustment-rules';
import { notFound, requiredText } from '../../common/errors';
import { inSubtree, isAdmin, subtreeEnd } from '../../common/scope';
import { isSqlite } from '../../db/data-source';

/** Adjustments (đề xuất điều chỉnh): a unit proposes another value for its target; the assigner accepts or rejects. */
export class AdjustmentsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditLog,
    private readonly plans: PlansService,
    private readonly units: UnitsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The plan's proposals of units in the caller's subtree and those on targets its unit assigned, newest first. */
  async list(ctx: AuthedContext, args: { planId: string; state?: AdjustmentState | null }): Promise<Adjustment[]> {
    const plan = await this.plans.get(ctx, args.planId);
    const qb = this.ds.getRepository(AdjustmentRow).createQueryBuilder('a').where('a.planId = :pid', { pid: plan.id });
    if (args.state) qb.andWhere('a.state = :state', { state: args.state });
    const path = ctx.actor.unitPath;
    if (path !== null) {
      qb.innerJoin(Target, 't', 't.id = a.targetId').andWhere('((a.unitPath >= :lo AND a.unitPath < :hi) OR t.assignedById = :me)', {
        lo: path,
        hi: subtreeEnd(path),
        me: ctx.actor.unitId ?? 0,
      });
    }
    const rows = await qb.orderBy('a.requestedAt', 'DESC').addOrderBy('a.id', 'DESC').getMany();
    return this.hydrate(ctx, rows);
  }

  /**
   * The target's own unit proposes another value for it in an issued plan (in a draft the
   * assigner edits directly); the assigner is told in the same transaction.
   */
  async request(ctx: AuthedContext, args: { targetId: string; proposedValue: number; reason: string }): Promise<Adjustment> {
    const target = await this.visibleTarget(ctx, args.targetId);
    const plan = await this.plans.get(ctx, target.planId);
    const unit = await this.units.get(ctx, target.unitId);
    if (ctx.actor.unitId !== target.unitId) throw new DomainError('FORBIDDEN', { reason: 'notOwnUnit', unit: unit.name });
    if (plan.status !== 'ISSUED') throw new DomainError('CONFLICT', { reason: 'planNotIssued' });
    const reason = requiredText(args.reason, 'reason');
    const indicator = (await ctx.loaders.indicator.load(target.indicatorId))!;
    checkProposedValue(target.unitId, indicator.measure, args.proposedValue);
    const label = await this.indicatorLabel(ctx, plan, indicator);
    const row = await this.ds.transaction(async (m) => {
      // The target as it stands now, locked (MySQL) so that two proposals on it queue behind each other.
      const current = await this.lockedTarget(m, target.id);
      if (current.value === args.proposedValue) throw new DomainError('CONFLICT', { reason: 'adjustmentSameValue' });
      const pending = await m.getRepository(AdjustmentRow).countBy({ targetId: target.id, state: 'PENDING' });
      if (pending) throw new DomainError('CONFLICT', { reason: 'adjustmentPending' });
      const created = m.getRepository(AdjustmentRow).create({
        planId: target.planId,
        targetId: target.id,
        unitId: target.unitId,
        unitPath: target.unitPath,
        previousValue: current.value,
        proposedValue: args.proposedValue,
        reason,
        state: 'PENDING',
        requestedById: ctx.actor.userId,
        requestedAt: new Date(),
        decidedById: null,
        decidedAt: null,
        decisionNote: null,
      });
      await m.getRepository(AdjustmentRow).insert(created);
      await this.audit.record(m, ctx, [
        { entity: 'adjustment', entityId: created.id, action: 'request', unitPath: target.unitPath, planId: plan.id, before: null, after: created },
      ]);
      await this.notifications.notifyUnits(m, [current.assignedById], {
        kind: 'ADJUSTMENT_REQUESTED',
        params: { unit: unit.name, indicator: label, from: current.value, to: args.proposedValue, reason },
        link: `/plans/${plan.id}?view=adjustments`,
      });
      return created;
    });
    return this.stored(ctx, row);
  }

  /**
   * The assigner (or an administrator above it) accepts or rejects a pending proposal. Accepting
   * amends the target in the same transaction, even in an issued plan, and the audit log says so.
   */
  async decide(ctx: AuthedContext, args: { id: string; accept: boolean; note?: string | null }): Promise<Adjustment> {
    const id = Number(args.id);
    const found = Number.isInteger(id) && id > 0 ? await this.ds.getRepository(AdjustmentRow).findOneBy({ id }) : null;
    const target = found ? await this.ds.getRepository(Target).findOneBy({ id: found.targetId }) : null;
    if (!found || !target || !(inSubtree(ctx.actor, found.unitPath) || ctx.actor.unitId === target.assignedById)) throw notFound('adjustment', args.id);
    const plan = await this.plans.get(ctx, found.planId);
    const unit = (await ctx.loaders.unit.load(target.unitId))!;
    const assigner = await ctx.loaders.unit.load(target.assignedById);
    const mayDecide = ctx.actor.unitId === target.assignedById || (isAdmin(ctx.actor) && !!assigner && inSubtree(ctx.actor, assigner.path));
    if (!mayDecide) throw new DomainError('FORBIDDEN', { reason: 'notAssigner', unit: unit.name });
    if (found.state !== 'PENDING') throw new DomainError('CONFLICT', { reason: 'adjustmentDecided' });
    const note = args.accept ? (args.note?.trim() ? requiredText(args.note, 'note') : null) : requiredText(args.note, 'note');
    const indicator = (await ctx.loaders.indicator.load(target.indicatorId))!;
    const label = await this.indicatorLabel(ctx, plan, indicator);
    const state: AdjustmentState = args.accept ? 'ACCEPTED' : 'REJECTED';
    const row = await this.ds.transaction(async (m) => {
      const now = new Date();
      const decided = await m
        .createQueryBuilder()
        .update(AdjustmentRow)
        .set({ state, decidedById: ctx.actor.userId, decidedAt: now, decisionNote: note })
        .where('id = :id AND state = :pending', { id: found.id, pending: 'PENDING' })
        .execute();
      if (!decided.affected) throw new DomainError('CONFLICT', { reason: 'adjustmentDecided' });
      const after: AdjustmentRow = { ...found, state, decidedById: ctx.actor.userId, decidedAt: now, decisionNote: note };
      const changes: AuditChange[] = [
        { entity: 'adjustment', entityId: found.id, action: args.accept ? 'accept' : 'reject', unitPath: found.unitPath, planId: plan.id, before: found, after },
      ];
      if (args.accept) {
        const current = await this.lockedTarget(m, target.id);
        const res = await m
          .createQueryBuilder()
          .update(Target)
          .set({ value: found.proposedValue, version: () => 'version + 1', updatedAt: now, updatedById: ctx.actor.userId })
          .where('id = :id AND version = :v', { id: current.id, v: current.version })
          .execute();
        if (!res.affected) throw new DomainError('CONFLICT', { reason: 'planChanged' });
        const amended = Object.assign(new Target(), current, { value: found.proposedValue, version: current.version + 1, updatedAt: now, updatedById: ctx.actor.userId });
        // An amendment of an issued plan's target, traceable to the proposal that caused it.
        changes.push({
          entity: 'target',
          entityId: current.id,
          action: 'amend',
          unitPath: current.unitPath,
          planId: plan.id,
          before: snapshot(current),
          after: { ...snapshot(amended), adjustmentId: found.id, reason: found.reason, decisionNote: note },
        });
      }
      await this.audit.record(m, ctx, changes);
      await this.notifications.notifyUsers(m, [found.requestedById], {
        kind: args.accept ? 'ADJUSTMENT_ACCEPTED' : 'ADJUSTMENT_REJECTED',
        params: { indicator: label, unit: unit.name, to: found.proposedValue, note },
        link: `/plans/${plan.id}?view=adjustments`,
      });
      return after;
    });
    ctx.loaders.target.clear(target.id);
    return this.stored(ctx, row);
  }

  /** A row as read back after its transaction (MySQL keeps whole seconds): what the next request will see. */
  private async stored(ctx: AuthedContext, row: AdjustmentRow): Promise<Adjustment> {
    const again = (await this.ds.getRepository(AdjustmentRow).findOneBy({ id: row.id })) ?? row;
    return (await this.hydrate(ctx, [again]))[0];
  }

  /** A target the caller may see (its subtree), else NOT_FOUND. */
  private async visibleTarget(ctx: AuthedContext, id: string): Promise<Target> {
    const n = Number(id);
    const target = Number.isInteger(n) && n > 0 ? await this.ds.getRepository(Target).findOneBy({ id: n }) : null;
    if (!target || !inSubtree(ctx.actor, target.unitPath)) throw notFound('target', id);
    return target;
  }

  /** The target read inside the transaction, locked on MySQL (SQLite has one writer). */
  private async lockedTarget(m: EntityManager, id: number): Promise<Target> {
    const qb = m.getRepository(Target).createQueryBuilder('t').where('t.id = :id', { id });
    if (!isSqlite(this.ds)) qb.setLock('pessimistic_write');
    const target = await qb.getOne();
    if (!target) throw notFound('target', id);
    return target;
  }

  private async indicatorLabel(ctx: AuthedContext, plan: Plan, indicator: { id: number; code: string; name: string }): Promise<string> {
    const rows = await ctx.loaders.planIndicators.load(plan.id);
    return indicatorLabel(indicator, rows.find((r) => r.indicatorId === indicator.id)?.position);
  }

  /** Rows with their targets (one statement) and users (one batched statement). */
  private async hydrate(ctx: AuthedContext, rows: AdjustmentRow[]): Promise<Adjustment[]> {
    if (!rows.length) return [];
    const targets = await this.ds.getRepository(Target).findBy({ id: In([...new Set(rows.map((r) => r.targetId))]) });
    const byId = new Map(targets.map((t) => [t.id, t]));
    const userIds = [...new Set(rows.flatMap((r) => (r.decidedById !== null ? [r.requestedById, r.decidedById] : [r.requestedById])))];
    const loaded = await ctx.loaders.user.loadMany(userIds);
    const users = new Map<number, User>();
    loaded.forEach((u, i) => {
      if (u && !(u instanceof Error)) users.set(userIds[i], u);
    });
    return rows.flatMap((r) => {
      const target = byId.get(r.targetId);
      const requestedBy = users.get(r.requestedById);
      // A target removed with its plan row leaves nothing to show.
      if (!target || !requestedBy) return [];
      return [
        Object.assign(new Adjustment(), {
          id: r.id,
          target,
          proposedValue: r.proposedValue,
          reason: r.reason,
          state: r.state,
          requestedBy,
          requestedAt: r.requestedAt,
          decidedBy: r.decidedById !== null ? (users.get(r.decidedById) ?? null) : null,
          decidedAt: r.decidedAt,
          decisionNote: r.decisionNote,
        }),
      ];
    });
  }
}
