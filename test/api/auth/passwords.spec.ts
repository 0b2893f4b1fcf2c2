import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';

/**
 * Issue #11, class 11: eight spaces were a valid password. Every place a password is set refuses
 * white space only, fewer than 8 other characters and the 10,000 most common passwords, with the
 * reason in the user's language, and changes nothing.
 */
const CREATE = 'mutation($i: CreateUserInput!) { createUser(input: $i) { username } }';
const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';

const REFUSED: [string, RegExp, RegExp][] = [
  ['        ', /chỉ gồm khoảng trắng/, /only spaces/],
  ['  abc  de  ', /ít nhất 8 ký tự/, /at least 8 characters/],
  ['password', /10\.000 mật khẩu phổ biến/, /10,000 most common/],
  ['12345678', /10\.000 mật khẩu phổ biến/, /10,000 most common/],
  ['qwertyui', /10\.000 mật khẩu phổ biến/, /10,000 most common/],
  [' Password1 ', /10\.000 mật khẩu phổ biến/, /10,000 most common/],
];

describe.each(await testDatabases())('new passwords on %s', (kind) => {
  let s: TestServer;
  let admin: string;
  let unitId: string;
  beforeAll(async () => {
    s = await bootServer(kind);
    admin = await s.login(ADMIN.username, ADMIN.password);
    unitId = String(((await s.ds.query("SELECT id FROM unit WHERE code = '655'")) as { id: number }[])[0].id);
  });
  afterAll(async () => s?.close());

  const users = async () => Number(((await s.ds.query('SELECT COUNT(*) AS n FROM app_user')) as { n: number }[])[0].n);

  it.each(REFUSED)('createUser refuses %j, saying why in vi and en', async (password, vi, en) => {
    const before = await users();
    const i = { username: 'weak.password', password, role: 'UNIT_REPORTER', unitId };
    const resVi = await s.gql(CREATE, { i }, admin);
    const resEn = await s.gql(CREATE, { i }, admin, { 'accept-language': 'en' });
    expect(codes(resVi)).toEqual(['BAD_USER_INPUT']);
    expect(resVi.errors?.[0].message).toMatch(vi);
    expect(resEn.errors?.[0].message).toMatch(en);
    expect(await users()).toBe(before);
  });

  it('createUser accepts a good password, and the account signs in with it', async () => {
    const res = await s.gql(CREATE, { i: { username: 'good.password', password: 'mùa-cà-phê-2026', role: 'UNIT_REPORTER', unitId } }, admin);
    expect(res.data).toEqual({ createUser: { username: 'good.password' } });
    expect(await s.login('good.password', 'mùa-cà-phê-2026')).toBeTruthy();
  });

  it.each(REFUSED)('changePassword refuses %j, and the old password still works', async (password, vi, en) => {
    const token = await s.login('phantich.daklak');
    const resVi = await s.gql(CHANGE, { c: 'chitieu-demo', n: password }, token);
    const resEn = await s.gql(CHANGE, { c: 'chitieu-demo', n: password }, token, { 'accept-language': 'en' });
    expect(codes(resVi)).toEqual(['BAD_USER_INPUT']);
    expect(resVi.errors?.[0].message).toMatch(vi);
    expect(resEn.errors?.[0].message).toMatch(en);
    // Nothing changed: the session still works and the old password too.
    expect(codes(await s.gql('{ me { username } }', {}, token))).toEqual([]);
  });

  it('changePassword accepts a good password', async () => {
    const token = await s.login('xa.buontrap');
    expect((await s.gql(CHANGE, { c: 'chitieu-demo', n: 'đồng-lúa-buôn-trấp-9' }, token)).data).toEqual({ changePassword: true });
    expect(await s.login('xa.buontrap', 'đồng-lúa-buôn-trấp-9')).toBeTruthy();
  });
});
