/**
 * Stage 4, write: nothing on a dry run; nothing on a commit when any line has an error, unless
 * skipInvalid (then the good lines only). Writes go through the services the API writes with, in
 * their one transaction. Answers whether the import was applied.
 */
import type { AuthedContext } from '../../../common/context';
import type { FigureWrite, ResultsService } from '../../results/results.service';
import type { TargetsService } from '../../targets/targets.service';
import { foldTargetIssues, submitTargets, type TargetCheck, type TargetKey } from './check-targets';
import { hasError, type Work } from './work';

export interface WriteMode {
  dryRun: boolean;
  skipInvalid: boolean;
}

const writes = (mode: WriteMode, blocked: boolean) => !mode.dryRun && (!blocked || mode.skipInvalid);

export async function writeTargets(
  ctx: AuthedContext,
  targets: Pick<TargetsService, 'setTargets'>,
  key: TargetKey,
  work: readonly Work[],
  check: TargetCheck,
  mode: WriteMode,
): Promise<boolean> {
  const blocked = work.some((w) => hasError(w.issues)) || hasError(check.fileIssues);
  if (!writes(mode, blocked)) return false;
  const good = [...check.writes.keys()].filter((w) => !hasError(w.issues));
  return good.length ? (await submitTargets(ctx, targets, key, good, check.writes, false, check.fileIssues)).applied : true;
}

/** A part of a several-indicator import: its indicator's lines and their check. */
export interface TargetPart {
  key: TargetKey;
  work: readonly Work[];
  check: TargetCheck;
}

/**
 * writeTargets for several indicators at once, all or nothing: any error in any part blocks the
 * commit (unless skipInvalid), and the parts are saved by one setTargetsMany, in one transaction.
 */
export async function writeTargetParts(ctx: AuthedContext, targets: Pick<TargetsService, 'setTargetsMany'>, parts: readonly TargetPart[], mode: WriteMode): Promise<boolean> {
  const blocked = parts.some((p) => p.work.some((w) => hasError(w.issues)) || hasError(p.check.fileIssues));
  if (!writes(mode, blocked)) return false;
  const goods = parts.map((p) => [...p.check.writes.keys()].filter((w) => !hasError(w.issues)));
  const sending = parts.map((p, i) => ({ p, good: goods[i] })).filter((x) => x.good.length);
  if (!sending.length) return true;
  const results = await targets.setTargetsMany(
    ctx,
    sending.map(({ p, good }) => ({ ...p.key, targets: good.map((w) => p.check.writes.get(w)!), dryRun: false })),
  );
  sending.forEach(({ p, good }, i) => foldTargetIssues(good, results[i].issues, p.check.fileIssues));
  return results.every((r) => r.applied);
}

export async function writeResults(
  ctx: AuthedContext,
  results: Pick<ResultsService, 'saveChecked'>,
  indicatorId: number,
  work: readonly Work[],
  changed: FigureWrite[],
  mode: WriteMode,
): Promise<boolean> {
  if (
    !writes(
      mode,
      work.some((w) => hasError(w.issues)),
    )
  )
    return false;
  // All periods of the file in one transaction, with the audit rows, as recordResults writes them;
  // every line already passed the results-in-time rule (check-results.ts).
  if (changed.length) await results.saveChecked(ctx, indicatorId, changed, 'IMPORT');
  return true;
}
