import crypto from 'node:crypto';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { DomainError } from '@chitieu/domain';
import { User } from './user.entity';
import { Session } from './session.entity';
import { Unit } from '../units/unit.entity';
import { checkNewPassword, dummyHash, hashPassword, verifyPassword } from './password';
import { LoginThrottle } from './throttle';
import { badInput, notFound } from '../../common/errors';
import { isUniqueViolation } from '../../common/retry';
import { inSubtree, isAdmin, subtreeEnd, type Actor } from '../../common/scope';
import { MAX_PAGE } from '../units/units.service';
import type { AuthedContext, RequestContext } from '../../common/context';
import type { Role } from '../../common/enums';
import type { AuditLog } from '../audit/audit-log';
import type { UnitsService } from '../units/units.service';
import { dateFromSql } from '../../db/raw-sql';
import { isSqlite } from '../../db/data-source';
import { ANY_ROLE } from '../../common/roles';

export function tokenHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/**
 * Sessions this process has just looked up, for a moment: every request authenticates, and on a
 * small machine that statement was most of the cost of a request (issue "National scale", B0). A
 * logout or password change in this process drops the entries at once; another server of the
 * same database (a cluster behind a balancer, issue #17) refuses them at the latest
 * SESSION_CACHE_MS later. Half a second keeps nearly all of the saving (a busy session asks at
 * most twice a second instead of on every request) and revocation well within a second.
 */
export const SESSION_CACHE_MS = 500;
const SESSION_CACHE_SIZE = 10_000;

class SessionCache {
  private readonly entries = new Map<string, { actor: Actor; expires: number; until: number }>();
  get(hash: string, now: number): Actor | undefined {
    const e = this.entries.get(hash);
    if (!e) return undefined;
    if (e.until <= now || e.expires <= now) {
      this.entries.delete(hash);
      return undefined;
    }
    return e.actor;
  }
  set(hash: string, actor: Actor, expires: number, now: number): void {
    // Insertion order is age: past the cap, the oldest entry goes.
    if (this.entries.size >= SESSION_CACHE_SIZE) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { actor, expires, until: now + SESSION_CACHE_MS });
  }
  drop(match: (a: Actor) => boolean): void {
    for (const [hash, e] of this.entries) if (match(e.actor)) this.entries.delete(hash);
  }
}

/** Roles an account may grant: never above its own. */
const GRANTABLE: Record<Role, Role[]> = {
  SYSTEM_ADMIN: ANY_ROLE,
  PROVINCE_ADMIN: ANY_ROLE.filter((r) => r !== 'SYSTEM_ADMIN'),
  UNIT_MANAGER: [],
  UNIT_REPORTER: [],
  ANALYST: [],
};

export class AuthService {
  private readonly sessions = new SessionCache();
  /** Failed sign-ins, counted in the database (throttle.ts). */
  readonly throttle: LoginThrottle;
  /** One batch of lockedUntil per request. */
  private readonly lockLoaders = new WeakMap<object, DataLoader<string, Date | null>>();

  constructor(
    private readonly ds: DataSource,
    private readonly sessionHours: number,
    private readonly audit: AuditLog,
    private readonly units: UnitsService,
  ) {
    this.throttle = new LoginThrottle(ds);
  }

  async login(ctx: RequestContext, username: string, password: string) {
    const now = Date.now();
    const key = username.trim().toLowerCase();
    // Count the attempt before the slow hash, so aliased logins in one request cannot all slip through.
    const attempt = await this.throttle.begin(key, ctx.ip, now);
    const user = await this.ds.getRepository(User).findOneBy({ username: key });
    const ok = user && user.active ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
    if (!ok || !user) throw new DomainError('INVALID_CREDENTIALS', {});
    // Only failures count: an office behind one address signs in many people every morning.
    await this.throttle.succeeded(attempt);
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(now + this.sessionHours * 3600 * 1000);
    await this.ds.getRepository(Session).insert({ tokenHash: tokenHash(token), userId: user.id, createdAt: new Date(now), expiresAt, revokedAt: null });
    return { token, expiresAt, user };
  }

