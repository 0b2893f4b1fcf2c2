import type { DataSource } from 'typeorm';
import { judgedFigure, monthPeriod, parsePeriod, projectionMonths, projectionShortfall, type Figure, type FigureScope, type Period } from '@chitieu/domain';
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
import { monthFigures, projectionOf, projectTree } from './projections';
import { subtreeEnd } from '../../common/scope';
import type { Indicator } from '../indicators/indicator.entity';
import type { FigureSums } from './figure-sums';

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
   * `project` (the operation selects projected or atRisk): one more statement in that second
   * round trip, the monthly figures of the unit and its children over the months so far.
   */
  async progress(ctx: AuthedContext, args: { planId: string; indicatorId: string; unitId: string; period?: string | null }, opts: { project?: boolean } = {}): Promise<Progress> {
    const [plan, indicator, unit] = await allInOrder([
      this.plans.get(ctx, args.planId),
      this.indicators.get(ctx, args.indicatorId),
      this.units.getInSubtree(ctx, args.unitId),
    ] as const);
    const period = parsePeriod(args.period ?? String(plan.year));
    const at = planTreeDate(plan.year);
    const sqlite = isSqlite(this.ds);
    const months = opts.project ? projectionMonths(period).map((m) => monthPeriod(period.year, m)) : [];
    const [row, children, sums, targets, links, monthly] = await allInOrder([
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
      opts.project ? this.rollUps.monthlyRollUp(indicator, months, unit.path) : null,
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
    if (monthly) projectTree(top, indicator, months, monthly, scope);
    return top;
  }

  /**
   * The lines of the subtree of `unitId` (the unit included) whose projection misses their target
   * in the plan, worst first (the largest miss relative to the target; then by unit path and
   * indicator). Statements bounded by the plan's measures, not by its units: the targets and the
   * plan's rows; the monthly figures of the subtree (one grouped statement per measure); then,
   * for the lines at risk, their units (one batch) and their figures of the period (one
   * statement per measure and way of adding up). Predecessors' figures are left out (see
   * projections.ts): a line's own and rolled-up figures here are those recorded in the subtree.
   */
  async atRisk(ctx: AuthedContext, args: { planId: string; unitId: string; period?: string | null }): Promise<Progress[]> {
    const [plan, root] = await allInOrder([this.plans.get(ctx, args.planId), this.units.getInSubtree(ctx, args.unitId)] as const);
    const period = parsePeriod(args.period ?? String(plan.year));
    const months = projectionMonths(period).map((m) => monthPeriod(period.year, m));
    const sqlite = isSqlite(this.ds);
    const [targets, rows] = await allInOrder([
      this.ds
        .query('SELECT * FROM target WHERE planId = ? AND unitPath >= ? AND unitPath < ?', [plan.id, root.path, subtreeEnd(root.path)])
        .then((r: Record<string, unknown>[]) => r.map((x) => hydrateTarget(x, sqlite))),
      this.ds.query('SELECT indicatorId, scope FROM plan_indicator WHERE planId = ?', [plan.id]) as Promise<{ indicatorId: unknown; scope: unknown }[]>,
    ] as const);
    if (!targets.length) return [];
    const scopeOf = new Map(rows.map((r) => [Number(r.indicatorId), r.scope === 'OWN' ? ('OWN' as const) : ('SUBTREE' as const)]));
    const indicators = (await ctx.loaders.indicator.loadMany([...new Set(targets.map((t) => t.indicatorId))])).filter((i): i is Indicator => !!i && !(i instanceof Error));
    const indicatorOf = new Map(indicators.map((i) => [i.id, i]));

    // Each target's monthly sums, own and subtree: a row counts for every target at a prefix of its path.
    const targetPaths = new Set(targets.map((t) => `${t.indicatorId}|${t.unitPath}`));
    const own = new Map<string, Map<string, FigureSums>>();
    const subtree = new Map<string, Map<string, FigureSums>>();
    const add = (into: Map<string, Map<string, FigureSums>>, key: string, month: string, sums: FigureSums) => {
      const byMonth = into.get(key) ?? new Map<string, FigureSums>();
      byMonth.set(month, addSums(byMonth.get(month) ?? NO_SUMS, sums));
      into.set(key, byMonth);
    };
    const measures = [...new Set(indicators.map((i) => i.measure))];
    const monthly = await Promise.all(
      measures.map((m) =>
        this.rollUps.monthlyByPath(
          m,
          indicators.filter((i) => i.measure === m).map((i) => i.id),
          months,
          root.path,
        ),
      ),
    );
    for (const r of monthly.flat()) {
      if (targetPaths.has(`${r.indicatorId}|${r.path}`)) add(own, `${r.indicatorId}|${r.path}`, r.period, r.sums);
      for (const prefix of pathPrefixes(r.path)) {
        const key = `${r.indicatorId}|${prefix}`;
        if (targetPaths.has(key)) add(subtree, key, r.period, r.sums);
      }
    }

    const risky: { target: Target; indicator: Indicator; scope: FigureScope; projected: number; shortfall: number }[] = [];
    for (const t of targets) {
      const indicator = indicatorOf.get(t.indicatorId);
      if (!indicator || !Number.isFinite(t.value)) continue;
      const scope = scopeOf.get(t.indicatorId) ?? 'SUBTREE';
      const key = `${t.indicatorId}|${t.unitPath}`;
      const byMonth = (scope === 'OWN' ? own : subtree).get(key);
      const line = projectionOf(
        indicator,
        monthFigures(indicator, months, (m) => byMonth?.get(m.key)),
        t,
      );
      if (line.atRisk && line.projected !== null) risky.push({ target: t, indicator, scope, projected: line.projected, shortfall: projectionShortfall(line.projected, t) });
    }
    if (!risky.length) return [];
    risky.sort(
      (a, b) => b.shortfall - a.shortfall || (a.target.unitPath < b.target.unitPath ? -1 : a.target.unitPath > b.target.unitPath ? 1 : 0) || a.indicator.id - b.indicator.id,
    );

    // The figures of the period of the lines at risk, and their units.
    const atRiskIndicators = [...new Map(risky.map((r) => [r.indicator.id, r.indicator])).values()];
    const kindOf = (i: Indicator) => `${i.measure}|${i.accumulation ?? 'PERIODIC'}`;
    const kinds = [...new Set(atRiskIndicators.map(kindOf))];
    const [periodRows, units] = await allInOrder([
      Promise.all(
        kinds.map((k) => {
          const same = atRiskIndicators.filter((i) => kindOf(i) === k);
          return this.rollUps.sumsByPath(
            same[0],
            same.map((i) => i.id),
            period,
            [root.path],
          );
        }),
      ),
      ctx.loaders.unit.loadMany([...new Set(risky.map((r) => r.target.unitId))]),
    ] as const);
    const unitOf = new Map(units.filter((u): u is Unit => !!u && !(u instanceof Error)).map((u) => [u.id, u]));
    const riskyPaths = new Set(risky.map((r) => `${r.indicator.id}|${r.target.unitPath}`));
    const ownSums = new Map<string, FigureSums>();
    const subtreeSums = new Map<string, FigureSums>();
    for (const r of periodRows.flat()) {
      const key = `${r.indicatorId}|${r.path}`;
      if (riskyPaths.has(key)) ownSums.set(key, addSums(ownSums.get(key) ?? NO_SUMS, r.sums));
      for (const prefix of pathPrefixes(r.path)) {
        const k = `${r.indicatorId}|${prefix}`;
        if (riskyPaths.has(k)) subtreeSums.set(k, addSums(subtreeSums.get(k) ?? NO_SUMS, r.sums));
      }
    }
    const out: Progress[] = [];
    for (const r of risky) {
      const unit = unitOf.get(r.target.unitId);
      if (!unit) continue;
      const key = `${r.indicator.id}|${r.target.unitPath}`;
      const node = progressNode(r.indicator, period, unit, r.target, subtreeSums.get(key) ?? NO_SUMS, ownSums.get(key), undefined, r.scope);
      node.projected = r.projected;
      node.atRisk = true;
      out.push(node);
    }
    return out;
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

/** "1.17.230." → "1.", "1.17.", "1.17.230.": the subtrees a row at that path lies in. */
function pathPrefixes(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) out.push(path.slice(0, i + 1));
  return out;
}
