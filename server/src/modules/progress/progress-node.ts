import { belowHardMinimum, judgedFigure, progressGap, progressStatus, rankGroup, rankInGroups, type Comparator, type Figure, type FigureScope, type Period } from '@chitieu/domain';
import type { Unit } from '../units/unit.entity';
import type { Target } from '../targets/target.entity';
import type { Indicator } from '../indicators/indicator.entity';
import type { Progress } from './progress.types';
import { figureOfSums, NO_SUMS, progressLog, withInherited, type FigureSums } from './figure-sums';
import type { Inherited } from './reorganisation';

/**
 * One unit's line of progress: its target against its own and its subtree's figures (predecessors'
 * part included). `scope` is the plan row's: OWN judges the target (status, gap, hard minimum, and
 * the rank among siblings) on the unit's own figure, SUBTREE on the rolled-up one.
 */
export function progressNode(
  indicator: Indicator,
  period: Period,
  u: Unit,
  storedTarget: Target | null,
  subtreeSums: FigureSums,
  ownSums: FigureSums | undefined,
  inherited?: Inherited,
  scope: FigureScope = 'SUBTREE',
): Progress {
  const target = finiteTarget(storedTarget);
  const subtree = withInherited(indicator, subtreeSums, inherited?.subtree);
  const own = withInherited(indicator, ownSums ?? NO_SUMS, inherited?.own);
  const rolledUp = finiteFigure({ ...figureOfSums(indicator.measure, subtree.sums), fromPredecessors: subtree.fromPredecessors });
  const ownFigure = finiteFigure({ ...figureOfSums(indicator.measure, own.sums), fromPredecessors: own.fromPredecessors });
  const judged = judgedFigure(scope, { own: { figure: ownFigure, sums: own.sums }, rolledUp: { figure: rolledUp, sums: subtree.sums } });
  const status = progressStatus({ target: target && { value: target.value, comparator: target.comparator }, hasData: judged.sums.count > 0, figure: judged.figure });
  return {
    unit: u,
    indicator,
    period: period.key,
    target,
    own: ownFigure,
    rolledUp,
    status,
    gap: target ? progressGap(status, judged.figure, target.value) : null,
    belowHardMinimum: belowHardMinimum(indicator.hardMinimum, judged.figure.value),
    rank: null,
    children: [],
    projected: null,
    atRisk: false,
    scope,
  };
}

/**
 * Ranks siblings by the value they are judged on under the comparator (ties share a rank; no
 * value, no rank), agencies apart from territorial units, each group from 1; sorted by group
 * (agencies first, as the decisions list them), best first within it.
 */
export function rankNodes(nodes: Progress[], comparator: Comparator): void {
  const groups = nodes.map((c) => rankGroup(c.unit.kind));
  const ranks = rankInGroups(
    nodes.map((c) => judgedFigure(c.scope, c).value),
    groups,
    comparator,
  );
  nodes.forEach((c, i) => (c.rank = ranks[i]));
  const groupOrder = (c: Progress) => (rankGroup(c.unit.kind) === 'AGENCY' ? 0 : 1);
  nodes.sort((a, b) => groupOrder(a) - groupOrder(b) || (a.rank ?? Infinity) - (b.rank ?? Infinity));
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
