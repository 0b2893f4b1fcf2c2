import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, bootServer, codes, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, draftPlan, issuePlan, ok, setTargets, type Demo } from '../../support/documents';

/**
 * Issue #11, class 4: a commune reporter read the district's DRAFT target rows (value and note)
 * through `auditLog` while `plan(id)` answered NOT_FOUND. Every entry about a row of a plan (the
 * plan, its indicator rows with their floors, its tasks, its targets) is shown only to those who
 * may read that plan, whatever the filter, and pages stay full.
 */
describe.each(await testDatabases())('auditLog and draft plans on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let district: string;
  let reporter: string;
  let sibling: string;
  let planId: string;
  const SECRET = 'NHAP-BI-MAT-2027';
  const ENTRY = 'id entity entityId action before after';
  type Entry = { id: string; entity: string; entityId: string; action: string; before: string | null; after: string | null };
  const LOG = `query($e: String, $id: ID, $u: ID, $l: Int) { auditLog(entity: $e, entityId: $id, unitId: $u, limit: $l) { ${ENTRY} } }`;
  const PLAN_KINDS = ['plan', 'plan_indicator', 'plan_task', 'target'];
  /** The draft's own entries, as the district manager reads them. */
  let draftEntries: Entry[];

  beforeAll(async () => {
    s = await bootServer(kind);
    d = await demo(s);
    district = await s.login('huyen.krongana');
    reporter = await s.login('xa.buontrap');
    const admin = await s.login(ADMIN.username, ADMIN.password);
    const siblingUnit = d.childrenOf('655').find((c) => c !== '24538')!;
    ok(
      await s.gql(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        {
          i: { username: 'xa.ben-canh', password: 'mat-khau-xa-ben-canh-1', role: 'UNIT_REPORTER', unitId: d.unit(siblingUnit) },
        },
        admin,
      ),
    );
    sibling = await s.login('xa.ben-canh', 'mat-khau-xa-ben-canh-1');

    const indicatorId = d.indicator('DLK22-ONLINE-RATE');
    planId = await draftPlan(s, district, { issuerId: d.unit('655'), year: 2027, title: `Kế hoạch ${SECRET}` }, [
      { indicatorId, floors: [{ kind: 'COMMUNE', value: 41 }], section: SECRET },
    ]);
    ok(await s.gql('mutation($i: PlanTaskInput!) { addPlanTask(input: $i) { id } }', { i: { planId, content: `Nhiệm vụ ${SECRET}` } }, district));
    const res = await setTargets(s, district, {
      planId,
      indicatorId,
      targets: [
        { unitId: d.unit('24538'), value: 63, note: SECRET },
        { unitId: d.unit(siblingUnit), value: 64, note: SECRET },
      ],
    });
    expect(res.applied).toBe(true);
    const all = ok(await s.gql<{ auditLog: Entry[] }>(LOG, { l: 200 }, district)).auditLog;
    draftEntries = all.filter((e) => (PLAN_KINDS.includes(e.entity) && (e.after ?? e.before ?? '').includes(SECRET)) || (e.entity === 'plan' && e.entityId === planId));
  });
  afterAll(async () => s?.close());

  it('shows the issuer every kind of entry of its draft', () => {
    expect([...new Set(draftEntries.map((e) => e.entity))].sort()).toEqual(PLAN_KINDS);
    expect(draftEntries.filter((e) => e.entity === 'target')).toHaveLength(2);
  });

  it('keeps the draft from the commune reporter and from a sibling commune, under every filter', async () => {
    expect(codes(await s.gql('query($id: ID!) { plan(id: $id) { id } }', { id: planId }, reporter))).toEqual(['NOT_FOUND']);
    const filters: Record<string, unknown>[] = [{}, { l: 200 }];
    for (const e of [...PLAN_KINDS, 'unit', 'user']) filters.push({ e }, { e, l: 200 });
    for (const entry of draftEntries) filters.push({ id: entry.entityId }, { e: entry.entity, id: entry.entityId });
    for (const [who, token, unit] of [
      ['reporter', reporter, '24538'],
      ['sibling', sibling, d.childrenOf('655').find((c) => c !== '24538')!],
    ] as const) {
      for (const f of [...filters, ...filters.map((x) => ({ ...x, u: d.unit(unit) }))]) {
        const res = await s.gql<{ auditLog: Entry[] }>(LOG, f, token);
        const text = JSON.stringify(res);
        expect(res.errors, `${who} ${JSON.stringify(f)}`).toBeUndefined();
        expect(text, `${who} ${JSON.stringify(f)}`).not.toContain(SECRET);
        const ids = new Set(res.data!.auditLog.map((e) => e.id));
        expect(
          draftEntries.filter((e) => ids.has(e.id)),
          `${who} ${JSON.stringify(f)}`,
        ).toEqual([]);
      }
      // A unit above them is outside their subtree: NOT_FOUND, never the rows.
      expect(codes(await s.gql(LOG, { u: d.unit('655') }, token))).toEqual(['NOT_FOUND']);
    }
  });

  it('fills pages in SQL: a page of one is the newest readable entry, not an empty page', async () => {
    // The newest entries of the reporter's unit are the draft's (hidden): a filter after LIMIT gave an empty page.
    const mine = ok(await s.gql<{ auditLog: Entry[] }>(LOG, { l: 200 }, reporter)).auditLog;
    const first = ok(await s.gql<{ auditLog: Entry[] }>(LOG, { l: 1 }, reporter)).auditLog;
    expect(first).toEqual(mine.slice(0, 1));
  });

  it('shows the issued plan’s rows to the reporter in scope, and only those of its own unit', async () => {
    await issuePlan(s, district, planId);
    const mine = ok(await s.gql<{ auditLog: Entry[] }>(LOG, { e: 'target', l: 200 }, reporter)).auditLog;
    const targets = mine.filter((e) => (e.after ?? '').includes(SECRET));
    expect(targets).toHaveLength(1);
    expect(JSON.parse(targets[0].after!)).toMatchObject({ unitId: Number(d.unit('24538')), value: 63, note: SECRET });
    const theirs = ok(await s.gql<{ auditLog: Entry[] }>(LOG, { e: 'target', l: 200 }, sibling)).auditLog;
    expect(theirs.filter((e) => (e.after ?? '').includes(SECRET)).map((e) => JSON.parse(e.after!).value)).toEqual([64]);
  });

  it('refuses a page over the cap in the user’s language', async () => {
    const vi = await s.gql(LOG, { l: 201 }, district);
    expect(codes(vi)).toEqual(['BAD_USER_INPUT']);
    expect(vi.errors![0].message).toContain('200');
    const en = await s.gql(LOG, { l: 201 }, district, { 'accept-language': 'en' });
    expect(en.errors![0].message).toMatch(/at most 200 rows/);
  });
});
