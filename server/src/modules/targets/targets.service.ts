import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  bindingFloor, checkImpliedAggregate, issueMessage, ISSUE_SEVERITY, resolveCascade, validateTargetValue,
  type CascadeChildInput, type Comparator, type IssueCode, type KindValue, type ValidationIssue as DomainIssue,
} from '@chitieu/domain';
import { Target, type TargetOrigin } from './target.entity';
import type { CascadeInput, SetTargetsInput, TargetFilter, TargetValueInput } from './targets.inputs';
import type { TargetWriteResult, ValidationIssue } from './targets.types';
import { Unit } from '../units/unit.entity';
import type { Plan } from '../plans/plan.entity';
import type { Indicator } from '../indicators/indicator.entity';
import { planTreeDate } from '../plans/plans.service';
import { todayIso } from '../units/units.service';
import { badInput } from '../../common/errors';
import { inSubtree, strictlyBelow, subtreeEnd, type Actor } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import type { AuditChange } from '../audit/audit.service';

/** One row a write proposes: the unit, what is stored now, and what it would become. */
interface Proposal {
  unit: Unit;
  existing: Target | null;
  value: number;
  origin: TargetOrigin;
  baseline: number | null;
  note: string | null;
  comparator: Comparator;
  expectedVersion: number | null;
  floor: number | null;
  floorSetBy: string | null;
}

/** A write that found a row changed under it: the transaction is rolled back and reported as VERSION_CONFLICT. */
class StaleWrite extends Error {
  constructor(readonly unitId: number) {
    super('stale write');
  }
}

const INSERT_CHUNK = 200; // 21 columns a row: far inside SQLite's and MySQL's placeholder limits

export class TargetsService {
  constructor(private readonly ds: DataSource) {}

  async list(ctx: AuthedContext, filter: TargetFilter): Promise<Target[]> {
    const plan = await ctx.services.plans.get(ctx, filter.planId);
    const qb = this.ds.getRepository(Target).createQueryBuilder('t').where('t.planId = :pid', { pid: plan.id });
    if (filter.indicatorId != null) {
      const indicator = await ctx.services.indicators.get(ctx, filter.indicatorId);
      qb.andWhere('t.indicatorId = :iid', { iid: indicator.id });
    }
    if (filter.unitId != null) {
      const unit = await ctx.services.units.find(ctx, filter.unitId);
      if (!unit || !inSubtree(ctx.actor, unit.path)) return [];
      if (filter.subtree) qb.andWhere('t.unitPath >= :lo AND t.unitPath < :hi', { lo: unit.path, hi: subtreeEnd(unit.path) });
      else qb.andWhere('t.unitId = :uid', { uid: unit.id });
    } else if (ctx.actor.unitPath !== null) {
      qb.andWhere('t.unitPath >= :lo AND t.unitPath < :hi', { lo: ctx.actor.unitPath, hi: subtreeEnd(ctx.actor.unitPath) });
    }
    return qb.orderBy('t.indicatorId', 'ASC').addOrderBy('t.unitPath', 'ASC').getMany();
  }

  /** The target a unit reads: its own (its subtree's), never a sibling's. */
  async visibleTarget(ctx: AuthedContext, target: Target | null): Promise<Target | null> {
    return target && inSubtree(ctx.actor, target.unitPath) ? target : null;
  }

  async setTargets(ctx: AuthedContext, input: SetTargetsInput): Promise<TargetWriteResult> {
    const { plan, indicator, planFloors, issuer } = await this.context(ctx, input.planId, input.indicatorId);
    const ids = input.targets.map((t) => Number(t.unitId));
    if (new Set(ids).size !== ids.length) throw badInput('duplicateUnit');
    const units = await this.unitsById(ids.filter((n) => Number.isInteger(n) && n > 0));
    const existing = await this.existingFor(plan.id, indicator.id, [...units.keys()]);
    const issues: DomainIssue[] = [];
    const proposals: Proposal[] = [];
    for (const row of input.targets) {
      const unit = units.get(Number(row.unitId));
      // Unknown ids and ids outside the caller's reach look the same.
      if (!unit || !inSubtree(ctx.actor, unit.path)) {
        issues.push(this.issue(row.unitId, 'NOT_IN_SCOPE', {}));
        continue;
      }
      const current = existing.get(unit.id) ?? null;
      proposals.push({
        unit,
        existing: current,
        value: row.value,
        origin: 'MANUAL',
        baseline: row.baseline === undefined ? (current?.baseline ?? null) : row.baseline,
        note: row.note === undefined ? (current?.note ?? null) : row.note,
        comparator: row.comparator ?? current?.comparator ?? indicator.comparator,
        expectedVersion: row.expectedVersion ?? null,
        floor: bindingFloor(unit.kind, planFloors),
        floorSetBy: issuer.name,
      });
    }
    return this.apply(ctx, { plan, indicator, issuer, proposals, issues, notBelowParent: false, dryRun: !!input.dryRun, kept: [] });
  }

