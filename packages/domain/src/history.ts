import { aggregateFigures, type Figure, type Measure } from './figures';
import { combinePeriodParts, periodRange, resolvePeriodFigure, subPeriods, type Period } from './periods';
import type { Accumulation } from './plan-rows';

export interface FigureAcross {
  figure: Figure | null;
  /** Some of the figure comes from the units this one was formed from. */
  fromPredecessors: boolean;
}

/**
 * A unit's figure for a period that may reach back before the unit existed (it was formed on
 * `since` by a reorganisation): the part of the period from `since` on is the unit's own (the
 * usual period rule), the part before it is built from its predecessors — Σb/Σa for rates and
 * sums for counts over all of them (a CUMULATIVE indicator: of each one's latest running total),
 * the mean of their scores and percentages. A period that straddles `since`
 * is split into its quarters and months, so 2025 joins the old units' January–June with the
 * new unit's July–December. `since` null (never reorganised): the own figure alone.
 */
export function figureAcross(
  measure: Measure,
  period: Period,
  since: string | null,
  own: ReadonlyMap<string, Figure>,
  predecessors: readonly ReadonlyMap<string, Figure>[],
  accumulation: Accumulation = 'PERIODIC',
): FigureAcross {
  const { from, to } = periodRange(period);
  if (!since || since <= from || predecessors.length === 0) return { figure: resolvePeriodFigure(measure, period, own, accumulation), fromPredecessors: false };
  if (to < since) {
    const parts = predecessors.map((p) => resolvePeriodFigure(measure, period, p, accumulation)).filter((f): f is Figure => f !== null);
    return { figure: parts.length ? aggregateFigures(measure, parts) : null, fromPredecessors: parts.length > 0 };
  }
  const subs = subPeriods(period);
  // A month that straddles `since` counts as the unit's own (reorganisations take effect on the 1st).
  if (subs.length === 0) return { figure: resolvePeriodFigure(measure, period, own, accumulation), fromPredecessors: false };
  const parts = subs.map((p) => figureAcross(measure, p, since, own, predecessors, accumulation));
  const figures = parts.map((p) => p.figure).filter((f): f is Figure => f !== null);
  if (!figures.length) return { figure: null, fromPredecessors: false };
  return {
    figure: combinePeriodParts(measure, figures, accumulation),
    fromPredecessors: parts.some((p) => p.fromPredecessors),
  };
}

/**
 * The largest periods inside `period` that end before `since` (a reorganisation's first day): the
 * part of the period a unit formed on `since` takes from its predecessors. 2025 with 2025-07-01 →
 * Q1, Q2; with 2025-08-01 → Q1, Q2, July. A month that straddles `since` is the unit's own, as in
 * figureAcross; SQL roll-ups sum these pieces each under its own period rule.
 */
export function periodsBefore(period: Period, since: string): Period[] {
  const { from, to } = periodRange(period);
  if (to < since) return [period];
  if (from >= since) return [];
  return subPeriods(period).flatMap((p) => periodsBefore(p, since));
}
