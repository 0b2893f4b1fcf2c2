import { GraphQLError, getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';

/**
 * A list field costs its children times the rows it may return: its `limit` argument when it has
 * one, else a typical page. A static per-field cost (graphql-armor's) cannot see that
 * `units { children { children { … } } }` fans out.
 */
export const TYPICAL_LIST = 20;
const listAware: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const type = getNullableType(field.type);
  if (!isListType(type)) return childComplexity + 1;
  const rows = typeof args.limit === 'number' ? Math.max(1, Math.min(args.limit, 1000)) : TYPICAL_LIST;
  return 1 + rows * Math.max(1, childComplexity);
};

/** Refuses an operation whose estimated cost is above `max`, before any resolver runs. */
export function costLimit(schema: GraphQLSchema, max: number): ApolloServerPlugin<RequestContext> {
  // Apollo hands the same parsed document to every request with the same text: the cost of a
  // (document, operation, variables) is computed once, not walked again on every request.
  const known = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation || operation.selectionSet.selections.some((s) => s.kind === 'Field' && s.name.value.startsWith('__'))) return;
          const costs = known.get(document) ?? new Map<string, number>();
          known.set(document, costs);
          const key = `${request.operationName ?? ''}|${JSON.stringify(request.variables ?? {})}`;
          let cost = costs.get(key);
          if (cost === undefined) {
            cost = getComplexity({ schema, query: document, operationName: request.operationName ?? undefined, variables: request.variables ?? {}, estimators: [listAware] });
            // A bounded memo: variables vary without end (ids), the document's shape does not.
            if (costs.size >= 100) costs.clear();
            costs.set(key, cost);
          }
          if (cost > max) {
            throw new GraphQLError(`Query cost limit of ${max} exceeded, found ${cost}.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