  async cascade(ctx: AuthedContext, input: CascadeInput): Promise<TargetWriteResult> {
    const { plan, indicator, planFloors, issuer } = await this.context(ctx, input.planId, input.indicatorId);
    // Inside the caller's subtree only: an ancestor's children are never the caller's to assign (nor to read).
    const parent = await ctx.services.units.getInSubtree(ctx, input.parentUnitId);
    const children = await ctx.services.units.childrenOn(parent.id, planTreeDate(plan.year));
    const existing = await this.existingFor(plan.id, indicator.id, children.map((c) => c.id));
    const issues: DomainIssue[] = [];
    const overrides = new Map<number, TargetValueInput>();
    const childIds = new Set(children.map((c) => c.id));
    for (const o of input.overrides ?? []) {
      if (!childIds.has(Number(o.unitId))) issues.push(this.issue(o.unitId, 'NOT_IN_SCOPE', {}));
      else if (overrides.has(Number(o.unitId))) throw badInput('duplicateUnit');
      else overrides.set(Number(o.unitId), o);
    }
    const requestFloors: KindValue[] = input.floors ?? [];
    const childInputs: CascadeChildInput[] = children.map((c) => {
      const e = existing.get(c.id);
      const o = overrides.get(c.id);
      return {
        unitId: String(c.id),
        kind: c.kind,
        existing: e ? { value: e.value, baseline: e.baseline, origin: e.origin } : null,
        override: o ? { value: o.value } : null,
      };
    });
    const resolved = resolveCascade(
      { floors: requestFloors, planFloors, defaults: input.defaults ?? [], baselinePolicy: input.baselinePolicy ?? null, keepManual: input.keepManual ?? true },
      childInputs,
    );
    const actorUnitName = ctx.actor.unitId !== null ? ((await ctx.loaders.unit.load(ctx.actor.unitId))?.name ?? null) : null;
    const proposals: Proposal[] = [];
    const kept: Target[] = [];
    resolved.forEach((r, i) => {
      const unit = children[i];
      const current = existing.get(unit.id) ?? null;
      if (r.value === null || r.source === 'KEPT_MANUAL') {
        if (current) kept.push(current);
        return;
      }
      const o = overrides.get(unit.id);
      const requestFloor = bindingFloor(unit.kind, requestFloors);
      const planFloor = bindingFloor(unit.kind, planFloors);
      proposals.push({
        unit,
        existing: current,
        value: r.value,
        origin: r.origin ?? 'RULE',
        baseline: o && o.baseline !== undefined ? o.baseline : (current?.baseline ?? null),
        note: o && o.note !== undefined ? o.note : (current?.note ?? null),
        comparator: o?.comparator ?? current?.comparator ?? indicator.comparator,
        expectedVersion: o?.expectedVersion ?? null,
        floor: r.floor,
        floorSetBy: planFloor !== null && (requestFloor === null || planFloor >= requestFloor) ? issuer.name : (actorUnitName ?? parent.name),
      });
    });
    return this.apply(ctx, { plan, indicator, issuer, proposals, issues, notBelowParent: !!input.notBelowParent, dryRun: !!input.dryRun, kept, parent });
  }

  private async context(ctx: AuthedContext, planId: string, indicatorId: string) {
    const plan = await ctx.services.plans.get(ctx, planId);
    const row = await ctx.services.plans.planIndicator(ctx, plan, indicatorId);
    const indicator = await ctx.services.indicators.get(ctx, row.indicatorId);
    const issuer = (await ctx.loaders.unit.load(plan.issuerId))!;
    return { plan, indicator, planFloors: row.floors, issuer };
  }

  private async unitsById(ids: number[]): Promise<Map<number, Unit>> {
    if (!ids.length) return new Map();
    const rows = await this.ds.getRepository(Unit).findBy({ id: In(ids) });
    return new Map(rows.map((u) => [u.id, u]));
  }

  private async existingFor(planId: number, indicatorId: number, unitIds: number[], m: EntityManager = this.ds.manager): Promise<Map<number, Target>> {
    const map = new Map<number, Target>();
    for (let i = 0; i < unitIds.length; i += 1000) {
      const rows = await m.getRepository(Target).findBy({ planId, indicatorId, unitId: In(unitIds.slice(i, i + 1000)) });
      for (const t of rows) map.set(t.unitId, t);
    }
    return map;
  }

