import { belowHardMinimum, progressGap, progressStatus, rankByComparator, type Comparator, type Figure, type Period } from '@chitieu/domain';
import type { Unit } from '../units/unit.entity';
import type { Target } from '../targets/target.entity';
import type { Indicator } from '../indicators/indicator.entity';
import type { Progress } from './progress.types';
import { figureOfSums, NO_SUMS, progressLog, withInherited, type FigureSums } from './figure-sums';
import type { Inherited } from './reorganisation';

/** One unit's line of progress: its target against its own and its subtree's figures (predecessors' part included). */
export function progressNode(
  indicator: Indicator,
  period: Period,
  u: Unit,
  storedTarget: Target | null,
  subtreeSums: FigureSums,
  ownSums: FigureSums | undefined,
  inherited?: Inherited,
): Progress {
  const target = finiteTarget(storedTarget);
  const subtree = withInherited(indicator.measure, subtreeSums, inherited?.subtree);
  const own = withInherited(indicator.measure, ownSums ?? NO_SUMS, inherited?.own);
  const rolledUp = finiteFigure({ ...figureOfSums(indicator.measure, subtree.sums), fromPredecessors: subtree.fromPredecessors });
  const status = progressStatus({ target: target && { value: target.value, comparator: target.comparator }, hasData: subtree.sums.count > 0, figure: rolledUp });
  return {
    unit: u,
    indicator,
    period: period.key,
    target,
    own: finiteFigure({ ...figureOfSums(indicator.measure, own.sums), fromPredecessors: own.fromPredecessors }),
    rolledUp,
    status,
    gap: target ? progressGap(status, rolledUp, target.value) : null,
    belowHardMinimum: belowHardMinimum(indicator.hardMinimum, rolledUp.value),
    rank: null,
    children: [],
  };
}

/** Ranks siblings by rolled-up value under the comparator (ties share a rank; no value, no rank), best first. */
export function rankNodes(nodes: Progress[], comparator: Comparator): void {
  const ranks = rankByComparator(
    nodes.map((c) => c.rolledUp.value),
    comparator,
  );
  nodes.forEach((c, i) => (c.rank = ranks[i]));
  nodes.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

/** A figure with a non-finite part (sums added past 1.8e308) is shown as none rather than failing the answer. */
function finiteFigure<F extends Figure>(f: F): F {
  const ok = (x: number | null) => x === null || Number.isFinite(x);
  if (ok(f.numerator) && ok(f.denominator) && ok(f.value)) return f;
  progressLog.warn({ figure: { ...f, numerator: String(f.numerator), denominator: String(f.denominator), value: String(f.value) } }, 'non-finite figure: shown as none');
  return { ...f, numerator: null, denominator: null, value: null };
}

/** A stored target with a non-finite value is no target; a non-finite baseline is none. */
function finiteTarget(t: Target | null): Target | null {
  if (!t) return null;
  if (!Number.isFinite(t.value)) {
    progressLog.warn({ targetId: t.id, value: String(t.value) }, 'non-finite target value read: treated as no target');
    return null;
  }
  if (t.baseline !== null && t.baseline !== undefined && !Number.isFinite(t.baseline)) return { ...t, baseline: null } as Target;
  return t;
}
