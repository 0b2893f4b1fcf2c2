import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  bindingFloor, checkImpliedAggregate, figureRange, inFigureRange, issueMessage, ISSUE_SEVERITY, resolveCascade, validateTargetValue, yearPeriod,
  type CascadeChildInput, type Comparator, type IssueCode, type KindValue, type ValidationIssue as DomainIssue,
} from '@chitieu/domain';
import { Target, type TargetOrigin } from './target.entity';
import type { CascadeInput, SetTargetsInput, TargetFilter, TargetValueInput } from './targets.inputs';
import type { TargetWriteResult, ValidationIssue } from './targets.types';
import { Unit } from '../units/unit.entity';
import type { Plan } from '../plans/plan.entity';
import type { Indicator } from '../indicators/indicator.entity';
import { canReadPlan, planTreeDate } from '../plans/plans.service';
import { todayIso } from '../units/units.service';
import { badInput, DomainError } from '../../common/errors';
import { inSubtree, pathIds, strictlyBelow, subtreeEnd, type Actor } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import type { AuditChange } from '../audit/audit.service';
import { isSqlite } from '../../db/data-source';
import { insertRows, recordAuditRows } from '../results/bulk';

/** One row a write proposes: the unit, what is stored now, and what it would become. */
interface Proposal {
  unit: Unit;
  existing: Target | null;
  value: number;
  origin: TargetOrigin;
  baseline: number | null;
  /** Where a baseline taken from recorded results came from; undefined keeps the stored source. */
  baselineSource?: string | null;
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

/**
 * Rows per statement, inside the tightest placeholder limit (SQLite's 32,766; MySQL's 65,535):
 * an INSERT of 1,000 rows × 19 columns, an upsert of 1,000 rows × 20, IN lists of 1,000.
 */
const INSERT_CHUNK = 1000;
const UPDATE_CHUNK = 1000;
const IN_CHUNK = 1000;
const TARGET_COLUMNS = [
  'planId', 'indicatorId', 'unitId', 'unitPath', 'value', 'comparator', 'baseline', 'baselineSource', 'referenceValue', 'referenceLabel',
  'origin', 'parentTargetId', 'assignedById', 'note', 'late', 'version', 'updatedById', 'createdAt', 'updatedAt',
] as const;

/** A write of targets before it is checked: what setTargets and cascadeTargets hand to check(). */
interface Write {
  plan: Plan; indicator: Indicator; issuer: Unit; proposals: Proposal[]; issues: DomainIssue[];
  notBelowParent: boolean; dryRun: boolean; kept: Target[]; parent?: Unit;
}

/** A checked write: its issues, the rows that change, and how each row will look. */
interface Checked extends Write {
  changed: Set<Proposal>;
  blocked: boolean;
  created: number;
  updated: number;
  build: (p: Proposal) => Target;
}

/**
 * What a batch of writes reads, read once for all of them: children of every parent (as the tree
 * stood in the plan's year), targets of every unit involved, last year's denominators. A single
 * cascade is a batch of one; the generator and the bench cascade a province's 30 indicators to
 * all its districts (and then every district's to its communes) as one batch.
 */
class Preload {
  readonly children = new Map<string, Unit[]>();
  readonly targets = new Map<string, Target>();
  readonly loaded = new Set<string>();
  readonly weights = new Map<string, Map<number, number>>();
  childrenOf(parentId: number, at: string): Unit[] {
    return this.children.get(`${at}|${parentId}`) ?? [];
  }
  target(planId: number, indicatorId: number, unitId: number): Target | undefined {
    return this.targets.get(`${planId}|${indicatorId}|${unitId}`);
  }
}

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

