import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, draftPlan, issuePlan, ok, RECORD, type Demo } from '../../support/documents';

/**
 * Issue #15, a figure between offices: DRAFT → SUBMITTED (by the commune, or its district for it)
 * → APPROVED by the district (locked: recordResults and the spreadsheet import refuse to change
 * it) or RETURNED with a reason; and `reporting`, each child's state, due date (from the row's
 * frequency and due day), late and missing — all computed here from the dates.
 */
type Row = { unit: { id: string; code: string | null }; period: string; dueDate: string; state: string | null; submittedAt: string | null; late: boolean; missing: boolean };
const ROW = 'unit { id code } period dueDate state submittedAt late missing';
const ARGS = '$i: ID!, $p: String!, $u: ID!';
const SUBMIT = `mutation(${ARGS}) { submitResults(indicatorId: $i, period: $p, unitId: $u) { ${ROW} } }`;
const APPROVE = `mutation(${ARGS}) { approveResults(indicatorId: $i, period: $p, unitId: $u) { ${ROW} } }`;
const RETURN = `mutation(${ARGS}, $r: String!) { returnResults(indicatorId: $i, period: $p, unitId: $u, reason: $r) { ${ROW} } }`;
const REPORTING = `query($plan: ID!, $i: ID!, $u: ID!, $p: String!) { reporting(planId: $plan, indicatorId: $i, unitId: $u, period: $p) { ${ROW} } }`;
const UPDATE_ROW = 'mutation($input: PlanIndicatorInput!) { updatePlanIndicator(input: $input) { indicators { indicator { id } frequency dueDay } } }';

/** The Vietnam day (UTC+7) of an instant. */
const vnDay = (iso: string | Date) => new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
/** `dueDay` days after the last day of the month "YYYY-MM". */
const monthDue = (period: string, dueDay: number) => {
  const [y, m] = period.split('-').map(Number);
  return new Date(Date.UTC(y, m, dueDay)).toISOString().slice(0, 10);
};

