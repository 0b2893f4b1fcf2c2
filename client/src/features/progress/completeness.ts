import type { ResultState } from '../../gql/graphql';

export type Completeness = 'onTime' | 'late' | 'missing' | 'notDue';

/** Where a unit stands for a period: sent on time, sent late, overdue and not sent, or not due yet. */
export function completenessOf(r: { state?: ResultState | null; late: boolean; missing: boolean }): Completeness {
  if (r.missing) return 'missing';
  if (r.late) return 'late';
  if (r.state === 'SUBMITTED' || r.state === 'APPROVED') return 'onTime';
  return 'notDue';
}

/** The counts of each, for the dashboard and the home page. */
export function completenessCounts(rows: readonly { state?: ResultState | null; late: boolean; missing: boolean }[]): Record<Completeness, number> {
  const counts: Record<Completeness, number> = { onTime: 0, late: 0, missing: 0, notDue: 0 };
  for (const r of rows) counts[completenessOf(r)]++;
  return counts;
}

/**
 * The period completeness is counted for: the dashboard's period when it is of the row's kind
 * (a month for a monthly row), else the row's latest due period (else its first).
 */
export function reportingPeriodOf(period: string, frequency: 'MONTHLY' | 'QUARTERLY' | 'YEARLY' | null, latestDue: () => string | null): string | null {
  if (!period) return null;
  const kind = /^\d{4}-Q\d$/.test(period) ? 'QUARTERLY' : /^\d{4}-\d{2}$/.test(period) ? 'MONTHLY' : 'YEARLY';
  if (!frequency || kind === frequency) return period;
  const year = period.slice(0, 4);
  return latestDue() ?? (frequency === 'MONTHLY' ? `${year}-01` : frequency === 'QUARTERLY' ? `${year}-Q1` : year);
}
