/**
 * Early warning (docs/spec/api.md, "Between offices"): the year-end figure expected at the pace of
 * the months recorded so far, and whether it misses the target.
 *
 * By measure and accumulation (figures.ts):
 * - RATE (PERIODIC or CUMULATIVE): a least-squares line through the monthly rates, each weighted
 *   by its denominator (a month of 1,000 dossiers counts more than a month of 10), read at month
 *   12 and clamped to 0..100. A CUMULATIVE rate's months are running rates, fitted the same way.
 * - COUNT, PERIODIC: the months add up to the year, so the year goes on at the average pace so
 *   far: (sum of the months recorded) × 12 / (the last month recorded); months left blank before
 *   it count as nothing done.
 * - COUNT, CUMULATIVE: each month is the running total since 1 January: a least-squares line
 *   through the running totals (unweighted), read at month 12, never below 0.
 * - SCORE and PERCENT (a value that stands for its period): a least-squares line through the
 *   monthly values, read at month 12, clamped to 0..100 (figureRange).
 * A month counts when it has a figure with a value (a RATE month with a denominator of 0 has
 * none). With fewer than three months there is no projection (null).
 */

import { meetsTarget, type Comparator, type Figure, type Measure } from './figures';
import { figureRange } from './numbers';
import type { Accumulation } from './plan-rows';
import { periodRange, type Period } from './periods';

/** A month of the plan year (1..12) and the figure recorded for it. */
export interface MonthFigure {
  month: number;
  figure: Figure;
}

/** Fewer months than this give no projection. */
export const MIN_PROJECTION_MONTHS = 3;

/**
 * The least-squares line y = a + b·x through the points, each with its weight (all 1: ordinary
 * least squares), read at `at`. null when the weights sum to 0 or all the x are equal.
 */
export function leastSquaresAt(points: readonly { x: number; y: number; w?: number }[], at: number): number | null {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    const w = p.w ?? 1;
    sw += w;
    sx += w * p.x;
    sy += w * p.y;
  }
  if (!(sw > 0)) return null;
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    const w = p.w ?? 1;
    sxx += w * (p.x - mx) ** 2;
    sxy += w * (p.x - mx) * (p.y - my);
  }
  if (!(sxx > 0)) return null;
  return my + (sxy / sxx) * (at - mx);
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

/**
 * The year-end figure expected from the monthly figures of one unit (own or rolled up, whichever
 * its target is judged on), by the rules above; null with fewer than three months.
 */
export function projectYearEnd(rule: { measure: Measure; accumulation?: Accumulation | null }, months: readonly MonthFigure[]): number | null {
  const usable = months
    .filter((m) => Number.isInteger(m.month) && m.month >= 1 && m.month <= 12)
    .filter((m) => typeof m.figure.value === 'number' && Number.isFinite(m.figure.value))
    .filter((m) => rule.measure !== 'RATE' || (typeof m.figure.denominator === 'number' && m.figure.denominator > 0));
  if (new Set(usable.map((m) => m.month)).size < MIN_PROJECTION_MONTHS) return null;
  const { min, max } = figureRange(rule.measure);
  if (rule.measure === 'RATE') {
    const y = leastSquaresAt(
      usable.map((m) => ({ x: m.month, y: m.figure.value as number, w: m.figure.denominator as number })),
      12,
    );
    return y === null ? null : clamp(y, min, max);
  }
  if (rule.measure === 'COUNT' && (rule.accumulation ?? 'PERIODIC') === 'PERIODIC') {
    const sum = usable.reduce((s, m) => s + (m.figure.value as number), 0);
    const last = Math.max(...usable.map((m) => m.month));
    return (sum * 12) / last;
  }
  // CUMULATIVE counts (running totals), SCORE and PERCENT: the plain trend to December.
  const y = leastSquaresAt(
    usable.map((m) => ({ x: m.month, y: m.figure.value as number })),
    12,
  );
  return y === null ? null : clamp(y, min, max);
}

/**
 * The months of `period`'s year a projection reads: up to the end of a month or quarter; for a
 * year, up to December, or up to `today`'s month when it is the current year.
 */
export function projectionMonths(period: Period, today: Date = new Date()): number[] {
  let last = Number(periodRange(period).to.slice(5, 7));
  if (period.kind === 'YEAR' && today.getUTCFullYear() === period.year) last = today.getUTCMonth() + 1;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/** A projection misses its target under the target's comparator (as status NOT_ACHIEVED would); no projection or no target, no risk. */
export function projectionAtRisk(projected: number | null, target: { value: number; comparator: Comparator } | null | undefined): boolean {
  if (projected === null || !target || !Number.isFinite(target.value)) return false;
  return !meetsTarget(target.comparator, projected, target.value);
}

/**
 * How badly a projection misses: |target − projected| relative to |target| (absolute when the
 * target is 0); 0 when it does not miss. atRisk lists the worst first.
 */
export function projectionShortfall(projected: number | null, target: { value: number; comparator: Comparator } | null | undefined): number {
  if (!projectionAtRisk(projected, target)) return 0;
  const miss = Math.abs(target!.value - (projected as number));
  return target!.value === 0 ? miss : miss / Math.abs(target!.value);
}