describe.each(await testDatabases())('submitted and approved figures, and the reporting calendar, on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  const tok: Record<string, string> = {};
  let rate: string;
  let plan: string;
  let district: string;
  let commune: string;
  let communeName: string;
  const period = '2022-03';
  const dueDay = 10;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    for (const u of ['tinh.daklak', 'huyen.krongana', 'xa.buontrap']) tok[u] = await s.login(u);
    rate = d.indicator('DLK22-ONLINE-RATE');
    district = d.unit('655');
    commune = d.unit('24538');
    communeName = (await s.ds.query('SELECT name FROM unit WHERE id = ?', [Number(commune)]))[0].name;
    // Krông A Na's own 2022 plan of the indicator, reported monthly, due ten days after each month.
    plan = await draftPlan(s, tok['huyen.krongana'], { issuerId: district, year: 2022, title: 'Kế hoạch báo cáo kết quả 2022 (thử)' }, [{ indicatorId: rate }]);
  });
  afterAll(async () => s?.close());

  const args = (unitId: string, p = period) => ({ i: rate, p, u: unitId });
  const submit = (token: string, unitId: string, p = period) => s.gql<{ submitResults: Row[] }>(SUBMIT, args(unitId, p), token);
  const approve = (token: string, unitId: string, p = period, headers: Record<string, string> = {}) => s.gql<{ approveResults: Row[] }>(APPROVE, args(unitId, p), token, headers);
  const giveBack = (token: string, unitId: string, reason: string, p = period) => s.gql<{ returnResults: Row[] }>(RETURN, { ...args(unitId, p), r: reason }, token);
  const recordAs = (token: string, unitId: string, numerator: number, denominator: number, p = period, headers: Record<string, string> = {}) =>
    s.gql<{ recordResults: number }>(RECORD, { input: { indicatorId: rate, period: p, results: [{ unitId, numerator, denominator }] } }, token, headers);
  const stored = async (unitId: string, p = period) =>
    (
      (await s.ds.query('SELECT numerator, denominator, state, submittedById, decidedById, returnReason FROM result WHERE unitId = ? AND indicatorId = ? AND period = ?', [
        Number(unitId),
        Number(rate),
        p,
      ])) as { numerator: number; denominator: number; state: string; submittedById: number | null; decidedById: number | null; returnReason: string | null }[]
    ).map((r) => ({ ...r, numerator: Number(r.numerator), denominator: Number(r.denominator), submittedById: r.submittedById === null ? null : Number(r.submittedById) }))[0];
  const userId = async (username: string) => Number((await s.ds.query('SELECT id FROM app_user WHERE username = ?', [username]))[0].id);
  // This spec's notifications: about its period (the demo seed wrote some of December's).
  const notes = async (kind: string) =>
    (
      (await s.ds.query('SELECT userId, params, link FROM notification WHERE kind = ? AND link LIKE ? ORDER BY id', [kind, `%period=${period}&%`])) as {
        userId: number;
        params: string;
        link: string | null;
      }[]
    ).map((n) => ({
      userId: Number(n.userId),
      params: JSON.parse(n.params) as Record<string, string>,
      link: n.link,
    }));
  /** The expected row of a unit whose figure is in `state`, submitted at `submittedAt`, against `due`. */
  const expectedRow = (unitId: string, state: string | null, submittedAt: string | null, due: string) => ({
    unit: { id: unitId },
    period,
    dueDate: due,
    state,
    late: submittedAt !== null && vnDay(submittedAt) > due,
    missing: !(state === 'SUBMITTED' || state === 'APPROVED') && vnDay(new Date()) > due,
  });

  it('sets the row’s frequency and due day (0..60, else BAD_USER_INPUT dueDay), issues the plan, and a copy keeps them', async () => {
    const bad = await s.gql(UPDATE_ROW, { input: { planId: plan, indicatorId: rate, dueDay: 61 } }, tok['huyen.krongana']);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.params).toMatchObject({ reason: 'dueDay', max: 60 });
    expect(bad.errors![0].message).toContain('số ngày hạn nộp từ 0 đến 60');
    const res = ok(
      await s.gql<{ updatePlanIndicator: { indicators: { indicator: { id: string }; frequency: string; dueDay: number }[] } }>(
        UPDATE_ROW,
        {
          input: { planId: plan, indicatorId: rate, frequency: 'MONTHLY', dueDay },
        },
        tok['huyen.krongana'],
      ),
    );
    expect(res.updatePlanIndicator.indicators.find((r) => r.indicator.id === rate)).toMatchObject({ frequency: 'MONTHLY', dueDay });
    await issuePlan(s, tok['huyen.krongana'], plan);
    // A copy for the next year keeps how the row reports.
    const copy = ok(
      await s.gql<{ copyPlan: { indicators: { indicator: { id: string }; frequency: string; dueDay: number }[] } }>(
        'mutation($id: ID!) { copyPlan(id: $id, year: 2023) { indicators { indicator { id } frequency dueDay } } }',
        { id: plan },
        tok['huyen.krongana'],
      ),
    ).copyPlan;
    expect(copy.indicators.find((r) => r.indicator.id === rate)).toMatchObject({ frequency: 'MONTHLY', dueDay });
  });

  it('submits the commune’s figure by the commune: SUBMITTED, due from the row, late (2022 is long past), notified to the district', async () => {
    // A period of 2022 the commune has no figure for (the demo seed recorded some): nothing to submit.
    const candidates = ['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4', ...Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`)];
    const empty = [];
    for (const p of candidates) if (!(await stored(commune, p))) empty.push(p);
    const missingFigure = await submit(tok['xa.buontrap'], commune, empty[0]);
    expect(codes(missingFigure)).toEqual(['BAD_USER_INPUT']);
    expect(missingFigure.errors![0].extensions!.params).toMatchObject({ reason: 'resultMissing', unit: communeName, period: empty[0] });
    expect(missingFigure.errors![0].message).toContain(`chưa có số liệu của ${communeName} kỳ ${empty[0]}`);

    expect(ok(await recordAs(tok['xa.buontrap'], commune, 30, 40)).recordResults).toBe(1);
    expect((await stored(commune)).state).toBe('DRAFT');
    const [row] = ok(await submit(tok['xa.buontrap'], commune)).submitResults;
    const due = monthDue(period, dueDay);
    expect(row).toMatchObject(expectedRow(commune, 'SUBMITTED', row.submittedAt, due));
    expect(row.dueDate).toBe('2022-04-10');
    expect(row.late).toBe(true);
    expect((await stored(commune)).submittedById).toBe(await userId('xa.buontrap'));

    // Again: answered as it is, nothing written.
    const [again] = ok(await submit(tok['xa.buontrap'], commune)).submitResults;
    expect(again.submittedAt).toBe(row.submittedAt);

    const sent = await notes('RESULTS_SUBMITTED');
    expect(sent.map((n) => n.userId)).toContain(await userId('huyen.krongana'));
    expect(sent.map((n) => n.userId)).not.toContain(await userId('xa.buontrap'));
    expect(sent[0].params).toMatchObject({ unit: communeName, period });
    expect(sent[0].link).toBe(`/results?planId=${plan}&indicatorId=${rate}&period=${period}&unitId=${commune}`);
  });

  it('lets only a unit above approve: the commune and the district on itself are FORBIDDEN', async () => {
    expect(codes(await approve(tok['xa.buontrap'], commune))).toEqual(['FORBIDDEN']);
    const self = await approve(tok['huyen.krongana'], district);
    expect(codes(self)).toEqual(['FORBIDDEN']);
    expect(self.errors![0].extensions!.params).toMatchObject({ reason: 'notApprover' });
    expect((await stored(commune)).state).toBe('SUBMITTED');
  });

  it('returns only with a reason; RETURNED keeps it and the commune is told why', async () => {
    const blank = await giveBack(tok['huyen.krongana'], commune, '   ');
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
    expect(blank.errors![0].message).toContain('không được để trống');
    expect((await stored(commune)).state).toBe('SUBMITTED');

    const reason = 'Tổng số hồ sơ chưa khớp sổ theo dõi';
    const [row] = ok(await giveBack(tok['huyen.krongana'], commune, `  ${reason} `)).returnResults;
    expect(row.state).toBe('RETURNED');
    expect(await stored(commune)).toMatchObject({ state: 'RETURNED', returnReason: reason, decidedById: await userId('huyen.krongana') });
    const returned = await notes('RESULTS_RETURNED');
    expect(returned.map((n) => n.userId)).toContain(await userId('xa.buontrap'));
    expect(returned.at(-1)!.params).toMatchObject({ unit: communeName, period, reason });

    // A returned figure is not awaiting approval.
    const early = await approve(tok['huyen.krongana'], commune);
    expect(codes(early)).toEqual(['CONFLICT']);
    expect(early.errors![0].extensions!.params).toMatchObject({ reason: 'resultNotSubmitted' });
  });

  it('resubmits by the district for the commune, approves, and locks the figure', async () => {
    const [sub] = ok(await submit(tok['huyen.krongana'], commune)).submitResults;
    expect(sub.state).toBe('SUBMITTED');
    expect((await stored(commune)).submittedById).toBe(await userId('huyen.krongana'));

    const [row] = ok(await approve(tok['huyen.krongana'], commune)).approveResults;
    expect(row).toMatchObject(expectedRow(commune, 'APPROVED', sub.submittedAt, monthDue(period, dueDay)));
    expect((await stored(commune)).decidedById).toBe(await userId('huyen.krongana'));
    const approved = await notes('RESULTS_APPROVED');
    expect(approved.map((n) => n.userId)).toContain(await userId('xa.buontrap'));
    expect(approved[0].params).toMatchObject({ unit: communeName, period });
    // Approving again answers the same; submitting an approved figure is a conflict.
    expect(ok(await approve(tok['huyen.krongana'], commune)).approveResults[0].state).toBe('APPROVED');
    const resubmit = await submit(tok['xa.buontrap'], commune);
    expect(codes(resubmit)).toEqual(['CONFLICT']);
    expect(resubmit.errors![0].extensions!.params).toMatchObject({ reason: 'resultAlreadyApproved' });

    // The locked figure: a change is refused in Vietnamese (and English), naming the unit and period, nothing changed.
    const before = await stored(commune);
    const vi = await recordAs(tok['xa.buontrap'], commune, 31, 40);
    expect(codes(vi)).toEqual(['CONFLICT']);
    expect(vi.errors![0].message).toContain(`số liệu của ${communeName} kỳ ${period} đã được duyệt và chốt`);
    const en = await recordAs(tok['xa.buontrap'], commune, 31, 40, period, { 'accept-language': 'en' });
    expect(en.errors![0].message).toContain(`the figure of ${communeName} for ${period} is approved and locked`);
    expect(await stored(commune)).toEqual(before);
    // The same figure sent again is fine and keeps it approved.
    expect(ok(await recordAs(tok['xa.buontrap'], commune, 30, 40)).recordResults).toBe(1);
    expect(await stored(commune)).toEqual(before);
  });

  it('refuses a results import that changes the approved figure, and changes nothing', async () => {
    const before = await stored(commune);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kết quả');
    ws.addRow(['Mã', 'Tên đơn vị', 'Số hồ sơ trực tuyến', 'Tổng số hồ sơ']);
    ws.addRow(['24538', communeName, 35, 40]);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await wb.xlsx.writeBuffer())], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'ket-qua.xlsx');
    const qs = new URLSearchParams({ planId: d.plan(2022), indicatorId: rate, period });
    const res = await fetch(`${s.url}/import/results?${qs}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${tok['huyen.krongana']}` } });
    const body = (await res.json()) as { error?: { code: string; message: string } };
    expect(res.status).toBe(409);
    expect(body.error).toMatchObject({ code: 'CONFLICT' });
    expect(body.error!.message).toContain(`${communeName} kỳ ${period}`);
    expect(await stored(commune)).toEqual(before);
  });

  it('returns an approved figure, which unlocks it: the edit works and the figure is a draft again', async () => {
    const [row] = ok(await giveBack(tok['huyen.krongana'], commune, 'Cần sửa lại số hồ sơ')).returnResults;
    expect(row.state).toBe('RETURNED');
    expect(ok(await recordAs(tok['xa.buontrap'], commune, 32, 40)).recordResults).toBe(1);
    expect(await stored(commune)).toMatchObject({ numerator: 32, denominator: 40, state: 'DRAFT', submittedById: null, returnReason: 'Cần sửa lại số hồ sơ' });
  });

  it('reports each of Krông A Na’s communes: state, due date, late and missing as computed from the dates', async () => {
    // A second commune's figure, entered and submitted by the district.
    const other = d
      .childrenOf('655')
      .map((c) => d.unit(c))
      .find((id) => id !== commune)!;
    ok(await recordAs(tok['huyen.krongana'], other, 5, 10));
    const [sent] = ok(await submit(tok['huyen.krongana'], other)).submitResults;

    const rows = ok(await s.gql<{ reporting: Row[] }>(REPORTING, { plan, i: rate, u: district, p: period }, tok['huyen.krongana'])).reporting;
    const children = d.childrenOf('655').map((c) => d.unit(c));
    expect(rows.map((r) => r.unit.id).sort()).toEqual([...children].sort());
    const states = new Map(
      ((await s.ds.query('SELECT unitId, state, submittedAt FROM result WHERE indicatorId = ? AND period = ?', [Number(rate), period])) as { unitId: number; state: string }[]).map(
        (r) => [String(r.unitId), r.state],
      ),
    );
    const due = monthDue(period, dueDay);
    for (const r of rows) {
      const submittedAt = r.unit.id === other ? sent.submittedAt : r.submittedAt;
      expect(r).toMatchObject(expectedRow(r.unit.id, states.get(r.unit.id) ?? null, submittedAt, due));
    }
    expect(rows.find((r) => r.unit.id === commune)).toMatchObject({ state: 'DRAFT', missing: true });
    expect(rows.find((r) => r.unit.id === other)).toMatchObject({ state: 'SUBMITTED', late: true, missing: false });

    // A commune has no children: its own row. Through the province's plan: its row's due day, or the default 5 days.
    const provinceRow = ok(
      await s.gql<{ plan: { indicators: { indicator: { id: string }; dueDay: number | null }[] } }>(
        'query($id: ID!) { plan(id: $id) { indicators { indicator { id } dueDay } } }',
        { id: d.plan(2022) },
        tok['xa.buontrap'],
      ),
    ).plan.indicators.find((r) => r.indicator.id === rate)!;
    const own = ok(await s.gql<{ reporting: Row[] }>(REPORTING, { plan: d.plan(2022), i: rate, u: commune, p: period }, tok['xa.buontrap'])).reporting;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ unit: { id: commune }, state: 'DRAFT', dueDate: monthDue(period, provinceRow.dueDay ?? 5) });
    // Outside the caller's subtree: NOT_FOUND.
    expect(codes(await s.gql(REPORTING, { plan, i: rate, u: district, p: period }, tok['xa.buontrap']))).toEqual(['NOT_FOUND']);
  });
});
