import { latestStandsForPeriod, meanAcrossUnits, rateValue, type Accumulation, type Figure, type Measure } from '@chitieu/domain';
import { createLogger } from '../../common/logger';

/** How an indicator's figures add up: its measure, and whether each figure is a running total (CUMULATIVE). */
export interface FigureRule {
  measure: Measure;
  accumulation?: Accumulation | null;
}

/** Whether each unit's latest kept figure stands for the period (SCORE, PERCENT, CUMULATIVE) rather than the sum of its rows. */
export function takesLatest(rule: FigureRule): boolean {
  return latestStandsForPeriod(rule.measure, rule.accumulation ?? 'PERIODIC');
}

/**
 * The additive parts of a roll-up for one group of units: the sums of numerators, denominators
 * and values, and how many units (or, for periodic RATE and COUNT, recorded rows) took part. Sums of
 * groups add up; a figure is made of them (figureOfSums).
 */
export interface FigureSums {
  numerators: number;
  denominators: number;
  values: number;
  count: number;
}

export const NO_SUMS: FigureSums = { numerators: 0, denominators: 0, values: 0, count: 0 };

/** The columns every sums statement selects (rollup-sql.ts), read by readSums. */
export type SumsRow = { numerators: unknown; denominators: unknown; valueSum: unknown; rowCount: unknown };

/** Warnings about figures that cannot be right (LOG_LEVEL as the server's). */
export const progressLog = createLogger(process.env.LOG_LEVEL ?? 'info');

/**
 * Sums as the database returns them. A non-finite part (an Infinity stored before figures were
 * bounded, or a SUM that overflowed) is no figure at all: progress still answers, and the log
 * says which group to repair (migration FiniteNumbers1765000000000 does it).
 */
export function readSums(r: SumsRow, where: string): FigureSums {
  const sums = { numerators: Number(r.numerators ?? 0), denominators: Number(r.denominators ?? 0), values: Number(r.valueSum ?? 0), count: Number(r.rowCount) };
  if (Number.isFinite(sums.numerators) && Number.isFinite(sums.denominators) && Number.isFinite(sums.values) && Number.isFinite(sums.count)) return sums;
  progressLog.warn(
    { where, sums: { numerators: String(r.numerators), denominators: String(r.denominators), values: String(r.valueSum) } },
    'non-finite result figures read: counted as no figure',
  );
  return NO_SUMS;
}

export function addSums(x: FigureSums, y: FigureSums): FigureSums {
  return { numerators: x.numerators + y.numerators, denominators: x.denominators + y.denominators, values: x.values + y.values, count: x.count + y.count };
}

/** The figure of a group from its sums, as aggregateFigures would make it from each unit's own figure. */
export function figureOfSums(measure: Measure, s: FigureSums | undefined): Figure {
  if (!s || s.count === 0) return { numerator: null, denominator: null, value: null };
  if (measure === 'RATE') return { numerator: s.numerators, denominator: s.denominators, value: rateValue(s.numerators, s.denominators) };
  return { numerator: null, denominator: null, value: meanAcrossUnits(measure) ? s.values / s.count : s.values };
}

/**
 * A unit's sums with its predecessors' part added (periodic RATE, COUNT); where the latest figure
 * stands for the period (SCORE, PERCENT, CUMULATIVE) the unit's own figures when it has any in the
 * period, else its predecessors'.
 */
export function withInherited(rule: FigureRule, own: FigureSums, inherited: FigureSums | undefined): { sums: FigureSums; fromPredecessors: boolean } {
  if (!inherited || inherited.count === 0) return { sums: own, fromPredecessors: false };
  if (takesLatest(rule)) return own.count > 0 ? { sums: own, fromPredecessors: false } : { sums: inherited, fromPredecessors: true };
  return { sums: addSums(own, inherited), fromPredecessors: true };
}
