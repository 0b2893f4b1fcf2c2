import { describe, expect, it } from 'vitest';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selectsProjection } from './selection';

/** The resolve info of the operation's first root field, as graphql-js builds it. */
function infoOf(source: string) {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectsProjection', () => {
  it('is false for progress without projected or atRisk', () => {
    expect(selectsProjection(infoOf('{ progress { unit { id } status children { unit { id } rank } } }'))).toBe(false);
  });

  it('finds them on the line, on its children, in fragments and inline fragments', () => {
    expect(selectsProjection(infoOf('{ progress { projected } }'))).toBe(true);
    expect(selectsProjection(infoOf('{ progress { status children { atRisk } } }'))).toBe(true);
    expect(selectsProjection(infoOf('{ progress { ...L } } fragment L on Progress { unit { id } atRisk }'))).toBe(true);
    expect(selectsProjection(infoOf('{ progress { children { ... on Progress { projected } } } }'))).toBe(true);
    expect(selectsProjection(infoOf('{ progress { p: projected } }'))).toBe(true);
  });

  it('ignores a field of that name under another type (a unit’s)', () => {
    expect(selectsProjection(infoOf('{ progress { unit { atRisk: id } } }'))).toBe(false);
  });
});
