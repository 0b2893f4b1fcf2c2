import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueDateOf, monthPeriod, notificationMessage, periodRange, periodsOfYear } from '@chitieu/domain';
import { bootServer, type TestServer } from '../../support/server';
import { freshDatabase, testDatabases } from '../../support/databases';
import { demo, draftPlan, issuePlan, ok, record, setTargets, type Demo } from '../../support/documents';
import { todayInVietnam } from '../../../server/src/modules/results/results.service';
import { addDays, daysBetween } from '../../../server/src/modules/notifications/reminders';
import { mailSink, parseMail } from './mail-sink';

/**
 * Deadline reminders on two servers sharing one database (issue #15): both run the job on their
 * timers and by hand at the same moment; every reminder exists once per user and is mailed once.
 * The data: a plan of the previous month's year, its sub-assignment deadline two days away, a
 * monthly row whose previous month's figures are due tomorrow; two districts hold targets, one
 * has sent its figure.
 */
const NOTIFICATIONS = '{ notifications(limit: 200) { id kind message link } }';
const CREATE_USER = 'mutation($input: CreateUserInput!) { createUser(input: $input) { id username } }';
const ADDRESSES = ['huyen.krongana@daklak.example', 'quanly.khac@daklak.example'];
/** The keys of this spec's plan (the demo seed has reminders of its own). */
const ofPlan = (planId: string) => `(dedupeKey LIKE 'remind-sub:${planId}:%' OR dedupeKey LIKE 'remind-rep:${planId}:%')`;