  /** The actor behind a bearer token, or null for a missing, unknown, revoked or expired one. */
  async authenticate(token: string | undefined): Promise<Actor | null> {
    if (!token) return null;
    const hash = tokenHash(token);
    const now = Date.now();
    const cached = this.sessions.get(hash, now);
    if (cached) return cached;
    // One raw indexed statement (a query builder here cost more than the query).
    const [row] = (await this.ds.query(
      'SELECT s.id AS sid, s.expiresAt AS expiresAt, u.id AS uid, u.username AS username, u.displayName AS displayName, u.role AS role, ' +
        'u.unitId AS unitId, un.path AS path FROM session s INNER JOIN app_user u ON u.id = s.userId AND u.active = 1 ' +
        'LEFT JOIN unit un ON un.id = u.unitId WHERE s.tokenHash = ? AND s.revokedAt IS NULL',
      [hash],
    )) as { sid: unknown; expiresAt: Date | string; uid: unknown; username: string; displayName: string | null; role: Role; unitId: unknown; path: string | null }[];
    if (!row) return null;
    const expires = dateFromSql(row.expiresAt, isSqlite(this.ds));
    if (expires.getTime() <= now) return null;
    const unitId = row.unitId === null || row.unitId === undefined ? null : Number(row.unitId);
    if (unitId !== null && row.path === null) return null;
    const actor: Actor = {
      userId: Number(row.uid),
      username: row.username,
      displayName: row.displayName ?? null,
      role: row.role,
      unitId,
      unitPath: row.path,
      sessionId: Number(row.sid),
    };
    this.sessions.set(hash, actor, expires.getTime(), now);
    return actor;
  }

  async logout(ctx: AuthedContext): Promise<boolean> {
    await this.ds.getRepository(Session).update({ id: ctx.actor.sessionId }, { revokedAt: new Date() });
    this.sessions.drop((a) => a.sessionId === ctx.actor.sessionId);
    return true;
  }

  /** A new password for the caller; every session of the account is revoked, this one included. */
  async changePassword(ctx: AuthedContext, current: string, next: string): Promise<boolean> {
    const user = await this.ds.getRepository(User).findOneByOrFail({ id: ctx.actor.userId });
    if (!(await verifyPassword(user.passwordHash, current))) throw new DomainError('INVALID_CREDENTIALS', {});
    checkNewPassword(next);
    const passwordHash = await hashPassword(next);
    await this.ds.transaction(async (m) => {
      await m.getRepository(User).update({ id: user.id }, { passwordHash });
      await m.createQueryBuilder().update(Session).set({ revokedAt: new Date() }).where('userId = :uid AND revokedAt IS NULL', { uid: user.id }).execute();
      await this.audit.record(m, ctx, [{ entity: 'user', entityId: user.id, action: 'change-password', unitPath: ctx.actor.unitPath, before: null, after: null }]);
    });
    this.sessions.drop((a) => a.userId === user.id);
    return true;
  }

  /** The caller's account as its session read it (no second query: `me` is on every page load). */
  me(ctx: AuthedContext): User {
    const { userId, username, displayName, role, unitId } = ctx.actor;
    return Object.assign(new User(), { id: userId, username, displayName, role, unitId, active: true });
  }

  /** Accounts of a unit's subtree (the caller's by default), for account management. */
  async list(ctx: AuthedContext, unitId?: string | null): Promise<User[]> {
    const root = unitId != null ? await this.units.getInSubtree(ctx, unitId) : null;
    const path = root?.path ?? ctx.actor.unitPath;
    const qb = this.ds.getRepository(User).createQueryBuilder('u');
    if (path !== null) {
      qb.innerJoin(Unit, 'un', 'un.id = u.unitId').where('un.path >= :lo AND un.path < :hi', { lo: path, hi: subtreeEnd(path) });
    }
    return qb.orderBy('u.username', 'ASC').take(MAX_PAGE).getMany();
  }

  async createUser(
    ctx: AuthedContext,
    input: { username: string; password: string; role: Role; unitId?: string | null; displayName?: string | null; email?: string | null },
  ): Promise<User> {
    const actor = ctx.actor;
    if (!GRANTABLE[actor.role].includes(input.role)) throw new DomainError('FORBIDDEN', {});
    const unit = input.unitId != null ? await this.units.getInSubtree(ctx, input.unitId) : null;
    if (!unit && input.role !== 'SYSTEM_ADMIN') throw badInput('unitId');
    if (unit && input.role === 'SYSTEM_ADMIN') throw badInput('unitId');
    if (unit && !inSubtree(actor, unit.path)) throw notFound('unit', input.unitId);
    checkNewPassword(input.password);
    normalEmail(input.email); // refused before the slow hash
    // Hash outside the transaction: it takes a while, and the transaction should not wait on it.
    const passwordHash = await hashPassword(input.password);
    return this.ds.transaction(async (m) => {
      const user = await this.insertUser(m.getRepository(User), { ...input, passwordHash, unitId: unit?.id ?? null });
      const { passwordHash: _omit, ...safe } = user;
      await this.audit.record(m, ctx, [{ entity: 'user', entityId: user.id, action: 'create', unitPath: unit?.path ?? null, before: null, after: safe }]);
      return user;
    });
  }

