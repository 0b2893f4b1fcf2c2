/**
 * The mapping step's answer (the `columns` parameter of an import): read, checked, and split into
 * one part per indicator — each part the unit columns and that indicator's figure columns. A
 * figure column without an indicator, a role twice, a role the kind needs missing: refused (400).
 */
import { IMPORT_COLUMN_ROLES, IMPORT_ROLE_NAMES, type ImportColumnMapping, type ImportKind, type Locale } from '@chitieu/domain';
import { KIND_FIGURES } from '../import-columns';
import { requiredColumns, type Column, type HeaderSpec } from '../import-parse';
import { ImportRequestError } from './request';

/** Columns a mapping may name: as many as a read sheet may have. */
const MAX_MAPPED_COLUMNS = 200;

const invalid = (reason: string) => new ImportRequestError(400, 'MAPPING_INVALID', { reason });
const roleName = (role: string, locale: Locale) => IMPORT_ROLE_NAMES[role]?.[locale] ?? role;

/** "A", "B", … "AA": how a spreadsheet names the column at `index`. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The `columns` parameter, as JSON text: its shape checked, nothing else. */
export function parseMapping(text: string): ImportColumnMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid('JSON');
  }
  const m = raw as Partial<ImportColumnMapping> | null;
  if (!m || typeof m !== 'object' || !Number.isInteger(m.headerLine) || m.headerLine! < 1 || !Array.isArray(m.columns) || m.columns.length > MAX_MAPPED_COLUMNS) {
    throw invalid('headerLine, columns');
  }
  const seen = new Set<number>();
  for (const c of m.columns) {
    const ok = c && Number.isInteger(c.index) && c.index >= 0 && c.index < MAX_MAPPED_COLUMNS && IMPORT_COLUMN_ROLES.includes(c.role);
    if (!ok || seen.has(c.index) || (c.indicatorId != null && typeof c.indicatorId !== 'string')) throw invalid(`#${Number(c?.index) + 1}`);
    seen.add(c.index);
  }
  return { headerLine: m.headerLine!, columns: m.columns.map((c) => ({ index: c.index, role: c.role, indicatorId: c.indicatorId ?? null })) };
}

/** A part of a mapped import: one indicator, its columns (with the unit's). */
export interface MappedPart {
  indicatorId: string;
  columns: [Column, number][];
}

/**
 * The mapping's parts, in the order their indicators first appear. `fallback`: the indicator of
 * figure columns that name none (the request's, or the plan's only one); `specOf` the header spec
 * of an indicator, for the columns its kind needs.
 */
export function mappedParts(
  mapping: ImportColumnMapping,
  kind: ImportKind,
  fallback: string | null,
  specOf: (indicatorId: string) => HeaderSpec & { indicatorName: string },
  locale: Locale,
): MappedPart[] {
  const figures = KIND_FIGURES[kind];
  const shared: [Column, number][] = [];
  const byIndicator = new Map<string, [Column, number][]>();
  for (const c of mapping.columns) {
    if (c.role === 'code' || c.role === 'name' || (c.role === 'period' && kind === 'results')) {
      if (shared.some(([k]) => k === c.role)) throw invalid(roleName(c.role, locale));
      shared.push([c.role, c.index]);
    } else if (figures.includes(c.role)) {
      const id = c.indicatorId ?? fallback;
      if (!id) throw new ImportRequestError(400, 'MAPPING_NO_INDICATOR', { column: columnLetter(c.index) });
      const mine = byIndicator.get(id) ?? [];
      if (mine.some(([k]) => k === c.role)) throw invalid(roleName(c.role, locale));
      byIndicator.set(id, [...mine, [c.role as Column, c.index]]);
    }
    // fact and ignore columns, and figures another kind of import reads, are not read.
  }
  if (!shared.some(([k]) => k === 'code' || k === 'name')) throw new ImportRequestError(400, 'MAPPING_MISSING_ROLE', { role: roleName('unit', locale) });
  if (!byIndicator.size) {
    const need = requiredColumns({ kind, measure: 'RATE', year: 0 })[0];
    throw new ImportRequestError(400, 'MAPPING_MISSING_ROLE', { role: roleName(need, locale) });
  }
  return [...byIndicator].map(([indicatorId, own]) => {
    const spec = specOf(indicatorId);
    const missing = requiredColumns(spec).find((k) => !own.some(([r]) => r === k));
    if (missing) throw new ImportRequestError(400, 'MAPPING_MISSING_ROLE', { role: roleName(missing, locale), indicator: spec.indicatorName });
    return { indicatorId, columns: [...shared, ...own] };
  });
}
