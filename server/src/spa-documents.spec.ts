import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLNamedType,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import * as generated from '../../client/src/gql/graphql';
import { buildAppSchema } from './schema';
import { LIMITS, queryArmor } from './app';
import { queryCost } from './common/complexity';

/** Every operation the SPA sends (its generated documents) is valid and stays well inside the query limits. */
const documents = Object.entries(generated).filter(
  (e): e is [string, DocumentNode] => (e[1] as { kind?: string })?.kind === 'Document' && (e[1] as DocumentNode).definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION),
);

/** Depth in fields (fragments flattened) and aliases: a margin under the server's limits. */
function measure(schema: GraphQLSchema, doc: DocumentNode) {
  const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  let aliases = 0;
  const walk = (set: SelectionSetNode | undefined, type: GraphQLNamedType, depth: number): number => {
    let deepest = depth;
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FRAGMENT_SPREAD || sel.kind === Kind.INLINE_FRAGMENT) {
        const inner = sel.kind === Kind.FRAGMENT_SPREAD ? fragments.get(sel.name.value)!.selectionSet : sel.selectionSet;
        deepest = Math.max(deepest, walk(inner, type, depth));
        continue;
      }
      if (sel.alias) aliases++;
      const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[sel.name.value] : undefined;
      if (!field) continue; // __typename and the like
      deepest = Math.max(deepest, walk(sel.selectionSet, getNamedType(field.type), depth + 1));
    }
    return deepest;
  };
  let depth = 0;
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = def.operation === 'mutation' ? schema.getMutationType()! : schema.getQueryType()!;
    depth = Math.max(depth, walk(def.selectionSet, root, 0));
  }
  return { depth, aliases };
}

describe('the SPA’s GraphQL documents', () => {
  it('are there to check', () => {
    expect(documents.length).toBeGreaterThan(15);
  });

  it.each(documents)('%s is valid against the served schema and well inside the limits', async (_name, doc) => {
    const schema = await buildAppSchema();
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    // The server's own limits, as it applies them (graphql-armor counts fragment spreads as levels).
    expect(validate(schema, doc, queryArmor().validationRules).map((e) => e.message)).toEqual([]);
    const m = measure(schema, doc);
    expect(m.depth).toBeLessThanOrEqual(LIMITS.depth - 1);
    expect(m.aliases).toBeLessThanOrEqual(LIMITS.aliases / 2);
    // At its worst case: every list at its largest page (complexity.ts).
    expect(queryCost(schema, doc)).toBeLessThanOrEqual(LIMITS.cost / 2);
  });
});
