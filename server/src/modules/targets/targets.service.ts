import type { DataSource, EntityManager } from 'typeorm';
import { comparesWithParent, issueMessage, yearPeriod, type ValidationIssue as DomainIssue } from '@chitieu/domain';
import { Target } from './target.entity';
import type { CascadeInput, SetTargetsInput, TargetFilter } from './targets.inputs';
import type { TargetWriteResult, ValidationIssue } from './targets.types';
import { assigner, targetIssue, type Checked, type Write } from './target-write';
import { Preload, TargetPreloader } from './target-preload';
import { cascadeWrite, manualWrite, type WriteScope } from './target-proposals';
import { checkWrite } from './target-checks';
import { saveTargets, StaleWrite } from './target-save';
import type { Unit } from '../units/unit.entity';
import { canReadPlan, planTreeDate } from '../plans/plans.service';
import type { PlansService } from '../plans/plans.service';
import type { IndicatorsService } from '../indicators/indicators.service';
import type { UnitsService } from '../units/units.service';
import type { ProgressService } from '../progress/progress.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { todayIso } from '../units/units.service';
import { badInput } from '../../common/errors';
import { inSubtree, subtreeEnd } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import { isSqlite } from '../../db/data-source';

/**
 * Targets: reading them in scope, and the two writes (setTargets, cascadeTargets). A write goes
 * one way: read what it needs (target-preload), propose rows (target-proposals), check them
 * (target-checks), save those without errors (target-save).
 */
export class TargetsService {
  private readonly preload: TargetPreloader;

  constructor(
    private readonly ds: DataSource,
    private readonly plans: PlansService,
    private readonly indicators: IndicatorsService,
    private readonly units: UnitsService,
    private readonly progress: ProgressService,
    private readonly notifications: NotificationsService,
  ) {
    this.preload = new TargetPreloader(ds, progress);
  }