  private issue(unitId: string | number, code: IssueCode, params: Record<string, string | number | null>, severity = ISSUE_SEVERITY[code]): DomainIssue {
    return { unitId: String(unitId), code, severity, params };
  }

  /** The unit that assigns when the actor writes a target of `unit`: the actor's own, or (a system admin) the unit's parent. */
  private assigner(actor: Actor, unit: Unit): number {
    return actor.unitId ?? unit.parentId ?? unit.id;
  }

  /**
   * Validates every proposal the same way for setTargets and cascadeTargets, then saves all of
   * them in one transaction — or nothing, when any issue is an ERROR or this is a dry run.
   */
  private async apply(
    ctx: AuthedContext,
    w: {
      plan: Plan; indicator: Indicator; issuer: Unit; proposals: Proposal[]; issues: DomainIssue[];
      notBelowParent: boolean; dryRun: boolean; kept: Target[]; parent?: Unit;
    },
  ): Promise<TargetWriteResult> {
    const { plan, indicator, issuer, proposals, issues } = w;
    const actor = ctx.actor;
    const today = todayIso();
    const pastDeadline = !!plan.subAssignmentDeadline && today > plan.subAssignmentDeadline;
    const parentTargets = await this.existingFor(plan.id, indicator.id, [...new Set(proposals.map((p) => p.unit.parentId).filter((x): x is number => x !== null))]);
    const changed: Proposal[] = [];
    for (const p of proposals) {
      const unitId = String(p.unit.id);
      const assignedBy = this.assigner(actor, p.unit);
      const rowIssues: DomainIssue[] = [];
      if (!strictlyBelow(actor, p.unit.path) || !inSubtree({ ...actor, unitPath: issuer.path }, p.unit.path)) {
        rowIssues.push(this.issue(unitId, 'NOT_IN_SCOPE', {}));
      }
      if (plan.status === 'ISSUED' && (assignedBy === issuer.id || p.existing?.assignedById === issuer.id)) {
        rowIssues.push(this.issue(unitId, 'PLAN_NOT_EDITABLE', {}));
      }
      if (p.expectedVersion !== null && p.expectedVersion !== (p.existing?.version ?? 0)) {
        rowIssues.push(this.issue(unitId, 'VERSION_CONFLICT', { expected: p.expectedVersion, actual: p.existing?.version ?? 0 }));
      }
      const parentValue = p.unit.parentId !== null ? (parentTargets.get(p.unit.parentId)?.value ?? null) : null;
      rowIssues.push(
        ...validateTargetValue({
          unitId,
          measure: indicator.measure,
          value: p.value,
          floor: p.floor,
          floorSetBy: p.floorSetBy,
          baseline: p.baseline,
          parentValue,
          notBelowParent: w.notBelowParent,
          pastDeadline: pastDeadline && assignedBy !== issuer.id,
          deadline: plan.subAssignmentDeadline,
        }),
      );
      issues.push(...rowIssues);
      const e = p.existing;
      const same = e && e.value === p.value && e.baseline === p.baseline && e.note === p.note && e.origin === p.origin && e.comparator === p.comparator;
      if (!same) changed.push(p);
    }
    // The children's targets, weighted by last year's denominators, must be able to make the parent's.
    const byParent = new Map<number, Proposal[]>();
    for (const p of proposals) if (p.unit.parentId !== null) byParent.set(p.unit.parentId, [...(byParent.get(p.unit.parentId) ?? []), p]);
    for (const [parentId, rows] of byParent) {
      const parentTarget = parentTargets.get(parentId);
      if (!parentTarget) continue;
      const siblings = await ctx.services.units.childrenOn(parentId, planTreeDate(plan.year));
      const current = await this.existingFor(plan.id, indicator.id, siblings.map((s) => s.id));
      for (const r of rows) current.set(r.unit.id, { ...(current.get(r.unit.id) ?? ({} as Target)), value: r.value } as Target);
      const withTargets = siblings.filter((s) => current.has(s.id));
      const weights = await ctx.services.progress.denominators(indicator, plan.year - 1, withTargets);
      const found = checkImpliedAggregate({
        parentUnitId: String(parentId),
        parentTarget: { value: parentTarget.value, comparator: parentTarget.comparator },
        children: withTargets.map((s) => ({ value: current.get(s.id)!.value, weight: weights.get(s.id) ?? null })),
      });
      if (found) issues.push(found);
    }

    const blocked = issues.some((i) => i.severity === 'ERROR');
    const created = changed.filter((p) => !p.existing).length;
    const updated = changed.length - created;
    const now = new Date();
    const build = (p: Proposal): Target =>
      Object.assign(new Target(), p.existing ?? {}, {
        planId: plan.id,
        indicatorId: indicator.id,
        unitId: p.unit.id,
        unitPath: p.unit.path,
        value: p.value,
        comparator: p.comparator,
        baseline: p.baseline,
        baselineSource: p.existing?.baselineSource ?? null,
        referenceValue: p.existing?.referenceValue ?? null,
        referenceLabel: p.existing?.referenceLabel ?? null,
        origin: p.origin,
        parentTargetId: p.unit.parentId !== null ? (parentTargets.get(p.unit.parentId)?.id ?? null) : null,
        assignedById: this.assigner(actor, p.unit),
        note: p.note,
        late: pastDeadline && this.assigner(actor, p.unit) !== issuer.id,
        version: p.existing ? p.existing.version + (changed.includes(p) ? 1 : 0) : 0,
        updatedById: actor.userId,
        createdAt: p.existing?.createdAt ?? now,
        updatedAt: changed.includes(p) ? now : (p.existing?.updatedAt ?? now),
      });
    const result = (applied: boolean, targets: Target[], extra: DomainIssue[] = []): TargetWriteResult => ({
      applied,
      targets: [...targets, ...w.kept],
      issues: [...issues, ...extra].map((i) => this.toGraphql(i, ctx)),
      created: applied || w.dryRun ? created : 0,
      updated: applied || w.dryRun ? updated : 0,
    });
    const after = proposals.map(build);
    if (blocked || w.dryRun) return result(false, after);
    try {
      const saved = await this.ds.transaction((m) => this.save(m, ctx, proposals, changed, build));
      return result(true, saved);
    } catch (err) {
      if (err instanceof StaleWrite) {
        return result(false, after, [this.issue(err.unitId, 'VERSION_CONFLICT', {})]);
      }
      throw err;
    }
  }

