/**
 * A line on its way through the import: what was read (ParsedLine), the unit it names (match),
 * what it would write (check). Stages append issues to a line; none takes one away.
 */
import type { Locale } from '@chitieu/domain';
import type { Unit } from '../../units/unit.entity';
import { forEachInTurns } from '../../../common/turns';
import { rowIssue, type ParsedLine, type RowIssue } from '../import-parse';

/** What the import needs of a unit: enough to match it, answer it and write for it. */
export type ImportUnit = Pick<Unit, 'id' | 'code' | 'name' | 'kind' | 'path' | 'parentId'>;

export type Planned = 'created' | 'updated' | 'unchanged';

export interface Work extends ParsedLine {
  unit: ImportUnit | null;
  planned: Planned | null;
}

export const hasError = (issues: readonly RowIssue[]): boolean => issues.some((i) => i.severity === 'ERROR');

/** A line that goes on to the checks: it names a unit, holds a figure and has no error yet. */
export const writable = (w: Work): w is Work & { unit: ImportUnit } => !!w.unit && !w.empty && !hasError(w.issues);

/** The same unit (and period) twice: the later lines are errors, the first stands. */
export function markDuplicates(work: readonly Work[], key: (w: Work & { unit: ImportUnit }) => string, locale: Locale): Promise<void> {
  const first = new Map<string, number>();
  return forEachInTurns(work, (w) => {
    if (!w.unit) return;
    const k = key(w as Work & { unit: ImportUnit });
    const seen = first.get(k);
    if (seen !== undefined) w.issues.push(rowIssue('DUPLICATE_ROW', { firstLine: seen }, locale));
    else first.set(k, w.line);
  });
}
