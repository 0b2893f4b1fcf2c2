import { useCallback, useEffect, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { MatrixFactsQuery } from '../../plans.graphql';
import type { MatrixFact } from '../matrix.types';

/**
 * The facts (annex extra columns) of the matrix's targets, one query per row that declares fact
 * columns: a subtree's targets of every row with their facts would cost more than the query
 * limit allows (server/src/common/complexity.ts), one row's are a few hundred.
 */
export function useMatrixFacts(planId: string, unitId: string | undefined, indicatorIds: readonly string[]) {
  const client = useApolloClient();
  const [facts, setFacts] = useState<ReadonlyMap<string, readonly MatrixFact[]>>(new Map());
  const ids = indicatorIds.join(',');
  const refetch = useCallback(async () => {
    if (!unitId || !ids) return;
    const parts = await Promise.all(
      ids.split(',').map((indicatorId) => client.query({ query: MatrixFactsQuery, variables: { planId, unitId, indicatorId }, fetchPolicy: 'network-only' })),
    );
    setFacts(new Map(parts.flatMap((p) => p.data?.targets ?? []).map((tg) => [tg.id, tg.facts])));
  }, [client, planId, unitId, ids]);
  useEffect(() => {
    void refetch();
  }, [refetch]);
  return { facts, refetch };
}
