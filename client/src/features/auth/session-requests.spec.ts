import { describe, expect, it } from 'vitest';
import { parse, print } from 'graphql';
import { LoginMutation, MeQuery } from './auth.graphql';
import { LOGIN_TEXT, ME_TEXT } from './session-requests';

/** A document in canonical form, without locations: two texts of the same operation compare equal. */
const canonical = (doc: Parameters<typeof print>[0]) => print(parse(print(doc), { noLocation: true }));

describe('the login route’s plain requests', () => {
  it('send exactly the documents auth.graphql.ts declares (and codegen types)', () => {
    expect(canonical(parse(ME_TEXT))).toBe(canonical(MeQuery));
    expect(canonical(parse(LOGIN_TEXT))).toBe(canonical(LoginMutation));
  });
});