  /**
   * A unit's own targets in the plans of `year` the caller may read: batched through a loader
   * (one statement for every unit of a list), plans and issuers through theirs.
   */
  async ofUnit(ctx: AuthedContext, unit: Unit, year: number, indicatorId: string | null): Promise<Target[]> {
    if (!inSubtree(ctx.actor, unit.path)) return [];
    const iid = indicatorId === null ? '' : String(Number(indicatorId) || 0);
    const rows = await ctx.loaders.unitTargets.load(`${unit.id}|${year}|${iid}`);
    if (!rows.length) return [];
    const plans = await ctx.loaders.plan.loadMany([...new Set(rows.map((t) => t.planId))]);
    const issuers = await ctx.loaders.unit.loadMany(plans.map((p) => (p && !(p instanceof Error) ? p.issuerId : 0)));
    const readable = new Set<number>();
    plans.forEach((p, i) => {
      const issuer = issuers[i];
      if (p && !(p instanceof Error) && issuer && !(issuer instanceof Error) && canReadPlan(ctx.actor, p, issuer)) readable.add(p.id);
    });
    return rows.filter((t) => readable.has(t.planId));
  }

  /** The target a unit reads: its own (its subtree's), never a sibling's. */
  async visibleTarget(ctx: AuthedContext, target: Target | null): Promise<Target | null> {
    return target && inSubtree(ctx.actor, target.unitPath) ? target : null;
  }

  async setTargets(ctx: AuthedContext, input: SetTargetsInput): Promise<TargetWriteResult> {
    return (await this.setTargetsMany(ctx, [input]))[0];
  }

