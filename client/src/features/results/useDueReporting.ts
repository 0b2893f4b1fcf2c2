import { useQuery } from '@apollo/client/react';
import type { Frequency } from '../../gql/graphql';
import { ReportingQuery } from './results.graphql';
import { latestDuePeriod } from './periods';

/** A plan row as the reporting lists on the home page take it. */
export interface DueRow {
  planId: string;
  year: number;
  unitId: string;
  indicator: { id: string; name: string };
  frequency: Frequency;
  dueDay: number | null;
}

/** A row's latest due period and `reporting` for it (nothing asked when no period of the year is due yet). */
export function useDueReporting({ planId, year, unitId, indicator, frequency, dueDay }: DueRow) {
  const due = latestDuePeriod(year, frequency, dueDay);
  const q = useQuery(ReportingQuery, { variables: { planId, indicatorId: indicator.id, unitId, period: due?.period ?? '' }, skip: !due });
  return { due, q };
}
