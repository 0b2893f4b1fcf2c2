/**
 * The REST routes' guard, like schema.spec.ts's "@Authorized on every query and mutation": every
 * route the Express app mounts under /import and /export — read from its router, so a new route
 * is covered the day it is added — answers 401 in the user's language without a session, and
 * refuses a cookie-only request without the CSRF proof (400), valid session or not.
 */
import { HTTP_MESSAGES } from '@chitieu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';

interface RouteLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
  name?: string;
  handle?: { stack?: unknown[] };
}

/** "POST /import/:kind"-style entries for every route under /import and /export. */
function restRoutes(s: TestServer): { method: string; path: string }[] {
  const stack = (s.server.app as unknown as { router: { stack: RouteLayer[] } }).router.stack;
  // A sub-router (app.use(path, router)) hides its routes from this walk: mount routes on the app.
  expect(stack.filter((l) => !l.route && l.handle?.stack).map((l) => l.name)).toEqual([]);
  return stack.flatMap((l) => {
    if (!l.route) return [];
    const paths = (Array.isArray(l.route.path) ? l.route.path : [l.route.path]).map(String);
    const methods = Object.keys(l.route.methods).map((m) => (m === '_all' ? 'GET' : m.toUpperCase()));
    return paths.filter((p) => /^\/(import|export)(\/|$)/.test(p)).flatMap((path) => methods.map((method) => ({ method, path })));
  });
}

/** A concrete URL path for a route pattern: the guard answers before any parameter is read. */
const SAMPLES: Record<string, string> = { kind: 'results', file: 'results.xlsx' };
const concrete = (pattern: string) => pattern.replace(/:(\w+)/g, (_m, name: string) => SAMPLES[name] ?? '1');

describe.each(await testDatabases())('REST route guards on %s', (kind) => {
  let s: TestServer;
  let routes: { method: string; path: string }[];
  let cookie: string; // a live session, as the SPA's browser sends it back

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'none' });
    routes = restRoutes(s);
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: ADMIN.username, p: ADMIN.password } }),
    });
    cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('chitieu_session='))!
      .split(';')[0];
  });
  afterAll(async () => s?.close());

  const call = async (route: { method: string; path: string }, headers: Record<string, string> = {}, body?: FormData) => {
    const res = await fetch(`${s.url}${concrete(route.path)}`, { method: route.method, headers, body });
    const json = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
    return { status: res.status, code: json.error?.code, message: json.error?.message };
  };
  /** What a cross-site HTML form could send: a simple content type, no preflighted header. */
  const formBody = (route: { method: string }) => (route.method === 'GET' || route.method === 'HEAD' ? undefined : new FormData());

  it('finds the spreadsheet routes on the app (the walk sees what is mounted)', () => {
    expect(routes).toEqual(
      expect.arrayContaining([
        { method: 'POST', path: '/import/:kind' },
        { method: 'GET', path: '/import/templates/:file' },
        { method: 'GET', path: '/export/plans/:planId/annex.xlsx' },
        { method: 'GET', path: '/export/progress.xlsx' },
      ]),
    );
  });

  it('answers 401 in the user’s language without a session, on every route', async () => {
    const unguarded: string[] = [];
    for (const route of routes) {
      for (const [headers, message] of [
        [{}, HTTP_MESSAGES.SIGN_IN_REQUIRED.vi],
        [{ 'accept-language': 'en' }, HTTP_MESSAGES.SIGN_IN_REQUIRED.en],
        [{ authorization: 'Bearer not-a-session' }, HTTP_MESSAGES.SIGN_IN_REQUIRED.vi],
      ] as [Record<string, string>, string][]) {
        const r = await call(route, headers, formBody(route));
        if (r.status !== 401 || r.code !== 'UNAUTHENTICATED' || r.message !== message)
          unguarded.push(`${route.method} ${route.path} ${JSON.stringify(headers)} → ${JSON.stringify(r)}`);
      }
    }
    expect(unguarded).toEqual([]);
  });

  it('refuses a cookie-only request without the CSRF proof, on every route', async () => {
    const unguarded: string[] = [];
    for (const route of routes) {
      // A live session, and one well-formed but unknown (signed out elsewhere, expired).
      for (const session of [cookie, `chitieu_session=${'x'.repeat(40)}`]) {
        const r = await call(route, { cookie: session }, formBody(route));
        if (r.status !== 400 || r.code !== 'BAD_REQUEST' || r.message !== HTTP_MESSAGES.CSRF_REFUSED.vi) unguarded.push(`${route.method} ${route.path} → ${JSON.stringify(r)}`);
      }
      const en = await call(route, { cookie, 'accept-language': 'en' }, formBody(route));
      if (en.message !== HTTP_MESSAGES.CSRF_REFUSED.en) unguarded.push(`${route.method} ${route.path} (en) → ${JSON.stringify(en)}`);
    }
    expect(unguarded).toEqual([]);
  });

  it('lets the same cookie through with the preflighted header (the guard refuses only what it should)', async () => {
    for (const route of routes) {
      const r = await call(route, { cookie, 'apollo-require-preflight': 'true' }, formBody(route));
      expect([r.status, r.code], `${route.method} ${route.path}`).not.toEqual([401, 'UNAUTHENTICATED']);
      expect(r.message, `${route.method} ${route.path}`).not.toBe(HTTP_MESSAGES.CSRF_REFUSED.vi);
    }
  });
});