  /** setTargets for several (plan, indicator) at once: read in bulk, checked one by one, saved in one transaction. */
  async setTargetsMany(ctx: AuthedContext, inputs: SetTargetsInput[]): Promise<TargetWriteResult[]> {
    const pre = new Preload();
    const prepared = [];
    for (const input of inputs) {
      const c = await this.context(ctx, input.planId, input.indicatorId);
      const ids = input.targets.map((t) => Number(t.unitId));
      if (new Set(ids).size !== ids.length) throw badInput('duplicateUnit');
      prepared.push({ input, ...c, ids: ids.filter((n) => Number.isInteger(n) && n > 0) });
    }
    const units = await this.unitsById([...new Set(prepared.flatMap((p) => p.ids))]);
    for (const p of prepared) {
      const mine = p.ids.map((id) => units.get(id)).filter((u): u is Unit => !!u);
      await this.preloadTargets(pre, p.plan.id, [p.indicator.id], [...mine.map((u) => u.id), ...mine.map((u) => u.parentId).filter((x): x is number => x !== null)]);
    }
    const writes: Write[] = prepared.map(({ input, plan, indicator, planFloors, issuer }) => {
      const issues: DomainIssue[] = [];
      const proposals: Proposal[] = [];
      for (const row of input.targets) {
        const unit = units.get(Number(row.unitId));
        // Unknown ids and ids outside the caller's reach look the same.
        if (!unit || !inSubtree(ctx.actor, unit.path)) {
          issues.push(this.issue(row.unitId, 'NOT_IN_SCOPE', {}));
          continue;
        }
        const current = pre.target(plan.id, indicator.id, unit.id) ?? null;
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
      return { plan, indicator, issuer, proposals, issues, notBelowParent: false, dryRun: !!input.dryRun, kept: [] };
    });
    return this.run(ctx, writes, pre);
  }

  async cascade(ctx: AuthedContext, input: CascadeInput): Promise<TargetWriteResult> {
    return (await this.cascadeMany(ctx, [input]))[0];
  }

  /**
   * Cascades for many (plan, indicator, parent) at once — a province's indicators to all its
   * children, or every district's to its communes. Each input is resolved and validated exactly
   * as cascadeTargets does it (the same code: a single cascade is a batch of one); the reads are
   * made once for the batch, and the inputs without errors are saved in one transaction with
   * multi-row INSERTs and CASE UPDATEs. Inputs must not depend on each other (no parent of one is
   * a child of another).
   */
  async cascadeMany(ctx: AuthedContext, inputs: CascadeInput[]): Promise<TargetWriteResult[]> {
    const pre = new Preload();
    const prepared = [];
    for (const input of inputs) {
      const c = await this.context(ctx, input.planId, input.indicatorId);
      // Inside the caller's subtree only: an ancestor's children are never the caller's to assign (nor to read).
      const parent = await ctx.services.units.getInSubtree(ctx, input.parentUnitId);
      prepared.push({ input, ...c, parent, at: planTreeDate(c.plan.year) });
    }
    for (const at of new Set(prepared.map((p) => p.at))) {
      await this.preloadChildren(pre, [...new Set(prepared.filter((p) => p.at === at).map((p) => p.parent.id))], at);
    }
    for (const planId of new Set(prepared.map((p) => p.plan.id))) {
      const mine = prepared.filter((p) => p.plan.id === planId);
      const unitIds = new Set<number>();
      for (const p of mine) {
        unitIds.add(p.parent.id);
        for (const c of pre.childrenOf(p.parent.id, p.at)) unitIds.add(c.id);
      }
      await this.preloadTargets(pre, planId, [...new Set(mine.map((p) => p.indicator.id))], [...unitIds]);
    }
    // Last year's actuals (built across reorganisations) for the children a baseline policy with a baselineYear reads.
    const recorded = await Promise.all(prepared.map(({ input, indicator, parent, at }) => {
      const year = input.baselinePolicy?.baselineYear;
      const children = pre.childrenOf(parent.id, at);
      return year ? ctx.services.progress.childFigures(indicator, yearPeriod(year), parent, children.map((c) => c.id), at) : null;
    }));
    const actorUnitName = ctx.actor.unitId !== null ? ((await ctx.loaders.unit.load(ctx.actor.unitId))?.name ?? null) : null;
    const writes: Write[] = prepared.map(({ input, plan, indicator, planFloors, issuer, parent, at }, n) => {
      const children = pre.childrenOf(parent.id, at);
      const issues: DomainIssue[] = [];
      const overrides = new Map<number, TargetValueInput>();
      const childIds = new Set(children.map((c) => c.id));
      for (const o of input.overrides ?? []) {
        if (!childIds.has(Number(o.unitId))) issues.push(this.issue(o.unitId, 'NOT_IN_SCOPE', {}));
        else if (overrides.has(Number(o.unitId))) throw badInput('duplicateUnit');
        else overrides.set(Number(o.unitId), o);
      }
      const requestFloors: KindValue[] = input.floors ?? [];
      // Floors are figures of the indicator's measure (0..100 for a rate), like the targets they bound.
      for (const f of requestFloors) {
        if (!inFigureRange(indicator.measure, f.value)) throw new DomainError('OUT_OF_RANGE', { value: f.value, measure: indicator.measure, ...figureRange(indicator.measure) });
      }
      const existingOf = (c: Unit) => pre.target(plan.id, indicator.id, c.id);
      const childInputs: CascadeChildInput[] = children.map((c) => {
        const e = existingOf(c);
        const o = overrides.get(c.id);
        return {
          unitId: String(c.id),
          kind: c.kind,
          existing: e ? { value: e.value, baseline: e.baseline, origin: e.origin } : null,
          override: o ? { value: o.value } : null,
          recordedBaseline: recorded[n]?.get(c.id)?.value ?? null,
        };
      });
      const resolved = resolveCascade(
        { floors: requestFloors, planFloors, defaults: input.defaults ?? [], baselinePolicy: input.baselinePolicy ?? null, keepManual: input.keepManual ?? true },
        childInputs,
      );
      const proposals: Proposal[] = [];
      const kept: Target[] = [];
      resolved.forEach((r, i) => {
        const unit = children[i];
        const current = existingOf(unit) ?? null;
        if (r.value === null || r.source === 'KEPT_MANUAL') {
          if (current) kept.push(current);
          return;
        }
        const o = overrides.get(unit.id);
        const fromResults = current?.baseline == null && !(o && o.baseline !== undefined) ? recorded[n]?.get(unit.id) : undefined;
        const requestFloor = bindingFloor(unit.kind, requestFloors);
        const planFloor = bindingFloor(unit.kind, planFloors);
        proposals.push({
          unit,
          existing: current,
          value: r.value,
          origin: r.origin ?? 'RULE',
          baseline: o && o.baseline !== undefined ? o.baseline : (current?.baseline ?? fromResults?.value ?? null),
          ...(fromResults ? { baselineSource: baselineSourceOf(input.baselinePolicy!.baselineYear!, fromResults.fromPredecessors) } : {}),
          note: o && o.note !== undefined ? o.note : (current?.note ?? null),
          comparator: o?.comparator ?? current?.comparator ?? indicator.comparator,
          expectedVersion: o?.expectedVersion ?? null,
          floor: r.floor,
          floorSetBy: planFloor !== null && (requestFloor === null || planFloor >= requestFloor) ? issuer.name : (actorUnitName ?? parent.name),
        });
      });
      return { plan, indicator, issuer, proposals, issues, notBelowParent: !!input.notBelowParent, dryRun: !!input.dryRun, kept, parent };
    });
    return this.run(ctx, writes, pre);
  }

  private async context(ctx: AuthedContext, planId: string, indicatorId: string) {
    const plan = await ctx.services.plans.get(ctx, planId);
    const row = await ctx.services.plans.planIndicator(ctx, plan, indicatorId);
    const indicator = await ctx.services.indicators.get(ctx, row.indicatorId);
    const issuer = (await ctx.loaders.unit.load(plan.issuerId))!;
    return { plan, indicator, planFloors: row.floors, issuer };
  }

  private async unitsById(ids: number[]): Promise<Map<number, Unit>> {
    const map = new Map<number, Unit>();
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      for (const u of await this.ds.getRepository(Unit).findBy({ id: In(ids.slice(i, i + IN_CHUNK)) })) map.set(u.id, u);
    }
    return map;
  }

