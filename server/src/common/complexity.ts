import { GraphQLError, getNamedType, getNullableType, isLeafType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Extensions } from 'type-graphql';

/**
 * A list field costs its children times the rows it may return: its `limit` argument when it has
 * one, else the field's real maximum page, declared on the field next to where it is enforced
 * with `@MaxRows(n)` (issue #11, class 8: lists without `limit` were costed as 20 rows and
 * `targets` returned 368 per alias). A static per-field cost (graphql-armor's) cannot see that
 * `units { children { children { … } } }` fans out.
 */
/** A field's maximum rows, fixed or read off its GraphQL arguments (a filter's unit and indicator). */
export type RowsOf<A = { filter?: { unitId?: unknown; subtree?: boolean | null; indicatorId?: unknown } | null }> = number | ((args: A) => number);
export function MaxRows(n: RowsOf): MethodDecorator & PropertyDecorator {
  return Extensions({ maxRows: n });
}

/** What an object list without `@MaxRows` counts as: a full page (complexity.spec.ts keeps this from happening). */
export const UNDECLARED_ROWS = 1000;
/** @deprecated the former guess for lists without `limit`; kept for older checks that import it. */
export const TYPICAL_LIST = 20;

/**
 * Sizes the data bounds rather than a check, for lists the API returns whole (the tree and the
 * plans as the documents write them). Generous on purpose: an estimate below the truth is the hole.
 */
export const DATA_BOUNDS = {
  /** Direct children of a unit: Thanh Hóa has 166 communes directly under it since the 2025 reform. */
  children: 200,
  /** Units above one: province, district, commune (and a town's wards). */
  ancestors: 4,
  /** Units a reform merged into one (or split one into). */
  links: 20,
  /** Provinces (63 before the 2025 reform, 34 after). */
  provinces: 63,
  /** Rows (indicators) and tasks of one plan: the largest real plans have about 60. */
  planRows: 150,
  /** Plans one caller may read: one per issuer and year. */
  plans: 500,
  /** The indicator catalogue. */
  indicators: 1000,
  /** Units in a province's subtree on a plan's day (Hà Nội before 2025: 30 districts, 579 communes). */
  subtree: 700,
} as const;

const maxRowsOf = (field: { extensions?: { maxRows?: unknown } | null }, args: Record<string, unknown>): number | undefined => {
  const n = field.extensions?.maxRows;
  if (typeof n === 'function') return (n as (a: Record<string, unknown>) => number)(args);
  return typeof n === 'number' ? n : undefined;
};

export const listAware: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const type = getNullableType(field.type);
  // A field's own weight: 1, or what the field declares (`@Field({ complexity })`: a JSON record).
  const own = typeof field.extensions?.complexity === 'number' ? field.extensions.complexity : 1;
  if (!isListType(type)) return childComplexity + own;
  // A list of scalars or enums (a task's leads) is one value, not rows with their own fields.
  if (isLeafType(getNamedType(type))) return 1;
  const max = maxRowsOf(field, args) ?? UNDECLARED_ROWS;
  const rows = typeof args.limit === 'number' ? Math.max(1, Math.min(args.limit, max)) : max;
  return 1 + rows * Math.max(1, childComplexity);
};

/** The estimated cost of one operation of a document (what costLimit compares with its maximum). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): number {
  try {
    return getComplexity({ schema, query: document, operationName: operationName ?? undefined, variables: variables ?? {}, estimators: [listAware] });
  } catch (err) {
    // Variables that do not fit the schema (unknown field, bad enum value, wrong type): getComplexity
    // throws graphql-js's coercion error, which a plugin hook turned into a 500. Cost nothing here;
    // execution refuses them before any resolver runs, as Apollo does: 400 BAD_USER_INPUT.
    if (err instanceof GraphQLError && /^Variable "\$/.test(err.message)) return 0;
    throw err;
  }
}

/**
 * The cost of a request's operation, memoised: Apollo hands the same parsed document to every
 * request with the same text, so a (document, operation, variables) is walked once, and both
 * costLimit and heavyRequests (heavy-requests.ts) ask without walking it twice.
 */
const memo = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
export function costOf(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Record<string, unknown> | null): number {
  const byDocument = memo.get(schema) ?? new WeakMap<DocumentNode, Map<string, number>>();
  memo.set(schema, byDocument);
  const costs = byDocument.get(document) ?? new Map<string, number>();
  byDocument.set(document, costs);
  const key = `${operationName ?? ''}|${JSON.stringify(variables ?? {})}`;
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = queryCost(schema, document, operationName, variables);
    // A bounded memo: variables vary without end (ids), the document's shape does not.
    if (costs.size >= 100) costs.clear();
    costs.set(key, cost);
  }
  return cost;
}

/** Introspection is answered by graphql-js itself (and limited by introspectionForSignedIn): not costed. */
export function isIntrospection(operation: { selectionSet: { selections: readonly { kind: string; name?: { value: string } }[] } }): boolean {
  return operation.selectionSet.selections.some((s) => s.kind === 'Field' && !!s.name?.value.startsWith('__'));
}

/**
 * Refuses an operation whose estimated cost is above `max`, before any resolver runs. Generic in
 * the context it never reads: the entities import this module (MaxRows), so it must not import
 * the request context (which imports the loaders, which import the entities).
 */
export function costLimit<TContext extends BaseContext>(schema: GraphQLSchema, max: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation || isIntrospection(operation)) return;
          const cost = costOf(schema, document, request.operationName, request.variables);
          if (cost > max) {
            throw new GraphQLError(`Query cost limit of ${max} exceeded, found ${cost}.`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
