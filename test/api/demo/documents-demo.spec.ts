import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, ok, type Demo } from '../../support/documents';

/**
 * Issue #13: the demo plans are the documents as they write them. Everything expected here is
 * read from the fixtures (test/fixtures: the shared fixtures of the three Đắk Lắk documents, with
 * what the documents write beyond their tables under `asWritten`), and every text the fixtures
 * quote is checked against the documents' own text (the .txt beside them) before it is compared.
 */
const FIXTURES = path.resolve(__dirname, '../../fixtures');
const D2022 = 'daklak-2022-target-decision';
const D2023 = 'daklak-2023-online-service-plan';
const D2024 = 'daklak-2024-online-service-tasks';
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'));
/** The issuer of the three documents: the province (its GSO code) and its administrator's account in the demo. */
const PROVINCE = fixture(D2022).province.gsoCode as string;
const PROVINCE_ADMIN = 'tinh.daklak';

/** Text compared across layouts: markup, math and Markdown marks dropped, NFC, one space for any run of blanks. */
function flat(s: string): string {
  return s
    .normalize('NFC')
    .replace(/<[^>]+>/g, ' ')
    .replace(/^\s*\*+|\*+\s*$/gm, '')
    .replace(/\*\*/g, '')
    .replace(/\$/g, '')
    .replace(/\\times/g, '×')
    .replace(/\\%/g, '%')
    .replace(/QĐ-\s+UBND/g, 'QĐ-UBND')
    .replace(/\s+/g, ' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')')
    .replace(/ ([.,;])/g, '$1')
    .trim();
}
/** A document's text, without the table header repeated on each page (a cell can run across a page break). */
const documentText = (name: string) =>
  flat(
    fs
      .readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8')
      .split('\n')
      .filter((line) => !line.startsWith('STT'))
      .join('\n'),
  );
function expectWritten(doc: string, text: string | null | undefined) {
  if (text) expect(doc, text).toContain(flat(text));
}

const PLAN_DOCUMENT = `query($id: ID!) { plan(id: $id) {
  status documentKind documentNumber documentDate legalBasis signer recipients headings { position text }
  indicators { position section scope lead { text unit { name } kinds } coordinating { text unit { name } kinds } legalBasis note factLabels
               indicator { id code name numeratorLabel denominatorLabel } }
  tasks { position content lead { text unit { name } kinds } coordinating { text unit { name } kinds } deliverable timeFrame } } }`;
const PLAN_TARGETS = `query($filter: TargetFilter!) { targets(filter: $filter) { id value note facts { label value } unit { code name kind } indicator { id } } }`;
const TARGET_LOG = `query($id: ID) { auditLog(entity: "target", entityId: $id) { action user { username role unit { code } } } }`;
const PLAN_LOG = `query($id: ID) { auditLog(entity: "plan", entityId: $id) { action user { username role unit { code } } } }`;

type Ref = { text: string; unit: { name: string } | null; kinds: string[] };
type Row = {
  position: string | null;
  section: string | null;
  scope: string;
  lead: Ref[];
  coordinating: Ref[];
  legalBasis: string | null;
  note: string | null;
  factLabels: string[];
  indicator: { id: string; code: string; name: string; numeratorLabel: string | null; denominatorLabel: string | null };
};
type Task = { position: string | null; content: string; lead: Ref[]; coordinating: Ref[]; deliverable: string | null; timeFrame: string | null };
type PlanDocument = {
  status: string;
  documentKind: string | null;
  documentNumber: string | null;
  documentDate: string | null;
  legalBasis: string | null;
  signer: string | null;
  recipients: string[];
  headings: { position: string; text: string }[];
  indicators: Row[];
  tasks: Task[];
};
type TargetOut = {
  id: string;
  value: number;
  note: string | null;
  facts: { label: string; value: number | null }[];
  unit: { code: string | null; name: string; kind: string };
  indicator: { id: string };
};
type LogEntry = { action: string; user: { username: string; role: string; unit: { code: string | null } | null } | null };