  /** Inserts new rows in chunks and updates each changed row only if its version is still the one read. */
  private async save(m: EntityManager, ctx: AuthedContext, proposals: Proposal[], changed: Proposal[], build: (p: Proposal) => Target): Promise<Target[]> {
    const audit: AuditChange[] = [];
    const fresh = changed.filter((p) => !p.existing).map((p) => Object.assign(build(p), { version: 1 }));
    for (let i = 0; i < fresh.length; i += INSERT_CHUNK) {
      const chunk = fresh.slice(i, i + INSERT_CHUNK);
      try {
        await m.getRepository(Target).insert(chunk.map(({ id: _id, ...rest }) => rest as Target));
      } catch (err) {
        if (isUniqueViolation(err)) throw new StaleWrite(chunk[0].unitId);
        throw err;
      }
    }
    if (fresh.length) {
      // Read the ids back in one statement: bulk INSERT does not return them portably.
      const ids = await this.existingFor(fresh[0].planId, fresh[0].indicatorId, fresh.map((t) => t.unitId), m);
      for (const t of fresh) {
        t.id = ids.get(t.unitId)!.id;
        audit.push({ entity: 'target', entityId: t.id, action: 'create', unitPath: t.unitPath, before: null, after: snapshot(t) });
      }
    }
    const updatedRows = new Map<number, Target>();
    for (const p of changed.filter((x) => x.existing)) {
      const t = build(p);
      const e = p.existing!;
      const res = await m.createQueryBuilder().update(Target)
        .set({
          value: t.value, comparator: t.comparator, baseline: t.baseline, origin: t.origin, note: t.note, late: t.late,
          parentTargetId: t.parentTargetId, assignedById: t.assignedById, updatedById: t.updatedById, updatedAt: t.updatedAt,
          version: e.version + 1,
        })
        .where('id = :id AND version = :v', { id: e.id, v: e.version })
        .execute();
      if (!res.affected) throw new StaleWrite(p.unit.id);
      updatedRows.set(p.unit.id, t);
      audit.push({ entity: 'target', entityId: e.id, action: 'update', unitPath: t.unitPath, before: snapshot(e), after: snapshot(t) });
    }
    await ctx.services.audit.record(m, ctx, audit);
    const freshByUnit = new Map(fresh.map((t) => [t.unitId, t]));
    return proposals.map((p) => freshByUnit.get(p.unit.id) ?? updatedRows.get(p.unit.id) ?? p.existing!);
  }

  private toGraphql(i: DomainIssue, ctx: AuthedContext): ValidationIssue {
    return { unitId: i.unitId, code: i.code, severity: i.severity, message: issueMessage(i.code, i.params, ctx.locale) };
  }
}

function snapshot(t: Target) {
  return { value: t.value, comparator: t.comparator, baseline: t.baseline, origin: t.origin, note: t.note, version: t.version, unitId: t.unitId, planId: t.planId, indicatorId: t.indicatorId };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; errno?: number };
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.errno === 1062;
}
