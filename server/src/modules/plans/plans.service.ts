import type { DataSource } from 'typeorm';
import { DomainError, UNIT_KINDS } from '@chitieu/domain';
import { Plan } from './plan.entity';
import { PlanIndicatorRow } from './plan-indicator.entity';
import { PlanTask } from './plan-task.entity';
import type { PlanIndicatorInput, PlanInput, PlanTaskInput, PlanUpdateInput } from './plans.inputs';
import type { PlanHeadingInput } from './document.types';
import type { PlanIndicator } from './plans.types';
import type { Unit } from '../units/unit.entity';
import { badInput, notFound } from '../../common/errors';
import { canSee, inSubtree, isAdmin, pathIds, subtreeEnd, type Actor } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import type { AuditLog } from '../audit/audit-log';
import type { IndicatorsService } from '../indicators/indicators.service';
import type { UnitsService } from '../units/units.service';

/** The tree a plan works on is the tree as it stood on the first day of its year (docs/spec/api.md, "Time"). */
export function planTreeDate(year: number): string {
  return `${year}-01-01`;
}

/**
 * Who reads a plan: anyone in the issuer's subtree once it is issued, and the issuer's ancestors'
 * users likewise (they see plans their ancestors issued); a draft only the issuer's own accounts
 * and administrators above it.
 */
export function canReadPlan(actor: Actor, plan: Plan, issuer: Unit): boolean {
  if (inSubtree(actor, issuer.path)) return plan.status === 'ISSUED' || actor.unitId === issuer.id || isAdmin(actor);
  return plan.status === 'ISSUED' && canSee(actor, issuer.path);
}

/** Who edits a plan itself (indicators, tasks, issuing): the issuer's managers and administrators at or above it. */
export function canEditPlan(actor: Actor, issuer: Unit): boolean {
  if (!inSubtree(actor, issuer.path)) return false;
  return isAdmin(actor) || (actor.role === 'UNIT_MANAGER' && actor.unitId === issuer.id);
}

export class PlansService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditLog,
    private readonly indicators: IndicatorsService,
    private readonly units: UnitsService,
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
    if (input.subAssignmentDeadline && input.documentDate && input.subAssignmentDeadline < input.documentDate) {
      throw badInput('subAssignmentDeadline');
    }
    return this.ds.transaction(async (m) => {
      const now = new Date();
      const plan = m.getRepository(Plan).create({
        issuerId: issuer.id,
        year: input.year,
        title: input.title.trim(),
        documentNumber: input.documentNumber ?? null,
        documentDate: input.documentDate ?? null,
        legalBasis: input.legalBasis ?? null,
        status: 'DRAFT',
        subAssignmentDeadline: input.subAssignmentDeadline ?? null,
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

  async addIndicator(ctx: AuthedContext, input: PlanIndicatorInput): Promise<Plan> {
    const { plan, issuer } = await this.getEditable(ctx, input.planId);
    if (plan.status !== 'DRAFT') throw new DomainError('PLAN_NOT_EDITABLE', {});
    const indicator = await this.indicators.get(ctx, input.indicatorId);
    const floors = input.floors ?? [];
    for (const f of floors) {
      if (!UNIT_KINDS.includes(f.kind) || !Number.isFinite(f.value)) throw badInput('floors');
      if (indicator.measure !== 'COUNT' && (f.value < 0 || f.value > 100)) throw new DomainError('OUT_OF_RANGE', { value: f.value });
    }
    await this.ds.transaction(async (m) => {
      const repo = m.getRepository(PlanIndicatorRow);
      const existing = await repo.findOneBy({ planId: plan.id, indicatorId: indicator.id });
      const row = existing ?? repo.create({ planId: plan.id, indicatorId: indicator.id, sortOrder: await repo.countBy({ planId: plan.id }) });
      const before = existing ? { ...existing } : null;
      row.section = input.section ?? null;
      row.position = input.position ?? null;
      row.floors = floors.map((f) => ({ kind: f.kind, value: f.value }));
      await repo.save(row);
      await this.audit.record(m, ctx, [{ entity: 'plan_indicator', entityId: row.id, action: existing ? 'update' : 'create', unitPath: issuer.path, before, after: row }]);
    });
    ctx.loaders.planIndicators.clear(plan.id);
    return plan;
  }

  async addTask(ctx: AuthedContext, input: PlanTaskInput): Promise<PlanTask> {
    const { plan, issuer } = await this.getEditable(ctx, input.planId);
    if (plan.status !== 'DRAFT') throw new DomainError('PLAN_NOT_EDITABLE', {});
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(PlanTask);
      const task = repo.create({
        planId: plan.id,
        position: input.position ?? null,
        content: input.content.trim(),
        lead: input.lead?.map((r) => ({ text: r.text.trim(), unitId: r.unitId ? Number(r.unitId) : null, kinds: r.kinds ?? [] })) ?? input.leads.map((text) => ({ text, unitId: null, kinds: [] })),
        coordinating:
          input.coordinating?.map((r) => ({ text: r.text.trim(), unitId: r.unitId ? Number(r.unitId) : null, kinds: r.kinds ?? [] })) ??
          input.coordinators.map((text) => ({ text, unitId: null, kinds: [] })),
        timeFrame: input.timeFrame ?? null,
        deliverable: input.deliverable ?? null,
        sortOrder: await repo.countBy({ planId: plan.id }),
      });
      await repo.insert(task);
      await this.audit.record(m, ctx, [{ entity: 'plan_task', entityId: task.id, action: 'create', unitPath: issuer.path, before: null, after: task }]);
      return task;
    });
  }

  /** Any field of the plan and its document fields; DRAFT only. TODO(#13): implement. */
  async update(ctx: AuthedContext, id: string, input: PlanUpdateInput): Promise<Plan> {
    void input;
    const { plan } = await this.getEditable(ctx, id);
    throw new DomainError('PLAN_NOT_EDITABLE', { planId: plan.id });
  }

  /** Changes a row (same key: plan, indicator). TODO(#13): implement. */
  async updateIndicator(ctx: AuthedContext, input: PlanIndicatorInput): Promise<Plan> {
    return this.addIndicator(ctx, input);
  }

  /** Removes a row from a DRAFT plan. TODO(#13): implement. */
  async removeIndicator(ctx: AuthedContext, planId: string, indicatorId: string): Promise<Plan> {
    void indicatorId;
    const { plan } = await this.getEditable(ctx, planId);
    throw new DomainError('PLAN_NOT_EDITABLE', { planId: plan.id });
  }

  /** Replaces the plan's headings. TODO(#13): implement. */
  async setHeadings(ctx: AuthedContext, planId: string, headings: PlanHeadingInput[]): Promise<Plan> {
    void headings;
    const { plan } = await this.getEditable(ctx, planId);
    throw new DomainError('PLAN_NOT_EDITABLE', { planId: plan.id });
  }

  /** A DRAFT copy for another year. TODO(#13): implement. */
  async copy(ctx: AuthedContext, id: string, year: number, issuerId: string | null): Promise<Plan> {
    void year;
    void issuerId;
    const { plan } = await this.getEditable(ctx, id);
    throw new DomainError('PLAN_NOT_EDITABLE', { planId: plan.id });
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
      ctx.loaders.plan.clear(plan.id);
      return Object.assign(new Plan(), after);
    });
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
