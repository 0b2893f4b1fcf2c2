import { monthPeriod, periodRange, quarterPeriod, yearPeriod, type Period } from './periods';
import type { Frequency, ResultState } from './offices';

/** Days after a period ends that its results are due when the plan row does not say (PlanIndicator.dueDay). */
export const DEFAULT_DUE_DAY = 5;
/** The largest due day a row may set: a quarter's figures may be due up to two months later. */
export const MAX_DUE_DAY = 60;

/** The day (YYYY-MM-DD) results of `period` are due: `dueDay` days after its last day. */
export function dueDateOf(period: Period, dueDay: number | null | undefined): string {
  const { to } = periodRange(period);
  const [y, m, d] = to.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + (dueDay ?? DEFAULT_DUE_DAY))).toISOString().slice(0, 10);
}

/** The periods of `year` a row of this frequency is reported for, in order. */
export function periodsOfYear(frequency: Frequency, year: number): Period[] {
  if (frequency === 'YEARLY') return [yearPeriod(year)];
  if (frequency === 'QUARTERLY') return [1, 2, 3, 4].map((q) => quarterPeriod(year, q));
  return Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
}

/** Whether a figure was sent: submitted, and approved after that, both count. */
export function isSent(state: ResultState | null | undefined): boolean {
  return state === 'SUBMITTED' || state === 'APPROVED';
}

/** Whether a unit's figure of a period came late or is missing (ReportingRow.late / missing). */
export interface Lateness {
  late: boolean;
  missing: boolean;
}

/**
 * Late: submitted (the Vietnam day of `submittedDay`, YYYY-MM-DD) after `dueDate`. Missing: the due
 * date has passed (`today` in Vietnam) and the figure is not sent (absent, DRAFT or RETURNED).
 */
export function latenessOf(dueDate: string, state: ResultState | null | undefined, submittedDay: string | null, today: string): Lateness {
  return { late: submittedDay !== null && submittedDay > dueDate, missing: !isSent(state) && today > dueDate };
}
