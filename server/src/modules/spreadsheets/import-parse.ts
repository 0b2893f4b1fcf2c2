/**
 * The reading stage of the import pipeline, pure: which row is the header and what each column
 * holds, which rows are data, and the numbers in them. No database: the later stages (import/:
 * match, check, write, outcome) take the lines it produces.
 */
import {
  foldVietnamese,
  importMessage,
  IMPORT_ISSUE_SEVERITY,
  isNoDossierText,
  parseDecimal,
  type ImportIssueCode,
  type ImportKind,
  type ImportLineValues,
  type ImportRowIssue,
  type IssueCode,
  type Locale,
  type Measure,
  type MessageParams,
  type Severity,
} from '@chitieu/domain';
import { readCsvText, CSV_DELIMITERS, guessDelimiter, SheetFileError } from './sheets';

export type Column = 'code' | 'name' | 'target' | 'baseline' | 'numerator' | 'denominator' | 'value' | 'period' | 'ignore';

/** An issue of one line, as the answer carries it. */
export type RowIssue = ImportRowIssue;

export function rowIssue(code: ImportIssueCode | IssueCode, params: MessageParams, locale: Locale, severity?: Severity): RowIssue {
  const sev = severity ?? (IMPORT_ISSUE_SEVERITY as Record<string, Severity>)[code] ?? 'ERROR';
  return { code, severity: sev, message: importMessage(code, params, locale) };
}

/** What the header recognition needs to know about the import. */
export interface HeaderSpec {
  kind: ImportKind;
  measure: Measure;
  /** The plan's year: "Tỷ lệ … năm 2021" in a 2022 plan is last year's result, the baseline. */
  year: number;
  numeratorLabel?: string | null;
  denominatorLabel?: string | null;
}

