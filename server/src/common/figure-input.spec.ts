import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { getNamedType, isInputObjectType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../schema';
import { FIGURE_CONSTRAINT } from './figure-input';

/**
 * Every Float an input takes carries IsFigure (issue #11, class 3): a new input field without it
 * would let Infinity or 1e308 in again. Walks the served schema's input types and the guards
 * class-validator holds for their classes (a class is named as its GraphQL type).
 */
describe('IsFigure on every Float input field', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('finds the guard on each one', () => {
    // class-validator keeps what registerDecorator registered per class; read it as data.
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, { name?: string; target: { name?: string }; propertyName: string }[]> };
    const guarded = new Set<string>();
    for (const list of storage.validationMetadatas.values()) for (const m of list) if (m.name === FIGURE_CONSTRAINT) guarded.add(`${m.target.name}.${m.propertyName}`);
    const floats: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) if (getNamedType(field.type).name === 'Float') floats.push(`${type.name}.${field.name}`);
    }
    expect(floats.length).toBeGreaterThanOrEqual(10);
    expect(guarded.size).toBeGreaterThanOrEqual(floats.length);
    expect(floats.filter((f) => !guarded.has(f))).toEqual([]);
  });
});
