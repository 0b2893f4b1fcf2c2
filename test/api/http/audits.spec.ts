import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverAudits } from 'graphql-http';
import { ADMIN, bootServer, type TestServer } from '../../support/server';

/**
 * graphql-http's audit suite for servers (GraphQL over HTTP): every MUST passes. The fetch adds
 * Apollo's preflight header, as the SPA does (CSRF prevention is on), and a signed-in user's
 * token: some audits ask `__type`, and introspection is for signed-in users.
 */
describe('GraphQL over HTTP audits', () => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await bootServer('sqlite', { seed: 'none' });
    token = await s.login(ADMIN.username, ADMIN.password);
  });
  afterAll(async () => s?.close());

  const audits = serverAudits({
    url: () => `${s.url}/graphql`,
    fetchFn: (input: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('apollo-require-preflight', 'true');
      headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
  });

  it.each(audits.filter((a) => a.name.startsWith('MUST')).map((a) => [a.name, a] as const))('%s', async (_name, audit) => {
    const result = await audit.fn();
    expect(result.status, 'reason' in result ? String(result.reason) : '').toBe('ok');
  });
});
