import type { DataSource } from 'typeorm';
import { judgedFigure, parsePeriod, type Figure, type FigureScope, type Period } from '@chitieu/domain';
import { Unit } from '../units/unit.entity';
import { Target } from '../targets/target.entity';
import { hydrateTarget } from '../targets/target-rows';
import { Plan } from '../plans/plan.entity';
import { PlanIndicatorRow } from '../plans/plan-indicator.entity';
import type { Progress } from './progress.types';
import { canReadPlan, planTreeDate } from '../plans/plans.service';
import type { PlansService } from '../plans/plans.service';
import type { IndicatorsService } from '../indicators/indicators.service';
import type { UnitsService } from '../units/units.service';
import type { AuthedContext } from '../../common/context';
import { validOn, validOnSql } from '../../common/validity';
import { isSqlite } from '../../db/data-source';
import { dateFromSql } from '../../db/raw-sql';
import { addSums, figureOfSums, NO_SUMS, withInherited } from './figure-sums';
import { RollUps, type RolledIndicator } from './rollups';
import { Reorganisations, type Inherited } from './reorganisation';
import { progressNode, rankNodes } from './progress-node';

/**
 * Progress against targets: the orchestration. The sums come from SQL (rollups.ts, rollup-sql.ts),
 * what reorganised units inherit from reorganisation.ts, each line's figures from progress-node.ts.
 */
export class ProgressService {
  private readonly rollUps: RollUps;
  private readonly reorganisations: Reorganisations;

  constructor(
    private readonly ds: DataSource,
    private readonly plans: PlansService,
    private readonly indicators: IndicatorsService,
    private readonly units: UnitsService,
  ) {
    this.rollUps = new RollUps(ds);
    this.reorganisations = new Reorganisations(ds, this.rollUps);
  }

  /**
   * Each child's figure of `period` in the tree of `treeDate`, its predecessors' part included:
   * what a cascade's baseline policy takes as last year's actual where a target has no baseline.
   * `scope` is the plan row's: OWN takes each child's own figure (what its target is judged on),
   * SUBTREE the rolled-up one.
   */
  async childFigures(
    indicator: RolledIndicator,
    period: Period,
    parent: Pick<Unit, 'path'>,
    childIds: number[],
    treeDate: string,
    scope: FigureScope = 'SUBTREE',
  ): Promise<Map<number, Figure & { fromPredecessors: boolean }>> {
    const [sums, inherited] = await Promise.all([
      this.rollUps.rollUp(indicator, period, parent.path),
      this.reorganisations.inherited(indicator, period, { ids: childIds }, treeDate),
    ]);
    const out = new Map<number, Figure & { fromPredecessors: boolean }>();
    for (const id of childIds) {
      const mine = judgedFigure(scope, { own: sums.own.get(id), rolledUp: sums.subtree.get(id) }) ?? NO_SUMS;
      const before = inherited.get(id);
      const { sums: s, fromPredecessors } = withInherited(indicator, mine, before && judgedFigure(scope, { own: before.own, rolledUp: before.subtree }));
      const figure = figureOfSums(indicator.measure, s);
      if (figure.value !== null) out.set(id, { ...figure, fromPredecessors });
    }
    return out;
  }

  /**
   * The denominators of `period` per unit and RATE indicator inside several subtrees, one
   * statement per way of adding up: what a batch of cascades weighs its children's targets with
   * (IMPLIED_AGGREGATE_SHORT). A CUMULATIVE indicator's figures are running totals, so each unit
   * weighs by its latest of the period, not by the sum of them.
   */
  async denominatorsByUnit(indicators: RolledIndicator[], period: Period, rootPaths: string[]): Promise<{ indicatorId: number; path: string; denominators: number }[]> {
    const out: { indicatorId: number; path: string; denominators: number }[] = [];
    for (const accumulation of ['PERIODIC', 'CUMULATIVE'] as const) {
      const ids = indicators.filter((i) => (i.accumulation ?? 'PERIODIC') === accumulation).map((i) => i.id);
      for (const r of await this.rollUps.sumsByPath({ measure: 'RATE', accumulation }, ids, period, rootPaths)) {
        out.push({ indicatorId: r.indicatorId, path: r.path, denominators: r.sums.denominators });
      }
    }
    return out;
  }

