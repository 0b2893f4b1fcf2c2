/**
 * Reading spreadsheets people send (XLSX, or CSV in UTF-8 with or without BOM, comma, semicolon
 * or tab): the unit register import and the baselines/targets/results import share these.
 * Rows are string[][] where row i is spreadsheet line i + 1, empty rows kept empty.
 */
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { firstSheetArchive } from './archive';
import { MAX_CELL_CHARS, MAX_CSV_LINE_CHARS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from './read-limits';
import { SheetFileError } from './sheets-error';

export { SheetFileError };

/** The read limits (read-limits.ts), refused as 413 in the user's language. */
export const rowsOverLimit = () => new SheetFileError(`more than ${MAX_SHEET_ROWS} rows`, 'FILE_ROWS_OVER_LIMIT', 413, { max: MAX_SHEET_ROWS });
const tooManyColumns = (line: number) =>
  new SheetFileError(`line ${line} has more than ${MAX_SHEET_COLUMNS} columns`, 'FILE_TOO_MANY_COLUMNS', 413, { line, max: MAX_SHEET_COLUMNS });
const cellTooLong = (line: number) => new SheetFileError(`line ${line} has a cell over ${MAX_CELL_CHARS} characters`, 'FILE_CELL_TOO_LONG', 413, { line, max: MAX_CELL_CHARS });

/** Cells up to the last one holding something (a CSV's trailing `;;;;` is no column). */
function usedLength(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && (cells[n - 1] ?? '') === '') n--;
  return n;
}

/** A row past a limit is refused at once: checked as each row is read. */
function checkRow(cells: readonly string[], row: number, line: number): void {
  if (row > MAX_SHEET_ROWS && usedLength(cells) > 0) throw rowsOverLimit();
  if (usedLength(cells) > MAX_SHEET_COLUMNS) throw tooManyColumns(line);
  for (const c of cells) if (c && c.length > MAX_CELL_CHARS) throw cellTooLong(line);
}

/**
 * How numeric XLSX cells come out: 'plain' as JavaScript writes them (codes: 62, 612), 'vi' in
 * Vietnamese notation (decimal comma) so one parser (parseDecimal) reads them like typed text,
 * with cells formatted as percentages given in percent (0.9996 shown "99.96%" → "99,96").
 */
export type NumberStyle = 'plain' | 'vi';

/**
 * Whether a number format scales by 100: a `%` outside quotes and not escaped ("0.00%"). The
 * product's own exports write `0.00"%"` (a literal sign after a value already in percent): read
 * as a percentage, re-importing an annex multiplied every baseline by 100.
 */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return bare.includes('%');
}

function numberText(n: number, style: NumberStyle, numFmt: string | undefined): string {
  if (style === 'plain') return String(n);
  const v = isPercentFormat(numFmt) ? Number((n * 100).toFixed(10)) : n;
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
  // The head of the text only: a 10 MB first line is refused later, not split here.
  const firstLine =
    text
      .slice(0, MAX_CSV_LINE_CHARS)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  return CSV_DELIMITERS.reduce<string>((best, d) => (count(d) > count(best) ? d : best), ',');
}

/**
 * No physical line may be longer than a full row of full cells: a plain scan (no allocation)
 * refuses the one-line "a,a,a,…" file before the CSV parser makes millions of fields of it.
 */
export function checkCsvLines(text: string): void {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > MAX_CSV_LINE_CHARS) {
      const head = text.slice(start, Math.min(end, start + MAX_CSV_LINE_CHARS));
      const most = Math.max(...CSV_DELIMITERS.map((d) => head.split(d).length));
      throw most > MAX_SHEET_COLUMNS ? tooManyColumns(line) : cellTooLong(line);
    }
    start = end + 1;
    line++;
  }
}

/**
 * CSV text (BOM stripped) → rows; the delimiter, unless given, is read off the first line. Each
 * record is checked against the read limits as the parser produces it, and the first one past a
 * limit stops the parse (SheetFileError, 413).
 */
export function readCsvText(text: string, delimiter: string = guessDelimiter(text)): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  checkCsvLines(body);
  return parseCsv(body, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
    on_record: (record: string[], info) => {
      checkRow(record, info.records, info.lines);
      return record;
    },
  }) as string[][];
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

function* chunks(buffer: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

/**
 * The first worksheet as rows, row i being spreadsheet row i + 1 (empty rows kept empty). The
 * archive is checked and cut down to the parts that sheet needs (archive.ts), then streamed
 * through exceljs' WorkbookReader row by row, each row checked against the read limits: a sheet
 * past them is refused at the first row too many, never held whole.
 */
export async function readXlsxRows(source: string | Buffer, style: NumberStyle = 'plain'): Promise<string[][]> {
  const bytes = typeof source === 'string' ? await fs.readFile(source) : source;
  const archive = await firstSheetArchive(bytes);
  // Loaded on first use: exceljs takes most of a second to load, which a CSV read need not wait for.
  const { default: excel } = await import('exceljs');
  // Fed in 64 KB chunks: exceljs parses each chunk it is given into one array of XML events, so
  // one 10 MB chunk would mean millions of events held at once.
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from(chunks(archive, 64 * 1024)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: string[][] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const line = row.number;
        if (!(line >= 1)) throw new SheetFileError('a row without its number');
        const cells: string[] = [];
        let failure: SheetFileError | null = null;
        row.eachCell({ includeEmpty: false }, (c, col) => {
          const text = cellText(c.value, style, c.numFmt);
          if (text === '' || failure) return;
          if (col > MAX_SHEET_COLUMNS) failure = tooManyColumns(line);
          else if (text.length > MAX_CELL_CHARS) failure = cellTooLong(line);
          else cells[col - 1] = text;
        });
        if (failure) throw failure;
        if (!cells.length) continue;
        if (line > MAX_SHEET_ROWS) throw rowsOverLimit();
        for (let k = 0; k < cells.length; k++) cells[k] ??= '';
        rows[line - 1] = cells;
      }
      break; // the first sheet only (the archive holds no other)
    }
  } catch (err) {
    if (err instanceof SheetFileError) throw err;
    throw new SheetFileError(`the file is a zip archive but not an XLSX workbook: ${(err as Error).message}`);
  }
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
