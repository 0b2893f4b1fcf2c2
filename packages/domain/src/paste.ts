/**
 * A block pasted from Excel into the plan matrix (issue #14): split the cells, find the header
 * and the unit column (names or codes), match each line to a unit — by name or code when the
 * block has them, never by position then — and turn the columns the user mapped into the
 * targets and baselines to write, one list per indicator.
 */

import { isNoDossierText } from './imports';
import { parseDecimal } from './numbers';
import { foldVietnamese, UnitNameIndex, type UnitKind } from './units';

/**
 * Cells of a tab-separated block as Excel copies it: tabs between cells, CRLF (or LF, CR)
 * between lines, a cell holding a line break or a quote written in double quotes ("" for a
 * quote), the trailing line break dropped. Blank lines are dropped too (a gap in the copy).
 */
export function splitTsv(text: string): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  let cell = '';
  let i = 0;
  const endLine = () => {
    line.push(cell);
    if (line.some((c) => c.trim() !== '')) lines.push(line);
    line = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && cell === '') {
      // A quoted cell: up to the quote not followed by another one.
      let j = i + 1;
      let quoted = '';
      while (j < text.length) {
        if (text[j] === '"' && text[j + 1] === '"') {
          quoted += '"';
          j += 2;
        } else if (text[j] === '"') break;
        else quoted += text[j++];
      }
      if (j < text.length) {
        cell = quoted;
        i = j + 1;
        continue;
      }
      // No closing quote: a cell that merely starts with a quote.
    }
    if (ch === '\t') {
      line.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      endLine();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (cell !== '' || line.length) endLine();
  return lines;
}

/** What one cell says: nothing (keep), a number, "Không phát sinh hồ sơ" (no value), or text. */
export type PasteCell = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'noDossier' } | { kind: 'text'; text: string };

export function readPasteCell(text: string | undefined, locale: 'vi' | 'en' = 'vi'): PasteCell {
  const s = (text ?? '').trim();
  if (s === '' || s === '-' || s === '—') return { kind: 'empty' };
  if (isNoDossierText(s)) return { kind: 'noDossier' };
  const n = parseDecimal(s, locale);
  return n === null ? { kind: 'empty' } : Number.isNaN(n) ? { kind: 'text', text: s } : { kind: 'number', value: n };
}

/** A row of the matrix as the paste sees it. */
export interface PasteUnit {
  id: string;
  code: string | null;
  name: string;
  kind: UnitKind;
}

export type PasteColumnKind = 'unitName' | 'unitCode' | 'number' | 'order' | 'text';

export interface PasteLayout {
  /** The header line's cells, when the block starts with one. */
  header: string[] | null;
  /** Data lines, each padded to `width` cells, with their line number in the block (1-based). */
  lines: { line: number; cells: string[] }[];
  width: number;
  columns: PasteColumnKind[];
  /** The column naming units (by name or code); null: rows are matched by position. */
  unitColumn: number | null;
}

const isNumeric = (c: PasteCell) => c.kind === 'number' || c.kind === 'noDossier';

/** A column of 1, 2, 3 … (restarting at 1 per group, as "STT" does): the order, not a figure. */
function isOrderColumn(cells: PasteCell[], header: string | undefined): boolean {
  if (header !== undefined && /^(s\s*tt|tt|stt)\.?$/.test(foldVietnamese(header))) return true;
  // Group headings number themselves in Roman numerals ("I", "II."): not part of the count.
  const nums = cells.filter((c) => c.kind !== 'empty' && !(c.kind === 'text' && /^[IVXLC]+\.?$/.test(c.text)));
  if (nums.length < 2) return false;
  let prev = 0;
  if (!nums.some((c) => c.kind === 'number' && c.value > 1)) return false;
  for (const c of nums) {
    if (c.kind !== 'number' || !Number.isInteger(c.value) || (c.value !== prev + 1 && c.value !== 1)) return false;
    prev = c.value;
  }
  return true;
}

const unitCodeKey = (s: string) => foldVietnamese(s).replace(/\s+/g, '');

/**
 * Reads a block's shape: the header (a first line whose cells in number columns are not
 * numbers: "Tên đơn vị", "Chỉ tiêu 2022"), what each column holds, and the unit column — the
 * one whose cells mostly name units of `units` (by name, or by code; codes win).
 */