/** Header text → comparable words: folded, parenthesised parts, digits and punctuation gone. */
function headerWords(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const starts = (w: string, ...prefixes: string[]) => prefixes.some((p) => w === p || w.startsWith(`${p} `));

/**
 * What a header cell names, in Vietnamese or English, ignoring case, diacritics, units "(%)",
 * years and punctuation; null for a column the import does not use.
 */
export function classifyHeader(text: string, spec: HeaderSpec): Column | null {
  const w = headerWords(text);
  if (!w) return null;
  const marker = /\(\s*([ab])\s*\)/i.exec(text)?.[1]?.toLowerCase();
  if (starts(w, 'stt', 'tt', 'so tt', 'so thu tu', 'no')) return 'ignore';
  if (starts(w, 'ma', 'code', 'unit code')) return 'code';
  if (starts(w, 'ky', 'ky bao cao', 'period')) return 'period';
  if (starts(w, 'ten', 'unit', 'name', 'agency') || /\b(don vi|co quan|dia phuong)\b/.test(w)) {
    // "Chỉ tiêu giao cho đơn vị" names a figure, not the unit.
    if (!starts(w, 'chi tieu', 'so', 'tong', 'ty le', 'ket qua')) return 'name';
  }
  const labels = (l: string | null | undefined) => (l ? headerWords(l) : null);
  if (spec.kind === 'results') {
    if (marker === 'b' || w === labels(spec.numeratorLabel)) return 'numerator';
    if (marker === 'a' || w === labels(spec.denominatorLabel)) return 'denominator';
    if (starts(w, 'tong so', 'tong ho so', 'mau so', 'a', 'denominator', 'total')) return 'denominator';
    if (starts(w, 'so ho so', 'tu so', 'b', 'numerator')) return 'numerator';
    if (starts(w, 'ty le', 'rate')) return 'ignore'; // b/a, computed
    if (starts(w, 'ket qua', 'gia tri', 'diem', 'so luong', 'value', 'score', 'count', 'thuc hien')) return 'value';
    return null;
  }
  if (starts(w, 'chi tieu', 'target', 'muc giao')) return 'target';
  if (starts(w, 'ket qua', 'co so', 'gia tri co so', 'baseline', 'thuc hien', 'nam truoc')) return 'baseline';
  if (starts(w, 'ty le')) {
    const years = [...text.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
    if (years.length && years.every((y) => y < spec.year)) return 'baseline';
  }
  return null;
}

/** The columns a kind needs besides the unit's code or name. */
export function requiredColumns(spec: HeaderSpec): Column[] {
  if (spec.kind === 'targets') return ['target'];
  if (spec.kind === 'baselines') return ['baseline'];
  return spec.measure === 'RATE' ? ['numerator', 'denominator'] : ['value'];
}

/** Header labels the template writes and the "no header" message lists. */
export function expectedHeaders(spec: HeaderSpec): string[] {
  const unit = ['Mã đơn vị', 'Tên đơn vị'];
  if (spec.kind === 'targets') return [...unit, 'Chỉ tiêu', 'Kết quả năm trước (cơ sở)'];
  if (spec.kind === 'baselines') return [...unit, 'Kết quả năm trước (cơ sở)'];
  if (spec.measure === 'RATE') {
    return [...unit, `${spec.numeratorLabel || 'Số hồ sơ trực tuyến'} (b)`, `${spec.denominatorLabel || 'Tổng số hồ sơ'} (a)`];
  }
  return [...unit, spec.measure === 'SCORE' ? 'Điểm' : 'Kết quả'];
}

export interface Header {
  /** Row index of the header (its line is index + 1). */
  index: number;
  /** The first column of each kind, and its header text for messages. */
  columns: Map<Column, { col: number; label: string }>;
}

/** How far down the header may sit: title rows ("UBND TỈNH …", "BIỂU …") come above it. */
export const HEADER_SEARCH_ROWS = 15;

/** The header row: the first of the first 15 that names the unit (code or name) and every column the kind needs. */
export function findHeader(rows: string[][], spec: HeaderSpec): Header | null {
  const need = requiredColumns(spec);
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const columns = new Map<Column, { col: number; label: string }>();
    (rows[i] ?? []).forEach((cell, c) => {
      const key = classifyHeader(cell ?? '', spec);
      if (key && !columns.has(key)) columns.set(key, { col: c, label: cleanCell(cell) });
    });
    if ((columns.has('name') || columns.has('code')) && need.every((k) => columns.has(k))) return { index: i, columns };
  }
  return null;
}

/**
 * The rows of a CSV text, with the delimiter that gives a header: a title line above the header
 * can hold commas of its own, and "99,96" in a semicolon file holds one too.
 */
export function csvRowsWithHeader(text: string, spec: HeaderSpec): { rows: string[][]; header: Header | null } {
  const first = guessDelimiter(text);
  let fallback: { rows: string[][]; header: Header | null } | null = null;
  // A read limit crossed with one delimiter may not be with another ("a;b" read by commas is one
  // long cell); when no delimiter gives a header, the file is refused for that limit.
  let overLimit: SheetFileError | null = null;
  for (const d of [first, ...CSV_DELIMITERS.filter((x) => x !== first)]) {
    let rows: string[][];
    try {
      rows = readCsvText(text, d);
    } catch (err) {
      if (err instanceof SheetFileError && err.status === 413) overLimit ??= err;
      continue;
    }
    const header = findHeader(rows, spec);
    if (header) return { rows, header };
    fallback ??= { rows, header: null };
  }
  if (overLimit) throw overLimit;
  return fallback ?? { rows: [], header: null };
}

export function cleanCell(s: string | undefined): string {
  return (s ?? '')
    .replace(/\uFEFF/g, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

const ROMAN = /^[IVXLC]+$/;

/**
 * Rows that are not data: group headings ("I. CÁC SỞ, BAN, NGÀNH", "A. Khối huyện"), totals
 * ("Tổng cộng", "Toàn tỉnh") and notes under the table.
 */
export function isGroupOrTotalRow(name: string, stt: string): boolean {
  if (/^([IVXLC]+|[A-Z])\s*[.)/-]\s*\S/.test(name)) return true;
  if (ROMAN.test(stt.trim()) || /^[A-Z]$/.test(stt.trim())) return true;
  const f = foldVietnamese(name);
  return /^(tong cong|tong so|toan tinh|toan huyen|total|ghi chu|nguoi lap)\b/.test(f) || /^cong\s*:?$/.test(f);
}

/** The figures of a line as read, per kind; undefined = the file says nothing for it. */
export type LineValues = ImportLineValues;

export interface ParsedLine {
  line: number;
  code: string;
  name: string;
  period: string;
  values: LineValues;
  issues: RowIssue[];
  /** True when the line has no figure at all (nothing to write; a warning). */
  empty: boolean;
}

/**
 * The data lines under the header: blank lines, group headings and totals skipped; numbers read
 * in Vietnamese or plain notation ("99,96", "1.000", "99,96%", "99.96"); "Không có hồ sơ phát
 * sinh" means a = 0 for results and no baseline for baselines; a blank cell means no figure.
 */
export function parseLines(rows: string[][], header: Header, spec: HeaderSpec, locale: Locale): ParsedLine[] {
  const col = (key: Column) => header.columns.get(key);
  const out: ParsedLine[] = [];
  const figureKeys: Column[] =
    spec.kind === 'targets' ? ['target', 'baseline'] : spec.kind === 'baselines' ? ['baseline'] : spec.measure === 'RATE' ? ['numerator', 'denominator'] : ['value'];
  for (let i = header.index + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const cell = (key: Column) => {
      const c = col(key);
      return c ? cleanCell(row[c.col]) : '';
    };
    const code = cell('code');
    const name = cell('name');
    const stt = cell('ignore');
    const texts = figureKeys.map((k) => cell(k));
    if (!code && !name) continue; // blank lines, and notes without a unit
    if (!code && isGroupOrTotalRow(name, stt) && texts.every((t) => t === '' || !/\d/.test(t))) continue;
    if (!code && isGroupOrTotalRow(name, '')) continue;
    const issues: RowIssue[] = [];
    const values: LineValues = {};
    const number = (key: Column): number | undefined | 'none' => {
      const text = cell(key);
      if (text === '') return undefined;
      if (isNoDossierText(text)) return 'none';
      const n = parseDecimal(text, 'vi');
      if (n === null) return undefined;
      if (!Number.isFinite(n)) {
        issues.push(rowIssue('BAD_NUMBER', { column: col(key)!.label, text }, locale));
        return undefined;
      }
      return n;
    };
    let empty = false;
    if (spec.kind === 'targets') {
      const t = number('target');
      if (t === 'none' || (t === undefined && !issues.length)) empty = true;
      else if (typeof t === 'number') values.target = t;
      if (col('baseline')) {
        const b = number('baseline');
        if (b === 'none') values.baseline = null;
        else if (typeof b === 'number') values.baseline = b;
      }
    } else if (spec.kind === 'baselines') {
      const b = number('baseline');
      if (b === 'none') values.baseline = null;
      else if (typeof b === 'number') values.baseline = b;
      else if (!issues.length) empty = true;
    } else if (spec.measure === 'RATE') {
      const b = number('numerator');
      const a = number('denominator');
      if (b === 'none' || a === 'none') {
        values.numerator = 0;
        values.denominator = 0;
      } else if (!issues.length) {
        if (a === undefined && b === undefined) empty = true;
        else if (a === undefined) issues.push(rowIssue('MISSING_VALUE', { column: col('denominator')!.label }, locale));
        else if (b === undefined && a !== 0) issues.push(rowIssue('MISSING_VALUE', { column: col('numerator')!.label }, locale));
        else {
          values.numerator = b ?? 0;
          values.denominator = a;
        }
      }
    } else {
      const v = number('value');
      if (typeof v === 'number') values.value = v;
      else if (!issues.length) empty = true;
    }
    if (empty) issues.push(rowIssue('NO_VALUE', {}, locale));
    out.push({ line: i + 1, code, name, period: cell('period'), values, issues, empty });
  }
  return out;
}

/** A period cell as the API writes periods: "2022", "2022-Q2", "2022-05"; "05/2022", "Quý 2/2022" too. */
export function normalizePeriod(text: string): string {
  const s = text.trim();
  const month = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (month) return `${month[2]}-${month[1].padStart(2, '0')}`;
  const quarter = /^(?:quy|q)\s*([1-4])\s*[/.-]\s*(\d{4})$/i.exec(foldVietnamese(s));
  if (quarter) return `${quarter[2]}-Q${quarter[1]}`;
  return s.toUpperCase();
}
