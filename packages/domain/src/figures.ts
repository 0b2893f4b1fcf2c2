/**
 * Figures (what a unit achieved), how they add up, and how they compare with targets.
 * Nothing here rounds: values and gaps are plain numbers.
 */

import { foldVietnamese, isAgency, type UnitKind } from './units';
import type { Accumulation, FigureScope } from './plan-rows';

/** PERCENT: a percentage published as a value with no counts behind it (a satisfaction index). */
export type Measure = 'RATE' | 'SCORE' | 'COUNT' | 'PERCENT';
export type Comparator = 'AT_LEAST' | 'GREATER_THAN' | 'AT_MOST' | 'EQUAL';

export const MEASURES: readonly Measure[] = ['RATE', 'SCORE', 'COUNT', 'PERCENT'];
export const COMPARATORS: readonly Comparator[] = ['AT_LEAST', 'GREATER_THAN', 'AT_MOST', 'EQUAL'];

/**
 * RATE: numerator b, denominator a, value 100·b/a (null when a = 0: "không có hồ sơ phát
 * sinh", not applicable). SCORE and COUNT: value only.
 */
export interface Figure {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export const EMPTY_FIGURE: Readonly<Figure> = Object.freeze({ numerator: null, denominator: null, value: null });

function isNum(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** 100·b/a; null when a = 0 or either is missing. 800/1000 → 80. */
export function rateValue(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (!isNum(numerator) || !isNum(denominator) || denominator === 0) return null;
  // Multiply first: with whole counts 100·b is exact, so an exact ratio gives an exact value.
  return (100 * numerator) / denominator;
}

export function figureOf(measure: Measure, input: { numerator?: number | null; denominator?: number | null; value?: number | null }): Figure {
  if (measure === 'RATE') {
    const numerator = input.numerator ?? null;
    const denominator = input.denominator ?? null;
    return { numerator, denominator, value: rateValue(numerator, denominator) };
  }
  return { numerator: null, denominator: null, value: input.value ?? null };
}

/**
 * Figures of several units or periods taken together.
 * RATE: Σb/Σa over the figures that have a denominator — never the mean of percentages;
 * SCORE and PERCENT: mean of the values present; COUNT: sum of the counts present.
 */
export function aggregateFigures(measure: Measure, figures: readonly Figure[]): Figure {
  if (figures.length === 0) return { ...EMPTY_FIGURE };
  if (measure === 'RATE') {
    let numerator = 0;
    let denominator = 0;
    let any = false;
    for (const f of figures) {
      if (!isNum(f.denominator)) continue;
      any = true;
      denominator += f.denominator;
      numerator += isNum(f.numerator) ? f.numerator : 0;
    }
    if (!any) return { ...EMPTY_FIGURE };
    return { numerator, denominator, value: rateValue(numerator, denominator) };
  }
  const values = figures.map((f) => f.value).filter(isNum);
  if (values.length === 0) return { ...EMPTY_FIGURE };
  const sum = values.reduce((s, v) => s + v, 0);
  return { numerator: null, denominator: null, value: measure === 'COUNT' ? sum : sum / values.length };
}

/** SCORE and PERCENT add up across units as a mean of each unit's value; RATE and COUNT as sums. */
export function meanAcrossUnits(measure: Measure): boolean {
  return measure === 'SCORE' || measure === 'PERCENT';
}

/**
 * Whether a period's figure is the latest one recorded inside it rather than built by adding its
 * sub-periods: a score or a published percentage stands for the period it ends, and a
 * CUMULATIVE figure is already the running total since 1 January.
 */
export function latestStandsForPeriod(measure: Measure, accumulation: Accumulation = 'PERIODIC'): boolean {
  return meanAcrossUnits(measure) || accumulation === 'CUMULATIVE';
}

/** The figure a target is judged on: the unit's own (scope OWN) or its rolled-up one (SUBTREE). */
export function judgedFigure<F>(scope: FigureScope | null | undefined, figures: { own: F; rolledUp: F }): F {
  return scope === 'OWN' ? figures.own : figures.rolledUp;
}

export const EQUAL_EPSILON = 1e-9;

/** Whether `value` meets `target`: ≥, >, ≤, or = within 1e-9. */
export function meetsTarget(comparator: Comparator, value: number, target: number): boolean {
  switch (comparator) {
    case 'AT_LEAST':
      return value >= target;
    case 'GREATER_THAN':
      return value > target;
    case 'AT_MOST':
      return value <= target;
    case 'EQUAL':
      return Math.abs(value - target) <= EQUAL_EPSILON;
  }
}

export type ProgressStatus = 'ACHIEVED' | 'NOT_ACHIEVED' | 'NO_DATA' | 'NOT_APPLICABLE' | 'NO_TARGET';

export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['ACHIEVED', 'NOT_ACHIEVED', 'NO_DATA', 'NOT_APPLICABLE', 'NO_TARGET'];

/**
 * In this order: NO_TARGET (no target in the plan), NO_DATA (nothing recorded), NOT_APPLICABLE
 * (a figure without a value: Σa = 0), else ACHIEVED / NOT_ACHIEVED by the target's comparator.
 */
export function progressStatus(args: { target: { value: number; comparator: Comparator } | null; hasData: boolean; figure: Figure }): ProgressStatus {
  if (args.target === null || args.target === undefined) return 'NO_TARGET';
  if (!args.hasData) return 'NO_DATA';
  const v = args.figure.value;
  if (!isNum(v)) return 'NOT_APPLICABLE';
  return meetsTarget(args.target.comparator, v, args.target.value) ? 'ACHIEVED' : 'NOT_ACHIEVED';
}

/**
 * value − target (percentage points for rates), only for ACHIEVED / NOT_ACHIEVED.
 * `target` may be the target object or its value.
 */
export function progressGap(status: ProgressStatus, figure: Figure, target: { value: number } | number | null | undefined): number | null {
  if (status !== 'ACHIEVED' && status !== 'NOT_ACHIEVED') return null;
  const t = typeof target === 'number' ? target : target?.value;
  if (!isNum(figure.value) || !isNum(t)) return null;
  return figure.value - t;
}

/** True when a hard minimum exists, the value exists, and the value is below it. */
export function belowHardMinimum(hardMinimum: number | null | undefined, value: number | null | undefined): boolean {
  return isNum(hardMinimum) && isNum(value) && value < hardMinimum;
}

/** Whether a higher value is the better one under this comparator (all but AT_MOST). */
export function higherIsBetter(comparator: Comparator): boolean {
  return comparator !== 'AT_MOST';
}

/**
 * Competition ranking ("1, 1, 3"), best first: highest first unless AT_MOST (lowest first).
 * A null value gets a null rank and does not take a place. Ranks are returned in input order.
 */
export function rankByComparator(values: readonly (number | null)[], comparator: Comparator): (number | null)[] {
  const sign = higherIsBetter(comparator) ? -1 : 1;
  const ranked = values
    .map((v, i) => ({ v, i }))
    .filter((e): e is { v: number; i: number } => isNum(e.v))
    .sort((x, y) => sign * (x.v - y.v));
  const ranks: (number | null)[] = values.map(() => null);
  ranked.forEach((e, pos) => {
    const prev = ranked[pos - 1];
    ranks[e.i] = prev !== undefined && prev.v === e.v ? (ranks[prev.i] as number) : pos + 1;
  });
  return ranks;
}

/** The group a unit is ranked in: agencies apart from territorial units, as the decisions evaluate them. */
export type RankGroup = 'AGENCY' | 'TERRITORIAL';

export function rankGroup(kind: UnitKind): RankGroup {
  return isAgency(kind) ? 'AGENCY' : 'TERRITORIAL';
}

/**
 * rankByComparator within each group of siblings (agencies apart from territorial units): ranks
 * restart at 1 in every group. `groups[i]` is the group of `values[i]`; ranks in input order.
 */
export function rankInGroups<G>(values: readonly (number | null)[], groups: readonly G[], comparator: Comparator): (number | null)[] {
  const ranks: (number | null)[] = values.map(() => null);
  for (const g of new Set(groups)) {
    const at = groups.flatMap((x, i) => (x === g ? [i] : []));
    const inGroup = rankByComparator(
      at.map((i) => values[i]),
      comparator,
    );
    at.forEach((i, k) => (ranks[i] = inGroup[k]));
  }
  return ranks;
}

/**
 * A SCORE rule is data the province writes: labelled steps, e.g. "Ban hành văn bản trong 15
 * ngày" → 100, "Ban hành sau 30 ngày" → 50, "Còn lại" → 0.
 */
export interface ScoreStep {
  when: string;
  score: number;
}

/** The distinct scores a rule allows, in the rule's order. */
export function scoreOptions(rule: readonly ScoreStep[]): number[] {
  const out: number[] = [];
  for (const s of rule) if (!out.includes(s.score)) out.push(s.score);
  return out;
}

/**
 * The score of the step that applies. `step` names it by position in the rule (0-based) or by
 * its label (compared ignoring case, diacritics and spacing); null when nothing matches.
 */
export function scoreFromRule(rule: readonly ScoreStep[], step: number | string | null | undefined): number | null {
  if (typeof step === 'number') {
    return Number.isInteger(step) && step >= 0 && step < rule.length ? rule[step].score : null;
  }
  if (typeof step !== 'string') return null;
  const key = foldVietnamese(step);
  const found = rule.find((s) => foldVietnamese(s.when) === key);
  return found ? found.score : null;
}

/** Whether `score` is one the rule allows. */
export function isAllowedScore(rule: readonly ScoreStep[], score: number): boolean {
  return rule.some((s) => s.score === score);
}
