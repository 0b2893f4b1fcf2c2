/**
 * Stage 3 for targets and baselines, check: duplicates, what each line would write against the
 * targets stored now, then TargetsService.setTargets as a dry run — the API's own checks, said on
 * the line they concern (or on the file when they concern no line).
 */
import type { Locale } from '@chitieu/domain';
import type { AuthedContext } from '../../../common/context';
import type { Target } from '../../targets/target.entity';
import type { TargetValueInput } from '../../targets/targets.inputs';
import type { TargetsService } from '../../targets/targets.service';
import type { TargetWriteResult, ValidationIssue } from '../../targets/targets.types';
import { rowIssue, type RowIssue } from '../import-parse';
import { markDuplicates, writable, type ImportUnit, type Work } from './work';

export type TargetWriter = Pick<TargetsService, 'list' | 'setTargets' | 'setTargetsMany'>;

/** Which plan and indicator the import writes, as setTargets names them. */
export interface TargetKey {
  planId: string;
  indicatorId: string;
}

/** The write of each line that changes something (lines that change nothing are 'unchanged'). */
export type TargetWrites = Map<Work & { unit: ImportUnit }, TargetValueInput>;

export interface TargetCheck {
  writes: TargetWrites;
  /** Issues of setTargets that concern no line of the file. */
  fileIssues: RowIssue[];
}

type Stored = Pick<Target, 'value' | 'baseline' | 'version'>;

/** What each line would write, given the targets stored now (by unit id); sets `planned`. */
export function planTargetWrites(work: readonly Work[], stored: ReadonlyMap<number, Stored>, kind: 'targets' | 'baselines', locale: Locale): TargetWrites {
  const writes: TargetWrites = new Map();
  for (const w of work) {
    if (!writable(w)) continue;
    const current = stored.get(w.unit.id) ?? null;
    let input: TargetValueInput;
    if (kind === 'baselines') {
      if (!current) {
        w.issues.push(rowIssue('NO_TARGET', {}, locale));
        continue;
      }
      if (current.baseline === w.values.baseline) {
        w.planned = 'unchanged';
        continue;
      }
      // The target keeps its value (and comparator, note); only the baseline changes.
      input = { unitId: String(w.unit.id), value: current.value, baseline: w.values.baseline ?? null, expectedVersion: current.version };
    } else {
      const value = w.values.target!;
      const baseline = w.values.baseline;
      // The same figure again is no change, whatever produced it (a rule or a hand).
      if (current && current.value === value && (baseline === undefined || current.baseline === baseline)) {
        w.planned = 'unchanged';
        continue;
      }
      input = { unitId: String(w.unit.id), value, expectedVersion: current?.version ?? 0, ...(baseline !== undefined ? { baseline } : {}) };
    }
    writes.set(w, input);
    w.planned = current ? 'updated' : 'created';
  }
  return writes;
}

/** setTargets' issues on the lines they name (once each); the others on the file. */
export function foldTargetIssues(rows: readonly (Work & { unit: ImportUnit })[], issues: readonly ValidationIssue[], fileIssues: RowIssue[]): void {
  const byUnit = new Map(rows.map((w) => [String(w.unit.id), w]));
  for (const i of issues) {
    const w = byUnit.get(i.unitId);
    const issue: RowIssue = { code: i.code as RowIssue['code'], severity: i.severity, message: i.message };
    if (w) {
      if (!w.issues.some((x) => x.code === issue.code && x.message === issue.message)) w.issues.push(issue);
    } else if (!fileIssues.some((x) => x.message === issue.message)) fileIssues.push(issue);
  }
}

/** setTargets for `rows` (a dry run or the write), its issues folded into the lines and `fileIssues`. */
export async function submitTargets(
  ctx: AuthedContext,
  targets: Pick<TargetsService, 'setTargets'>,
  key: TargetKey,
  rows: (Work & { unit: ImportUnit })[],
  writes: TargetWrites,
  dryRun: boolean,
  fileIssues: RowIssue[],
): Promise<TargetWriteResult> {
  const result = await targets.setTargets(ctx, { ...key, targets: rows.map((w) => writes.get(w)!), dryRun });
  foldTargetIssues(rows, result.issues, fileIssues);
  return result;
}

export async function checkTargets(ctx: AuthedContext, targets: TargetWriter, key: TargetKey, work: readonly Work[], kind: 'targets' | 'baselines'): Promise<TargetCheck> {
  await markDuplicates(work, (w) => String(w.unit.id), ctx.locale);
  const stored = new Map<number, Stored>((await targets.list(ctx, key)).map((t) => [t.unitId, t]));
  const writes = planTargetWrites(work, stored, kind, ctx.locale);
  const fileIssues: RowIssue[] = [];
  if (writes.size) await submitTargets(ctx, targets, key, [...writes.keys()], writes, true, fileIssues);
  return { writes, fileIssues };
}
