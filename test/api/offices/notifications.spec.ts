import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationMessage } from '@chitieu/domain';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, draftPlan, issuePlan, ok, setTargets, type Demo } from '../../support/documents';
import { todayInVietnam } from '../../../server/src/modules/results/results.service';
import { addDays } from '../../../server/src/modules/notifications/reminders';
import { mailSink, parseMail } from './mail-sink';

/**
 * Notifications as their users read them (issue #15): the province issues a plan whose
 * sub-assignment deadline is two days away, with a target for Krông A Na whose communes have
 * none; the reminder job writes a reminder to the district, which reads it in its language,
 * pages it and marks it read (nobody else can). With SMTP_URL set, it is also mailed, once.
 */
const NOTIFICATIONS = 'query($unreadOnly: Boolean, $limit: Int) { notifications(unreadOnly: $unreadOnly, limit: $limit) { id kind message link createdAt readAt } }';
const MARK_READ = 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }';
type Row = { id: string; kind: string; message: string; link: string | null; createdAt: string; readAt: string | null };

/** A plan of this year (the previous month's year, as the reporting spec uses) due for sub-assignment in two days, with a target for Krông A Na only. */
async function planDueInTwoDays(s: TestServer, d: Demo, token: string, title: string) {
  const today = todayInVietnam();
  const deadline = addDays(today, 2);
  const year = Number(today.slice(0, 4));
  const indicatorId = d.indicator('DLK22-ONLINE-RATE');
  const id = await draftPlan(s, token, { issuerId: d.unit('66'), year, title, subAssignmentDeadline: deadline }, [
    { indicatorId, floors: [{ kind: 'COMMUNE', value: 40 }], section: 'I', position: '1' },
  ]);
  const written = await setTargets(s, token, { planId: id, indicatorId, targets: [{ unitId: d.unit('655'), value: 60 }] });
  expect(written).toMatchObject({ applied: true, created: 1 });
  await issuePlan(s, token, id);
  return { id, deadline, today, title };
}

