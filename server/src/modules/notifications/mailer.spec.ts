import { afterAll, describe, expect, it } from 'vitest';
import type { Transporter } from 'nodemailer';
import { notificationMessage } from '@chitieu/domain';
import { Mailer, mailContent, shorten } from './mailer';
import { addDays, daysBetween } from './reminders';
import { NotificationsService } from './notifications.service';
import { User } from '../auth/user.entity';
import { migrate, openDataSource } from '../../db/data-source';
import { scratchDatabases } from '../../db/scratch.testing';
import { createLogger } from '../../common/logger';

describe('mailContent', () => {
  const returned = {
    kind: 'RESULTS_RETURNED',
    params: { indicator: 'Tỷ lệ hồ sơ trực tuyến', period: '2026-Q3', unit: 'Xã Buôn Trấp', reason: 'Thiếu số liệu <tháng 9> & "mẫu số"' },
    link: '/results?planId=4&unitId=7',
  };

  it('writes the message in Vietnamese in both parts, escaped in the HTML', () => {
    const message = notificationMessage(returned.kind, returned.params, 'vi');
    expect(message).toContain('bị trả lại');
    const mail = mailContent(returned);
    expect(mail.text).toBe(`${message}\n\n/results?planId=4&unitId=7\n`);
    expect(mail.html).toContain('<p>Số liệu Tỷ lệ hồ sơ trực tuyến kỳ 2026-Q3 của Xã Buôn Trấp bị trả lại. Lý do: Thiếu số liệu &lt;tháng 9&gt; &amp; &quot;mẫu số&quot;</p>');
    expect(mail.html).not.toContain('<tháng 9>');
    expect(mail.html).toContain('lang="vi"');
  });

  it('makes the link absolute when the public address is known', () => {
    const mail = mailContent(returned, 'https://chitieu.example.vn');
    expect(mail.text).toContain('\nhttps://chitieu.example.vn/results?planId=4&unitId=7\n');
    expect(mail.html).toContain('<a href="https://chitieu.example.vn/results?planId=4&amp;unitId=7">');
  });

  it('has a subject of the catalogue with the message shortened at a word', () => {
    const mail = mailContent(returned);
    expect(mail.subject.startsWith('[Chỉ tiêu] Số liệu Tỷ lệ hồ sơ trực tuyến')).toBe(true);
    expect(mail.subject.endsWith('…')).toBe(true);
    expect(mail.subject.length).toBeLessThanOrEqual('[Chỉ tiêu] '.length + 80);
    const short = mailContent({ kind: 'TARGETS_ACKNOWLEDGED', params: { unit: 'Huyện Krông A Na', plan: 'KH 2026' }, link: null });
    expect(short.subject).toBe('[Chỉ tiêu] Huyện Krông A Na đã xác nhận tiếp nhận chỉ tiêu của kế hoạch "KH 2026".');
    expect(short.text).toBe('Huyện Krông A Na đã xác nhận tiếp nhận chỉ tiêu của kế hoạch "KH 2026".\n');
    expect(short.html).not.toContain('<a ');
  });

  it('shortens only what is too long', () => {
    expect(shorten('  a   b  ')).toBe('a b');
    expect(shorten('word '.repeat(30), 20)).toBe('word word word word…');
    expect(shorten('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('reminder days', () => {
  it('counts across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
  });
});

const { databases, drop } = await scratchDatabases('mailer');
afterAll(drop);

/** A transport that records what it sends and fails the sends it is told to. */
function fakeTransport(failFirst: number) {
  const sent: { to: string; subject: string; text: string; html: string }[] = [];
  let failures = failFirst;
  const transport = {
    sendMail: async (mail: { to: string; subject: string; text: string; html: string }) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('421 try again later');
      }
      sent.push(mail);
      return {};
    },
    close: () => undefined,
  };
  return { sent, transport: transport as unknown as Transporter };
}

describe.each(databases.map((d) => [d.type, d] as const))('the mailer on %s', (_kind, db) => {
  it('mails only rows written after it started, once across two mailers, retrying a failed send, never to accounts without an address', async () => {
    const ds = await openDataSource(db);
    const log = createLogger('silent');
    const config = { mailFrom: 'Chỉ tiêu <chitieu@localhost>', mailIntervalMs: 60_000, publicUrl: 'https://chitieu.example.vn' };
    try {
      await migrate(ds);
      const users = ds.getRepository(User);
      const account = (username: string, email: string | null) =>
        users.save(users.create({ username, passwordHash: 'x', displayName: null, role: 'UNIT_MANAGER', unitId: null, active: true, email, createdAt: new Date() }));
      const [withMail, without] = [await account('co.thu', 'co.thu@example.vn'), await account('khong.thu', null)];
      const notifications = new NotificationsService(ds);
      const event = (n: number) => ({ kind: 'TARGETS_ACKNOWLEDGED' as const, params: { unit: `Đơn vị ${n}`, plan: 'KH 2026' }, link: `/plans/${n}` });
      await notifications.notifyUsers(ds.manager, [withMail.id, without.id], event(1)); // before any mailer: never mailed

      const a = fakeTransport(1);
      const b = fakeTransport(0);
      const first = new Mailer(ds, config, log, a.transport);
      const second = new Mailer(ds, config, log, b.transport);
      await first.start();
      await second.start();
      await notifications.notifyUsers(ds.manager, [withMail.id, without.id], event(2));
      await notifications.notifyUsers(ds.manager, [withMail.id], event(3));

      // The first mailer fails to send event 2 (released for a later round) and sends event 3.
      expect(await first.runOnce()).toBe(1);
      expect(a.sent.map((m) => m.text.split('\n')[0])).toEqual(['Đơn vị 3 đã xác nhận tiếp nhận chỉ tiêu của kế hoạch "KH 2026".']);
      const pending = (await ds.query('SELECT COUNT(*) AS n FROM notification WHERE mailedAt IS NULL AND userId = ?', [withMail.id])) as { n: number | string }[];
      expect(Number(pending[0].n)).toBe(2); // event 1 (never) and event 2 (to retry)
      // Both at once: each row goes out once, whoever claims it.
      const counts = await Promise.all([first.runOnce(), second.runOnce(), first.runOnce(), second.runOnce()]);
      const sent = [...a.sent, ...b.sent];
      expect(1 + counts.reduce((x, y) => x + y, 0)).toBe(sent.length);
      expect(sent.map((m) => m.text.split('\n')[0]).sort()).toEqual([
        'Đơn vị 2 đã xác nhận tiếp nhận chỉ tiêu của kế hoạch "KH 2026".',
        'Đơn vị 3 đã xác nhận tiếp nhận chỉ tiêu của kế hoạch "KH 2026".',
      ]);
      expect(sent.every((m) => m.to === 'co.thu@example.vn' && m.subject.startsWith('[Chỉ tiêu] Đơn vị'))).toBe(true);
      expect(sent.map((m) => m.html.match(/href="([^"]+)"/)?.[1]).sort()).toEqual(['https://chitieu.example.vn/plans/2', 'https://chitieu.example.vn/plans/3']);
      const rows = (await ds.query('SELECT userId, link, mailedAt FROM notification ORDER BY id')) as { userId: number; link: string; mailedAt: unknown }[];
      expect(rows.map((r) => [Number(r.userId) === withMail.id ? 'co.thu' : 'khong.thu', r.link, r.mailedAt !== null])).toEqual([
        ['co.thu', '/plans/1', false],
        ['khong.thu', '/plans/1', false],
        ['co.thu', '/plans/2', true],
        ['khong.thu', '/plans/2', false],
        ['co.thu', '/plans/3', true],
      ]);
      // Nothing new: nothing more goes out.
      expect(await Promise.all([first.runOnce(), second.runOnce()])).toEqual([0, 0]);
      await Promise.all([first.stop(), second.stop()]);
    } finally {
      await ds.destroy();
    }
  });
});
