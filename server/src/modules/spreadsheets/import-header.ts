/**
 * The header of an import's sheet, pure: what each header cell names, which row is the header
 * (title rows above it, a two-row header, several indicators side by side) and, for CSV, which
 * delimiter gives one. Runs in the sheet worker; import-parse.ts reads the lines under it.
 */
import { foldVietnamese, type ImportKind, type ImportMappingErrorCode, type Measure, type MessageParams } from '@chitieu/domain';
import { readCsvText, CSV_DELIMITERS, guessDelimiter, SheetFileError } from './sheets';
import { headerLabels, indicatorOfHeader, KIND_FIGURES, type IndicatorNames } from './import-columns';

export type Column = 'code' | 'name' | 'target' | 'baseline' | 'numerator' | 'denominator' | 'value' | 'period' | 'ignore';

/** What the header recognition needs to know about the import. */
export interface HeaderSpec {
  kind: ImportKind;
  measure: Measure;
  /** The plan's year: "Tỷ lệ … năm 2021" in a 2022 plan is last year's result, the baseline. */
  year: number;
  numeratorLabel?: string | null;
  denominatorLabel?: string | null;
  /** The indicator imported, and the plan's others: a figure column naming another is not ours. */
  indicator?: IndicatorNames;
  others?: IndicatorNames[];
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
export function classifyHeader(label: string, spec: HeaderSpec): Column | null {
  // "<indicator> — Mức giao năm 2022" (a two-row header, labelsAt): the lower cell says the role.
  const text = label.includes(' — ') ? label.slice(label.lastIndexOf(' — ') + 3) : label;
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

/** A refusal of the mapping step, as the worker carries it (a SheetFileError with the mapping's code). */
export function mappingRefusal(code: ImportMappingErrorCode, status: 400 | 422, params: MessageParams = {}): SheetFileError {
  return new SheetFileError(code, code, status, params);
}

/** Row i's header labels, completed from the row above when that row names the unit too (a two-row header). */
export function labelsAt(rows: string[][], i: number, spec: HeaderSpec): string[] {
  const above = i > 0 ? (rows[i - 1] ?? []) : [];
  const twoRows = above.some((c) => ['name', 'code'].includes(classifyHeader(c ?? '', spec) ?? ''));
  return twoRows ? headerLabels(rows, i, cleanCell) : (rows[i] ?? []).map((c) => cleanCell(c));
}

/**
 * A baseline column that is not one: beside b and a columns (the progress workbook: Mức giao | b |
 * a | Kết quả), a "Kết quả" without a year is the period's result, not last year's.
 */
export function isPeriodResult(label: string, labels: readonly string[], spec: HeaderSpec): boolean {
  if (spec.kind === 'results' || /\b(19|20)\d{2}\b/.test(label)) return false;
  const roles = labels.map((l) => classifyHeader(l, { ...spec, kind: 'results' }));
  return roles.includes('numerator') && roles.includes('denominator');
}

/**
 * Of several columns that could hold `key`, the one of the indicator imported: columns naming
 * another indicator of the plan are not ours; of the rest, the one naming ours, or the only one.
 * Several left: refused (AMBIGUOUS_COLUMNS) — never a guess.
 */
function pickColumn(key: Column, found: { col: number; label: string }[], spec: HeaderSpec): { col: number; label: string } | null {
  if (!spec.indicator || !spec.others?.length) return found[0];
  const all = [spec.indicator, ...spec.others];
  const named = found.map((f) => ({ ...f, of: indicatorOfHeader(f.label, all) }));
  const ours = named.filter((f) => f.of === null || f.of === spec.indicator!.id);
  if (ours.length <= 1) return ours[0] ?? null;
  const naming = ours.filter((f) => f.of === spec.indicator!.id);
  if (naming.length === 1) return naming[0];
  throw mappingRefusal('AMBIGUOUS_COLUMNS', 422, { role: key, columns: ours.map((f) => `“${f.label}”`).join(', '), indicator: spec.indicator.name });
}

/**
 * The header row: the first of the first 15 that names the unit (code or name) and every column
 * the kind needs (`loose`: at least one figure column, as the mapping step looks for it).
 */
export function findHeader(rows: string[][], spec: HeaderSpec, loose = false): Header | null {
  const need = requiredColumns(spec);
  const figures = KIND_FIGURES[spec.kind] as Column[];
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const all = new Map<Column, { col: number; label: string }[]>();
    const labels = labelsAt(rows, i, spec);
    labels.forEach((label, c) => {
      const key = classifyHeader(label, spec);
      if (key === 'baseline' && isPeriodResult(label, labels, spec)) return;
      if (key) all.set(key, [...(all.get(key) ?? []), { col: c, label }]);
    });
    const unit = all.has('name') || all.has('code');
    if (!unit || !(loose ? figures.some((k) => all.has(k)) : need.every((k) => all.has(k)))) continue;
    const columns = new Map<Column, { col: number; label: string }>();
    for (const [key, found] of all) {
      const pick = loose || !figures.includes(key) ? found[0] : pickColumn(key, found, spec);
      if (pick) columns.set(key, pick);
    }
    if (loose || need.every((k) => columns.has(k))) return { index: i, columns };
  }
  return null;
}

/**
 * The rows of a CSV text, with the delimiter that gives a header: a title line above the header
 * can hold commas of its own, and "99,96" in a semicolon file holds one too.
 */
export function csvRowsWithHeader(
  text: string,
  spec: HeaderSpec,
  find: (rows: string[][]) => Header | null = (rows) => findHeader(rows, spec),
): { rows: string[][]; header: Header | null } {
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
    const header = find(rows);
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
