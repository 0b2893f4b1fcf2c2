import ExcelJS from 'exceljs';
import { documentText } from '@chitieu/domain';
import { annexTitle, attachedTo } from './annex.workbook';
import { FONT, FONT_SIZE, printSetup, THIN_BORDER, titleRow, wrappedHeight } from './xlsx-style';
import { headingLines, type PlanDocument } from '../documents/plan-document';

/**
 * The indicator-row annex (GET /export/plans/:id/indicators.xlsx): the Word document's indicator
 * table as a workbook — the same columns, each heading a merged row above its rows.
 */

const COLUMNS = ['colNumber', 'colContent', 'colLead', 'colCoordinating', 'colUnitOfMeasure', 'colTarget', 'colBasis', 'colNote'] as const;
const WIDTHS = [6, 48, 24, 24, 8, 16, 30, 24];

export function indicatorsWorkbook(doc: PlanDocument): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chỉ tiêu';
  const ws = wb.addWorksheet(documentText('sheetIndicators'));
  const last = COLUMNS.length;
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  let r = 1;
  titleRow(ws, r++, last, documentText('annexHeading'), { bold: true, size: 13 });
  titleRow(ws, r++, last, annexTitle(doc.plan.title), { bold: true, size: 13 });
  const attached = attachedTo({ ...doc.plan, issuer: { name: doc.issuer.name, kind: doc.issuer.kind } });
  if (attached) titleRow(ws, r++, last, attached, { italic: true });
  r++;

  const header = r++;
  COLUMNS.forEach((k, i) => {
    const cell = ws.getCell(header, i + 1);
    cell.value = documentText(k);
    cell.font = { name: FONT, size: FONT_SIZE, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
  });
  ws.getRow(header).height = 22;

  const parts = doc.parts.filter((p) => p.rows.length);
  for (const part of parts) {
    // Rows under no heading get one only when the document has headings for the others.
    const heading = part.heading ? headingLines(part.heading).join('\n') : parts.length > 1 ? documentText('indicatorsHeading') : null;
    if (heading) {
      ws.mergeCells(r, 1, r, last);
      const cell = ws.getCell(r, 1);
      cell.value = heading;
      cell.font = { name: FONT, size: FONT_SIZE, bold: true };
      cell.alignment = { vertical: 'middle', wrapText: true };
      cell.border = THIN_BORDER;
      ws.getRow(r).height = wrappedHeight(
        heading.length,
        WIDTHS.reduce((a, b) => a + b, 0),
        16,
      );
      r++;
    }
    for (const row of part.rows) {
      const values = [row.position, row.content, row.lead.join('\n'), row.coordinating.join('\n'), row.unitOfMeasure, row.target.join('\n'), row.basis ?? '', row.note ?? ''];
      let height = 20;
      values.forEach((v, i) => {
        const cell = ws.getCell(r, i + 1);
        cell.value = v === '' ? null : v;
        cell.font = { name: FONT, size: FONT_SIZE };
        cell.alignment = { horizontal: i === 0 || i === 4 || i === 5 ? 'center' : 'left', vertical: 'middle', wrapText: true };
        cell.border = THIN_BORDER;
        const lines = v.split('\n');
        height = Math.max(
          height,
          lines.reduce((h, l) => h + wrappedHeight(l.length, WIDTHS[i], 15, 1) - 4, 4),
        );
      });
      ws.getRow(r).height = height;
      r++;
    }
  }

  printSetup(ws, `${header}:${header}`);
  ws.views = [{ state: 'frozen', ySplit: header }];
  return wb;
}
