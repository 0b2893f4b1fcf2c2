/**
 * Reporting periods: a year ("2024"), a quarter ("2024-Q2") or a month ("2024-05"), and how a
 * period's figure is built from the periods inside it.
 */

import { aggregateFigures, latestStandsForPeriod, type Figure, type Measure } from './figures';
import type { Accumulation } from './plan-rows';
import { DomainError } from './errors';

export type PeriodKind = 'YEAR' | 'QUARTER' | 'MONTH';

export interface Period {
  kind: PeriodKind;
  year: number;
  quarter?: number;
  month?: number;
  /** "2024", "2024-Q2", "2024-05" */
  key: string;
}

export const MIN_PERIOD_YEAR = 1900;
export const MAX_PERIOD_YEAR = 2999;

function invalid(period: unknown): DomainError {
  return new DomainError('INVALID_PERIOD', { period: typeof period === 'string' ? period : String(period) });
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) throw invalid(year);
}

export function yearPeriod(year: number): Period {
  checkYear(year);
  return { kind: 'YEAR', year, key: String(year) };
}

export function quarterPeriod(year: number, quarter: number): Period {
  checkYear(year);
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw invalid(`${year}-Q${quarter}`);
  return { kind: 'QUARTER', year, quarter, key: `${year}-Q${quarter}` };
}

export function monthPeriod(year: number, month: number): Period {
  checkYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw invalid(`${year}-${month}`);
  return { kind: 'MONTH', year, month, quarter: Math.ceil(month / 3), key: `${year}-${String(month).padStart(2, '0')}` };
}

/**
 * Parses "YYYY", "YYYY-Qn" (n 1..4) or "YYYY-MM" (01..12), years 1900..2999. Anything else —
 * surrounding spaces, lower-case "q", "2024-5" — throws DomainError('INVALID_PERIOD', {period}).
 */
export function parsePeriod(s: string): Period {
  if (typeof s !== 'string') throw invalid(s);
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(s);
  if (!m) throw invalid(s);
  const year = Number(m[1]);
  if (year < MIN_PERIOD_YEAR || year > MAX_PERIOD_YEAR) throw invalid(s);
  if (m[2] !== undefined) return quarterPeriod(year, Number(m[2]));
  if (m[3] !== undefined) return monthPeriod(year, Number(m[3]));
  return yearPeriod(year);
}

/** Whether `s` is a valid period key. */
export function isPeriodKey(s: string): boolean {
  try {
    parsePeriod(s);
    return true;
  } catch {
    return false;
  }
}

/** YEAR → its 4 quarters, QUARTER → its 3 months, MONTH → []. In time order. */
export function subPeriods(p: Period): Period[] {
  switch (p.kind) {
    case 'YEAR':
      return [1, 2, 3, 4].map((q) => quarterPeriod(p.year, q));
    case 'QUARTER': {
      const first = ((p.quarter as number) - 1) * 3 + 1;
      return [first, first + 1, first + 2].map((m) => monthPeriod(p.year, m));
    }
    case 'MONTH':
      return [];
  }
}

/** MONTH 2024-05 → [2024-Q2, 2024]; QUARTER → [its year]; YEAR → []. Innermost first. */
export function containingPeriods(p: Period): Period[] {
  switch (p.kind) {
    case 'YEAR':
      return [];
    case 'QUARTER':
      return [yearPeriod(p.year)];
    case 'MONTH':
      return [quarterPeriod(p.year, Math.ceil((p.month as number) / 3)), yearPeriod(p.year)];
  }
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First and last calendar day (inclusive, ISO): 2024-Q2 → 2024-04-01..2024-06-30. */
export function periodRange(p: Period): { from: string; to: string } {
  let firstMonth: number;
  let lastMonth: number;
  switch (p.kind) {
    case 'YEAR':
      firstMonth = 1;
      lastMonth = 12;
      break;
    case 'QUARTER':
      firstMonth = ((p.quarter as number) - 1) * 3 + 1;
      lastMonth = firstMonth + 2;
      break;
    case 'MONTH':
      firstMonth = p.month as number;
      lastMonth = firstMonth;
      break;
  }
  return { from: isoDate(p.year, firstMonth, 1), to: isoDate(p.year, lastMonth, lastDayOfMonth(p.year, lastMonth)) };
}

/** Whether `inner` lies inside `outer` (a period contains itself). */
export function periodContains(outer: Period, inner: Period): boolean {
  if (outer.key === inner.key) return true;
  return containingPeriods(inner).some((c) => c.key === outer.key);
}

/**
 * The figure of a period: the one recorded for it if there is one; otherwise built from its
 * sub-periods, each resolved the same way (a year from its quarters, a quarter from its months),
 * so nothing is counted twice. null when nothing inside the period is recorded.
 * RATE: Σb/Σa; COUNT: sum; SCORE, PERCENT and every CUMULATIVE figure (a running total since
 * 1 January): the latest sub-period that has a figure stands for the period, never a sum.
 */
export function resolvePeriodFigure(measure: Measure, period: Period, recorded: ReadonlyMap<string, Figure>, accumulation: Accumulation = 'PERIODIC'): Figure | null {
  const own = recorded.get(period.key);
  if (own !== undefined && own !== null) return own;
  const parts: Figure[] = [];
  for (const sub of subPeriods(period)) {
    const f = resolvePeriodFigure(measure, sub, recorded, accumulation);
    if (f !== null) parts.push(f);
  }
  return combinePeriodParts(measure, parts, accumulation);
}

/** Sub-periods' figures (in time order) as their period's: the latest where it stands for the period, else aggregated. */
export function combinePeriodParts(measure: Measure, parts: readonly Figure[], accumulation: Accumulation = 'PERIODIC'): Figure | null {
  if (parts.length === 0) return null;
  if (latestStandsForPeriod(measure, accumulation)) return parts[parts.length - 1];
  return aggregateFigures(measure, parts);
}
