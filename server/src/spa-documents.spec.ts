import { getNamedType, getNullableType, isListType, isObjectType, isInterfaceType, Kind, validate, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type GraphQLNamedType, type SelectionSetNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../../client/src/gql/graphql';
import { buildAppSchema } from './schema';
import { LIMITS } from './app';
import { TYPICAL_LIST } from './common/complexity';

/** Every operation the SPA sends (its generated documents) is valid and stays well inside the query limits. */
const documents = Object.entries(generated).filter(
  (e): e is [string, DocumentNode] =>
    (e[1] as { kind?: string })?.kind === 'Document' && (e[1] as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

function measure(schema: GraphQLSchema, doc: DocumentNode) {
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  let aliases = 0;
  const walk = (set: SelectionSetNode | undefined, type: GraphQLNamedType, depth: number): { depth: number; cost: number } => {
    let deepest = depth;
    let cost = 0;
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FRAGMENT_SPREAD || sel.kind === Kind.INLINE_FRAGMENT) {
        const inner = sel.kind === Kind.FRAGMENT_SPREAD ? fragments.get(sel.name.value)!.selectionSet : sel.selectionSet;
        const r = walk(inner, type, depth);
        deepest = Math.max(deepest, r.depth);
        cost += r.cost;
        continue;
      }
      if (sel.alias) aliases++;
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
      if (!field) continue; // __typename and the like
      const child = walk(sel.selectionSet, getNamedType(field.type), depth + 1);
      deepest = Math.max(deepest, child.depth);
      const limitArg = sel.arguments?.find((a) => a.name.value === 'limit');
      const rows = limitArg?.value.kind === Kind.INT ? Number(limitArg.value.value) : TYPICAL_LIST;
      cost += isListType(getNullableType(field.type)) ? 1 + rows * Math.max(1, child.cost) : 1 + child.cost;
    }
    return { depth: deepest, cost };
  };
  let depth = 0;
  let cost = 0;
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = def.operation === 'mutation' ? schema.getMutationType()! : schema.getQueryType()!;
    const r = walk(def.selectionSet, root, 0);
    depth = Math.max(depth, r.depth);
    cost += r.cost;
  }
  return { depth, aliases, cost };
}

describe('the SPA’s GraphQL documents', () => {
  it('are there to check', () => {
    expect(documents.length).toBeGreaterThan(15);
  });

  it.each(documents)('%s is valid against the served schema and well inside the limits', async (_name, doc) => {
    const schema = await buildAppSchema();
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    const m = measure(schema, doc);
    expect(m.depth).toBeLessThanOrEqual(LIMITS.depth - 1);
    expect(m.aliases).toBeLessThanOrEqual(LIMITS.aliases / 2);
    expect(m.cost).toBeLessThanOrEqual(LIMITS.cost / 2);
  });
});
