import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '@chitieu/domain';
import { Plan } from './plan.entity';
import { PlanIndicatorRow } from './plan-indicator.entity';
import { PlanTask } from './plan-task.entity';
import type { PlanIndicatorInput, PlanInput, PlanTaskInput, PlanUpdateInput } from './plans.inputs';
import type { PlanHeadingInput } from './document.types';
import type { PlanIndicator } from './plans.types';
import type { Unit } from '../units/unit.entity';
import { badInput, notFound } from '../../common/errors';
import { pathIds, subtreeEnd } from '../../common/scope';
import { canEditPlan, canReadPlan, issuerUses } from './plan-tree';
import { ResponsibleNames } from './responsible-input';
import { rowFields } from './plan-row-fields';
import { headingsOf, newPlanFields, savePlanFields, updatedPlanFields } from './plan-update';
import { copyPlan } from './plan-copy';
import { responsibilitiesOf, type Responsibility } from './responsibilities';
import { Target } from '../targets/target.entity';
import type { Indicator } from '../indicators/indicator.entity';
import type { AuthedContext } from '../../common/context';
import type { AuditLog } from '../audit/audit-log';
import type { IndicatorsService } from '../indicators/indicators.service';
import type { UnitsService } from '../units/units.service';
import type { NotificationsService } from '../notifications/notifications.service';

export { canEditPlan, canReadPlan, planTreeDate } from './plan-tree';

/** The plans a request reads, by year, kept with the request's loaders (they live and die with it). */
const readablePlans = new WeakMap<object, Map<number | null, Promise<Plan[]>>>();

