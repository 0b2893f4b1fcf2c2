import { createRequire } from 'node:module';
import type mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueMessage } from '@chitieu/domain';
import { ADMIN, bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { CASCADE, createIndicator, demo, draftPlan, ISSUE_PLAN, ok, RECORD, SET_TARGETS, type Demo, type WriteResult } from '../../support/documents';
import {
  adminConnection,
  errorCodes,
  holdWrites,
  killConnections,
  loginFrom,
  mysqlDatabaseOf,
  openTransactions,
  post,
  sleep,
  spawnServer,
  waitFor,
  waitForSleepingWrite,
  type RawResponse,
} from '../../support/trust';

/**
 * Atomicity under faults. A write that loses its database connection midway leaves nothing
 * half-written (targets, results, plans and their audit rows: all or none), the caller gets a
 * clear, retryable error, and the server reconnects by itself: the very next request succeeds.
 *
 * The faults are made deterministic with a trigger that sleeps on one chosen row: the
 * transaction is then provably open with every statement before that row done, and the test
 * KILLs every connection of the server's database from a separate connection
 * (information_schema.PROCESSLIST), or SIGKILLs a whole server process.
 *
 * Graceful shutdown is the planned fault: SIGTERM to a server process lets the requests in
 * flight finish (a slow write started before the signal completes with 200 and is saved),
 * /readyz answers 503 while it drains so a load balancer stops sending traffic, and the process
 * exits 0. The slow write is slow by the same trigger; SQLite could not show it (it blocks the
 * whole process while it waits, so nothing could drain).
 *
 * The audit log (docs/spec/domain.md: "Every change to a target, a plan or a result is kept in
 * an audit log (who, when, old, new)"): a setTargets shows up in `auditLog` with who, when, the
 * entity, the values before and after, and the request id the client received in
 * `x-request-id`; and the audit row is written in the change's own transaction — when it cannot
 * be written, the change is not saved either (and the faults above take audit rows with their
 * changes).
 */
/** The catalogue's wording (asserted as the catalogue says it: the wording is the catalogue's to change). */
const UNAVAILABLE_VI = issueMessage('SERVICE_UNAVAILABLE', {}, 'vi');

function expectRetryable(res: RawResponse, field: string) {
  expect(res.status).toBe(200);
  expect(res.errors, res.text).toHaveLength(1);
  expect(res.errors![0]).toMatchObject({ message: UNAVAILABLE_VI, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
  expect(res.data?.[field] ?? null).toBeNull();
  // Nothing of the driver reaches the client.
  expect(res.text).not.toMatch(/killed|PROTOCOL|ER_|errno|sql/i);
}

const LOG = `query($id: ID) { auditLog(entity: "target", entityId: $id) { id at entity entityId action before after requestId user { username } } }`;
type Entry = {
  id: string;
  at: string;
  entity: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
  requestId: string | null;
  user: { username: string } | null;
};

const dbs = await testDatabases();

describe.each(dbs)('faults and the audit log on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let province: string;
  let sysadmin: string;
  let admin: mysql.Connection;
  let db: { name: string; url: string };
  const count = async (sql: string, params: unknown[] = []) => Number(((await s.ds.query(sql, params)) as { n: number | string }[])[0].n);

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    sysadmin = d.admin;
    province = await loginFrom(s.url, 'tinh.daklak', 'chitieu-demo', '10.0.1.1');
    if (kind === 'mysql') {
      admin = await adminConnection();
      db = await mysqlDatabaseOf(s.ds);
    }
  });
  afterAll(async () => {
    await admin?.end();
    await s?.close();
  });

  describe('the audit log', () => {
    let district: string;
    let plan: string;
    let indicator: string;
    let unit: string;
    beforeAll(async () => {
      district = await loginFrom(s.url, 'huyen.krongana', 'chitieu-demo', '10.0.4.1');
      plan = d.plan(2022);
      indicator = d.indicator('DLK22-ONLINE-RATE');
      unit = d.unit('24538');
      expect(
        ok(await s.gql<{ setTargets: WriteResult }>(SET_TARGETS, { input: { planId: plan, indicatorId: indicator, targets: [{ unitId: unit, value: 62 }] } }, district)).setTargets
          .applied,
      ).toBe(true);
    });

    const current = async () => {
      const rows = ok(
        await s.gql<{ targets: { id: string; value: number; version: number }[] }>(
          'query($f: TargetFilter!) { targets(filter: $f) { id value version } }',
          { f: { planId: plan, indicatorId: indicator, unitId: unit } },
          district,
        ),
      ).targets;
      return rows[0];
    };
    const edit = (value: number, expectedVersion: number, headers: Record<string, string> = {}) =>
      post<{ setTargets: WriteResult }>(
        s.url,
        SET_TARGETS,
        { input: { planId: plan, indicatorId: indicator, targets: [{ unitId: unit, value, expectedVersion }] } },
        district,
        headers,
      );

    it('shows who changed the target, when, from what to what, and the request id the client was given', async () => {
      const before = await current();
      const t0 = Date.now();
      const res = await edit(71.5, before.version);
      const t1 = Date.now();
      expect(res.data?.setTargets.applied, res.text).toBe(true);
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/); // the server made one up: the client sent none
      const log = ok(await s.gql<{ auditLog: Entry[] }>(LOG, { id: before.id }, district)).auditLog;
      const entry = log[0];
      expect(entry).toMatchObject({ entity: 'target', entityId: before.id, action: 'update', user: { username: 'huyen.krongana' }, requestId });
      // `at` is stored to the second (MySQL DATETIME): within the request, to that precision.
      const at = Date.parse(entry.at);
      expect(at).toBeGreaterThanOrEqual(Math.floor(t0 / 1000) * 1000);
      expect(at).toBeLessThanOrEqual(t1);
      expect(JSON.parse(entry.before!)).toMatchObject({ value: before.value, version: before.version, unitId: Number(unit) });
      expect(JSON.parse(entry.after!)).toMatchObject({ value: 71.5, version: before.version + 1, unitId: Number(unit) });
      // Exactly one row for this request.
      expect(log.filter((e) => e.requestId === requestId)).toHaveLength(1);
    });

    it('records the X-Request-Id a client sends, and echoes it', async () => {
      const before = await current();
      const res = await edit(72.5, before.version, { 'x-request-id': 'spa-7f3a.trust' });
      expect(res.data?.setTargets.applied, res.text).toBe(true);
      expect(res.headers.get('x-request-id')).toBe('spa-7f3a.trust');
      const log = ok(await s.gql<{ auditLog: Entry[] }>(LOG, { id: before.id }, district)).auditLog;
      expect(log[0]).toMatchObject({ requestId: 'spa-7f3a.trust', action: 'update', user: { username: 'huyen.krongana' } });
    });

    it('does not save a change whose audit row cannot be written (same transaction)', async () => {
      const before = await current();
      const auditRows = async () => Number(((await s.ds.query('SELECT COUNT(*) AS n FROM audit_log')) as { n: number }[])[0].n);
      const logged = await auditRows();
      if (kind === 'sqlite') {
        await s.ds.query(`CREATE TRIGGER trust_refuse_audit BEFORE INSERT ON audit_log WHEN NEW.requestId = 'trust-audit-refused' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`);
      } else {
        await s.ds.query(
          `CREATE TRIGGER trust_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW BEGIN IF NEW.requestId = 'trust-audit-refused' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit refused'; END IF; END`,
        );
      }
      try {
        const res = await edit(73.5, before.version, { 'x-request-id': 'trust-audit-refused' });
        expect(errorCodes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
        expect(res.text).not.toContain('audit refused'); // no driver text for the client
      } finally {
        await s.ds.query('DROP TRIGGER IF EXISTS trust_refuse_audit');
      }
      expect(await current()).toEqual(before);
      expect(await auditRows()).toBe(logged);
    });
  });

  describe.runIf(kind === 'mysql')('writes that lose their database connection', () => {
    /** Sends the write, waits until the trigger holds it mid-transaction, KILLs the server's connections, returns the answer. */
    async function cutMidway(send: () => Promise<RawResponse>): Promise<{ res: RawResponse; killed: number }> {
      const pending = send();
      await waitForSleepingWrite(admin, db.name);
      const killed = await killConnections(admin, db.name);
      return { res: await pending, killed };
    }

    it('a cascade of the province to its 33 children, cut after its target rows are written, saves none of them nor their audit rows', async () => {
      const indicatorId = await createIndicator(s, province, { code: 'TRUST-FAULT-CASCADE', name: 'Chỉ tiêu thử mất kết nối (phân bổ)', measure: 'RATE', comparator: 'AT_LEAST' });
      const planId = await draftPlan(s, province, { issuerId: d.unit('66'), year: 2031, title: 'Kế hoạch thử mất kết nối' }, [{ indicatorId }]);
      const input = {
        planId,
        indicatorId,
        parentUnitId: d.unit('66'),
        defaults: ['PROVINCIAL_AGENCY', 'PROVINCIAL_CITY', 'TOWN', 'DISTRICT'].map((k) => ({ kind: k, value: 70 })),
      };
      const targetsOfPlan = () => count('SELECT COUNT(*) AS n FROM target WHERE planId = ?', [planId]);
      const auditBefore = await count('SELECT COUNT(*) AS n FROM audit_log');
      // Held at the first audit row: by then every target row of the cascade is inserted.
      const release = await holdWrites(admin, db.name, 'trust_hold_cascade', 'BEFORE INSERT', 'audit_log', "NEW.requestId = 'trust-fault-cascade'");
      try {
        const { res, killed } = await cutMidway(() => post(s.url, CASCADE, { input }, province, { 'x-request-id': 'trust-fault-cascade' }));
        expect(killed).toBeGreaterThanOrEqual(1);
        expectRetryable(res, 'cascadeTargets');
      } finally {
        await release();
      }
      expect(await targetsOfPlan()).toBe(0);
      expect(await count('SELECT COUNT(*) AS n FROM audit_log')).toBe(auditBefore);
      // The very next request — the same cascade, retried — goes through on a fresh connection.
      const retry = ok(await s.gql<{ cascadeTargets: WriteResult }>(CASCADE, { input }, province)).cascadeTargets;
      expect(retry).toMatchObject({ applied: true, created: 33, updated: 0 });
      expect(await targetsOfPlan()).toBe(33);
      expect(
        await count(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'target' AND action = 'create' AND entityId IN (SELECT CAST(id AS CHAR) FROM target WHERE planId = ?)`, [
          planId,
        ]),
      ).toBe(33);
    });

    it('a results write of 217 units, cut halfway through its updates, changes none of them', async () => {
      const indicatorId = d.indicator('DLK22-ONLINE-RATE');
      const period = '2022-05';
      const figures = () =>
        s.ds.query('SELECT COUNT(*) AS n, SUM(numerator) AS b, SUM(denominator) AS a FROM result WHERE indicatorId = ? AND period = ?', [indicatorId, period]) as Promise<
          { n: number; b: number; a: number }[]
        >;
      const before = (await figures())[0];
      const units = (await s.ds.query(`SELECT id FROM unit WHERE path LIKE ? AND id <> ? ORDER BY id`, [`${d.unit('66')}.%`, d.unit('66')])) as { id: number }[];
      expect(units.length).toBe(217);
      expect(Number(before.n)).toBe(217);
      // New figures for every unit; the 109th carries the marker the trigger waits for.
      const results = units.map((u, i) => ({ unitId: String(u.id), numerator: i === 108 ? 4321.5 : 10 + (i % 7), denominator: i === 108 ? 5000 : 40 }));
      const auditBefore = await count('SELECT COUNT(*) AS n FROM audit_log');
      const releaseUpdate = await holdWrites(admin, db.name, 'trust_hold_result_u', 'BEFORE UPDATE', 'result', 'NEW.numerator = 4321.5');
      const releaseInsert = await holdWrites(admin, db.name, 'trust_hold_result_i', 'BEFORE INSERT', 'result', 'NEW.numerator = 4321.5');
      try {
        const { res } = await cutMidway(() => post(s.url, RECORD, { input: { indicatorId, period, results } }, province));
        expectRetryable(res, 'recordResults');
      } finally {
        await releaseUpdate();
        await releaseInsert();
      }
      expect((await figures())[0]).toEqual(before);
      expect(await count('SELECT COUNT(*) AS n FROM audit_log')).toBe(auditBefore);
      const retry = await s.gql<{ recordResults: number }>(RECORD, { input: { indicatorId, period, results } }, province);
      expect(ok(retry).recordResults).toBe(217);
      const after = (await figures())[0];
      expect([Number(after.n), Number(after.b), Number(after.a)]).toEqual([217, results.reduce((t, r) => t + r.numerator, 0), results.reduce((t, r) => t + r.denominator, 0)]);
    });

    it('a plan issue cut before its audit row is written leaves the plan a draft', async () => {
      const indicatorId = await createIndicator(s, province, { code: 'TRUST-FAULT-ISSUE', name: 'Chỉ tiêu thử mất kết nối (ban hành)', measure: 'RATE', comparator: 'AT_LEAST' });
      const planId = await draftPlan(s, province, { issuerId: d.unit('66'), year: 2032, title: 'Kế hoạch thử ban hành khi mất kết nối' }, [{ indicatorId }]);
      const state = async () => (await s.ds.query('SELECT status, version FROM plan WHERE id = ?', [planId])) as { status: string; version: number }[];
      const before = await state();
      const issued = () => count(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'plan' AND entityId = ? AND action = 'issue'`, [planId]);
      const release = await holdWrites(admin, db.name, 'trust_hold_issue', 'BEFORE INSERT', 'audit_log', "NEW.action = 'issue'");
      try {
        const { res } = await cutMidway(() => post(s.url, ISSUE_PLAN, { id: planId }, province));
        expectRetryable(res, 'issuePlan');
      } finally {
        await release();
      }
      expect(await state()).toEqual(before);
      expect(before[0].status).toBe('DRAFT');
      expect(await issued()).toBe(0);
      const retry = ok(await s.gql<{ issuePlan: { status: string } }>(ISSUE_PLAN, { id: planId }, province)).issuePlan;
      expect(retry.status).toBe('ISSUED');
      expect(await issued()).toBe(1);
    });

    it('a server process SIGKILLed in the middle of a 217-row write leaves no half batch, and every target its audit row', async () => {
      const indicatorId = await createIndicator(s, province, { code: 'TRUST-FAULT-SIGKILL', name: 'Chỉ tiêu thử dừng tiến trình', measure: 'RATE', comparator: 'AT_LEAST' });
      const planId = await draftPlan(s, province, { issuerId: d.unit('66'), year: 2033, title: 'Kế hoạch thử dừng tiến trình' }, [{ indicatorId }]);
      const units = (await s.ds.query(`SELECT id FROM unit WHERE path LIKE ? AND id <> ? ORDER BY id`, [`${d.unit('66')}.%`, d.unit('66')])) as { id: number }[];
      // The system administrator sets all 217 at once; the 210th row is held, the 209 before it written.
      const input = { planId, indicatorId, targets: units.map((u, i) => ({ unitId: String(u.id), value: i === 209 ? 88.88 : 70 })) };
      const child = await spawnServer(db.url);
      const release = await holdWrites(admin, db.name, 'trust_hold_sigkill', 'BEFORE INSERT', 'target', 'NEW.value = 88.88', 2);
      try {
        const token = await loginFrom(child.url, ADMIN.username, ADMIN.password, '10.0.1.2');
        const pending = post(child.url, SET_TARGETS, { input }, token, { 'x-request-id': 'trust-sigkill' }).catch((e: Error) => e);
        await waitForSleepingWrite(admin, db.name);
        child.child.kill('SIGKILL');
        expect((await child.exited).signal).toBe('SIGKILL');
        expect(await pending).toBeInstanceOf(Error); // the client saw the connection drop
        // MariaDB rolls the dead client's transaction back once its statement ends.
        await waitFor('the dead process’s transaction to be rolled back', async () => (await openTransactions(admin, db.name)) === 0, 15_000, 100);
      } finally {
        await release();
        await child.kill();
      }
      expect(await count('SELECT COUNT(*) AS n FROM target WHERE planId = ?', [planId])).toBe(0);
      expect(await count(`SELECT COUNT(*) AS n FROM audit_log WHERE requestId = 'trust-sigkill'`)).toBe(0);
      // The same write, sent again, is whole: 217 rows, 217 audit rows.
      const retry = ok(await s.gql<{ setTargets: WriteResult }>(SET_TARGETS, { input }, sysadmin)).setTargets;
      expect(retry).toMatchObject({ applied: true, created: 217 });
      expect(await count('SELECT COUNT(*) AS n FROM target WHERE planId = ?', [planId])).toBe(217);
      // Across the database: every target anyone wrote through the API has its audit row (the seed writes none).
      expect(
        await count(
          `SELECT COUNT(*) AS n FROM target t WHERE t.updatedById IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'target' AND a.entityId = CAST(t.id AS CHAR))`,
        ),
      ).toBe(0);
    });

    it('SIGTERM: a server process finishes the slow request it was serving, answers /readyz 503 meanwhile, and exits 0', async () => {
      const child = await spawnServer(db.url);
      expect((await fetch(`${child.url}/readyz`)).status).toBe(200);
      const token = await loginFrom(child.url, 'huyen.krongana', 'chitieu-demo', '10.0.3.1');
      const input = { indicatorId: d.indicator('DLK22-ONLINE-RATE'), period: '2022-Q3', results: [{ unitId: d.unit('24538'), numerator: 31, denominator: 37 }] };
      const release = await holdWrites(admin, db.name, 'trust_hold_slow', 'BEFORE INSERT', 'audit_log', "NEW.requestId = 'trust-slow'", 3);
      try {
        const started = Date.now();
        const slow = post<{ recordResults: number }>(child.url, RECORD, { input }, token, { 'x-request-id': 'trust-slow' });
        await waitForSleepingWrite(admin, db.name);
        let settled = false;
        void slow.finally(() => (settled = true));
        const readyz = () =>
          fetch(`${child.url}/readyz`).then(
            (r) => r.status,
            () => 0,
          );
        child.child.kill('SIGTERM');
        // Draining: not ready, but still there to say so, for as long as the slow request runs.
        await waitFor('/readyz to answer 503', async () => (await readyz()) === 503, 5000, 20);
        const probes: number[] = [];
        while (!settled) {
          const status = await readyz();
          if (!settled) probes.push(status);
          await sleep(100);
        }
        expect(probes.length).toBeGreaterThan(3);
        expect(
          probes.every((p) => p === 503),
          `readyz while draining: ${probes.join(' ')}`,
        ).toBe(true);
        const res = await slow;
        expect(res.status).toBe(200);
        expect(res.errors, res.text).toBeUndefined();
        expect(res.data?.recordResults).toBe(1);
        expect(Date.now() - started).toBeGreaterThanOrEqual(2900); // it really was in flight through the signal
        expect(await child.exited).toEqual({ code: 0, signal: null });
      } finally {
        await release();
        await child.kill();
      }
      const saved = (await s.ds.query(`SELECT numerator, denominator FROM result WHERE unitId = ? AND indicatorId = ? AND period = '2022-Q3'`, [
        d.unit('24538'),
        d.indicator('DLK22-ONLINE-RATE'),
      ])) as { numerator: number; denominator: number }[];
      expect(saved.map((r) => [Number(r.numerator), Number(r.denominator)])).toEqual([[31, 37]]);
      const audited = (await s.ds.query(`SELECT COUNT(*) AS n FROM audit_log WHERE requestId = 'trust-slow'`)) as { n: number }[];
      expect(Number(audited[0].n)).toBe(1);
    });
  });

  describe.runIf(kind === 'sqlite')('a write that finds SQLite locked past its busy timeout', () => {
    it('is refused as SERVICE_UNAVAILABLE (retryable), saves nothing, and the next request succeeds', async () => {
      const indicatorId = d.indicator('DLK22-ONLINE-RATE');
      const input = { indicatorId, period: '2022-06', results: [d.unit('655'), d.unit('24538')].map((unitId) => ({ unitId, numerator: 7, denominator: 9 })) };
      const sum = async () =>
        (await s.ds.query('SELECT COUNT(*) AS n, SUM(numerator) AS b FROM result WHERE indicatorId = ? AND period = ?', [indicatorId, '2022-06'])) as unknown[];
      const audit = async () => (await s.ds.query('SELECT COUNT(*) AS n FROM audit_log')) as unknown[];
      const [beforeSum, beforeAudit] = [await sum(), await audit()];
      // Another program holds the write lock (the CLI, an operator's sqlite3 shell, a backup): the server gives up (at once, or after its 5 s busy timeout).
      const Database = createRequire(new URL('../../../server/package.json', import.meta.url))('better-sqlite3');
      const other = new Database((s.ds.options as { database: string }).database);
      other.exec('BEGIN IMMEDIATE');
      let res: RawResponse;
      try {
        res = await post(s.url, RECORD, { input }, province);
      } finally {
        other.exec('ROLLBACK');
        other.close();
      }
      expectRetryable(res, 'recordResults');
      expect(await sum()).toEqual(beforeSum);
      expect(await audit()).toEqual(beforeAudit);
      expect(ok(await s.gql<{ recordResults: number }>(RECORD, { input }, province)).recordResults).toBe(2);
    });
  });
});
