import { ApolloLink } from '@apollo/client';
import { catchError, from, mergeMap, of, tap } from 'rxjs';
import { isNetworkError } from '../errors';
import { KEPT_ANSWERS, load, save } from './store';
import { setServedFromDevice } from './status';

/**
 * The queries of a reporter's journey (home, results, the inbox count): their last answers are
 * kept on the device, so that the results screen opens with no signal. Others (the matrix, the
 * imports, the audit…) are too large to copy on every answer and of no use on a phone offline.
 */
export const KEPT_OPERATIONS = new Set([
  'Plans',
  'Plan',
  'ReportingPlan',
  'ReporterUnit',
  'ReportingUnits',
  'RecordedFigures',
  'Reporting',
  'ReportingNotifications',
  'UnitTargets',
  'MyTargets',
  'MyTargetProgress',
  'HomeOffices',
  'UnreadNotifications',
]);

/**
 * Keeps each successful answer of those queries (per user, per variables) and, when the server
 * cannot be reached, answers from what was kept; the status store then says the screen is
 * offline. A GraphQL error (refused, not found) is the server's answer and passes through.
 */
export function offlineAnswersLink(userId: string): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const name = operation.operationName;
    const isQuery = operation.query.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'query');
    if (!isQuery || !name || !KEPT_OPERATIONS.has(name)) return forward(operation);
    const key = `${KEPT_ANSWERS}${userId}:${name}:${JSON.stringify(operation.variables ?? {})}`;
    return forward(operation).pipe(
      tap((result) => {
        if (!result.data || result.errors?.length) return;
        setServedFromDevice(false);
        void save(key, result.data);
      }),
      catchError((error: unknown) => {
        if (!isNetworkError(error)) throw error;
        return from(load<Record<string, unknown>>(key)).pipe(
          mergeMap((data) => {
            if (!data) throw error;
            setServedFromDevice(true);
            return of({ data });
          }),
        );
      }),
    );
  });
}