  /** Children of many parents as the tree stood on `at`: one statement per 1,000 parents. */
  private async preloadChildren(pre: Preload, parentIds: number[], at: string): Promise<void> {
    const wanted = parentIds.filter((id) => !pre.children.has(`${at}|${id}`));
    for (const id of wanted) pre.children.set(`${at}|${id}`, []);
    for (let i = 0; i < wanted.length; i += IN_CHUNK) {
      const rows = await this.ds.getRepository(Unit).createQueryBuilder('u')
        .where('u.parentId IN (:...pids)', { pids: wanted.slice(i, i + IN_CHUNK) })
        .andWhere('(u.validFrom IS NULL OR u.validFrom <= :at) AND (u.validTo IS NULL OR u.validTo >= :at)', { at })
        .orderBy('u.id', 'ASC').getMany();
      for (const u of rows) pre.children.get(`${at}|${u.parentId}`)!.push(u);
    }
  }

  /** Targets of a plan for some indicators and units: one statement per 1,000 units. */
  private async preloadTargets(pre: Preload, planId: number, indicatorIds: number[], unitIds: number[], m: EntityManager = this.ds.manager): Promise<void> {
    const wanted = [...new Set(unitIds)].filter((u) => indicatorIds.some((i) => !pre.loaded.has(`${planId}|${i}|${u}`)));
    if (!wanted.length || !indicatorIds.length) return;
    const sqlite = isSqlite(this.ds);
    for (let i = 0; i < wanted.length; i += IN_CHUNK) {
      const chunk = wanted.slice(i, i + IN_CHUNK);
      // Raw rows made into Targets by hand: a province's batch reads thousands, TypeORM's hydration costs more than the query.
      const rows = (await m.query(
        `SELECT * FROM target WHERE planId = ? AND indicatorId IN (${indicatorIds.map(() => '?').join(', ')}) AND unitId IN (${chunk.map(() => '?').join(', ')})`,
        [planId, ...indicatorIds, ...chunk],
      )) as Record<string, unknown>[];
      for (const r of rows) {
        const t = hydrateTarget(r, sqlite);
        pre.targets.set(`${planId}|${t.indicatorId}|${t.unitId}`, t);
      }
    }
    for (const u of wanted) for (const i of indicatorIds) pre.loaded.add(`${planId}|${i}|${u}`);
  }

