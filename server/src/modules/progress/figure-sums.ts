import { rateValue, type Figure, type Measure } from '@chitieu/domain';
import { createLogger } from '../../common/logger';

/**
 * The additive parts of a roll-up for one group of units: the sums of numerators, denominators
 * and values, and how many units (or, for RATE and COUNT, recorded rows) took part. Sums of
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
  return { numerator: null, denominator: null, value: measure === 'SCORE' ? s.values / s.count : s.values };
}

/**
 * A unit's sums with its predecessors' part added (RATE, COUNT); for SCORE the unit's own scores
 * when it has any in the period, else its predecessors' (the latest stands for the period).
 */
export function withInherited(measure: Measure, own: FigureSums, inherited: FigureSums | undefined): { sums: FigureSums; fromPredecessors: boolean } {
  if (!inherited || inherited.count === 0) return { sums: own, fromPredecessors: false };
  if (measure === 'SCORE') return own.count > 0 ? { sums: own, fromPredecessors: false } : { sums: inherited, fromPredecessors: true };
  return { sums: addSums(own, inherited), fromPredecessors: true };
}