  /** Whether the caller manages this account: a system administrator any; a province administrator those of its subtree (as createUser). */
  private async manages(ctx: RequestContext, user: User): Promise<Unit | null | false> {
    const actor = ctx.actor;
    if (!actor || !isAdmin(actor)) return false;
    const unit = user.unitId === null ? null : await ctx.loaders.unit.load(user.unitId);
    if (actor.role === 'SYSTEM_ADMIN') return unit;
    return unit && inSubtree(actor, unit.path) ? unit : false;
  }

  /**
   * Until when signing in to the account is refused by the throttle (everywhere, or from at least
   * one address), for those who manage it; null when it is not, or for anyone else. Batched per
   * request: the accounts page lists up to MAX_PAGE accounts.
   */
  async lockedUntil(ctx: RequestContext, user: User): Promise<Date | null> {
    if ((await this.manages(ctx, user)) === false) return null;
    let loader = this.lockLoaders.get(ctx);
    if (!loader) {
      loader = new DataLoader<string, Date | null>((names) => this.throttle.lockedUntil(names), { maxBatchSize: 1000 });
      this.lockLoaders.set(ctx, loader);
    }
    return loader.load(user.username);
  }

  /** An administrator lifts every sign-in block of an account (audited); true even when there was none. */
  async unlock(ctx: AuthedContext, username: string): Promise<boolean> {
    const key = username.trim().toLowerCase();
    const user = await this.ds.getRepository(User).findOneBy({ username: key });
    const unit = user ? await this.manages(ctx, user) : false;
    // Outside the caller's scope it does not exist, as for units and plans.
    if (!user || unit === false) throw notFound('user', username);
    const [before] = await this.throttle.lockedUntil([key]);
    await this.ds.transaction(async (m) => {
      await this.throttle.unlock(m, key);
      await this.audit.record(m, ctx, [
        { entity: 'user', entityId: user.id, action: 'unlock', unitPath: unit?.path ?? null, before: { lockedUntil: before?.toISOString() ?? null }, after: { lockedUntil: null } },
      ]);
    });
    return true;
  }

  /** Shared by the API, the CLI, the admin bootstrap and the seed: one set of rules for accounts. */
  async insertUser(
    repo: ReturnType<DataSource['getRepository']>,
    input: { username: string; password: string; passwordHash?: string; role: Role; unitId: number | null; displayName?: string | null; email?: string | null },
  ): Promise<User> {
    const username = input.username.trim().toLowerCase();
    if (!/^[a-z0-9._-]{3,64}$/.test(username)) throw badInput('username');
    const email = normalEmail(input.email);
    checkNewPassword(input.password);
    if (await repo.findOneBy({ username })) throw new DomainError('CONFLICT', { reason: 'usernameTaken', username });
    const user = repo.create({
      username,
      passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
      displayName: input.displayName ?? null,
      role: input.role,
      unitId: input.unitId,
      email,
      active: true,
      createdAt: new Date(),
    }) as User;
    try {
      await repo.insert(user);
    } catch (err) {
      // Two creations of one name at once: the unique index decides, the loser hears CONFLICT.
      if (isUniqueViolation(err)) throw new DomainError('CONFLICT', { reason: 'usernameTaken', username });
      throw err;
    }
    return user;
  }
}

/**
 * An account's mail address, trimmed (empty: none), or BAD_USER_INPUT reason 'email': one "@",
 * no spaces, a dotted domain, at most 255 characters (the column).
 */
export function normalEmail(value: string | null | undefined): string | null {
  const email = value?.trim() ?? '';
  if (email === '') return null;
  if (email.length > 255 || !/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/.test(email)) throw badInput('email');
  return email;
}
