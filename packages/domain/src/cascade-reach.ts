/**
 * "Đạt chỉ tiêu của cấp trên": the smallest uniform uplift of a baseline policy that makes the
 * children's implied aggregate (IMPLIED_AGGREGATE_SHORT's, weighted by last year's denominators)
 * meet the parent's own target.
 */

import { suggestFromBaseline } from './cascade';
import { EQUAL_EPSILON, meetsTarget, type Comparator } from './figures';
import { impliedAggregate } from './validation';

/**
 * The uplift moves in whole points: the documents give targets in whole percent
 * ("≥ 95%"), and ceil(baseline) + a whole uplift stays whole.
 */
export const REACH_STEP = 1;

export interface ReachChild {
  /** A value the uplift does not move (an override, a kept manual target); null or absent: the policy's. */
  fixed?: number | null;
  /** Last year's actual; none: the child gets its floor whatever the uplift (suggestFromBaseline). */
  baseline: number | null;
  floor: number | null;
  /** Last year's denominator a; null: every child weighs the same (as impliedAggregate). */
  weight: number | null;
}

export interface ReachResult {
  /** The uplift to apply: the one asked for when it already reaches, else the smallest that does (or the caps'). */
  uplift: number;
  /** The children's implied aggregate at that uplift; null without children. */
  implied: number | null;
  /** false: even every child at its cap (AT_MOST: at its floor) falls short. */
  reachable: boolean;
}

/**
 * Value_i(u) = min(cap, max(floor_i, ceil(baseline_i) + u)), fixed children as they are; the
 * aggregate is non-decreasing in u, so the smallest k with uplift + k·step reaching the target
 * is found by bisection between the uplift asked for and the one where every child is capped.
 * AT_MOST mirrors it (the uplift goes down until the aggregate lies at or below the target);
 * EQUAL asks for at least the target.
 * Example: baselines 40 and 60, weights 1 and 3, floors 30, target 58 → +1 gives 41 and 61,
 * (41 + 183) / 4 = 56; +3 gives (43 + 189) / 4 = 58: the uplift is 3.
 */
export function upliftToReachParent(args: {
  children: readonly ReachChild[];
  parentTarget: number;
  comparator: Comparator;
  /** The policy's cap (the measure's maximum when the policy gives none). */
  cap: number;
  /** The uplift asked for; the answer never goes below it (AT_MOST: above it). Default 0. */
  uplift?: number | null;
}): ReachResult {
  const { children, parentTarget, cap } = args;
  const start = args.uplift ?? 0;
  const down = args.comparator === 'AT_MOST';
  const comparator: Comparator = args.comparator === 'EQUAL' ? 'AT_LEAST' : args.comparator;
  const valueAt = (c: ReachChild, uplift: number) => (isNum(c.fixed) ? c.fixed : suggestFromBaseline(c.baseline, c.floor, { uplift, cap }));
  const impliedAt = (uplift: number) => impliedAggregate(children.map((c) => ({ value: valueAt(c, uplift), weight: c.weight })));
  const meets = (implied: number) => meetsTarget(comparator, Math.abs(implied - parentTarget) <= EQUAL_EPSILON ? parentTarget : implied, parentTarget);
  const upliftOf = (k: number) => start + (down ? -k : k) * REACH_STEP;

  const implied0 = impliedAt(start);
  if (implied0 === null) return { uplift: start, implied: null, reachable: false };
  if (meets(implied0)) return { uplift: start, implied: implied0, reachable: true };
  // Beyond `last` steps no moving child changes any more (all at the cap, or all at the floor).
  let last = 0;
  for (const c of children) {
    if (isNum(c.fixed) || !isNum(c.baseline)) continue;
    const room = down ? Math.ceil(c.baseline) + start - (c.floor ?? 0) : cap - Math.ceil(c.baseline) - start;
    last = Math.max(last, Math.ceil(room / REACH_STEP));
  }
  const best = impliedAt(upliftOf(last))!;
  if (!meets(best)) return { uplift: upliftOf(last), implied: best, reachable: false };
  let lo = 0; // falls short
  let hi = last; // reaches
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (meets(impliedAt(upliftOf(mid))!)) hi = mid;
    else lo = mid;
  }
  return { uplift: upliftOf(hi), implied: impliedAt(upliftOf(hi)), reachable: true };
}

function isNum(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}