export function readPasteLayout(text: string, units: readonly PasteUnit[], locale: 'vi' | 'en' = 'vi'): PasteLayout {
  const rows = splitTsv(text);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  const cellsOf = (from: number, col: number) => padded.slice(from).map((r) => readPasteCell(r[col], locale));
  const mostlyNumbers = (cells: PasteCell[]) => {
    const filled = cells.filter((c) => c.kind !== 'empty');
    return filled.length > 0 && filled.filter(isNumeric).length * 2 >= filled.length;
  };

  // A header: the first line has text where the lines below have numbers.
  // Two lines of headers (merged cells) keep the last one.
  let start = 0;
  // (Not a group heading "I | Sở, ban, ngành": text in most number columns, not in one.)
  const headerAt = (at: number) => {
    const numberColumns = Array.from({ length: width }, (_, c) => c).filter((c) => mostlyNumbers(cellsOf(at + 1, c)));
    const texts = numberColumns.filter((c) => readPasteCell(padded[at][c], locale).kind === 'text').length;
    return texts > 0 && texts * 2 >= numberColumns.length;
  };
  while (start < padded.length - 1 && headerAt(start)) start++;
  const header = start ? padded[start - 1] : null;

  const names = new UnitNameIndex(units);
  const codes = new Set(units.filter((u) => u.code).map((u) => unitCodeKey(u.code!)));
  const columns: PasteColumnKind[] = [];
  let best: { col: number; score: number; byCode: boolean } | null = null;
  for (let c = 0; c < width; c++) {
    const raw = padded
      .slice(start)
      .map((r) => r[c].trim())
      .filter(Boolean);
    const byCode = raw.filter((s) => codes.has(unitCodeKey(s))).length;
    const byName = raw.filter((s) => names.match(s).kind !== 'NONE').length;
    const cells = cellsOf(start, c);
    if (raw.length && byCode * 2 >= raw.length && byCode >= byName) {
      columns.push('unitCode');
      if (!best || byCode >= best.score) best = { col: c, score: byCode, byCode: true };
    } else if (isOrderColumn(cells, header?.[c])) columns.push('order');
    else if (mostlyNumbers(cells)) columns.push('number');
    else if (raw.length && byName * 2 >= raw.length) {
      columns.push('unitName');
      if (!best || (!best.byCode && byName > best.score)) best = { col: c, score: byName, byCode: false };
    } else columns.push('text');
  }
  return {
    header,
    lines: padded.slice(start).map((cells, i) => ({ line: i + start + 1, cells })),
    width,
    columns,
    unitColumn: best?.col ?? null,
  };
}

/** Why a pasted line is not written. */
export type PasteLineErrorCode = 'UNIT_NOT_FOUND' | 'UNIT_AMBIGUOUS' | 'UNIT_KIND_DIFFERS' | 'UNIT_DUPLICATE' | 'NO_ROW' | 'NOT_A_NUMBER' | 'NO_TARGET';

export interface PasteLineError {
  code: PasteLineErrorCode;
  /** For the message: the name as pasted, the unit found, the candidates, the cell. */
  params: Record<string, string>;
}

export interface PasteLine<U extends PasteUnit = PasteUnit> {
  line: number;
  cells: string[];
  /** The name or code as pasted (the unit column's cell); null when matched by position. */
  pasted: string | null;
  unit: U | null;
  /** A heading or blank row of the sheet ("I. Sở, ban, ngành"): no unit, no figures, nothing to do. */
  heading: boolean;
  errors: PasteLineError[];
}

/**
 * Each data line's unit: by the unit column when there is one (a name of another kind of unit,
 * a name matching nothing or several units, two lines for one unit: errors, never a guess);
 * else by position in `units`' order (the matrix's), which the user must confirm.
 */
export function matchPasteLines<U extends PasteUnit>(layout: PasteLayout, units: readonly U[]): PasteLine<U>[] {
  const col = layout.unitColumn;
  let result: PasteLine<U>[];
  if (col === null) {
    result = layout.lines.map((l, i) => ({
      line: l.line,
      cells: l.cells,
      pasted: null,
      unit: units[i] ?? null,
      heading: false,
      errors: units[i] ? [] : [{ code: 'NO_ROW', params: {} }],
    }));
  } else {
    const byCode = layout.columns[col] === 'unitCode';
    const index = new UnitNameIndex(units);
    result = layout.lines.map((l) => {
      const pasted = l.cells[col].trim();
      const figures = layout.columns.some((k, c) => k === 'number' && l.cells[c].trim() !== '');
      const base = { line: l.line, cells: l.cells, pasted, heading: false };
      if (!figures && (!pasted || index.match(pasted).kind === 'NONE')) return { ...base, heading: true, unit: null, errors: [] };
      if (!pasted) return { ...base, unit: null, errors: [{ code: 'UNIT_NOT_FOUND', params: { name: '' } }] };
      if (byCode) {
        const found = units.filter((u) => u.code && unitCodeKey(u.code) === unitCodeKey(pasted));
        if (found.length === 1) return { ...base, unit: found[0], errors: [] };
        return {
          ...base,
          unit: null,
          errors: [{ code: found.length ? 'UNIT_AMBIGUOUS' : 'UNIT_NOT_FOUND', params: { name: pasted, candidates: found.map((u) => u.name).join('; ') } }],
        };
      }
      const m = index.match(pasted);
      if (m.kind === 'MATCH' && m.kindDiffers) return { ...base, unit: null, errors: [{ code: 'UNIT_KIND_DIFFERS', params: { name: pasted, unitName: m.unit.name } }] };
      if (m.kind === 'MATCH') return { ...base, unit: m.unit, errors: [] };
      if (m.kind === 'AMBIGUOUS') return { ...base, unit: null, errors: [{ code: 'UNIT_AMBIGUOUS', params: { name: pasted, candidates: m.units.map((u) => u.name).join('; ') } }] };
      return { ...base, unit: null, errors: [{ code: 'UNIT_NOT_FOUND', params: { name: pasted } }] };
    });
  }
  // Two lines for one unit: neither is written, the user picks.
  const count = new Map<string, number>();
  for (const l of result) if (l.unit) count.set(l.unit.id, (count.get(l.unit.id) ?? 0) + 1);
  return result.map((l) => (l.unit && count.get(l.unit.id)! > 1 ? { ...l, errors: [...l.errors, { code: 'UNIT_DUPLICATE', params: { unitName: l.unit.name } }] } : l));
}

