import { projectionAtRisk, projectYearEnd, type Comparator, type FigureScope, type MonthFigure, type Period } from '@chitieu/domain';
import type { Indicator } from '../indicators/indicator.entity';
import type { Progress } from './progress.types';
import { addSums, figureOfSums, NO_SUMS, type FigureSums } from './figure-sums';
import type { RollUp } from './rollups';

/**
 * Projections on progress lines (packages/domain/src/projection.ts says how each measure is
 * projected). Figures a reorganised unit inherits from its predecessors are left out of the
 * monthly series: a projection reads the unit's own months, as recorded against it.
 */

/** A unit's monthly sums as the domain's monthly figures (months without a figure left out). */
export function monthFigures(indicator: Pick<Indicator, 'measure'>, months: Period[], sumsOf: (month: Period) => FigureSums | undefined): MonthFigure[] {
  const out: MonthFigure[] = [];
  for (const m of months) {
    const sums = sumsOf(m);
    if (sums && sums.count > 0) out.push({ month: m.month as number, figure: figureOfSums(indicator.measure, sums) });
  }
  return out;
}

/** The projection of a line from its monthly figures (own or rolled up, as its row's scope judges it), and whether it misses `target`. */
export function projectionOf(
  indicator: Pick<Indicator, 'measure' | 'accumulation'>,
  months: MonthFigure[],
  target: { value: number; comparator: Comparator } | null,
): { projected: number | null; atRisk: boolean } {
  const y = projectYearEnd(indicator, months);
  const projected = y === null || !Number.isFinite(y) ? null : y;
  return { projected, atRisk: projectionAtRisk(projected, target) };
}

/** Sets `projected` and `atRisk` on a line. */
export function project(node: Progress, indicator: Indicator, months: MonthFigure[]): void {
  Object.assign(node, projectionOf(indicator, months, node.target));
}

/**
 * Projects the line of the unit at the root of a monthly roll-up and its children's lines:
 * the root's subtree is every group of the month added up, its own figure the root's group's own.
 */
export function projectTree(top: Progress, indicator: Indicator, months: Period[], monthly: Map<string, RollUp>, scope: FigureScope): void {
  const rollUpOf = (m: Period) => monthly.get(m.key);
  const judged = (own: (r: RollUp) => FigureSums | undefined, subtree: (r: RollUp) => FigureSums | undefined) =>
    monthFigures(indicator, months, (m) => {
      const r = rollUpOf(m);
      return r && (scope === 'OWN' ? own(r) : subtree(r));
    });
  project(
    top,
    indicator,
    judged(
      (r) => r.own.get(top.unit.id),
      (r) => [...r.subtree.values()].reduce(addSums, NO_SUMS),
    ),
  );
  for (const c of top.children) {
    project(
      c,
      indicator,
      judged(
        (r) => r.own.get(c.unit.id),
        (r) => r.subtree.get(c.unit.id),
      ),
    );
  }
}