  async list(ctx: AuthedContext, filter: TargetFilter): Promise<Target[]> {
    const plan = await this.plans.get(ctx, filter.planId);
    const qb = this.ds.getRepository(Target).createQueryBuilder('t').where('t.planId = :pid', { pid: plan.id });
    if (filter.indicatorId != null) {
      const indicator = await this.indicators.get(ctx, filter.indicatorId);
      qb.andWhere('t.indicatorId = :iid', { iid: indicator.id });
    }
    if (filter.unitId != null) {
      const unit = await this.units.find(ctx, filter.unitId);
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
      const scope = await this.scope(ctx, input.planId, input.indicatorId);
      const ids = input.targets.map((t) => Number(t.unitId));
      if (new Set(ids).size !== ids.length) throw badInput('duplicateUnit');
      prepared.push({ input, scope, ids: ids.filter((n) => Number.isInteger(n) && n > 0) });
    }
    const units = await this.preload.unitsById([...new Set(prepared.flatMap((p) => p.ids))]);
    for (const p of prepared) {
      const mine = p.ids.map((id) => units.get(id)).filter((u): u is Unit => !!u);
      await this.preload.targets(pre, p.scope.plan.id, [p.scope.indicator.id], [...mine.map((u) => u.id), ...mine.map((u) => u.parentId).filter((x): x is number => x !== null)]);
    }
    const writes = prepared.map(({ input, scope }) => manualWrite(ctx.actor, input, scope, units, pre));
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
   * multi-row INSERTs and upserts (target-save). Inputs must not depend on each other (no parent
   * of one is a child of another).
   */
  async cascadeMany(ctx: AuthedContext, inputs: CascadeInput[]): Promise<TargetWriteResult[]> {
    const pre = new Preload();
    const prepared = [];
    for (const input of inputs) {
      const scope = await this.scope(ctx, input.planId, input.indicatorId);
      // Inside the caller's subtree only: an ancestor's children are never the caller's to assign (nor to read).
      const parent = await this.units.getInSubtree(ctx, input.parentUnitId);
      prepared.push({ input, scope: { ...scope, parent }, at: planTreeDate(scope.plan.year) });
    }
    for (const at of new Set(prepared.map((p) => p.at))) {
      await this.preload.children(pre, [...new Set(prepared.filter((p) => p.at === at).map((p) => p.scope.parent.id))], at);
    }
    for (const planId of new Set(prepared.map((p) => p.scope.plan.id))) {
      const mine = prepared.filter((p) => p.scope.plan.id === planId);
      const unitIds = new Set<number>();
      for (const p of mine) {
        unitIds.add(p.scope.parent.id);
        for (const c of pre.childrenOf(p.scope.parent.id, p.at)) unitIds.add(c.id);
      }
      await this.preload.targets(pre, planId, [...new Set(mine.map((p) => p.scope.indicator.id))], [...unitIds]);
    }
    // Last year's actuals (built across reorganisations) for the children a baseline policy with a baselineYear reads.
    const recorded = await Promise.all(
      prepared.map(({ input, scope, at }) => {
        const year = input.baselinePolicy?.baselineYear;
        const children = pre.childrenOf(scope.parent.id, at);
        return year
          ? this.progress.childFigures(
              scope.indicator,
              yearPeriod(year),
              scope.parent,
              children.map((c) => c.id),
              at,
              // An OWN row's baseline is the child's own figure, as its target will be judged.
              scope.figureScope,
            )
          : null;
      }),
    );
    // Reaching the parent's target weighs the children as IMPLIED_AGGREGATE_SHORT will: read those weights first.
    await this.preload.weightsUnder(
      pre,
      prepared
        .filter(({ input, scope }) => input.reachParent && input.baselinePolicy && scope.indicator.measure === 'RATE' && comparesWithParent(scope.figureScope))
        .map(({ scope }) => ({ parentId: scope.parent.id, year: scope.plan.year - 1, indicators: new Map([[scope.indicator.id, scope.indicator]]) })),
    );
    const actorUnitName = ctx.actor.unitId !== null ? ((await ctx.loaders.unit.load(ctx.actor.unitId))?.name ?? null) : null;
    const writes = prepared.map(({ input, scope, at }, n) => cascadeWrite(input, scope, pre.childrenOf(scope.parent.id, at), recorded[n], actorUnitName, pre));
    return this.run(ctx, writes, pre);
  }

  /** The plan (readable), the indicator it covers (NOT_FOUND when it does not), its floors, issuer, figure scope and fact labels. */
  private async scope(ctx: AuthedContext, planId: string, indicatorId: string): Promise<WriteScope> {
    const plan = await this.plans.get(ctx, planId);
    const row = await this.plans.planIndicator(ctx, plan, indicatorId);
    const indicator = await this.indicators.get(ctx, row.indicatorId);
    const issuer = (await ctx.loaders.unit.load(plan.issuerId))!;
    return { plan, indicator, planFloors: row.floors, issuer, figureScope: row.scope ?? 'SUBTREE', factLabels: row.factLabels ?? [] };
  }

  /**
   * Checks every write, then saves those without errors (and not dry runs) in one transaction.
   * A stale row anywhere rolls the whole batch back and is reported as VERSION_CONFLICT on each
   * write that was to be saved.
   */
  private async run(ctx: AuthedContext, writes: Write[], pre: Preload): Promise<TargetWriteResult[]> {
    await this.preload.surroundings(pre, writes);
    await this.preload.weights(writes, pre);
    const checked = writes.map((w) => checkWrite(ctx.actor, w, pre));
    const result = (c: Checked, applied: boolean, targets: Target[], extra: DomainIssue[] = []): TargetWriteResult => ({
      applied,
      targets: [...targets, ...c.kept],
      issues: [...c.issues, ...extra].map((i) => toGraphql(i, ctx)),
      created: applied || c.dryRun ? c.created : 0,
      updated: applied || c.dryRun ? c.updated : 0,
      uplift: c.uplift ?? null,
      impliedAggregate: c.aggregate?.implied ?? null,
      parentTarget: c.aggregate?.parentTarget ?? null,
    });
    const toSave = checked.filter((c) => !c.blocked && !c.dryRun);
    let saved = new Map<Checked, Target[]>();
    let conflict: StaleWrite | null = null;
    if (toSave.length) {
      try {
        const sqlite = isSqlite(this.ds);
        saved = await this.ds.transaction(async (m) => {
          const written = await saveTargets(m, sqlite, ctx, toSave);
          await this.notifySubAssigned(ctx, m, toSave);
          return written;
        });
      } catch (err) {
        if (!(err instanceof StaleWrite)) throw err;
        conflict = err;
      }
    }
    return checked.map((c) => {
      const after = () => c.proposals.map(c.build);
      if (!toSave.includes(c)) return result(c, false, after());
      if (conflict) return result(c, false, after(), [targetIssue(conflict.unitId, 'VERSION_CONFLICT', {})]);
      return result(c, true, saved.get(c)!);
    });
  }

  /**
   * A unit below the issuer sub-assigning in an issued plan (a district to its communes): each
   * unit written is told, in the write's transaction, at most once a day per plan (dedupeKey), so
   * a district typing cell by cell does not flood its communes.
   */
  private async notifySubAssigned(ctx: AuthedContext, m: EntityManager, list: Checked[]): Promise<void> {
    const byUnit = new Map<string, { plan: Checked['plan']; unit: Unit; by: number; count: number }>();
    for (const c of list) {
      if (c.plan.status !== 'ISSUED') continue;
      for (const p of c.changed) {
        const by = assigner(ctx.actor, p.unit, c.issuer);
        if (by === c.issuer.id || p.unit.id === by) continue;
        const key = `${c.plan.id}|${p.unit.id}|${by}`;
        const entry = byUnit.get(key);
        if (entry) entry.count++;
        else byUnit.set(key, { plan: c.plan, unit: p.unit, by, count: 1 });
      }
    }
    if (!byUnit.size) return;
    const entries = [...byUnit.values()];
    const assigners = await ctx.loaders.unit.loadMany([...new Set(entries.map((e) => e.by))]);
    const names = new Map(assigners.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u.name] as const] : [])));
    const day = todayIso();
    // One read of the units' accounts, one multi-row insert: a cascade to a district's communes costs two statements.
    const recipients = await this.notifications.recipientsOf(
      m,
      entries.map((e) => e.unit.id),
    );
    await this.notifications.notifyOnce(
      m,
      entries.map((e) => ({
        userIds: recipients.get(e.unit.id) ?? [],
        event: {
          kind: 'TARGETS_ASSIGNED' as const,
          params: { issuer: names.get(e.by) ?? '', plan: e.plan.title, unit: e.unit.name, count: e.count },
          link: `/plans/${e.plan.id}`,
          dedupeKey: `assigned:${e.plan.id}:${e.unit.id}:${day}`,
        },
      })),
    );
  }
}

function toGraphql(i: DomainIssue, ctx: AuthedContext): ValidationIssue {
  return { unitId: i.unitId, code: i.code, severity: i.severity, message: issueMessage(i.code, i.params, ctx.locale) };
}