const texts = (refs: Ref[]) => refs.map((r) => r.text);
/** The label of an annex column, without the reference in parentheses ("Số lượng TTHC mức độ 3, 4 (QĐ 629/QĐ-UBND)"). */
const columnLabel = (header: string) => header.replace(/\s*\([^)]*\)\s*$/, '');

describe.each(await testDatabases())('the demo plans as the documents write them on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let province: string;
  const read = async (year: number) => ok(await s.gql<{ plan: PlanDocument }>(PLAN_DOCUMENT, { id: d.plan(year) }, province)).plan;
  const planTargets = async (year: number, indicatorId: string) =>
    ok(await s.gql<{ targets: TargetOut[] }>(PLAN_TARGETS, { filter: { planId: d.plan(year), indicatorId } }, province)).targets;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    province = await s.login(PROVINCE_ADMIN);
  });
  afterAll(async () => s?.close());

  describe('2022: the decision', () => {
    const f = fixture(D2022);
    const doc = documentText(D2022);
    const w = f.asWritten;

    it('quotes the document (the fixture against the decision text)', () => {
      for (const line of [...w.legalBasis, ...w.signer, ...w.recipients, ...w.article2.lead, ...w.article2.coordinating, w.note]) expectWritten(doc, line);
      for (const h of w.headings) expectWritten(doc, h.text);
      for (const r of f.rows) expectWritten(doc, r.name);
    });

    it('is a decision with its number, legal basis (the Tờ trình included), signer, Nơi nhận and headings as written', async () => {
      const plan = await read(2022);
      expect(plan).toMatchObject({
        documentKind: w.documentKind,
        documentNumber: w.documentNumber,
        documentDate: null,
        legalBasis: w.legalBasis.join('\n'),
        signer: w.signer.join('\n'),
        recipients: w.recipients,
        headings: w.headings,
      });
      expect(plan.legalBasis).toContain(w.legalBasis.find((l: string) => l.includes('Tờ trình')));
    });

    it('has one row per indicator: Điều 2 as lead and coordinating, the cited basis, the Ghi chú, the fact column; no invented labels or numbers', async () => {
      const plan = await read(2022);
      expect(plan.indicators).toHaveLength(f.indicators.length);
      const agencyNames = new Set(f.rows.filter((r: { group: string }) => r.group === 'AGENCY').map((r: { name: string }) => r.name));
      for (const fi of f.indicators) {
        const row = plan.indicators.find((r) => r.indicator.name === fi.name)!;
        expect(row, fi.key).toBeDefined();
        expect(row).toMatchObject({
          position: null,
          section: w.headings[0].position,
          scope: 'SUBTREE',
          legalBasis: fi.legalBasis,
          note: w.noteOn === fi.key ? w.note : null,
          factLabels: (w.factColumns[fi.key] ?? []).map((c: string) => columnLabel(f.columns[c])),
          indicator: { numeratorLabel: fi.numerator ?? null, denominatorLabel: fi.denominator ?? null },
        });
        expect(texts(row.lead)).toEqual(w.article2.lead);
        expect(texts(row.coordinating)).toEqual(w.article2.coordinating);
        // Words naming an agency of the annex resolve to it.
        for (const r of [...row.lead, ...row.coordinating]) if (agencyNames.has(r.text)) expect(r.unit?.name, r.text).toBe(r.text);
      }
      expect(plan.tasks).toEqual([]);
    });

    it('keeps the annex column "Số lượng TTHC mức độ 3, 4" as a fact on each unit\'s target', async () => {
      const plan = await read(2022);
      for (const fi of f.indicators) {
        const row = plan.indicators.find((r) => r.indicator.name === fi.name)!;
        const rows = await planTargets(2022, row.indicator.id);
        expect(rows).toHaveLength(f.rows.length);
        const columns: string[] = w.factColumns[fi.key] ?? [];
        for (const r of f.rows) {
          const t = rows.find((x) => (r.gsoCode ? x.unit.code === r.gsoCode : x.unit.name === r.name));
          expect(t, r.name).toBeDefined();
          expect(t!.facts, r.name).toEqual(columns.map((c) => ({ label: columnLabel(f.columns[c]), value: r[c] })));
        }
      }
    });
  });

  describe('2023: Kế hoạch 91/KH-UBND', () => {
    const f = fixture(D2023);
    const doc = documentText(D2023);
    const w = f.asWritten;
    const LEAD_SPLIT = ' chủ trì, phối hợp với ';

    it('quotes the document (the fixture against the plan text)', () => {
      for (const i of f.indicators) {
        expectWritten(doc, i.asWritten.legalBasis);
        expectWritten(doc, i.asWritten.note);
        expectWritten(doc, i.lead);
        for (const t of i.targets) expectWritten(doc, t.noteAsWritten);
      }
      for (const h of w.headings) expectWritten(doc, h.text);
    });

    it('is a plan with its number and heading, and rows as written: lead and coordinating, basis only where cited, notes without glosses', async () => {
      const plan = await read(2023);
      expect(plan).toMatchObject({ documentKind: w.documentKind, documentNumber: w.documentNumber, headings: w.headings });
      expect(plan.indicators.map((r) => r.position)).toEqual(f.indicators.map((i: { stt: string }) => i.stt));
      for (const fi of f.indicators) {
        const row = plan.indicators.find((r) => r.position === fi.stt)!;
        const [lead, coordinating] = fi.lead ? fi.lead.split(LEAD_SPLIT) : [];
        expect(row, fi.stt).toMatchObject({
          section: w.headings[0].position,
          scope: 'SUBTREE',
          legalBasis: fi.asWritten.legalBasis ? fi.asWritten.legalBasis.replace(/^Theo /, '') : null,
          note: fi.asWritten.note ?? null,
        });
        expect(texts(row.lead), fi.stt).toEqual(lead ? [lead] : []);
        expect(texts(row.coordinating), fi.stt).toEqual(coordinating ? [coordinating] : []);
        if (lead) expect(row.lead[0].kinds).toContain('PROVINCIAL_AGENCY');
      }
    });

    it('keeps the notes of rows 3.2 and 5.2 as written on every district-level target, and none elsewhere', async () => {
      const plan = await read(2023);
      for (const fi of f.indicators) {
        const rows = await planTargets(2023, plan.indicators.find((r) => r.position === fi.stt)!.indicator.id);
        for (const t of fi.targets) {
          const mine = rows.filter((x) =>
            t.appliesTo === 'ALL' ? true : t.appliesTo === 'PROVINCIAL_AGENCY' ? x.unit.kind === 'PROVINCIAL_AGENCY' : x.unit.kind !== 'PROVINCIAL_AGENCY',
          );
          expect(mine.length, `${fi.stt} ${t.appliesTo}`).toBeGreaterThan(0);
          for (const x of mine) expect(x.note, `${t.stt ?? fi.stt} ${x.unit.name}`).toBe(t.noteAsWritten ?? null);
        }
      }
    });
  });

  describe('2024: the draft plan and its tasks', () => {
    const f = fixture(D2024);
    const doc = documentText(D2024);
    const w = f.asWritten;

    it('quotes the document (the fixture against the annex text)', () => {
      for (const h of w.headings) expectWritten(doc, h.text);
      for (const t of f.tasks) {
        for (const text of [t.asWritten.content, t.asWritten.deliverable, ...t.asWritten.lead, ...t.asWritten.coordinating]) expectWritten(doc, text);
      }
      for (const t of f.targets) expectWritten(doc, t.asWritten.legalBasis);
    });

    it('has every heading of the annex, whole, and each row under its heading with the basis it cites', async () => {
      const plan = await read(2024);
      expect(plan).toMatchObject({ status: 'DRAFT', documentKind: w.documentKind, documentNumber: w.documentNumber, headings: w.headings });
      const sections = new Set<string>([...f.tasks, ...f.targets].map((t: { stt: string }) => t.stt.split('.')[0]));
      expect(plan.headings.map((h) => h.position)).toEqual(expect.arrayContaining([...sections]));
      expect(plan.indicators.map((r) => r.position)).toEqual(f.targets.map((t: { stt: string }) => t.stt));
      for (const ft of f.targets) {
        const row = plan.indicators.find((r) => r.position === ft.stt)!;
        const task = f.tasks.find((t: { asWritten: { stt: string } }) => t.asWritten.stt === ft.stt);
        expect(row).toMatchObject({ section: ft.stt.split('.')[0], scope: 'SUBTREE', legalBasis: ft.asWritten.legalBasis, note: null });
        expect(texts(row.lead), ft.stt).toEqual(task ? task.asWritten.lead : []);
        expect(texts(row.coordinating), ft.stt).toEqual(task ? task.asWritten.coordinating : []);
      }
    });

    it('has the tasks as written: STT (a blank one stays blank), content, lead and coordinating words, deliverable, time', async () => {
      const plan = await read(2024);
      expect(plan.tasks.map((t) => t.position)).toEqual(f.tasks.map((t: { asWritten: { stt: string } }) => t.asWritten.stt || null));
      f.tasks.forEach((ft: { time: string; asWritten: { stt: string; content: string; deliverable: string; lead: string[]; coordinating: string[] } }, i: number) => {
        const t = plan.tasks[i];
        expect(t, ft.asWritten.stt).toMatchObject({ content: ft.asWritten.content, deliverable: ft.asWritten.deliverable, timeFrame: ft.time });
        expect(texts(t.lead)).toEqual(ft.asWritten.lead);
        expect(texts(t.coordinating)).toEqual(ft.asWritten.coordinating);
      });
      // The words name the units they mean (the shared fixture's normalised names: "Sở Nội vụ (cấp tỉnh)"
      // for "Sở Nội vụ chủ trì cấp tỉnh"): an agency of the demo by its name, a group by its kinds.
      const agencies = new Set(fixture(D2022).rows.map((r: { name: string }) => r.name));
      f.tasks.forEach((ft: { lead: string[]; coordinating: string[] }, i: number) => {
        for (const [meant, refs] of [
          [ft.lead, plan.tasks[i].lead],
          [ft.coordinating, plan.tasks[i].coordinating],
        ] as const) {
          if (meant.length !== refs.length) continue;
          meant.forEach((name, j) => {
            const bare = name.replace(/\s*\([^)]*\)$/, '');
            if (agencies.has(bare)) expect(refs[j].unit?.name, refs[j].text).toBe(bare);
            if (/^UBND các huyện/.test(bare)) expect(refs[j].kinds, refs[j].text).toContain('DISTRICT');
          });
        }
      });
    });

    it("is written by the province's own administrator: its targets and the plan are audited under that account", async () => {
      const plan = await read(2024);
      for (const ft of f.targets) {
        const row = plan.indicators.find((r) => r.position === ft.stt)!;
        const rows = await planTargets(2024, row.indicator.id);
        expect(rows, ft.stt).toHaveLength(1);
        const t = rows[0];
        expect(t, ft.stt).toMatchObject({ value: ft.value, unit: { code: PROVINCE } });
        const log = ok(await s.gql<{ auditLog: LogEntry[] }>(TARGET_LOG, { id: t.id }, province)).auditLog;
        expect(log, ft.stt).toContainEqual({ action: 'create', user: { username: PROVINCE_ADMIN, role: 'PROVINCE_ADMIN', unit: { code: PROVINCE } } });
        expect(
          log.every((e) => e.user?.role === 'PROVINCE_ADMIN'),
          ft.stt,
        ).toBe(true);
      }
      const log = ok(await s.gql<{ auditLog: LogEntry[] }>(PLAN_LOG, { id: d.plan(2024) }, province)).auditLog;
      expect(log).toContainEqual({ action: 'create', user: { username: PROVINCE_ADMIN, role: 'PROVINCE_ADMIN', unit: { code: PROVINCE } } });
    });
  });
});
