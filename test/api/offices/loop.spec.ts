import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { ADD_PLAN_INDICATOR, CREATE_PLAN, createIndicator, demo, issuePlan, ok, record, setTargets, type Demo } from '../../support/documents';

/**
 * Issue #15, the whole loop between offices over HTTP, as the mail and phone calls carried it:
 * the province issues a 2025 plan → Krông A Na acknowledges → proposes another value → the
 * province decides → the district sub-assigns to Buôn Trấp → the commune records its months →
 * submits → the district returns it → the commune corrects and resubmits → the district
 * approves → the commune's edit of the locked figure is refused. Completeness and the year-end
 * projection are checked against figures computed here; every event leaves a notification for
 * the accounts of the unit it concerns, and each is mailed once to a local SMTP server.
 */
type Mail = { to: string[]; raw: string };
type Row = { unit: { id: string }; period: string; dueDate: string; state: string | null; submittedAt: string | null; late: boolean; missing: boolean };
const ROW = 'unit { id } period dueDate state submittedAt late missing';

describe.each(await testDatabases())('between offices, the whole loop, on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let smtp: SMTPServer;
  const mails: Mail[] = [];
  const tok: Record<string, string> = {};
  let plan: string;
  let rate: string;
  let district: string;
  let commune: string;
  let districtTarget: { id: string; value: number };
  let bootId = 0;
  // The commune's monthly figures (b of a), January to April 2025; January is corrected once.
  const months: [string, number, number][] = [
    ['2025-01', 30, 100],
    ['2025-02', 45, 120],
    ['2025-03', 50, 100],
    ['2025-04', 70, 110],
  ];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    s = await bootServer(kind, { seed: 'demo', env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_INTERVAL_MS: '200', REMINDER_INTERVAL_MS: '0' } });
    d = await demo(s);
    // The demo's own notifications were written before the mailer started: it leaves those alone.
    bootId = Number(((await s.ds.query('SELECT COALESCE(MAX(id), 0) AS m FROM notification')) as { m: number }[])[0].m);
    for (const u of ['tinh.daklak', 'huyen.krongana', 'xa.buontrap']) {
      tok[u] = await s.login(u);
      await s.ds.query('UPDATE app_user SET email = ? WHERE username = ?', [`${u}@example.vn`, u]);
    }
    district = d.unit('655');
    commune = d.unit('24538');
    rate = await createIndicator(s, tok['tinh.daklak'], { code: 'LOOP-RATE', name: 'Tỷ lệ hồ sơ trực tuyến (vòng liên thông)', measure: 'RATE', comparator: 'AT_LEAST' });
    plan = ok(
      await s.gql<{ createPlan: { id: string } }>(
        CREATE_PLAN,
        { input: { issuerId: d.unit('66'), year: 2025, title: 'Kế hoạch liên thông 2025', documentNumber: '15/KH-UBND' } },
        tok['tinh.daklak'],
      ),
    ).createPlan.id;
    ok(await s.gql(ADD_PLAN_INDICATOR, { input: { planId: plan, indicatorId: rate, frequency: 'MONTHLY', dueDay: 5 } }, tok['tinh.daklak']));
    const set = await setTargets(s, tok['tinh.daklak'], { planId: plan, indicatorId: rate, targets: [{ unitId: district, value: 80 }] });
    expect(set.applied).toBe(true);
    districtTarget = { id: set.targets.find((t) => t.unit.id === district)!.id, value: 80 };
  });
  afterAll(async () => {
    await s?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  /** The notifications of one account, as its owner reads them. */
  const inbox = async (user: string) =>
    ok(
      await s.gql<{ notifications: { id: string; kind: string; message: string; link: string | null; readAt: string | null }[] }>(
        '{ notifications(limit: 200) { id kind message link readAt } }',
        {},
        tok[user],
      ),
    ).notifications;
  const kinds = async (user: string) => (await inbox(user)).map((n) => n.kind);

  it('issuing tells the district, which acknowledges; the province sees who has and when', async () => {
    await issuePlan(s, tok['tinh.daklak'], plan);
    const issued = (await inbox('huyen.krongana')).find((n) => n.kind === 'TARGETS_ISSUED');
    expect(issued?.message).toContain('Kế hoạch liên thông 2025');
    expect(issued?.link).toBe(`/plans/${plan}`);
    const ack = ok(
      await s.gql<{ acknowledgeTargets: { unit: { id: string }; at: string } }>(
        'mutation($p: ID!, $u: ID!) { acknowledgeTargets(planId: $p, unitId: $u) { unit { id } at } }',
        { p: plan, u: district },
        tok['huyen.krongana'],
      ),
    );
    expect(ack.acknowledgeTargets.unit.id).toBe(district);
    const seen = ok(
      await s.gql<{ acknowledgements: { unit: { id: string }; by: { username: string }; at: string }[] }>(
        'query($p: ID!) { acknowledgements(planId: $p) { unit { id } by { username } at } }',
        { p: plan },
        tok['tinh.daklak'],
      ),
    );
    expect(seen.acknowledgements.map((a) => [a.unit.id, a.by.username])).toEqual([[district, 'huyen.krongana']]);
    expect(await kinds('tinh.daklak')).toContain('TARGETS_ACKNOWLEDGED');
  });

  it('the district proposes another value with a reason; the province accepts it as an amendment', async () => {
    const proposed = ok(
      await s.gql<{ requestAdjustment: { id: string; state: string } }>(
        'mutation($t: ID!, $v: Float!, $r: String!) { requestAdjustment(targetId: $t, proposedValue: $v, reason: $r) { id state } }',
        { t: districtTarget.id, v: 75, r: 'Năm 2025 sáp nhập đơn vị, số hồ sơ phát sinh giảm' },
        tok['huyen.krongana'],
      ),
    ).requestAdjustment;
    expect(proposed.state).toBe('PENDING');
    expect((await inbox('tinh.daklak')).find((n) => n.kind === 'ADJUSTMENT_REQUESTED')?.message).toContain('sáp nhập');
    const decided = ok(
      await s.gql<{ decideAdjustment: { state: string; target: { value: number } } }>(
        'mutation($id: ID!) { decideAdjustment(id: $id, accept: true, note: "Đồng ý") { state target { value } } }',
        { id: proposed.id },
        tok['tinh.daklak'],
      ),
    ).decideAdjustment;
    expect(decided.state).toBe('ACCEPTED');
    districtTarget.value = 75;
    const [stored] = (await s.ds.query('SELECT value FROM target WHERE id = ?', [Number(districtTarget.id)])) as { value: number }[];
    expect(Number(stored.value)).toBe(75);
    expect(await kinds('huyen.krongana')).toContain('ADJUSTMENT_ACCEPTED');
  });

  it('the district sub-assigns to Buôn Trấp, which is told', async () => {
    const set = await setTargets(s, tok['huyen.krongana'], { planId: plan, indicatorId: rate, targets: [{ unitId: commune, value: 75 }] });
    expect(set.applied).toBe(true);
    expect(await kinds('xa.buontrap')).toContain('TARGETS_ASSIGNED');
  });

  const figure = (period: string) => ({ indicatorId: rate, period, unitId: commune });
  const submit = (user: string, period: string) =>
    s.gql<{ submitResults: Row[] }>(
      `mutation($indicatorId: ID!, $period: String!, $unitId: ID!) { submitResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) { ${ROW} } }`,
      figure(period),
      tok[user],
    );
  const approve = (user: string, period: string) =>
    s.gql<{ approveResults: Row[] }>(
      `mutation($indicatorId: ID!, $period: String!, $unitId: ID!) { approveResults(indicatorId: $indicatorId, period: $period, unitId: $unitId) { ${ROW} } }`,
      figure(period),
      tok[user],
    );
  const giveBack = (user: string, period: string, reason: string) =>
    s.gql<{ returnResults: Row[] }>(
      `mutation($indicatorId: ID!, $period: String!, $unitId: ID!, $reason: String!) { returnResults(indicatorId: $indicatorId, period: $period, unitId: $unitId, reason: $reason) { ${ROW} } }`,
      { ...figure(period), reason },
      tok[user],
    );
  const stateOf = async (period: string) =>
    (
      (await s.ds.query('SELECT state, numerator FROM result WHERE unitId = ? AND indicatorId = ? AND period = ?', [Number(commune), Number(rate), period])) as {
        state: string;
        numerator: number;
      }[]
    )[0];

  it('the commune records and submits; the district returns it with a reason; the commune corrects and resubmits; the district approves', async () => {
    for (const [period, b, a] of months) await record(s, tok['xa.buontrap'], rate, period, [{ unitId: commune, numerator: b === 30 ? 3 : b, denominator: a }]);
    expect((await stateOf('2025-01')).state).toBe('DRAFT');
    expect(ok(await submit('xa.buontrap', '2025-01')).submitResults.map((r) => r.state)).toEqual(['SUBMITTED']);
    expect(await kinds('huyen.krongana')).toContain('RESULTS_SUBMITTED');
    // Returning needs a reason; without one nothing changes.
    expect(codes(await giveBack('huyen.krongana', '2025-01', '  '))).toEqual(['BAD_USER_INPUT']);
    expect((await stateOf('2025-01')).state).toBe('SUBMITTED');
    expect(ok(await giveBack('huyen.krongana', '2025-01', 'Số hồ sơ trực tuyến (b) nhập thiếu, kiểm tra lại')).returnResults.map((r) => r.state)).toEqual(['RETURNED']);
    expect((await inbox('xa.buontrap')).find((n) => n.kind === 'RESULTS_RETURNED')?.message).toContain('nhập thiếu');
    await record(s, tok['xa.buontrap'], rate, '2025-01', [{ unitId: commune, numerator: 30, denominator: 100 }]);
    expect((await stateOf('2025-01')).state).toBe('DRAFT');
    ok(await submit('xa.buontrap', '2025-01'));
    // The commune cannot approve its own figure.
    expect(codes(await approve('xa.buontrap', '2025-01'))).toEqual(['FORBIDDEN']);
    expect(ok(await approve('huyen.krongana', '2025-01')).approveResults.map((r) => r.state)).toEqual(['APPROVED']);
    expect(await kinds('xa.buontrap')).toContain('RESULTS_APPROVED');
  });

  it('an approved figure is locked: a change is refused in Vietnamese and nothing changes, until the approver returns it', async () => {
    const res = await s.gql(
      'mutation($input: RecordResultsInput!) { recordResults(input: $input) }',
      { input: { indicatorId: rate, period: '2025-01', results: [{ unitId: commune, numerator: 31, denominator: 100 }] } },
      tok['xa.buontrap'],
    );
    expect(codes(res)).toEqual(['CONFLICT']);
    expect(res.errors![0].message).toContain('Buôn Trấp');
    expect(res.errors![0].message).toContain('đã được duyệt');
    expect(await stateOf('2025-01')).toMatchObject({ state: 'APPROVED' });
    expect(Number((await stateOf('2025-01')).numerator)).toBe(30);
    // The same figure sent again changes nothing and is accepted.
    await record(s, tok['xa.buontrap'], rate, '2025-01', [{ unitId: commune, numerator: 30, denominator: 100 }]);
    expect((await stateOf('2025-01')).state).toBe('APPROVED');
  });

  it("completeness: each of Krông A Na's units in January, against its due date computed here", async () => {
    const rows = ok(
      await s.gql<{ reporting: Row[] }>(
        `query($p: ID!, $i: ID!, $u: ID!) { reporting(planId: $p, indicatorId: $i, unitId: $u, period: "2025-01") { ${ROW} } }`,
        { p: plan, i: rate, u: district },
        tok['huyen.krongana'],
      ),
    ).reporting;
    const children = (await s.ds.query(
      "SELECT id FROM unit WHERE parentId = ? AND (validFrom IS NULL OR validFrom <= '2025-01-01') AND (validTo IS NULL OR validTo >= '2025-01-01') ORDER BY id",
      [Number(district)],
    )) as { id: number }[];
    expect(rows.map((r) => r.unit.id).sort()).toEqual(children.map((c) => String(c.id)).sort());
    // January's figures are due five days after it ends; everything here is long past that.
    for (const r of rows) expect(r.dueDate).toBe('2025-02-05');
    const mine = rows.find((r) => r.unit.id === commune)!;
    expect(mine).toMatchObject({ state: 'APPROVED', late: true, missing: false });
    for (const r of rows.filter((x) => x.unit.id !== commune)) expect(r).toMatchObject({ state: null, late: false, missing: true });
  });

  it("projection: the district's year-end rate from the commune's months (least squares weighted by a) and whether it misses its target", async () => {
    // Expected, computed directly: weighted least squares of 100·b/a on the month number, at month 12, clamped.
    const pts = months.map(([p, b, a]) => ({ x: Number(p.slice(5)), y: (100 * b) / a, w: a }));
    const W = pts.reduce((t, p) => t + p.w, 0);
    const mx = pts.reduce((t, p) => t + p.w * p.x, 0) / W;
    const my = pts.reduce((t, p) => t + p.w * p.y, 0) / W;
    const slope = pts.reduce((t, p) => t + p.w * (p.x - mx) * (p.y - my), 0) / pts.reduce((t, p) => t + p.w * (p.x - mx) ** 2, 0);
    const expected = Math.min(100, Math.max(0, my + slope * (12 - mx)));
    const res = ok(
      await s.gql<{ progress: { projected: number | null; atRisk: boolean; target: { value: number } } }>(
        'query($p: ID!, $i: ID!, $u: ID!) { progress(planId: $p, indicatorId: $i, unitId: $u, period: "2025-04") { projected atRisk target { value } } }',
        { p: plan, i: rate, u: district },
        tok['tinh.daklak'],
      ),
    ).progress;
    expect(res.target.value).toBe(districtTarget.value);
    expect(res.projected).toBeCloseTo(expected, 6);
    expect(res.atRisk).toBe(expected < districtTarget.value);
    const atRisk = ok(
      await s.gql<{ atRisk: { unit: { id: string }; projected: number }[] }>(
        'query($p: ID!, $u: ID!) { atRisk(planId: $p, unitId: $u, period: "2025-04") { unit { id } projected } }',
        { p: plan, u: d.unit('66') },
        tok['tinh.daklak'],
      ),
    ).atRisk;
    expect(atRisk.some((r) => r.unit.id === district)).toBe(expected < districtTarget.value);
  });

  it('every event left a notification for the accounts it concerns, and each was mailed once, in Vietnamese with text and HTML', async () => {
    const expected: Record<string, string[]> = {
      'tinh.daklak': ['TARGETS_ACKNOWLEDGED', 'ADJUSTMENT_REQUESTED'],
      'huyen.krongana': ['TARGETS_ISSUED', 'ADJUSTMENT_ACCEPTED', 'RESULTS_SUBMITTED'],
      'xa.buontrap': ['TARGETS_ASSIGNED', 'RESULTS_RETURNED', 'RESULTS_APPROVED'],
    };
    for (const [user, want] of Object.entries(expected)) expect(await kinds(user)).toEqual(expect.arrayContaining(want));
    const rows = (await s.ds.query(
      "SELECT n.id, u.email FROM notification n JOIN app_user u ON u.id = n.userId WHERE u.email IS NOT NULL AND n.id > ? AND u.username IN ('tinh.daklak', 'huyen.krongana', 'xa.buontrap')",
      [bootId],
    )) as { id: number; email: string }[];
    await expect.poll(() => mails.length, { timeout: 20_000, interval: 200 }).toBeGreaterThanOrEqual(rows.length);
    // Once each: as many mails per address as that account has notifications.
    const perAddress = (list: string[]) => Object.fromEntries([...new Set(list)].map((a) => [a, list.filter((x) => x === a).length]));
    expect(perAddress(mails.flatMap((m) => m.to))).toEqual(perAddress(rows.map((r) => r.email)));
    const returned = mails.find((m) => m.to.includes('xa.buontrap@example.vn') && /text\/html/.test(m.raw) && /text\/plain/.test(m.raw));
    expect(returned).toBeDefined();
    const unmailed = (await s.ds.query('SELECT COUNT(*) AS n FROM notification WHERE mailedAt IS NULL AND id > ? AND userId IN (SELECT id FROM app_user WHERE email IS NOT NULL)', [
      bootId,
    ])) as { n: number }[];
    expect(Number(unmailed[0].n)).toBe(0);
  });
});