describe.each(await testDatabases())('notifications on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tok: Record<string, string>;
  let plan: Awaited<ReturnType<typeof planDueInTwoDays>>;
  const list = (user: string, vars: Record<string, unknown> = {}, headers: Record<string, string> = {}) => s.gql<{ notifications: Row[] }>(NOTIFICATIONS, vars, tok[user], headers);
  const reminders = (rows: Row[]) => rows.filter((r) => r.kind === 'REMINDER_SUB_ASSIGNMENT' && r.link === `/plans/${plan.id}`);

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo', env: { REMINDER_INTERVAL_MS: '0' } });
    d = await demo(s);
    tok = { sysadmin: d.admin };
    for (const u of ['tinh.daklak', 'huyen.krongana', 'xa.buontrap']) tok[u] = await s.login(u);
    plan = await planDueInTwoDays(s, d, tok['tinh.daklak'], 'Kế hoạch nhắc việc (thử)');
    expect(d.childrenOf('655').length).toBeGreaterThan(0);
  });
  afterAll(async () => s?.close());

  it('reminds Krông A Na of the deadline once, however often the job runs', async () => {
    const job = s.server.jobs.reminders;
    const first = await job.run(plan.today);
    await job.run(plan.today);
    await Promise.all([job.run(plan.today), job.run(plan.today)]);
    const [{ n }] = await s.ds.query('SELECT COUNT(*) AS n FROM notification WHERE dedupeKey = ?', [`remind-sub:${plan.id}:${plan.deadline}`]);
    const [{ users }] = await s.ds.query("SELECT COUNT(*) AS users FROM app_user WHERE unitId = ? AND active = 1 AND role <> 'ANALYST'", [Number(d.unit('655'))]);
    expect(Number(n)).toBe(Number(users));
    expect(first).toBeGreaterThanOrEqual(Number(users));
    // The district's communes were not reminded: they have nothing to sub-assign.
    expect(reminders(ok(await list('xa.buontrap')).notifications)).toEqual([]);
    expect(reminders(ok(await list('tinh.daklak')).notifications)).toEqual([]);
  });

  it('lists it in Vietnamese by default and in English on request', async () => {
    const params = { plan: plan.title, deadline: plan.deadline, days: 2 };
    const [vi] = reminders(ok(await list('huyen.krongana')).notifications);
    expect(vi).toMatchObject({ kind: 'REMINDER_SUB_ASSIGNMENT', link: `/plans/${plan.id}`, readAt: null, message: notificationMessage('REMINDER_SUB_ASSIGNMENT', params, 'vi') });
    const [y, m, dd] = plan.deadline.split('-');
    expect(vi.message).toContain(`ngày ${dd}/${m}/${y} (còn 2 ngày)`);
    const [en] = reminders(ok(await list('huyen.krongana', {}, { 'accept-language': 'en' })).notifications);
    expect(en).toMatchObject({ id: vi.id, message: notificationMessage('REMINDER_SUB_ASSIGNMENT', params, 'en') });
    expect(en.message).toContain('(2 days left)');
  });

  it('pages newest first and filters the unread', async () => {
    const all = ok(await list('huyen.krongana', { limit: 200 })).notifications;
    expect(all.length).toBeGreaterThan(0);
    const ids = all.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(ok(await list('huyen.krongana', { limit: 1 })).notifications).toEqual(all.slice(0, 1));
    const unread = ok(await list('huyen.krongana', { unreadOnly: true, limit: 200 })).notifications;
    expect(unread).toEqual(all.filter((r) => r.readAt === null));
  });

  it.each([0, 201, -1])('refuses limit %i in the reader’s language', async (limit) => {
    const vi = await list('huyen.krongana', { limit });
    expect(codes(vi)).toEqual(['BAD_USER_INPUT']);
    expect(vi.errors![0].message).toContain('tối đa 200 dòng');
    const en = await list('huyen.krongana', { limit }, { 'accept-language': 'en' });
    expect(en.errors![0].message).toContain('at most 200 rows');
  });

  it("changes nothing when another user marks the district's notifications", async () => {
    const before = ok(await list('huyen.krongana', { limit: 200 })).notifications;
    const ids = before.filter((r) => r.readAt === null).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    for (const user of ['tinh.daklak', 'xa.buontrap', 'sysadmin']) {
      expect(ok(await s.gql<{ markNotificationsRead: number }>(MARK_READ, { ids }, tok[user])).markNotificationsRead, user).toBe(0);
    }
    expect(ok(await list('huyen.krongana', { limit: 200 })).notifications).toEqual(before);
  });

  it('marks its own read: the count of those that changed, bad ids ignored', async () => {
    const before = ok(await list('huyen.krongana', { unreadOnly: true, limit: 200 })).notifications;
    const [one, ...rest] = before.map((r) => r.id);
    expect(ok(await s.gql<{ markNotificationsRead: number }>(MARK_READ, { ids: [one, one, 'abc', '-1', '99999999'] }, tok['huyen.krongana'])).markNotificationsRead).toBe(1);
    const after = ok(await list('huyen.krongana', { limit: 200 })).notifications;
    const marked = after.find((r) => r.id === one)!;
    expect(marked.readAt).not.toBeNull();
    expect(ok(await list('huyen.krongana', { unreadOnly: true, limit: 200 })).notifications.map((r) => r.id)).toEqual(rest);
    // Marking again changes nothing, and keeps the first time it was read.
    expect(ok(await s.gql<{ markNotificationsRead: number }>(MARK_READ, { ids: before.map((r) => r.id) }, tok['huyen.krongana'])).markNotificationsRead).toBe(rest.length);
    expect(ok(await list('huyen.krongana', { limit: 200 })).notifications.find((r) => r.id === one)!.readAt).toBe(marked.readAt);
    expect(ok(await list('huyen.krongana', { unreadOnly: true })).notifications).toEqual([]);
    expect(ok(await s.gql<{ markNotificationsRead: number }>(MARK_READ, { ids: [] }, tok['huyen.krongana'])).markNotificationsRead).toBe(0);
  });

  it('refuses a malformed mail address on a new account, in the reader’s language, and creates nothing', async () => {
    const create = (email: string, headers: Record<string, string> = {}) =>
      s.gql(
        'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        { input: { username: 'thu.sai', password: 'mat-khau-thu-sai-2026', role: 'UNIT_REPORTER', unitId: d.unit('655'), email } },
        tok['tinh.daklak'],
        headers,
      );
    for (const email of ['khong-phai-thu', 'a@b', 'hai @daklak.vn', 'x@y@daklak.vn']) {
      const vi = await create(email);
      expect(codes(vi), email).toEqual(['BAD_USER_INPUT']);
      expect(vi.errors![0].extensions!.params).toMatchObject({ reason: 'email' });
      expect(vi.errors![0].message).toContain('địa chỉ thư điện tử không hợp lệ');
    }
    expect((await create('khong-phai-thu', { 'accept-language': 'en' })).errors![0].message).toContain('the email address is not valid');
    const [{ n }] = await s.ds.query("SELECT COUNT(*) AS n FROM app_user WHERE username = 'thu.sai'");
    expect(Number(n)).toBe(0);
    // Blank is no address at all.
    ok(await create('  '));
    const [row] = await s.ds.query("SELECT email FROM app_user WHERE username = 'thu.sai'");
    expect(row.email).toBeNull();
  });

  it('answers UNAUTHENTICATED without a session', async () => {
    expect(codes(await s.gql(NOTIFICATIONS, {}))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await s.gql(MARK_READ, { ids: ['1'] }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe.each(await testDatabases())('mailed notifications on %s', (kind) => {
  let s: TestServer;
  let sink: Awaited<ReturnType<typeof mailSink>>;
  let d: Demo;

  beforeAll(async () => {
    sink = await mailSink();
    s = await bootServer(kind, {
      seed: 'demo',
      env: {
        SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        MAIL_INTERVAL_MS: '200',
        MAIL_FROM: 'Chỉ tiêu Đắk Lắk <chitieu@daklak.example>',
        PUBLIC_URL: 'https://chitieu.example.vn',
        REMINDER_INTERVAL_MS: '0',
      },
    });
    d = await demo(s);
  });
  afterAll(async () => {
    await s?.close();
    await sink?.close();
  });

  it('mails a new notification once, in Vietnamese, to the account’s address; accounts without one get none', async () => {
    await s.ds.query("UPDATE app_user SET email = ? WHERE username = 'huyen.krongana'", ['huyen.krongana@daklak.example']);
    const token = await s.login('tinh.daklak');
    const plan = await planDueInTwoDays(s, d, token, 'Kế hoạch <thư> & nhắc việc');
    expect(await s.server.jobs.reminders.run(plan.today)).toBeGreaterThan(0);
    const [row] = (await s.ds.query("SELECT n.id, n.params FROM notification n JOIN app_user u ON u.id = n.userId WHERE u.username = 'huyen.krongana' AND n.dedupeKey = ?", [
      `remind-sub:${plan.id}:${plan.deadline}`,
    ])) as { id: number; params: string }[];
    expect(row).toBeDefined();

    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !sink.mails.some((m) => m.raw.includes(`/plans/${plan.id}`))) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 800)); // a few more rounds: nothing is mailed twice
    const mine = sink.mails.filter((m) => m.to.includes('huyen.krongana@daklak.example'));
    // Only the district's account has an address: nobody else was mailed anything.
    expect(sink.mails.every((m) => m.to.length === 1 && m.to[0] === 'huyen.krongana@daklak.example')).toBe(true);
    // One mail per notification mailed (issuing may have notified the district too), the reminder's exactly once.
    const [{ mailed }] = await s.ds.query(
      "SELECT COUNT(*) AS mailed FROM notification n JOIN app_user u ON u.id = n.userId WHERE u.username = 'huyen.krongana' AND n.mailedAt IS NOT NULL",
    );
    expect(mine).toHaveLength(Number(mailed));
    const reminder = mine.filter((m) => parseMail(m.raw).subject.startsWith('[Chỉ tiêu] Nhắc việc: hạn phân bổ chỉ tiêu'));
    expect(reminder).toHaveLength(1);
    expect(reminder[0].from).toBe('chitieu@daklak.example');

    const message = notificationMessage('REMINDER_SUB_ASSIGNMENT', { plan: plan.title, deadline: plan.deadline, days: 2 }, 'vi');
    const mail = parseMail(reminder[0].raw);
    expect(mail.to).toContain('huyen.krongana@daklak.example');
    expect(mail.subject.startsWith('[Chỉ tiêu] Nhắc việc: hạn phân bổ chỉ tiêu')).toBe(true);
    expect(mail.text).toContain(message);
    expect(mail.text).toContain(`https://chitieu.example.vn/plans/${plan.id}`);
    const escaped = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    expect(mail.html).toContain(`<p>${escaped}</p>`);
    expect(mail.html).toContain(`<a href="https://chitieu.example.vn/plans/${plan.id}">`);

    const [after] = (await s.ds.query('SELECT mailedAt FROM notification WHERE id = ?', [row.id])) as { mailedAt: unknown }[];
    expect(after.mailedAt).not.toBeNull();
    // The other accounts' rows (no address) stay unmailed.
    const [{ n }] = await s.ds.query('SELECT COUNT(*) AS n FROM notification n JOIN app_user u ON u.id = n.userId WHERE u.email IS NULL AND n.mailedAt IS NOT NULL');
    expect(Number(n)).toBe(0);
  });
});
