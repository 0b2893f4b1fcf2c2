/** Reading the GSO register (register-import.ts): the file's rows, and their parse into units by tier. */
import fs from 'node:fs';
import path from 'node:path';
import { foldVietnamese, splitKindPrefix, type UnitKind } from '@chitieu/domain';
import { readSheetRows, SheetFileError } from '../spreadsheets/sheets';

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportReport {
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Units (provinces, districts and communes), not rows. */
  created: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  /** The same counts per tier: [province, district, commune]. */
  byLevel: { created: [number, number, number]; updated: [number, number, number]; unchanged: [number, number, number] };
}

export interface RegisterUnit {
  code: string;
  /** NFC, trimmed, inner whitespace collapsed. */
  name: string;
  kind: UnitKind;
}

export interface ParsedRegisterRow {
  line: number;
  province: RegisterUnit;
  district: RegisterUnit;
  commune: RegisterUnit;
  englishName: string | null;
}

export interface ParsedRegister {
  units: ParsedRegisterRow[];
  rejected: RejectedRow[];
  /** Data rows after the header, blank ones not counted. */
  rows: number;
}

/** A file the importer cannot read at all (no header, wrong format): nothing is imported. */
export class RegisterFileError extends SheetFileError {}

// ---------------------------------------------------------------------------------------------
// Header

type Column = 'provinceName' | 'provinceCode' | 'districtName' | 'districtCode' | 'communeName' | 'communeCode' | 'level' | 'englishName';

const COLUMNS: readonly { key: Column; label: string; required: boolean }[] = [
  { key: 'provinceName', label: 'Tỉnh Thành Phố', required: true },
  { key: 'provinceCode', label: 'Mã TP', required: true },
  { key: 'districtName', label: 'Quận Huyện', required: true },
  { key: 'districtCode', label: 'Mã QH', required: true },
  { key: 'communeName', label: 'Phường Xã', required: true },
  { key: 'communeCode', label: 'Mã PX', required: true },
  { key: 'level', label: 'Cấp', required: false },
  { key: 'englishName', label: 'Tên Tiếng Anh', required: false },
];

/** Header key: BOM, case, diacritics, spaces and punctuation do not matter ("Mã  TP" = "MA TP"). */
function headerKey(cell: string): string {
  return foldVietnamese(cell.replace(/\uFEFF/g, '')).replace(/[^a-z0-9]/g, '');
}

const COLUMN_BY_KEY = new Map(COLUMNS.map((c) => [headerKey(c.label), c.key]));

/** How far down the header may sit (a title row above it in some exports). */
const HEADER_SEARCH_ROWS = 10;

function findHeader(rows: string[][]): { index: number; columns: Map<Column, number> } {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const columns = new Map<Column, number>();
    rows[i].forEach((cell, c) => {
      const key = COLUMN_BY_KEY.get(headerKey(cell ?? ''));
      if (key && !columns.has(key)) columns.set(key, c);
    });
    if (columns.size < 3) continue;
    const missing = COLUMNS.filter((c) => c.required && !columns.has(c.key)).map((c) => c.label);
    if (missing.length) {
      throw new RegisterFileError(`the header on line ${i + 1} lacks ${missing.join(', ')} (expected ${COLUMNS.map((c) => c.label).join(', ')})`);
    }
    return { index: i, columns };
  }
  throw new RegisterFileError(`no header row found: expected ${COLUMNS.map((c) => c.label).join(', ')}`);
}

// ---------------------------------------------------------------------------------------------
// Cells