  private issue(unitId: string | number, code: IssueCode, params: Record<string, string | number | null>, severity = ISSUE_SEVERITY[code]): DomainIssue {
    return { unitId: String(unitId), code, severity, params };
  }

  /** The unit that assigns when the actor writes a target of `unit`: the actor's own, or (a system admin) the unit's parent. */
  private assigner(actor: Actor, unit: Unit): number {
    return actor.unitId ?? unit.parentId ?? unit.id;
  }

  /**
   * Checks every write, then saves those without errors (and not dry runs) in one transaction.
   * A stale row anywhere rolls the whole batch back and is reported as VERSION_CONFLICT on each
   * write that was to be saved.
   */
  private async run(ctx: AuthedContext, writes: Write[], pre: Preload): Promise<TargetWriteResult[]> {
    // Parents' targets, siblings and last year's denominators of every parent a proposal sits under.
    for (const planId of new Set(writes.map((w) => w.plan.id))) {
      const mine = writes.filter((w) => w.plan.id === planId);
      const at = planTreeDate(mine[0].plan.year);
      const parentIds = [...new Set(mine.flatMap((w) => w.proposals.map((p) => p.unit.parentId)).filter((x): x is number => x !== null))];
      await this.preloadChildren(pre, parentIds, at);
      const siblings = parentIds.flatMap((id) => pre.childrenOf(id, at).map((u) => u.id));
      await this.preloadTargets(pre, planId, [...new Set(mine.map((w) => w.indicator.id))], [...parentIds, ...siblings]);
    }
    await this.preloadWeights(ctx, writes, pre);
    const checked: Checked[] = [];
    for (const w of writes) checked.push(this.check(ctx, w, pre));
    const result = (c: Checked, applied: boolean, targets: Target[], extra: DomainIssue[] = []): TargetWriteResult => ({
      applied,
      targets: [...targets, ...c.kept],
      issues: [...c.issues, ...extra].map((i) => this.toGraphql(i, ctx)),
      created: applied || c.dryRun ? c.created : 0,
      updated: applied || c.dryRun ? c.updated : 0,
    });
    const toSave = checked.filter((c) => !c.blocked && !c.dryRun);
    let saved = new Map<Checked, Target[]>();
    let conflict: StaleWrite | null = null;
    if (toSave.length) {
      try {
        saved = await this.ds.transaction((m) => this.save(m, ctx, toSave));
      } catch (err) {
        if (!(err instanceof StaleWrite)) throw err;
        conflict = err;
      }
    }
    return checked.map((c) => {
      const after = () => c.proposals.map(c.build);
      if (!toSave.includes(c)) return result(c, false, after());
      if (conflict) return result(c, false, after(), [this.issue(conflict.unitId, 'VERSION_CONFLICT', {})]);
      return result(c, true, saved.get(c)!);
    });
  }