export class PlansService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditLog,
    private readonly indicators: IndicatorsService,
    private readonly units: UnitsService,
    private readonly notifications: NotificationsService,
  ) {}

  async get(ctx: AuthedContext, id: string | number): Promise<Plan> {
    const n = Number(id);
    const plan = Number.isInteger(n) && n > 0 ? await ctx.loaders.plan.load(n) : null;
    const issuer = plan ? await ctx.loaders.unit.load(plan.issuerId) : null;
    if (!plan || !issuer || !canReadPlan(ctx.actor, plan, issuer)) throw notFound('plan', id);
    return plan;
  }

  async list(ctx: AuthedContext, args: { year?: number | null; issuerId?: string | null }): Promise<Plan[]> {
    const qb = this.ds.getRepository(Plan).createQueryBuilder('p');
    if (args.year != null) qb.andWhere('p.year = :year', { year: args.year });
    if (args.issuerId != null) {
      const issuer = await this.units.find(ctx, args.issuerId);
      if (!issuer) return [];
      qb.andWhere('p.issuerId = :iid', { iid: issuer.id });
    }
    const path = ctx.actor.unitPath;
    if (path !== null) {
      // Issuers in the subtree or on the line above: one statement, the rest is filtered per plan below.
      qb.innerJoin('unit', 'iu', 'iu.id = p.issuerId').andWhere('((iu.path >= :lo AND iu.path < :hi) OR iu.id IN (:...anc))', {
        lo: path,
        hi: subtreeEnd(path),
        anc: pathIds(path),
      });
    }
    const plans = await qb.orderBy('p.year', 'DESC').addOrderBy('p.id', 'ASC').getMany();
    const issuers = await ctx.loaders.unit.loadMany(plans.map((p) => p.issuerId));
    return plans.filter((p, i) => {
      const issuer = issuers[i];
      return issuer && !(issuer instanceof Error) && canReadPlan(ctx.actor, p, issuer);
    });
  }

  async create(ctx: AuthedContext, input: PlanInput): Promise<Plan> {
    const issuer = await this.units.getInSubtree(ctx, input.issuerId);
    if (!canEditPlan(ctx.actor, issuer)) throw new DomainError('FORBIDDEN', {});
    const fields = newPlanFields(input);
    return this.ds.transaction(async (m) => {
      const now = new Date();
      const plan = m.getRepository(Plan).create({
        ...fields,
        issuerId: issuer.id,
        headingList: null,
        status: 'DRAFT',
        issuedAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await m.getRepository(Plan).insert(plan);
      await this.audit.record(m, ctx, [{ entity: 'plan', entityId: plan.id, action: 'create', unitPath: issuer.path, before: null, after: plan }]);
      return plan;
    });
  }

  /** A plan the actor may edit, else NOT_FOUND (unseen) or FORBIDDEN (seen, not theirs). */
  async getEditable(ctx: AuthedContext, id: string | number): Promise<{ plan: Plan; issuer: Unit }> {
    const plan = await this.get(ctx, id);
    const issuer = (await ctx.loaders.unit.load(plan.issuerId))!;
    if (!canEditPlan(ctx.actor, issuer)) throw new DomainError('FORBIDDEN', {});
    return { plan, issuer };
  }

  /** As getEditable, and still a DRAFT (PLAN_NOT_EDITABLE otherwise). */
  private async getDraft(ctx: AuthedContext, id: string | number): Promise<{ plan: Plan; issuer: Unit }> {
    const found = await this.getEditable(ctx, id);
    if (found.plan.status !== 'DRAFT') throw new DomainError('PLAN_NOT_EDITABLE', { planId: found.plan.id });
    return found;
  }

  /** An indicator the caller sees and the plan's issuer may use (its line's catalogues). */
  private async usableIndicator(ctx: AuthedContext, issuer: Unit, id: string | number): Promise<Indicator> {
    const indicator = await this.indicators.get(ctx, id);
    const owner = indicator.ownerUnitId === null ? null : await ctx.loaders.unit.load(indicator.ownerUnitId);
    if (!issuerUses(issuer, owner ? owner.path : null)) throw badInput('indicatorNotVisible', { code: indicator.code });
    return indicator;
  }

  /** Adds a row, or replaces the one the plan has for that indicator (every field as given). */
  async addIndicator(ctx: AuthedContext, input: PlanIndicatorInput): Promise<Plan> {
    return this.writeIndicator(ctx, input, false);
  }

  /** Changes a row the plan has (NOT_FOUND otherwise): an omitted field keeps its value, null clears it. */
  async updateIndicator(ctx: AuthedContext, input: PlanIndicatorInput): Promise<Plan> {
    return this.writeIndicator(ctx, input, true);
  }

  private async writeIndicator(ctx: AuthedContext, input: PlanIndicatorInput, existingOnly: boolean): Promise<Plan> {
    const { plan, issuer } = await this.getDraft(ctx, input.planId);
    const indicator = await this.usableIndicator(ctx, issuer, input.indicatorId);
    const names = new ResponsibleNames(ctx, this.units, issuer, plan.year);
    // An update starts from the row as it is; an add from nothing (it replaces every field).
    const found = existingOnly ? await this.ds.getRepository(PlanIndicatorRow).findOneBy({ planId: plan.id, indicatorId: indicator.id }) : null;
    if (existingOnly && !found) throw notFound('planIndicator', input.indicatorId);
    const fields = await rowFields(input, indicator.measure, names, found);
    await this.ds.transaction(async (m) => {
      const repo = m.getRepository(PlanIndicatorRow);
      const existing = await repo.findOneBy({ planId: plan.id, indicatorId: indicator.id });
      if (existingOnly && !existing) throw notFound('planIndicator', input.indicatorId);
      const row = existing ?? repo.create({ planId: plan.id, indicatorId: indicator.id, sortOrder: await repo.countBy({ planId: plan.id }) });
      const before = existing ? { ...existing } : null;
      Object.assign(row, fields);
      await repo.save(row);
      await this.audit.record(m, ctx, [{ entity: 'plan_indicator', entityId: row.id, action: existing ? 'update' : 'create', unitPath: issuer.path, before, after: row }]);
    });
    ctx.loaders.planIndicators.clear(plan.id);
    return plan;
  }

  /** Removes a row from a DRAFT plan, and the plan's targets of that indicator with it. */
  async removeIndicator(ctx: AuthedContext, planId: string, indicatorId: string): Promise<Plan> {
    const { plan, issuer } = await this.getDraft(ctx, planId);
    const n = Number(indicatorId);
    if (!Number.isInteger(n) || n <= 0) throw notFound('planIndicator', indicatorId);
    await this.ds.transaction(async (m) => {
      const row = await m.getRepository(PlanIndicatorRow).findOneBy({ planId: plan.id, indicatorId: n });
      if (!row) throw notFound('planIndicator', indicatorId);
      const targets = await m.getRepository(Target).findBy({ planId: plan.id, indicatorId: n });
      if (targets.length) await m.getRepository(Target).delete({ planId: plan.id, indicatorId: n });
      await m.getRepository(PlanIndicatorRow).delete({ id: row.id });
      await this.audit.record(m, ctx, [
        { entity: 'plan_indicator', entityId: row.id, action: 'delete', unitPath: issuer.path, before: row, after: null },
        ...targets.map((t) => ({ entity: 'target', entityId: t.id, action: 'delete', unitPath: t.unitPath, before: t, after: null })),
      ]);
    });
    ctx.loaders.planIndicators.clear(plan.id);
    return plan;
  }

  async addTask(ctx: AuthedContext, input: PlanTaskInput): Promise<PlanTask> {
    const { plan, issuer } = await this.getDraft(ctx, input.planId);
    const names = new ResponsibleNames(ctx, this.units, issuer, plan.year);
    // Lead and coordinating entries, when given, replace the plain words; either way the words are resolved.
    const lead = (await names.resolveAll(input.lead)) ?? (await names.resolveTexts(input.leads ?? []));
    const coordinating = (await names.resolveAll(input.coordinating)) ?? (await names.resolveTexts(input.coordinators ?? []));
    const task = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(PlanTask);
      const created = repo.create({
        planId: plan.id,
        position: input.position?.trim() || null,
        content: input.content.trim(),
        lead,
        coordinating,
        timeFrame: input.timeFrame?.trim() || null,
        deliverable: input.deliverable?.trim() || null,
        sortOrder: await repo.countBy({ planId: plan.id }),
      });
      if (!created.content) throw badInput('required', { field: 'content' });
      await repo.insert(created);
      await this.audit.record(m, ctx, [{ entity: 'plan_task', entityId: created.id, action: 'create', unitPath: issuer.path, before: null, after: created }]);
      return created;
    });
    ctx.loaders.planTasks.clear(plan.id);
    return task;
  }

  /** Any field of the plan and its document fields; DRAFT only. */
  async update(ctx: AuthedContext, id: string, input: PlanUpdateInput): Promise<Plan> {
    const { plan, issuer } = await this.getDraft(ctx, id);
    let newIssuer = issuer;
    if (input.issuerId != null && Number(input.issuerId) !== issuer.id) {
      newIssuer = await this.units.getInSubtree(ctx, input.issuerId);
      if (!canEditPlan(ctx.actor, newIssuer)) throw new DomainError('FORBIDDEN', {});
    }
    const fields = updatedPlanFields(plan, input, newIssuer.id);
    if (fields.issuerId !== plan.issuerId || fields.year !== plan.year) {
      // Targets were assigned in the old issuer's tree of the old year: they would not fit.
      const assigned = await this.ds.getRepository(Target).countBy({ planId: plan.id });
      if (assigned) throw badInput('planHasTargets', { field: fields.issuerId !== plan.issuerId ? 'issuerId' : 'year' });
      if (fields.issuerId !== plan.issuerId) await this.checkRowsUsable(ctx, plan, newIssuer);
    }
    return this.saveFields(ctx, plan, newIssuer, fields, 'update');
  }

  private async checkRowsUsable(ctx: AuthedContext, plan: Plan, issuer: Unit): Promise<void> {
    const rows = await ctx.loaders.planIndicators.load(plan.id);
    for (const r of rows) {
      const indicator = await ctx.loaders.indicator.load(r.indicatorId);
      const owner = indicator?.ownerUnitId != null ? await ctx.loaders.unit.load(indicator.ownerUnitId) : null;
      if (indicator && !issuerUses(issuer, owner ? owner.path : null)) throw badInput('indicatorNotVisible', { code: indicator.code });
    }
  }

  private async saveFields(ctx: AuthedContext, plan: Plan, issuer: Unit, fields: Parameters<typeof savePlanFields>[2], action: string): Promise<Plan> {
    const after = await this.ds.transaction(async (m) => {
      const saved = await savePlanFields(m, plan, fields);
      await this.audit.record(m, ctx, [{ entity: 'plan', entityId: plan.id, action, unitPath: issuer.path, before: plan, after: saved }]);
      return saved;
    });
    ctx.loaders.plan.clear(plan.id);
    return after;
  }

  /** Replaces the plan's headings (positions unique); DRAFT only. */
  async setHeadings(ctx: AuthedContext, planId: string, headings: PlanHeadingInput[]): Promise<Plan> {
    const { plan, issuer } = await this.getDraft(ctx, planId);
    const list = headingsOf(headings);
    return this.saveFields(ctx, plan, issuer, { headingList: list.length ? list : null }, 'headings');
  }

  /** A DRAFT copy for another year (and another issuer the caller may edit plans of). */
  async copy(ctx: AuthedContext, id: string, year: number, issuerId: string | null): Promise<Plan> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('required', { field: 'year' });
    const source = await this.get(ctx, id);
    const issuer = issuerId != null ? await this.units.getInSubtree(ctx, issuerId) : (await ctx.loaders.unit.load(source.issuerId))!;
    if (!canEditPlan(ctx.actor, issuer)) throw new DomainError('FORBIDDEN', {});
    return copyPlan(this.ds, this.audit, ctx, source, issuer, year);
  }

  /** DRAFT → ISSUED, guarded by the plan's version so two clicks cannot both issue. */
  async issue(ctx: AuthedContext, id: string): Promise<Plan> {
    const { plan, issuer } = await this.getEditable(ctx, id);
    if (plan.status !== 'DRAFT') throw new DomainError('CONFLICT', { reason: 'alreadyIssued' });
    return this.ds.transaction(async (m) => {
      const now = new Date();
      const res = await m
        .createQueryBuilder()
        .update(Plan)
        .set({ status: 'ISSUED', issuedAt: now, updatedAt: now, version: plan.version + 1 })
        .where('id = :id AND version = :v', { id: plan.id, v: plan.version })
        .execute();
      if (!res.affected) throw new DomainError('CONFLICT', { reason: 'alreadyIssued' });
      const after = { ...plan, status: 'ISSUED' as const, issuedAt: now, updatedAt: now, version: plan.version + 1 };
      await this.audit.record(m, ctx, [{ entity: 'plan', entityId: plan.id, action: 'issue', unitPath: issuer.path, before: plan, after }]);
      await this.notifyIssued(ctx, m, plan, issuer);
      ctx.loaders.plan.clear(plan.id);
      return Object.assign(new Plan(), after);
    });
  }

  /**
   * Tells each unit the issuer assigned targets to (its own whole-area row aside) how many it
   * received, inside the issuing transaction: one statement to count, one notification per unit.
   */
  private async notifyIssued(ctx: AuthedContext, m: EntityManager, plan: Plan, issuer: Unit): Promise<void> {
    const held = (await m.query('SELECT unitId, COUNT(*) AS n FROM target WHERE planId = ? AND assignedById = ? AND unitId <> ? GROUP BY unitId', [
      plan.id,
      issuer.id,
      issuer.id,
    ])) as { unitId: number | string; n: number | string }[];
    const units = await ctx.loaders.unit.loadMany(held.map((h) => Number(h.unitId)));
    for (const [i, h] of held.entries()) {
      const unit = units[i];
      if (!unit || unit instanceof Error) continue;
      await this.notifications.notifyUnits(m, [unit.id], {
        kind: 'TARGETS_ISSUED',
        params: { issuer: issuer.name, plan: plan.title, unit: unit.name, count: Number(h.n) },
        link: `/plans/${plan.id}`,
      });
    }
  }

  /** The rows and tasks of the plans of `year` the caller reads that name `unit` (or its kind) as lead or coordinating unit. */
  async responsibilities(ctx: AuthedContext, unit: Unit, year: number | null): Promise<Responsibility[]> {
    // One list of plans per request and year, however many units ask (`units { responsibilities }`).
    const byYear = readablePlans.get(ctx.loaders) ?? new Map<number | null, Promise<Plan[]>>();
    readablePlans.set(ctx.loaders, byYear);
    let plans = byYear.get(year);
    if (!plans) byYear.set(year, (plans = this.list(ctx, { year })));
    return responsibilitiesOf(ctx, unit, await plans);
  }

  async indicatorsOf(ctx: AuthedContext, plan: Plan): Promise<PlanIndicator[]> {
    const rows = await ctx.loaders.planIndicators.load(plan.id);
    const indicators = await ctx.loaders.indicator.loadMany(rows.map((r) => r.indicatorId));
    return rows.flatMap((r, i) => {
      const indicator = indicators[i];
      if (!indicator || indicator instanceof Error) return [];
      return [
        {
          id: r.id,
          indicator,
          section: r.section,
          position: r.position,
          floors: r.floors,
          scope: r.scope ?? 'SUBTREE',
          lead: r.lead ?? [],
          coordinating: r.coordinating ?? [],
          legalBasis: r.legalBasis,
          note: r.note,
          factLabels: r.factLabels ?? [],
          frequency: r.frequency ?? null,
          dueDay: r.dueDay ?? null,
        },
      ];
    });
  }

  /** The plan's row for an indicator, or NOT_FOUND when the plan does not cover it. */
  async planIndicator(ctx: AuthedContext, plan: Plan, indicatorId: string | number): Promise<PlanIndicatorRow> {
    const rows = await ctx.loaders.planIndicators.load(plan.id);
    const row = rows.find((r) => r.indicatorId === Number(indicatorId));
    if (!row) throw notFound('indicator', indicatorId);
    return row;
  }
}
