import { convertMillimetersToTwip, Document, Packer, PageOrientation, TableRow, type ISectionOptions, type Paragraph, type Table } from 'docx';
import { documentText } from '@chitieu/domain';
import { annexColumns, annexSections, annexTitle, attachedTo, factValue, roman, unitLabel, type AnnexData } from '../spreadsheets/annex.workbook';
import { figureText, headingLines, type DocumentPart, type PlanDocument } from './plan-document';
import { BODY, box, cell, FONT, gridTable, layoutTable, para, paras, rule, spanRow } from './docx-parts';

/**
 * The plan as the office publishes it (docs/spec/api.md, "Documents out"): the issuer and the
 * national header, number and date, the kind and title, the legal basis, the headings with their
 * indicator and task tables, the signature and Nơi nhận, then the per-unit annex. A4 portrait,
 * margins of Nghị định 30/2020 (top and bottom 20 mm, left 30 mm, right 15 mm).
 */

// A4 in twips as Word writes it (210 × 297 mm).
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) };
/** The width between the margins, in twips. */
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Column widths scaled to the text width from relative weights. */
function widths(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.floor((w * TEXT_WIDTH) / total));
  out[out.length - 1] += TEXT_WIDTH - out.reduce((a, b) => a + b, 0);
  return out;
}

const HEADER_COLUMNS = widths([38, 62]);
// STT and ĐVT just wide enough for their headers in 12 pt bold.
const ROW_COLUMNS = widths([6.5, 21, 13, 13, 7, 11, 12, 16.5]);
const TASK_COLUMNS = widths([6.5, 28.5, 17, 17, 11, 20]);

/** "Đắk Lắk, ngày 30 tháng 6 năm 2022"; without a date, the blanks a draft leaves. */
function dateLine(doc: PlanDocument): string {
  const blank = '\u00a0'.repeat(5);
  const [y, m, d] = (doc.plan.documentDate ?? '').split('-').map(Number);
  return doc.plan.documentDate
    ? documentText('placeDate', { place: doc.place, day: String(d), month: String(m), year: String(y) })
    : documentText('placeDate', { place: doc.place, day: blank, month: blank, year: String(doc.plan.year) });
}

function headerBlock(doc: PlanDocument): Table {
  const [left, right] = HEADER_COLUMNS;
  const upper = (s: string) => s.toLocaleUpperCase('vi');
  const issuerLines: Paragraph[] = [
    ...(doc.superior ? [para(upper(unitLabel(doc.superior.name, doc.superior.kind)), { size: 13, align: 'center' })] : []),
    para(upper(unitLabel(doc.issuer.name, doc.issuer.kind)), { bold: true, size: 13, align: 'center' }),
    rule(Math.round(left / 3)),
  ];
  const national = [
    para(documentText('nationalName'), { bold: true, size: 13, align: 'center' }),
    para(documentText('nationalMotto'), { bold: true, size: 14, align: 'center' }),
    rule(Math.round(right / 4.5)),
  ];
  const number = [para(documentText('number', { number: doc.plan.documentNumber ?? '\u00a0'.repeat(8) }), { size: 13, align: 'center', before: 60 })];
  const date = [para(dateLine(doc), { italic: true, size: 14, align: 'center', before: 60 })];
  return layoutTable(HEADER_COLUMNS, [
    [box(issuerLines, left), box(national, right)],
    [box(number, left), box(date, right)],
  ]);
}

function rowsTable(part: DocumentPart): Table {
  const w = ROW_COLUMNS;
  const header = ['colNumber', 'colContent', 'colLead', 'colCoordinating', 'colUnitOfMeasure', 'colTarget', 'colBasis', 'colNote'] as const;
  return gridTable(
    w,
    header.map((k) => documentText(k)),
    part.rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([r.position], { width: w[0], align: 'center' }),
            cell([r.content], { width: w[1] }),
            cell(r.lead, { width: w[2] }),
            cell(r.coordinating, { width: w[3] }),
            cell([r.unitOfMeasure], { width: w[4], align: 'center' }),
            cell(r.target, { width: w[5], align: 'center' }),
            cell(r.basis ? [r.basis] : [], { width: w[6] }),
            cell(r.note ? [r.note] : [], { width: w[7] }),
          ],
        }),
    ),
  );
}

function tasksTable(part: DocumentPart): Table {
  const w = TASK_COLUMNS;
  const header = ['colNumber', 'colContent', 'colLead', 'colCoordinating', 'colTime', 'colDeliverable'] as const;
  const lines = (s: string | null) => (s ?? '').split(/\r?\n/).filter((l) => l.trim());
  return gridTable(
    w,
    header.map((k) => documentText(k)),
    part.tasks.map(
      (t) =>
        new TableRow({
          children: [
            cell([t.position], { width: w[0], align: 'center' }),
            cell(lines(t.content), { width: w[1] }),
            cell(t.lead, { width: w[2] }),
            cell(t.coordinating, { width: w[3] }),
            cell(lines(t.time), { width: w[4], align: 'center' }),
            cell(lines(t.deliverable), { width: w[5] }),
          ],
        }),
    ),
  );
}