function cleanText(s: string | undefined): string {
  return (s ?? '')
    .replace(/\uFEFF/g, '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

/** GSO code widths: province 2 digits, district 3, commune 5. */
const CODE_WIDTH = { provinceCode: 2, districtCode: 3, communeCode: 5 } as const;

/**
 * A code as the register writes it: digits, left-padded to the tier's width (a spreadsheet that
 * stored 1 for Hà Nội's "01" gets it back). null with a reason when it is not a code.
 */
export function normalizeCode(raw: string, width: number): { code: string } | { error: string } {
  const s = raw.replace(/\s+/g, '');
  if (!/^\d+$/.test(s) || s.length > width) return { error: `'${raw}' is not a ${width}-digit code` };
  return { code: s.padStart(width, '0') };
}

const DISTRICT_KINDS: readonly UnitKind[] = ['PROVINCIAL_CITY', 'TOWN', 'URBAN_DISTRICT', 'DISTRICT'];
const COMMUNE_KINDS: readonly UnitKind[] = ['WARD', 'TOWNSHIP', 'COMMUNE'];

/** The `Cấp` column: "Phường", "Thị trấn", "Xã" (any case or accents); null when it says nothing known. */
function communeKindFromLevel(level: string): UnitKind | null {
  switch (foldVietnamese(level)) {
    case 'phuong':
      return 'WARD';
    case 'thi tran':
      return 'TOWNSHIP';
    case 'xa':
      return 'COMMUNE';
    default:
      return null;
  }
}

export type Tier = 'province' | 'district' | 'commune';
export const TIERS: readonly Tier[] = ['province', 'district', 'commune'];
export const CODE_LABEL: Record<Tier, string> = { province: 'Mã TP', district: 'Mã QH', commune: 'Mã PX' };

function kindFor(tier: Tier, name: string, level: string): { kind: UnitKind } | { error: string } {
  const prefixed = splitKindPrefix(name).kind;
  if (prefixed === null) return { error: `no kind prefix in '${name}'` };
  if (tier === 'province') {
    // A province-level "Thành phố" is a municipality (Hà Nội, Hồ Chí Minh, Hải Phòng, Đà Nẵng, Cần Thơ).
    if (prefixed === 'PROVINCE') return { kind: 'PROVINCE' };
    if (prefixed === 'PROVINCIAL_CITY') return { kind: 'MUNICIPALITY' };
    return { error: `'${name}' is not a province name (Tỉnh …, Thành phố …)` };
  }
  if (tier === 'district') {
    if (DISTRICT_KINDS.includes(prefixed)) return { kind: prefixed };
    return { error: `'${name}' is not a district name (Quận, Huyện, Thị xã, Thành phố …)` };
  }
  if (!COMMUNE_KINDS.includes(prefixed)) return { error: `'${name}' is not a commune name (Phường, Thị trấn, Xã …)` };
  return { kind: communeKindFromLevel(level) ?? prefixed };
}

// ---------------------------------------------------------------------------------------------
// Parser

interface Seen {
  unit: RegisterUnit;
  parentCode: string | null;
  line: number;
}

/**
 * Reads the register's rows (row i is line i + 1; the header may sit in the first ten rows).
 * Pure. Throws RegisterFileError when there is no usable header. A row is rejected when a code
 * is missing or malformed, a name lacks a known kind prefix, or it contradicts an earlier row
 * (the same code with another name, kind or parent; the same commune twice).
 */
export function parseRegister(rows: string[][]): ParsedRegister {
  const { index: headerIndex, columns } = findHeader(rows);
  const cell = (row: string[], key: Column): string => {
    const c = columns.get(key);
    return c === undefined ? '' : cleanText(row[c]);
  };
  const units: ParsedRegisterRow[] = [];
  const rejected: RejectedRow[] = [];
  const seen = { province: new Map<string, Seen>(), district: new Map<string, Seen>(), commune: new Map<string, Seen>() };
  let dataRows = 0;

  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.every((c) => cleanText(c) === '')) continue;
    dataRows++;
    const line = i + 1;
    const read = readRow(row, line);
    const reason = 'error' in read ? read.error : contradiction(read.row);
    if (reason !== null) rejected.push({ line, reason });
    else {
      const r = (read as { row: ParsedRegisterRow }).row;
      units.push(r);
      remember(r);
    }
  }
  return { units, rejected, rows: dataRows };

  function readRow(row: string[], line: number): { row: ParsedRegisterRow } | { error: string } {
    const missing = COLUMNS.filter((c) => c.required && cell(row, c.key) === '').map((c) => c.label);
    if (missing.length) return { error: `missing ${missing.join(', ')}` };
    const level = cell(row, 'level');
    const out: Partial<Record<Tier, RegisterUnit>> = {};
    const problems: string[] = [];
    for (const [tier, nameKey, codeKey] of [
      ['province', 'provinceName', 'provinceCode'],
      ['district', 'districtName', 'districtCode'],
      ['commune', 'communeName', 'communeCode'],
    ] as const) {
      const name = cell(row, nameKey);
      const code = normalizeCode(cell(row, codeKey), CODE_WIDTH[codeKey]);
      if ('error' in code) problems.push(`${CODE_LABEL[tier]} ${code.error}`);
      const kind = kindFor(tier, name, level);
      if ('error' in kind) problems.push(kind.error);
      if ('code' in code && 'kind' in kind) out[tier] = { code: code.code, name, kind: kind.kind };
    }
    if (problems.length) return { error: problems.join('; ') };
    return { row: { line, province: out.province!, district: out.district!, commune: out.commune!, englishName: cell(row, 'englishName') || null } };
  }

  /** A row that says something else than an earlier one about the same code. */
  function contradiction(r: ParsedRegisterRow): string | null {
    for (const tier of TIERS) {
      const unit = r[tier];
      const before = seen[tier].get(unit.code);
      if (!before) continue;
      const label = CODE_LABEL[tier];
      if (tier === 'commune') return `${label} ${unit.code} repeats line ${before.line}`;
      if (before.unit.name !== unit.name || before.unit.kind !== unit.kind) {
        return `${label} ${unit.code} is '${before.unit.name}' on line ${before.line}, here '${unit.name}'`;
      }
      const parentCode = parentCodeOf(r, tier);
      if (before.parentCode !== parentCode) {
        return `${label} ${unit.code} is under ${before.parentCode} on line ${before.line}, here under ${parentCode}`;
      }
    }
    return null;
  }

  function remember(r: ParsedRegisterRow): void {
    for (const tier of TIERS) {
      if (!seen[tier].has(r[tier].code)) seen[tier].set(r[tier].code, { unit: r[tier], parentCode: parentCodeOf(r, tier), line: r.line });
    }
  }
}

export function parentCodeOf(r: ParsedRegisterRow, tier: Tier): string | null {
  return tier === 'province' ? null : tier === 'district' ? r.province.code : r.district.code;
}

// ---------------------------------------------------------------------------------------------
// Files

/** CSV or XLSX, told apart by content (XLSX is a zip), not by the name alone. */
export async function readRegisterRows(file: string): Promise<string[][]> {
  try {
    return await readSheetRows(fs.readFileSync(file), path.basename(file));
  } catch (err) {
    // One error type for the CLI to print without a stack.
    if (err instanceof SheetFileError && !(err instanceof RegisterFileError)) throw new RegisterFileError(err.message, err.code);
    throw err;
  }
}
