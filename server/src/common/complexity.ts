import { GraphQLError, getNullableType, isListType, type GraphQLSchema } from 'graphql';
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
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation || operation.selectionSet.selections.some((s) => s.kind === 'Field' && s.name.value.startsWith('__'))) return;
          const cost = getComplexity({ schema, query: document, operationName: request.operationName ?? undefined, variables: request.variables ?? {}, estimators: [listAware] });
          if (cost > max) {
            throw new GraphQLError(`Query cost limit of ${max} exceeded, found ${cost}.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
