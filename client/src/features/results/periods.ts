import { dueDateOf, parsePeriod, periodsOfYear } from '@chitieu/domain';
import type { Frequency } from '../../gql/graphql';

type T = (key: 'reporting.period' | 'progress.periodQuarter' | 'progress.periodYear', params?: Record<string, string | number>) => string;

/** "03/2022", "Quý 1/2022", "Cả năm 2022": how the pickers and messages name a period. */
export function periodLabel(key: string, t: T): string {
  const p = parsePeriod(key);
  if (p.kind === 'MONTH') return `${String(p.month).padStart(2, '0')}/${p.year}`;
  if (p.kind === 'QUARTER') return `${t('progress.periodQuarter', { q: p.quarter! })}/${p.year}`;
  return `${t('progress.periodYear')} ${p.year}`;
}

/** The periods a row is reported for (months when the row does not say). */
export function periodChoices(year: number, frequency: Frequency | null, t: T) {
  return periodsOfYear(frequency ?? 'MONTHLY', year).map((p) => ({ value: p.key, label: periodLabel(p.key, t) }));
}

/**
 * The period the results page opens on: the latest period that has ended (what is being reported
 * now): in the current year the last one before today, in a past year its last one; in a year
 * still to come its first.
 */
export function defaultPeriod(year: number, frequency: Frequency | null, today = new Date()): string {
  const periods = periodsOfYear(frequency ?? 'MONTHLY', year);
  if (year > today.getUTCFullYear()) return periods[0].key;
  const iso = today.toISOString().slice(0, 10);
  const ended = periods.filter((p) => dueDateOf(p, 0) < iso);
  return (ended.at(-1) ?? periods[0]).key;
}

/** The latest period of the year whose figures are already due (null: none yet). */
export function latestDuePeriod(year: number, frequency: Frequency, dueDay: number | null, today = new Date()): { period: string; dueDate: string } | null {
  const iso = today.toISOString().slice(0, 10);
  const due = periodsOfYear(frequency, year)
    .map((p) => ({ period: p.key, dueDate: dueDateOf(p, dueDay) }))
    .filter((p) => p.dueDate < iso);
  return due.at(-1) ?? null;
}
