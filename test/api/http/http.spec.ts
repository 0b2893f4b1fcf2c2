import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';

/** The HTTP face of /graphql: GET and POST per GraphQL over HTTP, CSRF prevention, clean errors. */
describe.each(await testDatabases())('GraphQL over HTTP on %s', (kind) => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await bootServer(kind);
    token = await s.login('phantich.daklak');
  });
  afterAll(async () => s?.close());

  it('answers a query sent with GET', async () => {
    const url = `${s.url}/graphql?query=${encodeURIComponent('{ me { username } }')}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { me: { username: 'phantich.daklak' } } });
  });

  it('refuses a mutation sent with GET', async () => {
    const url = `${s.url}/graphql?query=${encodeURIComponent('mutation { logout }')}`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(405);
  });

  it.each([
    ['text/plain', '{"query":"{ me { username } }"}'],
    ['application/x-www-form-urlencoded', 'query=%7B%20me%20%7B%20username%20%7D%20%7D'],
  ])('refuses a simple %s POST (CSRF prevention)', async (type, body) => {
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${token}` }, body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('refuses batched requests', async () => {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify([{ query: '{ me { username } }' }, { query: '{ me { username } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('answers malformed JSON with a 400 and no stack trace', async () => {
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it.each([
    ['a limit above the page size', '{ units(limit: 5000) { id } }', 'BAD_USER_INPUT'],
    ['an unknown plan', '{ plan(id: "999999") { id } }', 'NOT_FOUND'],
    ['a plan id that is not a number', '{ plan(id: "abc; DROP TABLE plan") { id } }', 'NOT_FOUND'],
    ['a period that is not one', '{ progress(planId: "1", indicatorId: "2", unitId: "1", period: "2022-13") { status } }', 'BAD_USER_INPUT'],
  ])('names the problem for %s, in Vietnamese, without internals', async (_what, query, code) => {
    const res = await s.gql(query, {}, token);
    expect(codes(res)).toEqual([code]);
    const error = res.errors![0];
    expect(error.message).toMatch(/[àáảãạăâđêôơư]/i);
    expect(JSON.stringify(error)).not.toMatch(/stack|sql|SELECT|sqlite|mysql/i);
  });

  it('validates inputs with their rules and says which field is wrong', async () => {
    const admin = await s.login('tinh.daklak');
    const res = await s.gql('mutation { createPlan(input: { issuerId: "1", year: 1800, title: "" }) { id } }', {}, admin);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    const fields = (res.errors![0].extensions!.fields as { field: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['title', 'year']);
  });
});

describe.each(await testDatabases())('what strangers learn on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'none' });
  });
  afterAll(async () => s?.close());

  it('closes introspection to anonymous callers and opens it to signed-in users', async () => {
    const query = '{ __schema { queryType { name } } }';
    const anonymous = await s.gql(query);
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(anonymous.data).toBeUndefined();
    const viaFragment = await s.gql('query { ...F } fragment F on Query { __type(name: "Unit") { name } }');
    expect(codes(viaFragment)).toEqual(['UNAUTHENTICATED']);
    const token = await s.login('sysadmin', 'sysadmin-password-1');
    const signedIn = await s.gql<{ __schema: { queryType: { name: string } } }>(query, {}, token);
    expect(signedIn.data?.__schema.queryType.name).toBe('Query');
  });

  it('does not suggest field names', async () => {
    const res = await s.gql('{ plann { id } }');
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.errors![0].message).not.toMatch(/did you mean/i);
  });

  it('gives every response a request id, echoing a sane one from the client', async () => {
    const mine = await fetch(`${s.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(mine.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(`${s.url}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
  });
});
