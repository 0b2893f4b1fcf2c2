import type { DataSource } from 'typeorm';
import { DomainError } from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import type { AuditLog } from '../audit/audit-log';
import type { PlansService } from '../plans/plans.service';
import type { UnitsService } from '../units/units.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { Plan } from '../plans/plan.entity';
import type { Unit } from '../units/unit.entity';
import type { User } from '../auth/user.entity';
import { Acknowledgement, AcknowledgementRow } from './acknowledgement.entity';
import { badInput, notFound } from '../../common/errors';
import { subtreeEnd } from '../../common/scope';
import { isUniqueViolation } from '../../common/retry';

/** Acknowledgements (tiếp nhận) of an issued plan's targets by the units that received them. */
export class AcknowledgementsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditLog,
    private readonly plans: PlansService,
    private readonly units: UnitsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** The plan's acknowledgements by units of the caller's subtree (its own included), oldest first. */
  async list(ctx: AuthedContext, planId: string): Promise<Acknowledgement[]> {
    const plan = await this.plans.get(ctx, planId);
    const qb = this.ds.getRepository(AcknowledgementRow).createQueryBuilder('a').where('a.planId = :pid', { pid: plan.id });
    const path = ctx.actor.unitPath;
    if (path !== null) qb.innerJoin('unit', 'u', 'u.id = a.unitId').andWhere('u.path >= :lo AND u.path < :hi', { lo: path, hi: subtreeEnd(path) });
    const rows = await qb.orderBy('a.at', 'ASC').addOrderBy('a.id', 'ASC').getMany();
    return this.hydrate(ctx, plan, rows);
  }

  /**
   * The caller's unit acknowledges its targets of an issued plan; the assigners are told in the
   * same transaction. Asking again (or twice at once) answers the first acknowledgement.
   */
  async acknowledge(ctx: AuthedContext, planId: string, unitId: string): Promise<Acknowledgement> {
    const plan = await this.plans.get(ctx, planId);
    if (plan.status !== 'ISSUED') throw new DomainError('CONFLICT', { reason: 'planNotIssued' });
    const unit = await this.units.get(ctx, unitId);
    if (ctx.actor.unitId !== unit.id) throw new DomainError('FORBIDDEN', { reason: 'notOwnUnit', unit: unit.name });
    const assigners = (await this.ds.query('SELECT DISTINCT assignedById FROM target WHERE planId = ? AND unitId = ?', [plan.id, unit.id])) as { assignedById: number | string }[];
    if (!assigners.length) throw badInput('noTargetsInPlan', { unit: unit.name });
    const existing = await this.find(plan.id, unit.id);
    if (existing) return (await this.hydrate(ctx, plan, [existing]))[0];
    let row: AcknowledgementRow;
    try {
      row = await this.ds.transaction(async (m) => {
        const created = m.getRepository(AcknowledgementRow).create({ planId: plan.id, unitId: unit.id, byId: ctx.actor.userId, at: new Date() });
        await m.getRepository(AcknowledgementRow).insert(created);
        await this.audit.record(m, ctx, [
          { entity: 'acknowledgement', entityId: created.id, action: 'acknowledge', unitPath: unit.path, planId: plan.id, before: null, after: created },
        ]);
        await this.notifications.notifyUnits(
          m,
          assigners.map((a) => Number(a.assignedById)),
          { kind: 'TARGETS_ACKNOWLEDGED', params: { unit: unit.name, plan: plan.title }, link: `/plans/${plan.id}` },
        );
        return created;
      });
    } catch (err) {
      // Another request of the same unit acknowledged first: its row is the answer.
      if (!isUniqueViolation(err)) throw err;
      const first = await this.find(plan.id, unit.id);
      if (!first) throw err;
      row = first;
    }
    // As stored (MySQL keeps whole seconds): the same answer the next request will get.
    return (await this.hydrate(ctx, plan, [(await this.find(plan.id, unit.id)) ?? row]))[0];
  }

  private find(planId: number, unitId: number): Promise<AcknowledgementRow | null> {
    return this.ds.getRepository(AcknowledgementRow).findOneBy({ planId, unitId });
  }

  /** Rows with their unit and user, each read in one batched statement. */
  private async hydrate(ctx: AuthedContext, plan: Plan, rows: AcknowledgementRow[]): Promise<Acknowledgement[]> {
    const units = await ctx.loaders.unit.loadMany(rows.map((r) => r.unitId));
    const users = await ctx.loaders.user.loadMany(rows.map((r) => r.byId));
    return rows.map((r, i) => {
      const unit = units[i];
      const by = users[i];
      if (!unit || unit instanceof Error) throw notFound('unit', r.unitId);
      if (!by || by instanceof Error) throw notFound('user', r.byId);
      return Object.assign(new Acknowledgement(), { plan, unit: unit as Unit, by: by as User, at: r.at });
    });
  }
}
