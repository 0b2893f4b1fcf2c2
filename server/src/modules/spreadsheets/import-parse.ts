/**
 * The reading stage of the import pipeline, pure: under the header (import-header.ts), which
 * rows are data, and the numbers in them. No database: the later stages (import/:
 * match, check, write, outcome) take the lines it produces.
 */
import {
  foldVietnamese,
  importMessage,
  IMPORT_ISSUE_SEVERITY,
  isNoDossierText,
  parseDecimal,
  type ImportIssueCode,
  type ImportLineValues,
  type ImportRowIssue,
  type IssueCode,
  type Locale,
  type MessageParams,
  type Severity,
} from '@chitieu/domain';
import { cleanCell, type Column, type Header, type HeaderSpec } from './import-header';

// The header's half of the reading stage, for the callers that read both.
export * from './import-header';

/** An issue of one line, as the answer carries it. */
export type RowIssue = ImportRowIssue;

export function rowIssue(code: ImportIssueCode | IssueCode, params: MessageParams, locale: Locale, severity?: Severity): RowIssue {
  const sev = severity ?? (IMPORT_ISSUE_SEVERITY as Record<string, Severity>)[code] ?? 'ERROR';
  return { code, severity: sev, message: importMessage(code, params, locale) };
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

/**
 * A heading row's unit: "1. UBND huyện Krông A Na" → that name; a section ("I. CÁC SỞ, BAN,
 * NGÀNH") → '' (no parent); anything else → null (not a heading).
 */
export function partHeading(stt: string, name: string): string | null {
  const text = name || stt;
  if (/^[IVXLC]+\s*[.)]\s*\S/.test(text) || ROMAN.test(stt.trim())) return '';
  return /^\d+\s*[.)]\s*(\S.*)$/.exec(text)?.[1] ?? null;
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
  /** The unit named by the part heading above the line ("1. UBND huyện …"): tells namesakes apart. */
  under?: string;
  /** With a mapping of several indicators: which of its parts the line was read for. */
  part?: number;
  /** The mapping step's sample lines: the cells as read. */
  cells?: string[];
}

/**
 * The data lines under the header: blank lines, group headings and totals skipped; numbers read
 * in Vietnamese or plain notation ("99,96", "1.000", "99,96%", "99.96"); "Không có hồ sơ phát
 * sinh" means a = 0 for results and no baseline for baselines; a blank cell means no figure.
 */
export function parseLines(rows: string[][], header: Header, spec: HeaderSpec, locale: Locale): ParsedLine[] {
  const col = (key: Column) => header.columns.get(key);
  const out: ParsedLine[] = [];
  let under = '';
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
    // "1. UBND huyện Krông A Na" over its communes (the annex at depth 2): the parent of the lines below.
    const heading = !code && texts.every((t) => t === '') ? partHeading(stt, name) : null;
    if (heading !== null) {
      under = heading;
      continue;
    }
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
    out.push({ line: i + 1, code, name, period: cell('period'), values, issues, empty, ...(under ? { under } : {}) });
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
