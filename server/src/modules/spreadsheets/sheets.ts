/**
 * Reading spreadsheets people send (XLSX, or CSV in UTF-8 with or without BOM, comma, semicolon
 * or tab): the unit register import and the baselines/targets/results import share these.
 * Rows are string[][] where row i is spreadsheet line i + 1, empty rows kept empty.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ImportFileErrorCode } from '@chitieu/domain';

/** A file that cannot be read as a spreadsheet at all; `code` says why, for a translated message. */
export class SheetFileError extends Error {
  constructor(message: string, readonly code: ImportFileErrorCode = 'FILE_NOT_SPREADSHEET') {
    super(message);
  }
}

/**
 * How numeric XLSX cells come out: 'plain' as JavaScript writes them (codes: 62, 612), 'vi' in
 * Vietnamese notation (decimal comma) so one parser (parseDecimal) reads them like typed text,
 * with cells formatted as percentages given in percent (0.9996 shown "99.96%" → "99,96").
 */
export type NumberStyle = 'plain' | 'vi';

function numberText(n: number, style: NumberStyle, numFmt: string | undefined): string {
  if (style === 'plain') return String(n);
  const v = numFmt?.includes('%') ? Number((n * 100).toFixed(10)) : n;
  return String(v).replace('.', ',');
}

/** A spreadsheet cell as text: numbers as the numbers they are, rich text and formulas by their text. */
export function cellText(value: ExcelJS.CellValue | undefined, style: NumberStyle = 'plain', numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, style, numFmt);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, style, numFmt);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return '';
  }
  return String(value);
}

export const CSV_DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter the header line uses most (comma when it has none). */
export function guessDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return CSV_DELIMITERS.reduce<string>((best, d) => (count(d) > count(best) ? d : best), ',');
}

/** CSV text (BOM stripped) → rows; the delimiter, unless given, is read off the first line. */
export function readCsvText(text: string, delimiter: string = guessDelimiter(text)): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  return parseCsv(body, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }) as string[][];
}

/** The CSV file's bytes as text: UTF-8 (with or without BOM) or UTF-16 with its BOM. */
export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD')) throw new SheetFileError('the file is not UTF-8: save it as CSV UTF-8 or as XLSX', 'FILE_NOT_UTF8');
  return text;
}

/** The first worksheet as rows, row i being spreadsheet row i + 1 (empty rows kept empty). */
export async function readXlsxRows(source: string | Buffer, style: NumberStyle = 'plain'): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    if (typeof source === 'string') await wb.xlsx.readFile(source);
    else await wb.xlsx.load(source as unknown as ArrayBuffer);
  } catch {
    throw new SheetFileError('the file is a zip archive but not an XLSX workbook');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new SheetFileError('the workbook has no worksheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c, col) => {
      cells[col - 1] = cellText(c.value, style, c.numFmt);
    });
    for (let k = 0; k < cells.length; k++) cells[k] ??= '';
    rows[rowNumber - 1] = cells;
  });
  for (let k = 0; k < rows.length; k++) rows[k] ??= [];
  return rows;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * What a file is, by its content (XLSX is a zip) rather than by its name alone: 'xlsx' or
 * 'csv'; old .xls workbooks and binary files (images, PDFs...) are refused.
 */
export function sheetFormat(bytes: Buffer, name = ''): 'xlsx' | 'csv' {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE) || /\.xls$/i.test(name)) throw new SheetFileError('old .xls workbooks are not read: save it as .xlsx or CSV UTF-8', 'FILE_OLD_XLS');
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // Text has no control bytes but tab, CR, LF (and form feed); a PDF, an image or an executable has many.
  if (!utf16) {
    const head = bytes.subarray(0, 4096);
    let control = 0;
    for (const b of head) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
    if (control > 0 || /^%PDF/.test(head.toString('latin1', 0, 5))) throw new SheetFileError('the file is not an XLSX or CSV spreadsheet');
  }
  return 'csv';
}

/** A spreadsheet's first sheet as rows, whatever its format (CSV delimiter read off the first line). */
export async function readSheetRows(bytes: Buffer, name = '', style: NumberStyle = 'plain'): Promise<string[][]> {
  if (sheetFormat(bytes, name) === 'xlsx') return readXlsxRows(bytes, style);
  return readCsvText(decodeCsv(bytes));
}
