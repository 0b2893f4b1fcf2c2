import { In, type DataSource } from 'typeorm';
import {
  aggregateFigures, belowHardMinimum, parsePeriod, progressGap, progressStatus, rankByComparator, resolvePeriodFigure, subPeriods,
  yearPeriod, type Figure, type Period,
} from '@chitieu/domain';
import { ResultRow } from '../results/result.entity';
import { Unit } from '../units/unit.entity';
import { Target } from '../targets/target.entity';
import type { Indicator } from '../indicators/indicator.entity';
import type { Progress } from './progress.types';
import { planTreeDate } from '../plans/plans.service';
import { pathIds, subtreeEnd } from '../../common/scope';
import type { AuthedContext } from '../../common/context';

/** A period's key and the keys of every period inside it (a year: itself, 4 quarters, 12 months). */
export function periodKeys(p: Period): string[] {
  return [p.key, ...subPeriods(p).flatMap(periodKeys)];
}

/** Each unit's own figure for a period in a subtree, with its path: the input of every roll-up. */
interface UnitFigure {
  unitId: number;
  path: string;
  figure: Figure;
}

export class ProgressService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Every unit's own figure for `period` in the subtree of `root`: one range scan on
   * (indicatorId, period, unitPath), then the period rule (recorded, else built from the
   * periods inside it) per unit in memory.
   */
  async subtreeFigures(indicator: Indicator, period: Period, root: Unit): Promise<UnitFigure[]> {
    const rows = await this.ds.getRepository(ResultRow).createQueryBuilder('r')
      .select(['r.unitId', 'r.unitPath', 'r.period', 'r.numerator', 'r.denominator', 'r.value'])
      .where('r.indicatorId = :iid', { iid: indicator.id })
      .andWhere('r.period IN (:...keys)', { keys: periodKeys(period) })
      .andWhere('r.unitPath >= :lo AND r.unitPath < :hi', { lo: root.path, hi: subtreeEnd(root.path) })
      .getMany();
    const byUnit = new Map<number, { path: string; recorded: Map<string, Figure> }>();
    for (const r of rows) {
      let entry = byUnit.get(r.unitId);
      if (!entry) byUnit.set(r.unitId, (entry = { path: r.unitPath, recorded: new Map() }));
      entry.recorded.set(r.period, { numerator: r.numerator, denominator: r.denominator, value: r.value });
    }
    const out: UnitFigure[] = [];
    for (const [unitId, { path, recorded }] of byUnit) {
      const figure = resolvePeriodFigure(indicator.measure, period, recorded);
      if (figure) out.push({ unitId, path, figure });
    }
    return out;
  }

  /** Rolled-up denominators of `year` for sibling units: the weights of IMPLIED_AGGREGATE_SHORT. */
  async denominators(indicator: Indicator, year: number, siblings: Unit[]): Promise<Map<number, number>> {
    const weights = new Map<number, number>();
    if (indicator.measure !== 'RATE' || !siblings.length || siblings[0].parentId === null) return weights;
    const parent = await this.ds.getRepository(Unit).findOneBy({ id: siblings[0].parentId });
    if (!parent) return weights;
    const figures = await this.subtreeFigures(indicator, yearPeriod(year), parent);
    const grouped = groupByChild(parent, siblings, figures);
    for (const s of siblings) {
      const d = aggregateFigures('RATE', grouped.get(s.id) ?? []).denominator;
      if (d !== null && d > 0) weights.set(s.id, d);
    }
    return weights;
  }

  async progress(ctx: AuthedContext, args: { planId: string; indicatorId: string; unitId: string; period?: string | null }): Promise<Progress> {
    const plan = await ctx.services.plans.get(ctx, args.planId);
    const row = await ctx.services.plans.planIndicator(ctx, plan, args.indicatorId);
    const indicator = await ctx.services.indicators.get(ctx, row.indicatorId);
    const unit = await ctx.services.units.getInSubtree(ctx, args.unitId);
    const period = parsePeriod(args.period ?? String(plan.year));
    const children = await ctx.services.units.childrenOn(unit.id, planTreeDate(plan.year));
    const targets = await this.ds.getRepository(Target).findBy({ planId: plan.id, indicatorId: indicator.id, unitId: In([unit.id, ...children.map((c) => c.id)]) });
    const targetOf = new Map(targets.map((t) => [t.unitId, t]));
    const figures = await this.subtreeFigures(indicator, period, unit);
    const grouped = groupByChild(unit, children, figures);
    const ownOf = new Map(figures.map((f) => [f.unitId, f.figure]));

    const node = (u: Unit, subtree: UnitFigure['figure'][]): Progress => {
      const target = targetOf.get(u.id) ?? null;
      const rolledUp = aggregateFigures(indicator.measure, subtree);
      const status = progressStatus({ target: target && { value: target.value, comparator: target.comparator }, hasData: subtree.length > 0, figure: rolledUp });
      return {
        unit: u,
        indicator,
        period: period.key,
        target,
        own: ownOf.get(u.id) ?? { numerator: null, denominator: null, value: null },
        rolledUp,
        status,
        gap: target ? progressGap(status, rolledUp, target.value) : null,
        belowHardMinimum: belowHardMinimum(indicator.hardMinimum, rolledUp.value),
        rank: null,
        children: [],
      };
    };
    const top = node(unit, figures.map((f) => f.figure));
    top.children = children.map((c) => node(c, grouped.get(c.id) ?? []));
    const comparator = targetOf.get(unit.id)?.comparator ?? indicator.comparator;
    const ranks = rankByComparator(top.children.map((c) => c.rolledUp.value), comparator);
    top.children.forEach((c, i) => (c.rank = ranks[i]));
    top.children.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
    return top;
  }
}

/** Assigns each figure in the subtree of `root` to the child of `root` it lies under (by the next id on its path). */
function groupByChild(root: Unit, children: Unit[], figures: UnitFigure[]): Map<number, Figure[]> {
  const depth = pathIds(root.path).length;
  const wanted = new Set(children.map((c) => c.id));
  const grouped = new Map<number, Figure[]>();
  for (const f of figures) {
    const childId = pathIds(f.path)[depth];
    if (childId === undefined || !wanted.has(childId)) continue;
    const list = grouped.get(childId);
    if (list) list.push(f.figure);
    else grouped.set(childId, [f.figure]);
  }
  return grouped;
}
