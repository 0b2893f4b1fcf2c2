import { In, IsNull, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { notificationMessage, type MessageParams, type NotificationKind } from '@chitieu/domain';
import { isSqlite } from '../../db/data-source';
import { placeholders } from '../../db/raw-sql';
import { sqlValue } from '../results/bulk';
import { badInput } from '../../common/errors';
import type { AuthedContext } from '../../common/context';
import { NotificationRow, type Notification } from './notification.entity';

/** The largest page of `notifications` (the SPA's unread badge asks for this many). */
export const NOTIFICATIONS_MAX_PAGE = 200;
/** Ids per UPDATE of markRead: well under every driver's parameter limit. */
const IDS_PER_STATEMENT = 500;
/** Rows per INSERT of notifyOnce (six parameters each). */
const ROWS_PER_INSERT = 300;

/** What happened, for whom it is written: the template's kind and parameters, and where the link goes in the SPA. */
export interface NotificationEvent {
  kind: NotificationKind;
  params: MessageParams;
  link: string | null;
  /** Reminders: written at most once per user with this key, whoever writes it and however often. */
  dedupeKey?: string | null;
}

/** The roles a unit's notifications go to: the accounts that act for it (analysts only read). */
const RECIPIENT_ROLES = ['PROVINCE_ADMIN', 'UNIT_MANAGER', 'UNIT_REPORTER'] as const;

/**
 * Notifications (issue #15): written by the services whose events cause them, inside the same
 * transaction (notifyUnits / notifyUsers take the caller's EntityManager), read by their users,
 * mailed by the Mailer when SMTP_URL is set.
 */
export class NotificationsService {
  constructor(private readonly ds: DataSource) {}

  /** Writes `event` for every active account acting for each unit; the number of rows written. */
  async notifyUnits(m: EntityManager, unitIds: readonly number[], event: NotificationEvent): Promise<number> {
    const recipients = await this.recipientsOf(m, unitIds);
    return this.notifyUsers(m, [...recipients.values()].flat(), event);
  }

  /** Writes `event` for each user; with a dedupeKey, a user who already has it is skipped. */
  async notifyUsers(m: EntityManager, userIds: readonly number[], event: NotificationEvent): Promise<number> {
    return this.insert(m, [{ userIds, event }], !!event.dedupeKey);
  }

  /** The active accounts acting for each unit (RECIPIENT_ROLES), by unit: one statement per chunk of units. */
  async recipientsOf(m: EntityManager, unitIds: readonly number[]): Promise<Map<number, number[]>> {
    const ids = [...new Set(unitIds)];
    const out = new Map<number, number[]>();
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
      const chunk = ids.slice(i, i + IDS_PER_STATEMENT);
      const users = (await m.query(
        `SELECT id, unitId FROM app_user WHERE unitId IN (${placeholders(chunk.length)}) AND active = ? AND role IN (${placeholders(RECIPIENT_ROLES.length)})`,
        [...chunk, sqlValue(true, isSqlite(this.ds)), ...RECIPIENT_ROLES],
      )) as { id: number | string; unitId: number | string }[];
      for (const u of users) {
        const list = out.get(Number(u.unitId)) ?? [];
        list.push(Number(u.id));
        out.set(Number(u.unitId), list);
      }
    }
    return out;
  }

  /**
   * Writes many keyed events (reminders) in few statements: each to its users, once per user and
   * key whoever writes it and however often (INSERT IGNORE on the unique (userId, dedupeKey)).
   * The number of rows written.
   */
  async notifyOnce(m: EntityManager, items: readonly { userIds: readonly number[]; event: NotificationEvent & { dedupeKey: string } }[]): Promise<number> {
    return this.insert(m, items, true);
  }

  /**
   * The rows of `items`, each event once per user, in multi-row inserts. `ignore`: keyed rows a
   * user already has are skipped (a second writer — another server, a rerun — adds nothing).
   */
  private async insert(m: EntityManager, items: readonly { userIds: readonly number[]; event: NotificationEvent }[], ignore: boolean): Promise<number> {
    // Bound as TypeORM stores it (better-sqlite3 binds no Date).
    const now = sqlValue(new Date(), isSqlite(this.ds));
    const rows = items.flatMap(({ userIds, event }) =>
      [...new Set(userIds)].map((userId) => [userId, event.kind, JSON.stringify(event.params), event.link, event.dedupeKey ?? null, now] as const),
    );
    const verb = ignore ? (isSqlite(this.ds) ? 'INSERT OR IGNORE' : 'INSERT IGNORE') : 'INSERT';
    let written = 0;
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      const chunk = rows.slice(i, i + ROWS_PER_INSERT);
      written += await this.exec(
        m,
        `${verb} INTO notification (userId, kind, params, link, dedupeKey, createdAt) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        chunk.flat(),
      );
    }
    return written;
  }

  /** Runs a write on the caller's connection (its transaction) and says how many rows it changed, whatever the driver. */
  private async exec(m: EntityManager, sql: string, params: unknown[]): Promise<number> {
    const runner = m.queryRunner ?? this.ds.createQueryRunner();
    try {
      return (await runner.query(sql, params, true)).affected ?? 0;
    } finally {
      if (!m.queryRunner) await runner.release();
    }
  }

  /** The caller's notifications, newest first, each rendered in the request's language. */
  async list(ctx: AuthedContext, args: { unreadOnly: boolean; limit: number }): Promise<Notification[]> {
    if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > NOTIFICATIONS_MAX_PAGE) throw badInput('limit', { max: NOTIFICATIONS_MAX_PAGE });
    const where: FindOptionsWhere<NotificationRow> = { userId: ctx.actor.userId };
    if (args.unreadOnly) where.readAt = IsNull();
    // (userId, id) is indexed: the newest page of one user is a short range scan.
    const rows = await this.ds.getRepository(NotificationRow).find({
      select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
      where,
      order: { id: 'DESC' },
      take: args.limit,
    });
    return rows.map((r) => ({ id: r.id, kind: r.kind, message: notificationMessage(r.kind, r.params, ctx.locale), link: r.link, createdAt: r.createdAt, readAt: r.readAt }));
  }

  /**
   * Marks the caller's unread notifications among `ids` read; the number that changed. Ids of
   * other users' notifications, already read ones and ids that are not numbers change nothing.
   */
  async markRead(ctx: AuthedContext, ids: readonly string[]): Promise<number> {
    const wanted = [...new Set(ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number))];
    if (!wanted.length) return 0;
    const now = new Date();
    let changed = 0;
    for (let i = 0; i < wanted.length; i += IDS_PER_STATEMENT) {
      const result = await this.ds
        .getRepository(NotificationRow)
        .update({ userId: ctx.actor.userId, id: In(wanted.slice(i, i + IDS_PER_STATEMENT)), readAt: IsNull() }, { readAt: now });
      changed += result.affected ?? 0;
    }
    return changed;
  }
}
