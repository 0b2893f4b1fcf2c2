import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';

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