  /** Last year's rolled-up denominators under every parent that has a target, for the RATE writes: one statement per parent. */
  private async preloadWeights(ctx: AuthedContext, writes: Write[], pre: Preload): Promise<void> {
    const wanted = new Map<string, { parentId: number; year: number; indicators: Map<number, Indicator> }>();
    for (const w of writes) {
      if (w.indicator.measure !== 'RATE') continue;
      for (const p of w.proposals) {
        const parentId = p.unit.parentId;
        if (parentId === null || !pre.target(w.plan.id, w.indicator.id, parentId)) continue;
        const key = `${parentId}|${w.plan.year - 1}`;
        const entry = wanted.get(key) ?? { parentId, year: w.plan.year - 1, indicators: new Map() };
        entry.indicators.set(w.indicator.id, w.indicator);
        wanted.set(key, entry);
      }
    }
    if (!wanted.size) return;
    const parents = await this.unitsById([...new Set([...wanted.values()].map((e) => e.parentId))]);
    for (const year of new Set([...wanted.values()].map((e) => e.year))) {
      const entries = [...wanted.values()].filter((e) => e.year === year && parents.has(e.parentId));
      const indicatorIds = [...new Set(entries.flatMap((e) => [...e.indicators.keys()]))];
      const rows = await ctx.services.progress.denominatorsByUnit(indicatorIds, yearPeriod(year), entries.map((e) => parents.get(e.parentId)!.path));
      // Each unit's Σa goes to the child of its parent it lies under (the next id on its path).
      const sums = new Map<string, number>();
      for (const r of rows) {
        const ids = pathIds(r.path);
        for (let depth = 0; depth < ids.length; depth++) {
          const key = `${r.indicatorId}|${ids[depth]}`;
          sums.set(key, (sums.get(key) ?? 0) + r.a);
        }
      }
      for (const { parentId, indicators } of entries) {
        for (const id of indicators.keys()) {
          const weights = new Map<number, number>();
          for (const s of pre.childrenOf(parentId, planTreeDate(year + 1))) {
            const a = sums.get(`${id}|${s.id}`);
            if (a !== undefined && a > 0) weights.set(s.id, a);
          }
          pre.weights.set(`${id}|${year}|${parentId}`, weights);
        }
      }
    }
  }

  /** Validates every proposal of a write the same way for setTargets and cascadeTargets. */
  private check(ctx: AuthedContext, w: Write, pre: Preload): Checked {
    const { plan, indicator, issuer, proposals } = w;
    const issues = [...w.issues];
    const actor = ctx.actor;
    const today = todayIso();
    const pastDeadline = !!plan.subAssignmentDeadline && today > plan.subAssignmentDeadline;
    const parentTarget = (p: Proposal) => (p.unit.parentId !== null ? pre.target(plan.id, indicator.id, p.unit.parentId) : undefined);
    const changed = new Set<Proposal>();
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
      rowIssues.push(
        ...validateTargetValue({
          unitId,
          measure: indicator.measure,
          value: p.value,
          floor: p.floor,
          floorSetBy: p.floorSetBy,
          baseline: p.baseline,
          parentValue: parentTarget(p)?.value ?? null,
          notBelowParent: w.notBelowParent,
          pastDeadline: pastDeadline && assignedBy !== issuer.id,
          deadline: plan.subAssignmentDeadline,
        }),
      );
      issues.push(...rowIssues);
      const e = p.existing;
      const same = e && e.value === p.value && e.baseline === p.baseline && e.note === p.note && e.origin === p.origin && e.comparator === p.comparator;
      if (!same) changed.add(p);
    }
    // The children's targets, weighted by last year's denominators, must be able to make the parent's.
    const byParent = new Map<number, Proposal[]>();
    for (const p of proposals) {
      if (p.unit.parentId === null) continue;
      const list = byParent.get(p.unit.parentId);
      if (list) list.push(p);
      else byParent.set(p.unit.parentId, [p]);
    }
    const at = planTreeDate(plan.year);
    for (const [parentId, rows] of byParent) {
      const target = pre.target(plan.id, indicator.id, parentId);
      if (!target) continue;
      const siblings = pre.childrenOf(parentId, at);
      const current = new Map<number, number>();
      for (const s of siblings) {
        const t = pre.target(plan.id, indicator.id, s.id);
        if (t) current.set(s.id, t.value);
      }
      for (const r of rows) current.set(r.unit.id, r.value);
      const withTargets = siblings.filter((s) => current.has(s.id));
      const weights = pre.weights.get(`${indicator.id}|${plan.year - 1}|${parentId}`) ?? new Map<number, number>();
      const found = checkImpliedAggregate({
        parentUnitId: String(parentId),
        parentTarget: { value: target.value, comparator: target.comparator },
        children: withTargets.map((s) => ({ value: current.get(s.id)!, weight: weights.get(s.id) ?? null })),
      });
      if (found) issues.push(found);
    }

