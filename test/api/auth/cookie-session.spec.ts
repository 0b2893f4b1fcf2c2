/**
 * The SPA's session in an httpOnly, SameSite=Strict cookie (issue #11, class 6): `login` sets
 * it, the cookie alone authenticates /graphql, /import and /export — but only with the CSRF
 * proof Apollo asks (a preflighted header or a non-simple content type) — bearer tokens keep
 * working for API clients, and `logout` clears it for good.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, DEMO_PASSWORD, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt } }';
const PREFLIGHT = { 'apollo-require-preflight': 'true' };

describe.each(await testDatabases())('cookie session on %s', (kind) => {
  let s: TestServer;
  // The few demo ids these requests need, read with narrow queries.
  const d = { plan: (_y: number) => '', indicator: (_c: string) => '', unit: (_c: string) => '' };
  let bearer: string;
  let cookie: string; // "chitieu_session=…" as a browser sends it back
  let setCookie: string;
  let payloadToken: string;
  const period = '2022-05';

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    bearer = await s.login('huyen.krongana');
    const ids = await s.gql<{ plans: { id: string; year: number }[]; indicators: { id: string; code: string }[]; unit: { id: string } }>(
      '{ plans(year: 2022) { id year } indicators { id code } unit(code: "655") { id } }',
      {},
      bearer,
    );
    expect(ids.errors).toBeUndefined();
    const plan = ids.data!.plans.find((p) => p.year === 2022)!.id;
    const indicator = ids.data!.indicators.find((i) => i.code === 'DLK22-ONLINE-RATE')!.id;
    Object.assign(d, { plan: () => plan, indicator: () => indicator, unit: () => ids.data!.unit.id });
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { u: 'huyen.krongana', p: DEMO_PASSWORD } }),
    });
    const body = (await res.json()) as { data: { login: { token: string; expiresAt: string } } };
    payloadToken = body.data.login.token;
    setCookie = res.headers.getSetCookie().find((c) => c.startsWith('chitieu_session='))!;
    cookie = setCookie?.split(';')[0];
  });
  afterAll(async () => s?.close());

  const gqlWith = async (headers: Record<string, string>, query = '{ me { username } }', contentType = 'application/json') => {
    const res = await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body: JSON.stringify({ query }) });
    return { status: res.status, body: (await res.json()) as { data?: { me?: { username: string } | null }; errors?: { message: string; extensions?: { code?: string } }[] }, res };
  };

  /** The stored results of the month, as a comparable string (numbers read back as numbers). */
  const resultRows = async () =>
    JSON.stringify(
      (
        (await s.ds.query('SELECT unitId, numerator, denominator FROM result WHERE indicatorId = ? AND period = ? ORDER BY unitId', [
          Number(d.indicator('DLK22-ONLINE-RATE')),
          period,
        ])) as Record<string, unknown>[]
      ).map((r) => [Number(r.unitId), Number(r.numerator), Number(r.denominator)]),
    );

  /** The district's results template, filled in: a file the import would apply. */
  async function resultsFile(): Promise<Blob> {
    const query = new URLSearchParams({ planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE') });
    const res = await fetch(`${s.url}/import/templates/results.xlsx?${query}`, { headers: { authorization: `Bearer ${bearer}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).values = [ws.getCell(r, 1).value, ws.getCell(r, 2).value, `${10 * r}`, '200'];
    return new Blob([new Uint8Array(await wb.xlsx.writeBuffer())], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  }

  const importUrl = () => `${s.url}/import/results?${new URLSearchParams({ planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE'), period, dryRun: 'false' })}`;
  async function upload(headers: Record<string, string>) {
    const form = new FormData();
    form.append('file', await resultsFile(), 'ket-qua.xlsx');
    const res = await fetch(importUrl(), { method: 'POST', body: form, headers });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string }; summary?: { applied: boolean; created: number } } };
  }
  const exportUrl = () => `${s.url}/export/progress.xlsx?${new URLSearchParams({ planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE'), unitId: d.unit('655') })}`;

  it('login sets an httpOnly, SameSite=Strict cookie holding the session, and still answers the token', () => {
    expect(setCookie).toBeDefined();
    const attrs = setCookie.split(';').map((a) => a.trim().toLowerCase());
    expect(cookie).toBe(`chitieu_session=${payloadToken}`);
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=strict');
    expect(attrs).toContain('path=/');
    expect(attrs.some((a) => a.startsWith('expires='))).toBe(true);
    // Plain HTTP here: a Secure cookie would never come back.
    expect(attrs).not.toContain('secure');
  });

  it('a failed login sets no cookie', async () => {
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { u: 'xa.buontrap', p: 'not-the-password' } }),
    });
    expect(((await res.json()) as { errors?: unknown[] }).errors).toBeDefined();
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('the cookie alone authenticates /graphql, with the preflight header or a JSON body', async () => {
    expect((await gqlWith({ cookie, ...PREFLIGHT })).body.data?.me).toEqual({ username: 'huyen.krongana' });
    expect((await gqlWith({ cookie })).body.data?.me).toEqual({ username: 'huyen.krongana' });
    // A body a foreign form could post (text/plain, no header) is blocked by Apollo's CSRF prevention.
    const simple = await gqlWith({ cookie }, '{ me { username } }', 'text/plain');
    expect(simple.status).toBe(400);
    expect(simple.body.data).toBeUndefined();
  });

  it('an unknown cookie authenticates nobody', async () => {
    const res = await gqlWith({ cookie: 'chitieu_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', ...PREFLIGHT });
    expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cross-site-style multipart POST to /import (cookie, no header) in the user’s language, and changes nothing', async () => {
    const before = await resultRows();
    const vi = await upload({ cookie });
    expect(vi.status).toBe(400);
    expect(vi.body.error).toEqual({ code: 'BAD_REQUEST', message: expect.stringMatching(/^Yêu cầu bị chặn vì có thể là giả mạo yêu cầu liên trang/) });
    const en = await upload({ cookie, 'accept-language': 'en' });
    expect(en.status).toBe(400);
    expect(en.body.error?.message).toMatch(/^This request was blocked as a possible cross-site request forgery/);
    expect(await resultRows()).toBe(before);
  });

  it('refuses a GET /export with the cookie but without the header', async () => {
    const res = await fetch(exportUrl(), { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/json/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    const template = await fetch(`${s.url}/import/templates/results.xlsx`, { headers: { cookie } });
    expect(template.status).toBe(400);
  });

  it('with the header, the cookie downloads and imports as the SPA does', async () => {
    const res = await fetch(exportUrl(), { headers: { cookie, ...PREFLIGHT } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const before = await resultRows();
    const imported = await upload({ cookie, ...PREFLIGHT });
    expect(imported.status).toBe(200);
    expect(imported.body.summary?.applied).toBe(true);
    expect(await resultRows()).not.toBe(before);
  });

  it('bearer tokens keep working for API clients, with no header needed (a cookie beside them changes nothing)', async () => {
    expect((await gqlWith({ authorization: `Bearer ${bearer}` })).body.data?.me).toEqual({ username: 'huyen.krongana' });
    expect((await fetch(exportUrl(), { headers: { authorization: `Bearer ${bearer}` } })).status).toBe(200);
    expect((await fetch(exportUrl(), { headers: { authorization: `Bearer ${bearer}`, cookie } })).status).toBe(200);
    // Past the CSRF guard without the header: the route itself answers (here: no file sent).
    const noFile = await fetch(importUrl(), { method: 'POST', body: new FormData(), headers: { authorization: `Bearer ${bearer}`, cookie } });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as { error: { code: string } }).error.code).toBe('FILE_MISSING');
    // A bearer token wins over the cookie: a wrong one is not rescued by a good cookie.
    expect((await gqlWith({ authorization: 'Bearer nope', cookie })).body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('logout clears the cookie, and the old cookie no longer authenticates anything', async () => {
    const out = await gqlWith({ cookie, ...PREFLIGHT }, 'mutation { logout }');
    expect(out.body.errors).toBeUndefined();
    const cleared = out.res.headers.getSetCookie().find((c) => c.startsWith('chitieu_session='));
    expect(cleared).toBeDefined();
    expect(cleared!.split(';')[0]).toBe('chitieu_session=');
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(cleared!.toLowerCase()).toContain('httponly');
    const again = await gqlWith({ cookie, ...PREFLIGHT });
    expect(again.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await fetch(exportUrl(), { headers: { cookie, ...PREFLIGHT } })).status).toBe(401);
    // The other session of the same account (the bearer token) is untouched.
    expect((await gqlWith({ authorization: `Bearer ${bearer}` })).body.data?.me).toEqual({ username: 'huyen.krongana' });
  });
});
