/** Stage 5, outcome: every line with its unit, figures, issues and status, and the summary. */
import type { ImportKind, ImportOutcome, ImportPart, ImportPartsOutcome, ImportRow, ImportRowStatus, ImportSummary } from '@chitieu/domain';
import { mapInTurns } from '../../../common/turns';
import type { RowIssue } from '../import-parse';
import { hasError, type Work } from './work';

export async function importOutcome(work: readonly Work[], fileIssues: RowIssue[], req: { kind: ImportKind; dryRun: boolean }, applied: boolean): Promise<ImportOutcome> {
  const summary: ImportSummary = {
    rows: work.length,
    matched: 0,
    errors: 0,
    warnings: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    applied,
    dryRun: req.dryRun,
  };
  const rows = await mapInTurns(work, (w): ImportRow => {
    const bad = hasError(w.issues);
    let status: ImportRowStatus;
    if (bad) status = 'invalid';
    else if (w.empty || !w.planned) status = 'skipped';
    else status = w.planned;
    if (w.unit) summary.matched++;
    if (bad) summary.errors++;
    if (w.issues.some((i) => i.severity === 'WARNING')) summary.warnings++;
    if (status === 'invalid' || status === 'skipped') summary.skipped++;
    // A commit that did not write changed nothing.
    else if (status === 'unchanged' || req.dryRun || applied) summary[status]++;
    return {
      line: w.line,
      name: w.name,
      code: w.code || null,
      unit: w.unit ? { id: String(w.unit.id), code: w.unit.code, name: w.unit.name } : null,
      ...(req.kind === 'results' ? { period: w.period } : {}),
      values: w.values,
      issues: w.issues,
      status,
    };
  });
  return { rows, summary, issues: fileIssues };
}

/** The answer of a several-indicator import: each part's outcome, and their counts added up. */
export function partsOutcome(parts: ImportPart[], req: { dryRun: boolean }, applied: boolean): ImportPartsOutcome {
  const summary: ImportSummary = { rows: 0, matched: 0, errors: 0, warnings: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, applied, dryRun: req.dryRun };
  const counts = ['rows', 'matched', 'errors', 'warnings', 'created', 'updated', 'unchanged', 'skipped'] as const;
  for (const p of parts) for (const k of counts) summary[k] += p.summary[k];
  return { parts, summary, issues: [] };
}