    const blocked = issues.some((i) => i.severity === 'ERROR');
    const created = [...changed].filter((p) => !p.existing).length;
    const updated = changed.size - created;
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
        baselineSource: p.baselineSource !== undefined ? p.baselineSource : (p.existing?.baselineSource ?? null),
        referenceValue: p.existing?.referenceValue ?? null,
        referenceLabel: p.existing?.referenceLabel ?? null,
        origin: p.origin,
        parentTargetId: parentTarget(p)?.id ?? null,
        assignedById: this.assigner(actor, p.unit),
        note: p.note,
        late: pastDeadline && this.assigner(actor, p.unit) !== issuer.id,
        version: p.existing ? p.existing.version + (changed.has(p) ? 1 : 0) : 0,
        updatedById: actor.userId,
        createdAt: p.existing?.createdAt ?? now,
        updatedAt: changed.has(p) ? now : (p.existing?.updatedAt ?? now),
      });
    return { ...w, issues, changed, blocked, created, updated, build };
  }

  /**
   * Saves checked writes inside one transaction: new rows in multi-row INSERTs, their ids read
   * back in one statement per plan and 1,000 units, changed rows in CASE UPDATEs guarded by each
   * row's version (a row changed since it was read makes the affected count fall short: the
   * transaction is rolled back and reported as VERSION_CONFLICT), and the audit rows.
   */
  private async save(m: EntityManager, ctx: AuthedContext, list: Checked[]): Promise<Map<Checked, Target[]>> {
    const audit: AuditChange[] = [];
    const fresh: Target[] = [];
    const updates: { e: Target; t: Target }[] = [];
    const built = new Map<Proposal, Target>();
    for (const c of list) {
      for (const p of c.changed) {
        const t = c.build(p);
        built.set(p, t);
        if (p.existing) updates.push({ e: p.existing, t });
        else fresh.push(Object.assign(t, { version: 1 }));
      }
    }
    try {
      await insertRows(m, 'target', TARGET_COLUMNS, fresh.map((t) => TARGET_COLUMNS.map((c) => t[c])), { chunk: INSERT_CHUNK });
    } catch (err) {
      if (isUniqueViolation(err)) throw new StaleWrite(fresh[0].unitId);
      throw err;
    }
    // Read the ids back (bulk INSERT does not return them portably): one statement per plan and 1,000 units.
    const byPlan = new Map<number, Target[]>();
    for (const t of fresh) {
      const list = byPlan.get(t.planId);
      if (list) list.push(t);
      else byPlan.set(t.planId, [t]);
    }
    for (const [planId, rows] of byPlan) {
      const indicatorIds = [...new Set(rows.map((t) => t.indicatorId))];
      const unitIds = [...new Set(rows.map((t) => t.unitId))];
      const ids = new Map<string, number>();
      for (let i = 0; i < unitIds.length; i += IN_CHUNK) {
        const chunk = unitIds.slice(i, i + IN_CHUNK);
        const found = (await m.query(
          `SELECT id, indicatorId, unitId FROM target WHERE planId = ? AND indicatorId IN (${indicatorIds.map(() => '?').join(', ')}) AND unitId IN (${chunk.map(() => '?').join(', ')})`,
          [planId, ...indicatorIds, ...chunk],
        )) as { id: number; indicatorId: number; unitId: number }[];
        for (const f of found) ids.set(`${f.indicatorId}|${f.unitId}`, Number(f.id));
      }
      for (const t of rows) {
        t.id = ids.get(`${t.indicatorId}|${t.unitId}`)!;
        audit.push({ entity: 'target', entityId: t.id, action: 'create', unitPath: t.unitPath, before: null, after: snapshot(t) });
      }
    }
    if (updates.length) await this.updateTargets(m, updates);
    for (const { e, t } of updates) {
      t.version = e.version + 1;
      audit.push({ entity: 'target', entityId: e.id, action: 'update', unitPath: t.unitPath, before: snapshot(e), after: snapshot(t) });
    }
    // The same rows as AuditService.record, in multi-row INSERTs: a cascade audits thousands of rows.
    await recordAuditRows(m, ctx, audit);
    return new Map(list.map((c) => [c, c.proposals.map((p) => built.get(p) ?? p.existing!)]));
  }

  /**
   * Updates many targets only where the version is still the one read: the rows are read again
   * with a lock (MySQL; SQLite has one writer) and compared, a moved row throws StaleWrite (the
   * transaction rolls back), then all are written by one multi-row upsert on the primary key
   * per 1,000 rows — linear in the rows, where a CASE per column grows with their square.
   */
  private async updateTargets(m: EntityManager, rows: { e: Target; t: Target }[]): Promise<void> {
    const sqlite = isSqlite(this.ds);
    for (let i = 0; i < rows.length; i += IN_CHUNK) {
      const chunk = rows.slice(i, i + IN_CHUNK);
      const found = (await m.query(
        `SELECT id, version FROM target WHERE id IN (${chunk.map(() => '?').join(', ')})${sqlite ? '' : ' FOR UPDATE'}`,
        chunk.map((r) => r.e.id),
      )) as { id: number; version: number }[];
      const version = new Map(found.map((f) => [Number(f.id), Number(f.version)]));
      const stale = chunk.find((r) => version.get(r.e.id) !== r.e.version);
      if (stale) throw new StaleWrite(stale.t.unitId);
    }
    const columns = ['id', ...TARGET_COLUMNS] as const;
    await insertRows(m, 'target', columns, rows.map((r) => columns.map((c) => (c === 'id' ? r.e.id : c === 'version' ? r.e.version + 1 : r.t[c]))), {
      chunk: UPDATE_CHUNK,
      upsert: {
        conflict: ['id'],
        update: ['value', 'comparator', 'baseline', 'origin', 'note', 'late', 'parentTargetId', 'assignedById', 'updatedById', 'updatedAt', 'version'],
      },
    });
  }

  private toGraphql(i: DomainIssue, ctx: AuthedContext): ValidationIssue {
    return { unitId: i.unitId, code: i.code, severity: i.severity, message: issueMessage(i.code, i.params, ctx.locale) };
  }
}

