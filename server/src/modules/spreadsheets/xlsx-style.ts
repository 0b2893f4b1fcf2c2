import type ExcelJS from 'exceljs';
import type { Comparator } from '@chitieu/domain';

/**
 * Look and number formats shared by the exported workbooks (annex, progress table).
 *
 * Numbers: a cell holds the figure exactly as the system stores and shows it — percentage
 * points for rates (99.96, not 0.9996) — and its format adds the sign: `0.00"%"`. So a sheet
 * read back (or re-imported) gives the stored numbers with no ×100 and no float noise
 * (0.9996 × 100 = 99.96000000000001), and Excel or LibreOffice under Vietnamese settings show
 * "99,96%" because a format's "." is the locale's decimal mark.
 */

/** Vietnamese administrative documents are set in Times New Roman (Nghị định 30/2020/NĐ-CP). */
export const FONT = 'Times New Roman';
export const FONT_SIZE = 12;

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Decimals a value needs, at most `max`: 99 → 0, 97.4 → 1, 99.96 → 2 (as the annexes print them). */
export function decimalsOf(value: number, max = 2): number {
  for (let d = 0; d < max; d++) {
    const scaled = value * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9) return d;
  }
  return max;
}

const PREFIX: Partial<Record<Comparator, string>> = { GREATER_THAN: '> ', AT_MOST: '≤ ' };

/**
 * The format of one figure: as many decimals as it has (at most two), "%" for rates, and the
 * comparator when a target is not the usual "at least" (the 2023 plan writes "> 80%").
 */
export function figureFormat(value: number, unitOfMeasure: string, comparator?: Comparator | null): string {
  const d = decimalsOf(value);
  const body = unitOfMeasure === '%' ? (d ? `0.${'0'.repeat(d)}` : '0') : d ? `#,##0.${'0'.repeat(d)}` : '#,##0';
  const prefix = comparator ? PREFIX[comparator] : undefined;
  return `${prefix ? `"${prefix}"` : ''}${body}${unitOfMeasure === '%' ? '"%"' : ''}`;
}

/** A gap in points, always signed: "+1,25", "-3", "0". */
export function gapFormat(value: number): string {
  const d = decimalsOf(value);
  const body = d ? `0.${'0'.repeat(d)}` : '0';
  return `+${body};-${body};0`;
}

/**
 * A rough row height (points) for wrapped text of `chars` characters in a width of `width`
 * characters: neither Excel nor LibreOffice sizes a merged or imported row to its text.
 * Bold text runs wider (`widen`).
 */
export function wrappedHeight(chars: number, width: number, lineHeight = 16, widen = 1.1): number {
  const lines = Math.max(1, Math.ceil((chars * widen) / Math.max(1, width)));
  return lines * lineHeight + 4;
}

/** The width, in characters, of columns `from`..`to` (1-based) of a sheet. */
export function spanWidth(ws: ExcelJS.Worksheet, from: number, to: number): number {
  let w = 0;
  for (let c = from; c <= to; c++) w += ws.getColumn(c).width ?? 9;
  return w;
}

/** A4 landscape, one page wide, `titleRows` repeated on every page, page numbers in the footer. */
export function printSetup(ws: ExcelJS.Worksheet, titleRows: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: titleRows,
  };
  ws.headerFooter.oddFooter = '&C&"Times New Roman"&10Trang &P/&N';
}

/** A title line merged across `columns` columns. */
export function titleRow(ws: ExcelJS.Worksheet, row: number, columns: number, text: string, style: { bold?: boolean; italic?: boolean; size?: number }): void {
  ws.mergeCells(row, 1, row, columns);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, size: style.size ?? FONT_SIZE, bold: style.bold, italic: style.italic };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(row).height = wrappedHeight(text.length, spanWidth(ws, 1, columns), (style.size ?? FONT_SIZE) + 4);
}

/** d/m/yyyy as Vietnamese documents write dates ("15/3/2022"), from an ISO date. */
export function vietnameseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}/${m}/${y}`;
}