describe.each(await testDatabases())('reminders from two servers on %s', (kind) => {
  let a: TestServer;
  let b: TestServer;
  let d: Demo;
  let sink: Awaited<ReturnType<typeof mailSink>>;
  const today = todayInVietnam();
  const [ty, tm] = today.split('-').map(Number);
  const previous = tm === 1 ? monthPeriod(ty - 1, 12) : monthPeriod(ty, tm - 1);
  const year = previous.year;
  const deadline = addDays(today, 2);
  // The previous month's figures fall due tomorrow.
  const dueDay = daysBetween(periodRange(previous).to, today) + 1;
  let planId: string;
  let indicatorId: string;
  let other: string;

  beforeAll(async () => {
    sink = await mailSink();
    const db = await freshDatabase(kind);
    const env = { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, MAIL_INTERVAL_MS: '150', REMINDER_INTERVAL_MS: '300' };
    a = await bootServer(kind, { seed: 'demo', database: db, env });
    // The second server finds the database seeded; closing it leaves the database to the first.
    b = await bootServer(kind, { seed: 'demo', database: { ...db, drop: async () => undefined }, env });
    d = await demo(a);
    const province = await a.login('tinh.daklak');
    await a.ds.query("UPDATE app_user SET email = 'huyen.krongana@daklak.example' WHERE username = 'huyen.krongana'");
    other = d.childrenOf('66').find((c) => c !== '655' && d.kind(c) === 'DISTRICT' && d.childrenOf(c).length > 0)!;
    indicatorId = d.indicator('DLK22-ONLINE-RATE');
    // An account of the other district, with an address given on creation.
    const created = await a.gql(
      CREATE_USER,
      { input: { username: 'quanly.khac', password: 'mat-khau-quan-ly-2026', role: 'UNIT_MANAGER', unitId: d.unit(other), email: ' quanly.khac@daklak.example ' } },
      province,
    );
    ok(created);
    planId = await draftPlan(a, province, { issuerId: d.unit('66'), year, title: 'Kế hoạch nhắc hạn (hai máy chủ)', subAssignmentDeadline: deadline }, [
      { indicatorId, floors: [{ kind: 'COMMUNE', value: 40 }], section: 'I', position: '1' },
    ]);
    const targets = [d.unit('655'), d.unit(other)].map((unitId) => ({ unitId, value: 60 }));
    expect(await setTargets(a, province, { planId, indicatorId, targets })).toMatchObject({ applied: true, created: 2 });
    // The row's reporting calendar, written as the plan row input will write it.
    await a.ds.query("UPDATE plan_indicator SET frequency = 'MONTHLY', dueDay = ? WHERE planId = ? AND indicatorId = ?", [dueDay, Number(planId), Number(indicatorId)]);
    await record(a, province, indicatorId, previous.key, [{ unitId: d.unit(other), numerator: 8, denominator: 10 }]);
    await a.ds.query("UPDATE result SET state = 'SUBMITTED' WHERE unitId = ? AND indicatorId = ? AND period = ?", [Number(d.unit(other)), Number(indicatorId), previous.key]);
    await issuePlan(a, province, planId);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await sink?.close();
  });

  /** The reminders the data calls for, as (unit id, dedupeKey), computed from the rules. */
  function expectedReminders(): [string, string][] {
    const last = addDays(today, 3);
    const out: [string, string][] = [];
    for (const code of ['655', other]) if (d.childrenOf(code).length > 0) out.push([d.unit(code), `remind-sub:${planId}:${deadline}`]);
    for (const p of periodsOfYear('MONTHLY', year)) {
      const due = dueDateOf(p, dueDay);
      if (due < today || due > last) continue;
      // The other district sent the previous month's figure: only Krông A Na is reminded of it.
      for (const code of ['655', other]) if (!(code === other && p.key === previous.key)) out.push([d.unit(code), `remind-rep:${planId}:${indicatorId}:${p.key}:${d.unit(code)}`]);
    }
    return out;
  }

  it('writes each reminder once per user, whichever server runs it and however often', async () => {
    expect(dueDateOf(previous, dueDay)).toBe(addDays(today, 1));
    await Promise.all([a.server.jobs.reminders.run(today), b.server.jobs.reminders.run(today), a.server.jobs.reminders.run(today), b.server.jobs.reminders.run(today)]);
    await new Promise((r) => setTimeout(r, 1000)); // the timers of both servers run a few more times
    const recipients = (await a.ds.query("SELECT id, unitId, username FROM app_user WHERE active = 1 AND role <> 'ANALYST' AND unitId IS NOT NULL")) as {
      id: number;
      unitId: number;
      username: string;
    }[];
    const expected = expectedReminders().flatMap(([unitId, key]) => recipients.filter((u) => String(u.unitId) === unitId).map((u) => `${u.id} ${key}`));
    expect(expected.some((e) => e.includes('remind-rep:'))).toBe(true);
    expect(expected.some((e) => e.includes('remind-sub:'))).toBe(true);
    const rows = (await a.ds.query(`SELECT userId, dedupeKey, COUNT(*) AS n FROM notification WHERE ${ofPlan(planId)} GROUP BY userId, dedupeKey`)) as {
      userId: number;
      dedupeKey: string;
      n: number | string;
    }[];
    expect(rows.map((r) => Number(r.n)).every((n) => n === 1)).toBe(true);
    expect(rows.map((r) => `${r.userId} ${r.dedupeKey}`).sort()).toEqual(expected.sort());
  });

  it('words the reporting reminder for the district, with a link to its figures', async () => {
    const token = await b.login('huyen.krongana');
    const list = ok(await b.gql<{ notifications: { kind: string; message: string; link: string }[] }>(NOTIFICATIONS, {}, token)).notifications;
    const reporting = list.filter((n) => n.kind === 'REMINDER_REPORTING');
    expect(reporting).toHaveLength(1);
    const [{ name: unit }] = (await a.ds.query('SELECT name FROM unit WHERE id = ?', [Number(d.unit('655'))])) as { name: string }[];
    const [{ name: indicator }] = (await a.ds.query('SELECT name FROM indicator WHERE id = ?', [Number(indicatorId)])) as { name: string }[];
    const due = addDays(today, 1);
    expect(reporting[0]).toMatchObject({
      kind: 'REMINDER_REPORTING',
      message: notificationMessage('REMINDER_REPORTING', { indicator, period: previous.key, unit, due, days: 1 }, 'vi'),
      link: `/results?planId=${planId}&indicatorId=${indicatorId}&period=${previous.key}&unitId=${d.unit('655')}`,
    });
    expect(reporting[0].message).toContain(`trước ngày ${due.split('-').reverse().join('/')} (còn 1 ngày)`);
  });

  it('mails each reminder once to each address, from one of the servers', async () => {
    const rows = (await a.ds.query(`SELECT u.email, n.kind, n.params FROM notification n JOIN app_user u ON u.id = n.userId WHERE u.email IS NOT NULL AND ${ofPlan(planId)}`)) as {
      email: string;
      kind: string;
      params: string;
    }[];
    // Krông A Na: the deadline and its figure; the other district: the deadline only (its figure is sent).
    expect(rows.map((r) => `${r.email} ${r.kind}`).sort()).toEqual([
      'huyen.krongana@daklak.example REMINDER_REPORTING',
      'huyen.krongana@daklak.example REMINDER_SUB_ASSIGNMENT',
      'quanly.khac@daklak.example REMINDER_SUB_ASSIGNMENT',
    ]);
    const count = (to: string, message: string) => sink.mails.filter((mail) => mail.to.join() === to && parseMail(mail.raw).text.includes(message)).length;
    const expected = rows.map((r) => ({ to: r.email, message: notificationMessage(r.kind, JSON.parse(r.params), 'vi') }));
    const until = Date.now() + 10_000;
    while (Date.now() < until && !expected.every((e) => count(e.to, e.message) > 0)) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 600)); // a few more rounds of both mailers
    for (const e of expected) expect(count(e.to, e.message), `${e.to}: ${e.message}`).toBe(1);
    expect(sink.mails.every((mail) => mail.to.length === 1 && ADDRESSES.includes(mail.to[0]))).toBe(true);
    const [{ unmailed }] = await a.ds.query(
      `SELECT COUNT(*) AS unmailed FROM notification n JOIN app_user u ON u.id = n.userId WHERE u.email IS NOT NULL AND ${ofPlan(planId)} AND n.mailedAt IS NULL`,
    );
    expect(Number(unmailed)).toBe(0);
  });
});