function snapshot(t: Target) {
  return { value: t.value, comparator: t.comparator, baseline: t.baseline, origin: t.origin, note: t.note, version: t.version, unitId: t.unitId, planId: t.planId, indicatorId: t.indicatorId };
}

/** A raw `target` row as the entity TypeORM would have made: numbers, booleans and dates as such. */
export function hydrateTarget(r: Record<string, unknown>, sqlite: boolean): Target {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const date = (v: unknown) => (v instanceof Date ? v : new Date(sqlite ? `${String(v).replace(' ', 'T')}Z` : String(v)));
  return Object.assign(new Target(), {
    id: Number(r.id), planId: Number(r.planId), indicatorId: Number(r.indicatorId), unitId: Number(r.unitId), unitPath: String(r.unitPath),
    value: Number(r.value), comparator: r.comparator, baseline: num(r.baseline), baselineSource: r.baselineSource ?? null,
    referenceValue: num(r.referenceValue), referenceLabel: r.referenceLabel ?? null, origin: r.origin, parentTargetId: num(r.parentTargetId),
    assignedById: Number(r.assignedById), note: r.note ?? null, late: Boolean(Number(r.late)), version: Number(r.version),
    updatedById: num(r.updatedById), createdAt: date(r.createdAt), updatedAt: date(r.updatedAt),
  });
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; errno?: number };
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.errno === 1062;
}

/** The source recorded with a baseline taken from results (shown beside it in the plan). */
function baselineSourceOf(year: number, fromPredecessors: boolean): string {
  return fromPredecessors ? `Kết quả năm ${year} (gồm số liệu của các đơn vị trước sắp xếp)` : `Kết quả năm ${year}`;
}
