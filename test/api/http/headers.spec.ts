/**
 * Browser hardening headers (issue #11, class 6) on every kind of answer: the SPA's paths, /graphql,
 * /healthz, a spreadsheet download and an error. HSTS and the Secure cookie only over TLS (here: a
 * trusted loopback proxy saying X-Forwarded-Proto: https).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, DEMO_PASSWORD, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';

/** The policy the SPA, antd and the self-hosted GraphiQL (Monaco workers) live with. */
const CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

function directives(csp: string | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (csp ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name] = values;
  }
  return out;
}

describe.each(await testDatabases())('security headers on %s', (kind) => {
  let s: TestServer;
  let token: string;
  let exportPath: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo', env: { TRUST_PROXY: 'loopback' } });
    token = await s.login('huyen.krongana');
    const ids = await s.gql<{ plans: { id: string; year: number }[]; indicators: { id: string; code: string }[]; unit: { id: string } }>(
      '{ plans(year: 2022) { id year } indicators { id code } unit(code: "655") { id } }',
      {},
      token,
    );
    expect(ids.errors).toBeUndefined();
    const q = new URLSearchParams({
      planId: ids.data!.plans.find((p) => p.year === 2022)!.id,
      indicatorId: ids.data!.indicators.find((i) => i.code === 'DLK22-ONLINE-RATE')!.id,
      unitId: ids.data!.unit.id,
    });
    exportPath = `/export/progress.xlsx?${q}`;
  });
  afterAll(async () => s?.close());

  const requests: [string, () => Promise<Response>, number][] = [
    ['GET /', () => fetch(`${s.url}/`), 200],
    ['GET /healthz', () => fetch(`${s.url}/healthz`), 200],
    ['GET /readyz', () => fetch(`${s.url}/readyz`), 200],
    [
      'POST /graphql',
      () => fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query":"{ me { id } }"}' }),
      200,
    ],
    ['POST /graphql refused (CSRF)', () => fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ me { id } }"}' }), 400],
    ['GET /export (download)', () => fetch(`${s.url}${exportPath}`, { headers: { authorization: `Bearer ${token}` } }), 200],
    ['GET /export (401)', () => fetch(`${s.url}${exportPath}`), 401],
  ];

  it.each(requests)('%s carries the CSP, frame, sniffing and referrer headers', async (_name, send, status) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(directives(res.headers.get('content-security-policy'))).toEqual(CSP);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Plain HTTP: no HSTS (a browser ignores it there; a LAN server must stay reachable).
    expect(res.headers.get('strict-transport-security')).toBeNull();
    await res.arrayBuffer();
  });

  it('the CSP allows no inline or foreign script, no plugin, no framing and no foreign form target', async () => {
    const csp = directives((await fetch(`${s.url}/healthz`)).headers.get('content-security-policy'));
    expect(csp['script-src']).not.toContain("'unsafe-inline'");
    expect(csp['script-src']).not.toContain("'unsafe-eval'");
    expect(
      Object.values(csp)
        .flat()
        .some((v) => v === '*' || v.startsWith('http')),
    ).toBe(false);
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
  });

  it('behind a trusted TLS proxy: HSTS, and the session cookie is Secure', async () => {
    const health = await fetch(`${s.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(health.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    const login = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: 'xa.buontrap', p: DEMO_PASSWORD } }),
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('chitieu_session='));
    expect(cookie?.split(';').map((a) => a.trim().toLowerCase())).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict']));
  });
});
