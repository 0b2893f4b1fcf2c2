import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, ok, type Demo } from '../../support/documents';
import { cellText, paragraphs, unzip } from '../../support/office';

/**
 * Issue #13: the three exports of every demo plan hold every heading, row, lead and coordinating
 * unit, basis, note, task and number of their document. What the plan holds is read through
 * GraphQL — documents-demo.spec.ts checks that against the documents' fixtures — and each piece
 * is looked for in the Word document, the indicator-row workbook and the annex at depth 2.
 */
const PLAN = `query($id: ID!) { plan(id: $id) {
  issuer { id } legalBasis signer recipients headings { position text }
  indicators { section legalBasis note factLabels lead { text } coordinating { text } indicator { id name } }
  tasks { content deliverable timeFrame lead { text } coordinating { text } } } }`;
const TARGETS = `query($filter: TargetFilter!) { targets(filter: $filter) { value baseline note facts { label value } unit { id } indicator { id } } }`;

type Plan = {
  issuer: { id: string };
  legalBasis: string | null;
  signer: string | null;
  recipients: string[];
  headings: { position: string; text: string }[];
  indicators: {
    section: string | null;
    legalBasis: string | null;
    note: string | null;
    factLabels: string[];
    lead: { text: string }[];
    coordinating: { text: string }[];
    indicator: { id: string; name: string };
  }[];
  tasks: { content: string; deliverable: string | null; timeFrame: string | null; lead: { text: string }[]; coordinating: { text: string }[] }[];
};
type Target = { value: number; baseline: number | null; note: string | null; facts: { label: string; value: number | null }[]; unit: { id: string }; indicator: { id: string } };

/** Text compared across layouts: NFC, one space for any run of blanks (a cell wraps where the document did not). */
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
/** The pieces of a text as a document lays them out: each of its lines. */
const lines = (s: string | null | undefined) => (s ?? '').split('\n').map(flat).filter(Boolean);
/** A figure as a Vietnamese document prints it: 99.96 → "99,96". */
const vi = (n: number) => String(n).replace('.', ',');

describe.each(await testDatabases())('the demo plans printed back on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tinh = await s.login('tinh.daklak');
  });
  afterAll(async () => s?.close());

  async function download(path: string): Promise<Buffer> {
    const res = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${tinh}` } });
    const body = Buffer.from(await res.arrayBuffer());
    expect(res.status, `${path}: ${body.toString('utf8').slice(0, 200)}`).toBe(200);
    return body;
  }
  async function workbook(path: string): Promise<ExcelJS.Worksheet[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(path)) as unknown as ArrayBuffer);
    return wb.worksheets;
  }
  const cells = (sheets: ExcelJS.Worksheet[]) => {
    const out: ExcelJS.CellValue[] = [];
    for (const ws of sheets) ws.eachRow((row) => row.eachCell((c) => void out.push(c.value)));
    return out;
  };

  /** Every piece of text the plan's document writes: headings, rows, tasks, basis, signer, recipients. */
  function writtenPieces(plan: Plan): string[] {
    const rows = plan.indicators.flatMap((r) => [r.indicator.name, ...r.lead.map((x) => x.text), ...r.coordinating.map((x) => x.text), r.legalBasis, r.note]);
    const tasks = plan.tasks.flatMap((t) => [t.content, t.deliverable, t.timeFrame, ...t.lead.map((x) => x.text), ...t.coordinating.map((x) => x.text)]);
    return [...plan.headings.map((h) => h.text), ...rows, ...tasks, plan.legalBasis, plan.signer, ...plan.recipients].flatMap(lines);
  }

  it.each([2022, 2023, 2024])(
    'the %s plan: document.docx holds every heading, row, lead and coordinating unit, basis, note, task, signer and recipient, and the issuer’s own targets',
    async (year) => {
      const planId = d.plan(year);
      const plan = ok(await s.gql<{ plan: Plan }>(PLAN, { id: planId }, tinh)).plan;
      const xml = unzip(await download(`/export/plans/${planId}/document.docx`))
        .get('word/document.xml')!
        .toString('utf8');
      const text = flat(paragraphs(xml).join('\n'));
      const pieces = writtenPieces(plan);
      expect(pieces.length).toBeGreaterThan(5);
      for (const piece of pieces) expect(text, piece).toContain(piece);
      const own = ok(await s.gql<{ targets: Target[] }>(TARGETS, { filter: { planId, unitId: plan.issuer.id } }, tinh)).targets;
      for (const t of own) expect(text, `own target ${t.value}`).toContain(vi(t.value));
    },
  );

  it.each([2022, 2023, 2024])('the %s plan: indicators.xlsx holds every row with its lead, coordinating units, basis and note', async (year) => {
    const planId = d.plan(year);
    const plan = ok(await s.gql<{ plan: Plan }>(PLAN, { id: planId }, tinh)).plan;
    const text = flat(
      cells(await workbook(`/export/plans/${planId}/indicators.xlsx`))
        .map(cellText)
        .join('\n'),
    );
    // The headings the rows sit under (a heading over tasks alone is the Word document's).
    const headings = plan.headings.filter((h) => plan.indicators.some((r) => r.section === h.position));
    const pieces = writtenPieces({ ...plan, headings, tasks: [], legalBasis: null, signer: null, recipients: [] });
    for (const piece of pieces) expect(text, piece).toContain(piece);
  });

  it.each([2022, 2023])('the %s plan: annex.xlsx at depth 2 holds every target, baseline, fact and note below the issuer', async (year) => {
    const planId = d.plan(year);
    const plan = ok(await s.gql<{ plan: Plan }>(PLAN, { id: planId }, tinh)).plan;
    const all: Target[] = [];
    for (const r of plan.indicators) {
      const filter = { planId, indicatorId: r.indicator.id, unitId: plan.issuer.id, subtree: true };
      all.push(...ok(await s.gql<{ targets: Target[] }>(TARGETS, { filter }, tinh)).targets);
    }
    // Depth 2: the issuer's children and theirs.
    const depth2 = new Set(
      d
        .childrenOf('66')
        .flatMap((c) => [c, ...d.childrenOf(c)])
        .map((c) => d.unit(c)),
    );
    const below = all.filter((t) => depth2.has(t.unit.id));
    expect(below.length).toBeGreaterThan(0);
    const values = cells(await workbook(`/export/plans/${planId}/annex.xlsx?depth=2`));
    const numbers = new Set(values.filter((v): v is number => typeof v === 'number'));
    const text = flat(values.map(cellText).join('\n'));
    for (const t of below) {
      expect(numbers.has(t.value), `target ${t.value} of ${d.codeOf(t.unit.id)}`).toBe(true);
      if (t.baseline !== null) expect(numbers.has(t.baseline), `baseline ${t.baseline} of ${d.codeOf(t.unit.id)}`).toBe(true);
      for (const f of t.facts) if (f.value !== null) expect(numbers.has(f.value), `${f.label} of ${d.codeOf(t.unit.id)}`).toBe(true);
      for (const piece of lines(t.note)) expect(text, piece).toContain(piece);
    }
  });
});
