import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';

/** Documents too deep, too wide, too long or too costly are refused before they run. */
describe.each(await testDatabases())('query limits on %s', (kind) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await bootServer(kind);
    token = await s.login('phantich.daklak');
  });
  afterAll(async () => s?.close());

  const nest = (levels: number) => `{ units { ${'children { '.repeat(levels)}id${' }'.repeat(levels)} } }`;
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;

  it.each([
    ['depth', nest(10)],
    ['aliases', aliases(20)],
    ['tokens', `{ me { ${Array.from({ length: 4000 }, () => 'id').join(' ')} } }`],
    ['cost', `{ ${Array.from({ length: 14 }, (_, i) => `u${i}: units { children { children { children { id name code kind level } } } }`).join(' ')} }`],
  ])('refuses a document over the %s limit, saying so in Vietnamese', async (_limit, query) => {
    const res = await s.gql(query, {}, token);
    expect(res.data).toBeUndefined();
    expect(codes(res)[0]).toMatch(/GRAPHQL_(VALIDATION|PARSE)_FAILED/);
    expect(res.errors![0].message).toMatch(/Truy vấn quá sâu hoặc quá phức tạp/);
  });

  it.each([
    ['depth', '{ me { unit { parent { parent { parent { parent { id } } } } } } }'],
    ['aliases', aliases(10)],
    ['cost', '{ unit(code: "66") { children { children { id code name kind } } } }'],
  ])('answers a document inside the %s limit', async (_limit, query) => {
    const res = await s.gql(query, {}, token);
    expect(res.errors).toBeUndefined();
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
  });
});
