import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_MAIL_SUBJECT, notificationMessage, type MessageParams } from '@chitieu/domain';
import type { AppConfig } from '../../config/config';
import type { Logger } from '../../common/logger';
import { NotificationRow } from './notification.entity';

/** Rows read per statement; a round reads on until it has seen every new row. */
const BATCH = 200;
/** Sends of one notification before this process gives up on it (a failure is retried next round). */
export const MAX_ATTEMPTS = 3;
/** Subjects stay short: the message is cut at a word before this many characters. */
const SUBJECT_TITLE_MAX = 80;

/** What one mail says: mails are written in Vietnamese, the product's language. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max = SUBJECT_TITLE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  // A word that ends right at the cut is kept whole.
  const space = flat[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.:;]+$/, '')}…`;
}

/** The mail of one notification: subject, a plain-text part and an HTML part (the message escaped; the link absolute when the public address is known). */
export function mailContent(n: { kind: string; params: MessageParams | null; link: string | null }, publicUrl?: string): MailContent {
  const message = notificationMessage(n.kind, n.params, 'vi');
  // A plain replacement: the catalogue's interpolation reads "[…]" as an optional part.
  const subject = NOTIFICATION_MAIL_SUBJECT.vi.replace('{title}', shorten(message));
  const link = n.link ? (publicUrl && n.link.startsWith('/') ? `${publicUrl}${n.link}` : n.link) : null;
  const text = link ? `${message}\n\n${link}\n` : `${message}\n`;
  const html = [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>',
    `<p>${escapeHtml(message)}</p>`,
    link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : '',
    '</body></html>',
  ].join('');
  return { subject, text, html };
}

type Pending = { id: number | string; userId: number | string; kind: string; params: string | MessageParams | null; link: string | null; email: string | null; active: unknown };

/**
 * Mails notifications when SMTP_URL is set (issue #15). Every MAIL_INTERVAL_MS it reads the rows
 * written since it started (ids above the largest at start: rows written before mail was
 * configured, or while no server mailed, are never mailed late) whose user is active and has an
 * address, CLAIMS each one (mailedAt set only where still NULL: of several servers exactly one
 * wins a row) and sends it. A failed send is logged and the claim released, so a later round
 * (here or on another server) retries, up to MAX_ATTEMPTS times in this process. Rows of users
 * without an address are passed over for good.
 */
export class Mailer {
  private readonly transport: Transporter;
  /** Every row with an id at or below this one has been dealt with (sent, passed over or given up). */
  private cursor: number | null = null;
  /** Rows whose send failed, with the attempts so far, to retry below the cursor. */
  private readonly retries = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'mailIntervalMs' | 'publicUrl'>,
    private readonly log: Logger,
    transport?: Transporter,
  ) {
    if (!transport && !config.smtpUrl) throw new Error('Mailer: SMTP_URL is not set');
    this.transport = transport ?? nodemailer.createTransport(config.smtpUrl);
  }

  /** Notes where the notifications stand now (later rows are mailed) and starts polling. */
  async start(): Promise<void> {
    const [row] = (await this.ds.query('SELECT MAX(id) AS id FROM notification')) as { id: number | string | null }[];
    this.cursor = Number(row?.id ?? 0);
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.runOnce()
        .catch((err: unknown) => this.log.error({ err }, 'mail round failed'))
        .finally(() => {
          this.round = null;
          this.schedule();
        });
    }, this.config.mailIntervalMs);
    this.timer.unref();
  }

  /** One round: mails every new row it can claim; how many it sent. */
  async runOnce(): Promise<number> {
    if (this.cursor === null) throw new Error('Mailer: not started');
    let sent = 0;
    for (;;) {
      const retry = [...this.retries.keys()];
      const rows = (await this.ds.query(
        `SELECT n.id, n.userId, n.kind, n.params, n.link, u.email, u.active FROM notification n LEFT JOIN app_user u ON u.id = n.userId
         WHERE n.mailedAt IS NULL AND (n.id > ?${retry.length ? ` OR n.id IN (${retry.map(() => '?').join(', ')})` : ''}) ORDER BY n.id LIMIT ${BATCH}`,
        [this.cursor, ...retry],
      )) as Pending[];
      for (const row of rows) {
        if (this.stopped) return sent;
        const id = Number(row.id);
        if (id > this.cursor) this.cursor = id;
        if (!row.email || !(row.active === true || Number(row.active) === 1)) continue;
        if (await this.claimAndSend(id, row)) sent += 1;
      }
      if (rows.length < BATCH) return sent;
    }
  }

  /** Claims the row (one server wins it), sends it; a failure releases it for a later attempt. */
  private async claimAndSend(id: number, row: Pending): Promise<boolean> {
    const repo = this.ds.getRepository(NotificationRow);
    const claimed = await repo.createQueryBuilder().update().set({ mailedAt: new Date() }).where('id = :id AND mailedAt IS NULL', { id }).execute();
    if ((claimed.affected ?? 0) !== 1) {
      this.retries.delete(id);
      return false; // another server has it
    }
    try {
      const params = typeof row.params === 'string' ? (JSON.parse(row.params) as MessageParams) : row.params;
      const content = mailContent({ kind: row.kind, params, link: row.link }, this.config.publicUrl);
      await this.transport.sendMail({ from: this.config.mailFrom, to: row.email!, ...content });
      this.retries.delete(id);
      return true;
    } catch (err) {
      const attempts = (this.retries.get(id) ?? 0) + 1;
      this.log.warn({ err, notificationId: id, attempts }, 'mailing a notification failed');
      await repo.createQueryBuilder().update().set({ mailedAt: null }).where('id = :id', { id }).execute();
      if (attempts < MAX_ATTEMPTS) this.retries.set(id, attempts);
      else this.retries.delete(id);
      return false;
    }
  }

  /** Stops polling, waits for a round in progress, closes the SMTP connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
    this.transport.close();
  }
}
