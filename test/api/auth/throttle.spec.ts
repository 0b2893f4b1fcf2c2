import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, DEMO_PASSWORD, bootServer, codes, type GqlResponse, type TestServer } from '../../support/server';
import { freshDatabase, testDatabases, type TestDatabase } from '../../support/databases';

/**
 * Issue #11, class 7: five wrong passwords from one address locked the account everywhere, so
 * anyone could lock anyone out. Now: per (username, address) 5 in 15 minutes, per username 20
 * with growing lock-outs, per address 30; an administrator unlocks; the counts live in the
 * database (every process, across restarts). Addresses come from X-Forwarded-For, which the
 * server believes only with TRUST_PROXY (here: loopback, the test client).
 */
const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const USERS = '{ users { username lockedUntil } }';
const PROXIED = { TRUST_PROXY: 'loopback' };

describe.each(await testDatabases())('login throttle on %s', (kind) => {
  let db: TestDatabase;
  let s: TestServer;
  /** The same database, never dropped by a server's close (the spec drops it once). */
  let shared: TestDatabase;
  let admin: string;

  const login = (srv: TestServer, u: string, p: string, ip?: string, lang?: string): Promise<GqlResponse<{ login: { token: string } }>> =>
    srv.gql(LOGIN, { u, p }, undefined, { ...(ip ? { 'x-forwarded-for': ip } : {}), ...(lang ? { 'accept-language': lang } : {}) });
  const retryAfter = (res: GqlResponse) => Number((res.errors?.[0].extensions?.params as { retryAfter?: number } | undefined)?.retryAfter);
  const failures = async (username: string) => (await s.ds.query('SELECT address FROM login_failure WHERE username = ?', [username])) as { address: string }[];

  beforeAll(async () => {
    db = await freshDatabase(kind);
    shared = { ...db, drop: async () => {} };
    s = await bootServer(kind, { database: shared, env: PROXIED });
    admin = await s.login(ADMIN.username, ADMIN.password);
    const [{ id: district }] = (await s.ds.query("SELECT id FROM unit WHERE code = '655'")) as { id: number }[];
    for (const username of ['xa.eabong', 'huyen.eaktur', 'xa.krongana']) {
      const created = await s.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: { username, password: DEMO_PASSWORD, role: 'UNIT_REPORTER', unitId: String(district) },
        },
        admin,
      );
      expect(created.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await s?.close();
    await db?.drop();
  });

  it('five failures from one address block that pair only: the owner signs in from another', async () => {
    for (let i = 0; i < 5; i++) expect(codes(await login(s, 'xa.buontrap', `wrong-${i}`, '10.1.0.1'))).toEqual(['UNAUTHENTICATED']);
    // The attacker's address is blocked for this account, the right password included, in the user's language.
    const vi = await login(s, 'xa.buontrap', DEMO_PASSWORD, '10.1.0.1');
    const en = await login(s, 'xa.buontrap', DEMO_PASSWORD, '10.1.0.1', 'en');
    expect(codes(vi)).toEqual(['TOO_MANY_REQUESTS']);
    expect(vi.errors?.[0].message).toMatch(/thử lại sau \d+ giây/);
    expect(en.errors?.[0].message).toMatch(/try again later \(in \d+ s\)/);
    expect(retryAfter(vi)).toBeGreaterThan(14 * 60);
    expect(retryAfter(vi)).toBeLessThanOrEqual(15 * 60);
    // The owner, elsewhere, is not affected…
    expect(codes(await login(s, 'xa.buontrap', DEMO_PASSWORD, '10.1.0.2'))).toEqual([]);
    // …which forgives neither the attacker's pair nor lets it through.
    expect(codes(await login(s, 'xa.buontrap', DEMO_PASSWORD, '10.1.0.1'))).toEqual(['TOO_MANY_REQUESTS']);
    // The address itself is not banned for other accounts (its own bar is 30).
    expect(codes(await login(s, 'huyen.eaktur', DEMO_PASSWORD, '10.1.0.1'))).toEqual([]);
    // The addresses counted are the forwarded ones (TRUST_PROXY=loopback).
    expect((await failures('xa.buontrap')).map((r) => r.address)).toEqual(Array(5).fill('10.1.0.1'));
  });

  it('a successful sign-in forgives only its own address’s failures', async () => {
    for (let i = 0; i < 3; i++) expect(codes(await login(s, 'xa.eabong', `typo-${i}`, '10.1.1.1'))).toEqual(['UNAUTHENTICATED']);
    for (let i = 0; i < 2; i++) expect(codes(await login(s, 'xa.eabong', `guess-${i}`, '10.1.1.9'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await login(s, 'xa.eabong', DEMO_PASSWORD, '10.1.1.1'))).toEqual([]);
    expect((await failures('xa.eabong')).map((r) => r.address)).toEqual(['10.1.1.9', '10.1.1.9']);
  });

  it('twenty failures across addresses lock the username, longer after each further failure; an administrator unlocks', async () => {
    const user = 'huyen.krongana';
    for (let i = 1; i <= 20; i++) expect(codes(await login(s, user, `spray-${i}`, `10.2.0.${i}`))).toEqual(['UNAUTHENTICATED']);
    const locked = await login(s, user, DEMO_PASSWORD, '10.2.1.1');
    expect(codes(locked)).toEqual(['TOO_MANY_REQUESTS']);
    const first = retryAfter(locked);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(60);

    // Those who manage accounts see the lock; the owner's other accounts are untouched.
    const listed = (await s.gql<{ users: { username: string; lockedUntil: string | null }[] }>(USERS, {}, admin)).data!.users;
    const until = Date.parse(listed.find((u) => u.username === user)!.lockedUntil!);
    expect(until - Date.now()).toBeGreaterThan(0);
    expect(until - Date.now()).toBeLessThanOrEqual(60_000);
    expect(listed.find((u) => u.username === 'tinh.daklak')!.lockedUntil).toBeNull();

    // Two minutes later (the rows are aged in the database): the lock has passed; the next
    // failure locks for twice as long.
    await s.ds.query('UPDATE login_failure SET at = at - 120000 WHERE username = ?', [user]);
    expect(codes(await login(s, user, 'spray-21', '10.2.0.21'))).toEqual(['UNAUTHENTICATED']);
    const longer = await login(s, user, DEMO_PASSWORD, '10.2.1.2');
    expect(codes(longer)).toEqual(['TOO_MANY_REQUESTS']);
    expect(retryAfter(longer)).toBeGreaterThan(60);
    expect(retryAfter(longer)).toBeLessThanOrEqual(120);

    // Not the unit's manager, nor a reporter: only administrators unlock.
    const UNLOCK = 'mutation($u: String!) { unlockAccount(username: $u) }';
    const reporter = await s.login('xa.buontrap');
    expect(codes(await s.gql(UNLOCK, { u: user }, reporter))).toEqual(['FORBIDDEN']);
    expect(codes(await s.gql(UNLOCK, { u: 'nobody.here' }, admin))).toEqual(['NOT_FOUND']);
    // The province's administrator unlocks an account of its subtree; the change is audited.
    const province = await s.login('tinh.daklak');
    expect((await s.gql(UNLOCK, { u: user }, province)).data).toEqual({ unlockAccount: true });
    const [audit] = (await s.ds.query(
      "SELECT a.action, a.entity, a.unitPath FROM audit_log a INNER JOIN app_user u ON a.entityId = CAST(u.id AS CHAR) WHERE u.username = ? AND a.action = 'unlock'",
      [user],
    )) as { action: string; entity: string; unitPath: string | null }[];
    expect(audit).toMatchObject({ action: 'unlock', entity: 'user' });
    expect(audit.unitPath).toBeTruthy();
    expect(codes(await login(s, user, DEMO_PASSWORD, '10.2.1.3'))).toEqual([]);
    const after = (await s.gql<{ users: { username: string; lockedUntil: string | null }[] }>(USERS, {}, admin)).data!.users;
    expect(after.find((u) => u.username === user)!.lockedUntil).toBeNull();
  });

  it('counts are shared by every server of the database and survive a restart', async () => {
    const second = await bootServer(kind, { database: shared, env: PROXIED });
    try {
      // Failures on one server, the block on the other.
      for (let i = 0; i < 5; i++) expect(codes(await login(s, 'phantich.daklak', `wrong-${i}`, '10.3.0.1'))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await login(second, 'phantich.daklak', DEMO_PASSWORD, '10.3.0.1'))).toEqual(['TOO_MANY_REQUESTS']);
      expect(codes(await login(second, 'phantich.daklak', DEMO_PASSWORD, '10.3.0.2'))).toEqual([]);
      for (let i = 0; i < 5; i++) expect(codes(await login(second, 'huyen.eaktur', `wrong-${i}`, '10.3.0.3'))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await second.close();
    }
    // A server started afterwards (a restart) still refuses the pair the stopped one counted.
    const restarted = await bootServer(kind, { database: shared, env: PROXIED });
    try {
      expect(codes(await login(restarted, 'huyen.eaktur', DEMO_PASSWORD, '10.3.0.3'))).toEqual(['TOO_MANY_REQUESTS']);
      expect(codes(await login(restarted, 'huyen.eaktur', DEMO_PASSWORD, '10.3.0.4'))).toEqual([]);
    } finally {
      await restarted.close();
    }
  });

  it('without TRUST_PROXY, X-Forwarded-For does not change the address counted', async () => {
    const direct = await bootServer(kind, { database: shared });
    try {
      // An attacker rotating the header is still one address: the pair blocks after five.
      for (let i = 1; i <= 5; i++) expect(codes(await login(direct, 'xa.krongana', `wrong-${i}`, `10.4.0.${i}`))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await login(direct, 'xa.krongana', DEMO_PASSWORD, '10.4.0.99'))).toEqual(['TOO_MANY_REQUESTS']);
      const addresses = new Set((await failures('xa.krongana')).map((r) => r.address));
      expect(addresses.size).toBe(1);
      expect([...addresses][0]).toMatch(/127\.0\.0\.1|::1/);
    } finally {
      await direct.close();
    }
  });
});
