import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  typeFromAST,
  type DocumentNode,
  type GraphQLInputType,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../../../client/src/gql/graphql';
import { buildAppSchema } from '../schema';
import { LIMITS } from '../app';
import { queryCost } from './complexity';

const schema = await buildAppSchema();

/** The SPA's operations (its generated documents). */
const documents = Object.entries(generated).filter(
  (e): e is [string, DocumentNode] => (e[1] as { kind?: string })?.kind === 'Document' && (e[1] as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

describe('query cost (issue #11, class 8)', () => {
  it('knows the real maximum page of every list of objects: a `limit` argument or @MaxRows', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const t = getNullableType(field.type);
        if (!isListType(t) || isLeafType(getNamedType(t))) continue;
        if (!['number', 'function'].includes(typeof field.extensions?.maxRows)) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('costs a list without `limit` at its maximum page, with `limit` at the rows asked for', () => {
    const one = (q: string) => queryCost(schema, parseDoc(q));
    expect(one('{ auditLog { id } }')).toBe(1 + 100); // its default page
    expect(one('{ auditLog(limit: null) { id } }')).toBe(1 + 200);
    expect(one('{ auditLog(limit: 10) { id } }')).toBe(1 + 10);
    expect(one('{ auditLog(limit: 100000) { id } }')).toBe(1 + 200);
    // A serialised record costs as one (RECORD_COST): a page of `before` and `after` is heavy.
    expect(one('{ auditLog(limit: 10) { before after } }')).toBe(1 + 10 * 40);
    expect(one('{ targets(filter: { planId: 1 }) { id } }')).toBe(1 + 700 * 150);
    expect(one('{ targets(filter: { planId: 1, unitId: 2 }) { id } }')).toBe(1 + 150);
    expect(one('{ targets(filter: { planId: 1, unitId: 2, subtree: true, indicatorId: 3 }) { id } }')).toBe(1 + 700);
    // Fifteen aliases of the example: far over the limit, refused before running.
    const many = `{ ${Array.from({ length: 15 }, (_, i) => `t${i}: targets(filter: { planId: 1 }) { id value note unit { name } }`).join(' ')} }`;
    expect(one(many)).toBeGreaterThan(LIMITS.cost);
  });

  it.each(documents)('%s stays inside half the cost limit at its worst case', (_name, doc) => {
    const cost = queryCost(schema, doc, null, worstCaseVariables(doc));
    expect(cost).toBeLessThanOrEqual(LIMITS.cost / 2);
  });
});

function parseDoc(q: string): DocumentNode {
  return parse(q);
}

/** The required variables of a document with made-up values; optional ones (limits) left out: the worst case. */
export function worstCaseVariables(doc: DocumentNode): Record<string, unknown> {
  const mock = (t: GraphQLInputType): unknown => {
    if (isNonNullType(t)) return mock(t.ofType);
    if (isListType(t)) return [mock(t.ofType)];
    if (isEnumType(t)) return t.getValues()[0].value;
    if (isInputObjectType(t)) {
      return Object.fromEntries(
        Object.values(t.getFields())
          .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
          .map((f) => [f.name, mock(f.type)]),
      );
    }
    return { Int: 1, Float: 1, Boolean: true, Date: '2024-01-01', DateTime: '2024-01-01T00:00:00Z' }[getNamedType(t).name] ?? '1';
  };
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const vars: Record<string, unknown> = {};
  for (const v of op.variableDefinitions ?? []) {
    if (v.type.kind !== Kind.NON_NULL_TYPE) continue;
    vars[v.variable.name.value] = mock(typeFromAST(schema, v.type) as GraphQLInputType);
  }
  return vars;
}