  /**
   * Three round trips after the session: the plan, indicator and unit (loaders, in parallel);
   * then the plan's indicator row, the children, their targets and the roll-up (in parallel).
   */
  async progress(ctx: AuthedContext, args: { planId: string; indicatorId: string; unitId: string; period?: string | null }): Promise<Progress> {
    const [plan, indicator, unit] = await allInOrder([
      this.plans.get(ctx, args.planId),
      this.indicators.get(ctx, args.indicatorId),
      this.units.getInSubtree(ctx, args.unitId),
    ] as const);
    const period = parsePeriod(args.period ?? String(plan.year));
    const at = planTreeDate(plan.year);
    const sqlite = isSqlite(this.ds);
    const [row, children, sums, targets, links] = await allInOrder([
      this.plans.planIndicator(ctx, plan, indicator.id), // NOT_FOUND when the plan does not cover the indicator
      // Raw rows made into entities by hand, here and below: TypeORM's query building and hydration cost more than these indexed look-ups.
      this.ds
        .query(`SELECT * FROM unit WHERE parentId = ? AND ${validOnSql(null, '?')} ORDER BY id`, [unit.id, at, at])
        .then((rows: Record<string, unknown>[]) => rows.map((r) => hydrateUnit(r, sqlite))),
      this.rollUps.rollUp(indicator, period, unit.path),
      // The unit's target and its children's (as the tree stood in the plan's year), by the target key.
      this.ds
        .query('SELECT * FROM target WHERE planId = ? AND indicatorId = ? AND (unitId = ? OR unitId IN (SELECT id FROM unit WHERE parentId = ?))', [
          plan.id,
          indicator.id,
          unit.id,
          unit.id,
        ])
        .then((rows: Record<string, unknown>[]) => rows.map((r) => hydrateTarget(r, sqlite))),
      // Units formed by a reorganisation inside the period (none for a plan before it): one more round trip only when there are some.
      this.reorganisations.links(period, { unitAndChildren: unit.id }, at),
    ] as const);
    const inherited = links.length ? await this.reorganisations.inheritedThrough(indicator, period, links) : new Map<number, Inherited>();
    const targetOf = new Map(targets.map((t) => [t.unitId, t]));
    const total = [...sums.subtree.values()].reduce(addSums, NO_SUMS);
    // The row says whose figure every target of it is judged on: the unit's own (OWN) or its subtree's.
    const scope: FigureScope = row.scope ?? 'SUBTREE';
    const top = progressNode(indicator, period, unit, targetOf.get(unit.id) ?? null, total, sums.own.get(unit.id), inherited.get(unit.id), scope);
    top.children = children.map((c) =>
      progressNode(indicator, period, c, targetOf.get(c.id) ?? null, sums.subtree.get(c.id) ?? NO_SUMS, sums.own.get(c.id), inherited.get(c.id), scope),
    );
    rankNodes(top.children, targetOf.get(unit.id)?.comparator ?? indicator.comparator);
    return top;
  }

  /**
   * Every top-level unit the caller sees (the provinces, for a national account; the caller's
   * own unit otherwise) against the target its own plan of the period's year sets it, ranked:
   * one aggregate statement over the results, grouped by province.
   */
  async national(ctx: AuthedContext, args: { indicatorId: string; period: string }): Promise<Progress[]> {
    const indicator = await this.indicators.get(ctx, args.indicatorId);
    const period = parsePeriod(args.period);
    const actor = ctx.actor;
    const scope = actor.unitPath;
    const rootsWhere = actor.unitId === null ? 'u.parentId IS NULL' : 'u.id = :self';
    const [roots, sums, found] = await allInOrder([
      actor.unitId === null
        ? validOn(this.ds.getRepository(Unit).createQueryBuilder('u').where('u.parentId IS NULL'), 'u', planTreeDate(period.year)).orderBy('u.id', 'ASC').getMany()
        : this.units.getInSubtree(ctx, actor.unitId).then((u) => [u]),
      this.rollUps.rollUp(indicator, period, scope === null ? null : scope),
      // Each root's own target in a plan it issued for that year (the newest, when there are several), and its row's scope.
      this.ds
        .getRepository(Target)
        .createQueryBuilder('t')
        .innerJoin(Plan, 'p', 'p.id = t.planId AND p.issuerId = t.unitId')
        .innerJoin(Unit, 'u', 'u.id = t.unitId')
        .leftJoin(PlanIndicatorRow, 'pi', 'pi.planId = t.planId AND pi.indicatorId = t.indicatorId')
        .addSelect('pi.scope', 'rowScope')
        .where('p.year = :year AND t.indicatorId = :iid', { year: period.year, iid: indicator.id })
        .andWhere(rootsWhere, { self: actor.unitId })
        .orderBy('t.planId', 'ASC')
        .getRawAndEntities(),
    ] as const);
    const rows = found.entities;
    const scopeOfTarget = new Map(found.raw.map((r: Record<string, unknown>) => [Number(r.t_id), r.rowScope === 'OWN' ? ('OWN' as const) : ('SUBTREE' as const)]));
    const plans = await ctx.loaders.plan.loadMany([...new Set(rows.map((t) => t.planId))]);
    const readable = new Set<number>();
    for (const p of plans) {
      if (!p || p instanceof Error) continue;
      const issuer = roots.find((r) => r.id === p.issuerId);
      if (issuer && canReadPlan(actor, p, issuer)) readable.add(p.id);
    }
    const targetOf = new Map<number, Target>();
    for (const t of rows) if (readable.has(t.planId)) targetOf.set(t.unitId, t);
    // With a scope, the statement grouped by the scope's children: the scope's own total is the sum.
    const sumsOf = (u: Unit) => (scope === null ? sums.subtree.get(u.id) : [...sums.subtree.values()].reduce(addSums, NO_SUMS));
    const out = roots.map((u) => {
      const target = targetOf.get(u.id) ?? null;
      return progressNode(indicator, period, u, target, sumsOf(u) ?? NO_SUMS, sums.own.get(u.id), undefined, target ? scopeOfTarget.get(target.id) : 'SUBTREE');
    });
    rankNodes(out, indicator.comparator);
    return out;
  }
}

/**
 * Promise.all that waits for every promise and, when some fail, throws the error of the first
 * in the list (not the first in time): the same request always fails the same way.
 */
async function allInOrder<T extends readonly unknown[]>(promises: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as never;
}

/** A raw `unit` row as the entity TypeORM would have made. */
function hydrateUnit(r: Record<string, unknown>, sqlite: boolean): Unit {
  return Object.assign(new Unit(), {
    id: Number(r.id),
    code: (r.code as string | null) ?? null,
    name: r.name,
    nameFolded: r.nameFolded,
    kind: r.kind,
    level: Number(r.level),
    parentId: r.parentId === null || r.parentId === undefined ? null : Number(r.parentId),
    path: r.path,
    depth: Number(r.depth),
    validFrom: (r.validFrom as string | null) ?? null,
    validTo: (r.validTo as string | null) ?? null,
    createdAt: dateFromSql(r.createdAt, sqlite),
  });
}
