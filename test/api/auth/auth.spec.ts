import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { SESSION_CACHE_MS } from '../../../server/src/modules/auth/auth.service';

describe.each(await testDatabases())('auth on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await bootServer(kind);
  });
  afterAll(async () => s?.close());

  it('answers /healthz once the database answers', async () => {
    const res = await fetch(`${s.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('logs in, reads me, and logs out (the token then stops working)', async () => {
    const token = await s.login('huyen.krongana');
    const me = await s.gql('{ me { username role unit { name code kind level } } }', {}, token);
    expect(me.data?.me).toEqual({ username: 'huyen.krongana', role: 'UNIT_MANAGER', unit: { name: 'Huyện Krông A Na', code: '655', kind: 'DISTRICT', level: 2 } });
    const out = await s.gql('mutation { logout }', {}, token);
    expect(out.data?.logout).toBe(true);
    const after = await s.gql('{ me { username } }', {}, token);
    expect(codes(after)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a session revoked by another process of the same database within SESSION_CACHE_MS', async () => {
    const token = await s.login('xa.buontrap');
    expect(codes(await s.gql('{ me { id } }', {}, token))).toEqual([]);
    // What a logout in another server process does: the row alone changes.
    await s.ds.query('UPDATE session SET revokedAt = ? WHERE revokedAt IS NULL AND userId = (SELECT id FROM app_user WHERE username = ?)', ['2000-01-01 00:00:00', 'xa.buontrap']);
    await new Promise((r) => setTimeout(r, SESSION_CACHE_MS + 100));
    expect(codes(await s.gql('{ me { id } }', {}, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a wrong password without saying whether the user exists', async () => {
    const wrong = await s.gql('mutation { login(username: "tinh.daklak", password: "wrong-password") { token } }');
    const unknown = await s.gql('mutation { login(username: "nobody.here", password: "wrong-password") { token } }');
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors?.[0].message).toBe(unknown.errors?.[0].message);
  });

  it('answers in English when the client asks for it', async () => {
    const vi = await s.gql('{ me { username } }');
    const en = await s.gql('{ me { username } }', {}, undefined, { 'accept-language': 'en-US' });
    expect(codes(vi)).toEqual(['UNAUTHENTICATED']);
    expect(vi.errors?.[0].message).not.toBe(en.errors?.[0].message);
    expect(en.errors?.[0].message).toMatch(/sign in|log in|authenticat/i);
  });
});

describe.each(await testDatabases())('passwords and throttling on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await bootServer(kind);
  });
  afterAll(async () => s?.close());

  const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';

  it('changes a password and signs every session of the account out', async () => {
    const first = await s.login('phantich.daklak');
    const second = await s.login('phantich.daklak');
    const weak = await s.gql('mutation { changePassword(currentPassword: "chitieu-demo", newPassword: "short") }', {}, first);
    expect(codes(weak)).toEqual(['BAD_USER_INPUT']);
    const wrong = await s.gql('mutation { changePassword(currentPassword: "not-it-at-all", newPassword: "a-long-new-password") }', {}, first);
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    const done = await s.gql('mutation { changePassword(currentPassword: "chitieu-demo", newPassword: "a-long-new-password") }', {}, first);
    expect(done.data).toEqual({ changePassword: true });
    for (const token of [first, second]) expect(codes(await s.gql('{ me { id } }', {}, token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await s.gql(LOGIN, { u: 'phantich.daklak', p: 'chitieu-demo' }))).toEqual(['UNAUTHENTICATED']);
    expect(await s.login('phantich.daklak', 'a-long-new-password')).toMatch(/^[\w-]{40,}$/);
  });

  it('throttles a username after five failures, counting aliased logins in one request', async () => {
    // Root mutation fields run one after another and a failed login (non-null) ends the request,
    // so an aliased batch gets one attempt; every attempt counts.
    const aliased = `mutation { ${[1, 2, 3].map((i) => `a${i}: login(username: "xa.buontrap", password: "wrong-${i}") { token }`).join(' ')} }`;
    for (let i = 0; i < 5; i++) expect(codes(await s.gql(aliased))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await s.gql(aliased))).toEqual(['TOO_MANY_REQUESTS']);
    // Even the right password is refused for a while now, and the message says to wait.
    const right = await s.gql(LOGIN, { u: 'xa.buontrap', p: 'chitieu-demo' });
    expect(codes(right)).toEqual(['TOO_MANY_REQUESTS']);
    // Another account is not affected.
    expect(await s.login('tinh.daklak')).toBeTruthy();
  });
});