function body(doc: PlanDocument): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [headerBlock(doc)];
  out.push(para(documentText(doc.kind === 'DECISION' ? 'kindDecision' : 'kindPlan'), { bold: true, align: 'center', before: 360 }));
  out.push(...paras(doc.plan.title, { bold: true, align: 'center' }));
  out.push(rule(Math.round(TEXT_WIDTH / 2.6)));
  out.push(...paras(doc.plan.legalBasis, { italic: true, align: 'justify', firstLine: 567, before: 120 }));
  for (const part of doc.parts) {
    const heading = part.heading ? headingLines(part.heading) : [documentText(part.rows.length ? 'indicatorsHeading' : 'tasksHeading')];
    heading.forEach((line, i) => out.push(para(line, { bold: true, align: 'justify', before: i === 0 ? 200 : 0, after: i === heading.length - 1 ? 120 : 0, keepNext: true })));
    if (part.rows.length) out.push(rowsTable(part));
    if (part.rows.length && part.tasks.length) out.push(para('', { size: 6 }));
    if (part.tasks.length) out.push(tasksTable(part));
  }
  out.push(para('', { before: 240 }));
  // Nơi nhận on the left, the signature on the right, as the decree lays them out.
  const [left, right] = widths([45, 55]);
  const recipients = doc.plan.recipients.map((r) => para(/^[-–•+]/.test(r.trim()) ? r.trim() : `- ${r.trim()}`, { size: 11 }));
  const signer = (doc.plan.signer ?? '').split(/\r?\n/).map((l) => l.trim());
  // The name comes after the room to sign, unless the text already leaves it.
  const signing = signer.length > 1 && !signer.includes('') ? [...signer.slice(0, -1), '', '', '', signer.at(-1)!] : signer;
  out.push(
    layoutTable(
      [left, right],
      [
        [
          box(doc.plan.recipients.length ? [para(documentText('recipients'), { bold: true, italic: true, size: 12 }), ...recipients] : [], left),
          box(
            signing.map((l) => para(l, { bold: true, align: 'center' })),
            right,
          ),
        ],
      ],
    ),
  );
  return out;
}

/** The per-unit annex: one table per indicator that has targets, units in sections as the annex workbook groups them. */
function annex(doc: PlanDocument, data: AnnexData): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [para(documentText('annexHeading'), { bold: true, align: 'center' }), para(annexTitle(data.title), { bold: true, align: 'center' })];
  const attached = attachedTo(data);
  if (attached) out.push(para(attached, { italic: true, align: 'center' }));
  const sections = annexSections(data.rows, data.deep);
  for (const indicator of data.indicators) {
    if (!data.rows.some((r) => r.cells[indicator.id])) continue;
    const columns = annexColumns({ indicators: [indicator], rows: data.rows.map((r) => ({ ...r, cells: { [indicator.id]: r.cells[indicator.id] } })) });
    const w = widths([6, 34, ...columns.map((c) => (c.part === 'note' ? 22 : 14))]);
    const header = [
      documentText('colNumber'),
      documentText('colUnit'),
      ...columns.map((c) =>
        c.part === 'fact'
          ? c.label
          : c.part === 'note'
            ? documentText('colNote')
            : documentText(c.part === 'baseline' ? 'colBaseline' : 'colAssigned', { year: String(c.part === 'baseline' ? data.year - 1 : data.year) }),
      ),
    ];
    const rows: TableRow[] = [];
    // Only the units this indicator assigns to; sections and parents numbered as listed.
    let si = 0;
    sections.forEach((section) => {
      const listed = section.parts.map((p) => ({ ...p, rows: p.rows.filter((r) => r.cells[indicator.id]) })).filter((p) => p.rows.length);
      if (!listed.length) return;
      rows.push(spanRow(`${roman(++si)}. ${section.heading}`, w));
      listed.forEach((part, pi) => {
        if (part.parent) rows.push(spanRow(`${pi + 1}. ${part.parent}`, w, { bold: true, italic: true }));
        part.rows.forEach((r, i) => {
          const target = r.cells[indicator.id];
          const values = columns.map((c) => {
            if (!target) return '';
            if (c.part === 'note') return target.note ?? '';
            if (c.part === 'fact') {
              const v = factValue(target, c.label);
              return v === null ? '' : figureText(v, 'EQUAL', '');
            }
            if (c.part === 'target') return figureText(target.value, target.comparator, indicator.unitOfMeasure);
            return target.baseline !== null ? figureText(target.baseline, 'EQUAL', indicator.unitOfMeasure) : (target.baselineNote ?? '');
          });
          rows.push(
            new TableRow({
              cantSplit: true,
              children: [
                cell([String(i + 1)], { width: w[0], align: 'center' }),
                cell([unitLabel(r.name, r.kind)], { width: w[1] }),
                ...values.map((v, ci) => cell(v ? [v] : [], { width: w[2 + ci], align: columns[ci].part === 'note' ? 'left' : 'center' })),
              ],
            }),
          );
        });
      });
    });
    out.push(para(`${indicator.position ? `${indicator.position}. ` : ''}${indicator.name}`, { bold: true, align: 'justify', before: 240, after: 120, keepNext: true }));
    out.push(gridTable(w, header, rows));
  }
  return out;
}

/** The Word document of a plan, as bytes. `annexData` null: no per-unit annex (no targets below the issuer). */
export async function planDocx(doc: PlanDocument, annexData: AnnexData | null): Promise<Buffer> {
  const page = { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: MARGIN };
  const sections: ISectionOptions[] = [{ properties: { page }, children: body(doc) }];
  if (annexData && annexData.rows.some((r) => Object.keys(r.cells).length)) sections.push({ properties: { page }, children: annex(doc, annexData) });
  const document = new Document({
    creator: 'Chỉ tiêu',
    title: doc.plan.title,
    styles: { default: { document: { run: { font: FONT, size: BODY * 2 } } } },
    sections,
  });
  return Packer.toBuffer(document);
}
