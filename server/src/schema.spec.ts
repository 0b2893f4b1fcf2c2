import fs from 'node:fs';
import path from 'node:path';
import { buildSchema as parseSdl, findBreakingChanges, type GraphQLObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema, printAppSchema } from './schema';

describe('the served GraphQL schema', () => {
  it('keeps every name and shape of the public contract (docs/spec/api.md)', async () => {
    const contract = parseSdl(fs.readFileSync(path.join(__dirname, 'contract/api-core.graphql'), 'utf8'));
    const served = await buildAppSchema();
    const breaks = findBreakingChanges(contract, served).map((c) => `${c.type}: ${c.description}`);
    expect(breaks).toEqual([]);
  });

  it('declares an authorisation rule on every query and mutation', async () => {
    const schema = await buildAppSchema();
    const roots = [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => !!t);
    const operations = roots.flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`));
    const guarded = new Set(
      getMetadataStorage().authorizedFields.map((a) => {
        const resolver = getMetadataStorage()
          .queries.concat(getMetadataStorage().mutations)
          .find((q) => q.target === a.target && q.methodName === a.fieldName);
        return resolver ? `${getMetadataStorage().queries.includes(resolver) ? 'Query' : 'Mutation'}.${resolver.schemaName}` : '';
      }),
    );
    expect(operations.length).toBeGreaterThan(15);
    expect(operations.filter((op) => !guarded.has(op))).toEqual([]);
  });

  it('is committed as server/schema.graphql, current', async () => {
    const committed = fs.readFileSync(path.join(__dirname, '../schema.graphql'), 'utf8');
    expect(committed).toBe(await printAppSchema());
  });
});
