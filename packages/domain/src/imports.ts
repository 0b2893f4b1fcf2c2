/**
 * Spreadsheet imports (baselines, targets, results): the kinds, the shape of an import's answer,
 * and the "no dossier" wording of a cell. Their codes are in codes.ts, their messages in
 * messages/imports.ts.
 */

import type { ImportIssueCode, IssueCode, Severity } from './codes';
import { foldVietnamese } from './units';

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
  // "Không (có) (hồ sơ) phát sinh (hồ sơ)", "Chưa phát sinh hồ sơ", "Không có hồ sơ", "KPS", and English.
  return /^((khong|chua) (co )?(ho so )?phat sinh( ho so)?|khong co ho so|kps|no dossiers?( arose)?)$/.test(f.replace(/\s+/g, ' '));
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