/** What a pasted column feeds: an indicator's targets, its baselines, or nothing. */
export type PasteRole = { kind: 'target'; indicatorId: string } | { kind: 'baseline'; indicatorId: string } | { kind: 'skip' };

/** A target as stored now (the matrix's cell). */
export interface PasteCurrent {
  unitId: string;
  indicatorId: string;
  value: number;
  baseline: number | null;
  version: number;
}

/** One value to write: `baseline` undefined keeps the stored one, null clears it ("Không phát sinh hồ sơ"). */
export interface PasteWrite {
  unitId: string;
  value: number;
  baseline?: number | null;
  expectedVersion: number;
}

export interface PastePlan<U extends PasteUnit = PasteUnit> {
  lines: PasteLine<U>[];
  /** Per indicator (in the order of the roles), the values to write; lines with errors write nothing. */
  writes: { indicatorId: string; targets: PasteWrite[] }[];
  targets: number;
  baselines: number;
}

/**
 * The writes a paste makes under `roles`: per matched line and indicator, the pasted target
 * (empty: keep the current one; "Không phát sinh hồ sơ": no value, keep) and baseline (empty:
 * keep; "Không phát sinh hồ sơ": cleared). A cell that is not a number, or a baseline for a unit
 * with no target and none pasted (the server needs a value), makes its line an error: nothing
 * of that line is written.
 */
export function planPaste<U extends PasteUnit>(
  lines: readonly PasteLine<U>[],
  roles: readonly PasteRole[],
  current: readonly PasteCurrent[],
  locale: 'vi' | 'en' = 'vi',
): PastePlan<U> {
  const stored = new Map(current.map((t) => [`${t.indicatorId}|${t.unitId}`, t]));
  const indicatorIds = [...new Set(roles.flatMap((r) => (r.kind === 'skip' ? [] : [r.indicatorId])))];
  const writes = new Map(indicatorIds.map((id) => [id, [] as PasteWrite[]]));
  let targets = 0;
  let baselines = 0;
  const out = lines.map((l) => {
    const errors = [...l.errors];
    const found: { indicatorId: string; write: PasteWrite; target: boolean; baseline: boolean }[] = [];
    for (const indicatorId of indicatorIds) {
      let value: number | undefined;
      let baseline: number | null | undefined;
      roles.forEach((r, c) => {
        if (r.kind === 'skip' || r.indicatorId !== indicatorId) return;
        const cell = readPasteCell(l.cells[c], locale);
        if (cell.kind === 'text') errors.push({ code: 'NOT_A_NUMBER', params: { text: cell.text } });
        else if (r.kind === 'target' && cell.kind === 'number') value = cell.value;
        else if (r.kind === 'baseline' && cell.kind !== 'empty') baseline = cell.kind === 'number' ? cell.value : null;
      });
      if (value === undefined && baseline === undefined) continue;
      if (!l.unit) continue;
      const now = stored.get(`${indicatorId}|${l.unit.id}`);
      if (value === undefined && !now) {
        errors.push({ code: 'NO_TARGET', params: { unitName: l.unit.name } });
        continue;
      }
      const baselineChanges = baseline !== undefined && baseline !== (now?.baseline ?? null);
      const valueChanges = value !== undefined && value !== now?.value;
      if (!valueChanges && !baselineChanges) continue;
      found.push({
        indicatorId,
        target: valueChanges,
        baseline: baselineChanges,
        write: { unitId: l.unit.id, value: value ?? now!.value, ...(baselineChanges ? { baseline } : {}), expectedVersion: now?.version ?? 0 },
      });
    }
    if (!errors.length && l.unit)
      for (const f of found) {
        writes.get(f.indicatorId)!.push(f.write);
        if (f.target) targets++;
        if (f.baseline) baselines++;
      }
    return { ...l, errors };
  });
  return { lines: out, writes: indicatorIds.map((id) => ({ indicatorId: id, targets: writes.get(id)! })).filter((w) => w.targets.length), targets, baselines };
}
