/**
 * Spreadsheet imports (baselines, targets, results): the kinds, the shape of an import's answer,
 * and the "no dossier" wording of a cell. Their codes are in codes.ts, their messages in
 * messages/imports.ts.
 */

import type { ImportFileErrorCode, ImportIssueCode, IssueCode, Severity } from './codes';
import { foldVietnamese } from './units';
import type { LocalizedText } from './messages/issues';

export type ImportKind = 'baselines' | 'targets' | 'results';
export const IMPORT_KINDS: readonly ImportKind[] = ['baselines', 'targets', 'results'];

/**
 * "Không có hồ sơ phát sinh" (no dossier arose) and its short forms, as documents write it in a
 * figure's cell: a = 0, not a missing figure.
 */
export function isNoDossierText(text: string): boolean {
  const f = foldVietnamese(text)
    .replace(/[^a-z ]/g, '')
    .trim();
  // "Không (có) (hồ sơ) phát sinh (hồ sơ) (năm 2021)", "Chưa phát sinh hồ sơ", "Không có hồ sơ", "KPS", and English;
  // the annex writes the year after it (the year's digits are gone above).
  return /^((khong|chua) (co )?(ho so )?phat sinh( ho so)?( (trong )?nam)?|khong co ho so|kps|no dossiers?( arose)?( in)?)$/.test(f.replace(/\s+/g, ' '));
}

/** What an import answers (POST /import/{kind}): the server builds it, the SPA shows it. */
export type ImportRowStatus = 'created' | 'updated' | 'unchanged' | 'skipped' | 'invalid';

export interface ImportLineValues {
  target?: number;
  /** null: "Không có hồ sơ phát sinh" (no baseline). */
  baseline?: number | null;
  numerator?: number;
  denominator?: number;
  value?: number;
}

export interface ImportRowIssue {
  code: ImportIssueCode | IssueCode;
  severity: Severity;
  message: string;
}

export interface ImportRow {
  line: number;
  /** The unit as the file names it. */
  name: string;
  code: string | null;
  unit: { id: string; code: string | null; name: string } | null;
  period?: string;
  values: ImportLineValues;
  issues: ImportRowIssue[];
  status: ImportRowStatus;
}

export interface ImportSummary {
  rows: number;
  matched: number;
  /** Lines with at least one error, with at least one warning. */
  errors: number;
  warnings: number;
  /** Would change (dry run) or changed (commit). */
  created: number;
  updated: number;
  unchanged: number;
  /** Lines left out: errors (with skipInvalid) and lines without figures. */
  skipped: number;
  /** Whether the commit wrote (false for a dry run and for a refused commit). */
  applied: boolean;
  dryRun: boolean;
}

export interface ImportOutcome {
  rows: ImportRow[];
  summary: ImportSummary;
  /** Issues about no line in particular (a parent's IMPLIED_AGGREGATE_SHORT). */
  issues: ImportRowIssue[];
}

/**
 * The mapping step of an import: what each column of the file holds. `fact` and `ignore` columns
 * are not read; figure roles belong to one of the plan's indicators.
 */
export type ImportColumnRole = 'code' | 'name' | 'target' | 'baseline' | 'numerator' | 'denominator' | 'value' | 'period' | 'fact' | 'ignore';
export const IMPORT_COLUMN_ROLES: readonly ImportColumnRole[] = ['code', 'name', 'target', 'baseline', 'numerator', 'denominator', 'value', 'period', 'fact', 'ignore'];
/** The roles that hold an indicator's figures. */
export const FIGURE_ROLES: readonly ImportColumnRole[] = ['target', 'baseline', 'numerator', 'denominator', 'value'];

/** What an import reads, when the user says it: the header's line (1-based) and each column's role. */
export interface ImportColumnMapping {
  headerLine: number;
  columns: { index: number; role: ImportColumnRole; indicatorId?: string | null }[];
}

/** A column of the file as the inspect step (POST /import/{kind}/columns) detects it. */
export interface ImportColumn {
  index: number;
  label: string;
  role: ImportColumnRole;
  /** For figure roles, the plan indicator the header names; null when unsure. */
  indicatorId: string | null;
  samples: string[];
}

export interface ImportColumns {
  headerLine: number;
  columns: ImportColumn[];
  indicators: { id: string; code: string; name: string; measure: string }[];
}

/** An import of several indicators (a mapping naming more than one): one outcome per indicator. */
export interface ImportPart extends ImportOutcome {
  indicatorId: string;
}

export interface ImportPartsOutcome {
  parts: ImportPart[];
  /** The parts' counts added up; applied when all of them were written. */
  summary: ImportSummary;
  issues: ImportRowIssue[];
}

/** Refusals of the mapping step (whole request, 4xx): the part of ImportFileErrorCode it answers. */
export type ImportMappingErrorCode = Extract<ImportFileErrorCode, 'AMBIGUOUS_COLUMNS' | 'MAPPING_INVALID' | 'MAPPING_NO_INDICATOR' | 'MAPPING_MISSING_ROLE' | 'NO_UNIT_COLUMN'>;

/** Column roles as the mapping step and its messages name them. */
export const IMPORT_ROLE_NAMES: Readonly<Record<string, LocalizedText>> = {
  code: { vi: 'Mã đơn vị', en: 'Unit code' },
  name: { vi: 'Tên đơn vị', en: 'Unit name' },
  unit: { vi: 'Tên đơn vị hoặc mã đơn vị', en: 'Unit name or code' },
  target: { vi: 'Chỉ tiêu', en: 'Target' },
  baseline: { vi: 'Cơ sở (kết quả năm trước)', en: 'Baseline' },
  numerator: { vi: 'Tử số (b)', en: 'Numerator (b)' },
  denominator: { vi: 'Mẫu số (a)', en: 'Denominator (a)' },
  value: { vi: 'Kết quả', en: 'Value' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
};
