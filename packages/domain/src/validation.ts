/**
 * Validation rules of a target: the issues shown next to each row (codes.ts), their severity,
 * and the aggregate the children's targets imply. The messages live in messages/.
 */

import { ISSUE_SEVERITY, type IssueCode, type Severity, type ValidationIssue } from './codes';
import { meetsTarget, EQUAL_EPSILON, type Comparator, type Measure } from './figures';
import { figureRange, inFigureRange } from './numbers';
import type { FigureScope } from './plan-rows';

/** An issue with the code's default severity unless one is given (BELOW_PARENT → ERROR with notBelowParent). */
export function makeIssue(unitId: string, code: IssueCode, params: Record<string, string | number | null> = {}, severity?: Severity): ValidationIssue {
  return { unitId, code, severity: severity ?? ISSUE_SEVERITY[code], params };
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'ERROR');
}

/**
 * Checks one target value. Errors: OUT_OF_RANGE (a rate or score outside 0..100, a count
 * outside 0..1e12, a non-finite number; the same for the baseline, with field 'baseline'), BELOW_FLOOR. Warnings: BELOW_BASELINE, BELOW_PARENT (an error
 * with notBelowParent), PAST_DEADLINE. The caller adds NOT_IN_SCOPE, PLAN_NOT_EDITABLE and
 * VERSION_CONFLICT with makeIssue.
 */
export function validateTargetValue(args: {
  unitId: string;
  measure: Measure;
  value: number;
  floor: number | null;
  floorSetBy?: string | null;
  baseline: number | null;
  parentValue: number | null;
  notBelowParent: boolean;
  pastDeadline: boolean;
  deadline?: string | null;
}): ValidationIssue[] {
  const { unitId, measure, value } = args;
  const issues: ValidationIssue[] = [];
  const common = { value: Number.isFinite(value) ? value : null, measure };

  // A baseline is last year's actual: it takes the same range as the target.
  const baseline = args.baseline;
  if (baseline !== null && baseline !== undefined && !inFigureRange(measure, baseline)) {
    const shown = Number.isFinite(baseline) ? baseline : null;
    issues.push(makeIssue(unitId, 'OUT_OF_RANGE', { value: shown, measure, field: 'baseline', ...rangeParams(measure, shown) }));
  }
  if (!Number.isFinite(value)) {
    issues.push(makeIssue(unitId, 'OUT_OF_RANGE', { ...common, ...rangeParams(measure, null) }));
  } else {
    if (!inFigureRange(measure, value)) {
      issues.push(makeIssue(unitId, 'OUT_OF_RANGE', { ...common, ...rangeParams(measure, value) }));
    }
    if (isNum(args.floor) && value < args.floor) {
      issues.push(makeIssue(unitId, 'BELOW_FLOOR', { ...common, floor: args.floor, floorSetBy: args.floorSetBy ?? null }));
    }
    if (isNum(args.baseline) && value < args.baseline) {
      issues.push(makeIssue(unitId, 'BELOW_BASELINE', { ...common, baseline: args.baseline }));
    }
    if (isNum(args.parentValue) && value < args.parentValue) {
      issues.push(makeIssue(unitId, 'BELOW_PARENT', { ...common, parent: args.parentValue }, args.notBelowParent ? 'ERROR' : 'WARNING'));
    }
  }
  if (args.pastDeadline) {
    issues.push(makeIssue(unitId, 'PAST_DEADLINE', { ...common, deadline: args.deadline ?? null }));
  }
  return issues;
}

/**
 * Whether a row's targets are compared with their parents' (BELOW_PARENT, IMPLIED_AGGREGATE_SHORT):
 * only when both are judged on figures of the same extent. On a SUBTREE row a district's target is
 * judged on everything below it, its communes' included, so its communes' targets bound it; on an
 * OWN row ("cấp huyện 80%, cấp xã 75%") each is judged on its own offices' dossiers alone and
 * neither says anything about the other.
 */
export function comparesWithParent(scope: FigureScope): boolean {
  return scope === 'SUBTREE';
}

/** A negative count is told its floor of 0; anything else the whole range. */
function rangeParams(measure: Measure, value: number | null): Record<string, number | null> {
  const { min, max } = figureRange(measure);
  return measure === 'COUNT' && value !== null && value < 0 ? { min: null, max: null, minOnly: 0 } : { min, max, minOnly: null };
}

function isNum(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * The aggregate the children's targets imply: Σ(value·weight)/Σweight when every child has a
 * positive weight (its denominator a of the previous year), otherwise the plain mean; null for
 * no children. A district told 60 that gives every commune 40 implies 40.
 */
export function impliedAggregate(children: readonly { value: number; weight: number | null }[]): number | null {
  if (children.length === 0) return null;
  const weighted = children.every((c) => isNum(c.weight) && c.weight > 0);
  let sum = 0;
  let total = 0;
  for (const c of children) {
    const w = weighted ? (c.weight as number) : 1;
    sum += c.value * w;
    total += w;
  }
  return sum / total;
}

/**
 * IMPLIED_AGGREGATE_SHORT (a warning on the parent) when the children's implied aggregate does
 * not meet the parent's own target by its comparator (for AT_MOST: lies above it). A difference
 * within 1e-9 counts as equal, so float noise in the weighted mean raises nothing.
 */
export function checkImpliedAggregate(args: {
  parentUnitId: string;
  parentTarget: { value: number; comparator: Comparator } | null;
  children: readonly { value: number; weight: number | null }[];
  measure?: Measure;
}): ValidationIssue | null {
  const { parentTarget } = args;
  if (!parentTarget) return null;
  const implied = impliedAggregate(args.children);
  if (implied === null) return null;
  const compared = Math.abs(implied - parentTarget.value) <= EQUAL_EPSILON ? parentTarget.value : implied;
  if (meetsTarget(parentTarget.comparator, compared, parentTarget.value)) return null;
  return makeIssue(args.parentUnitId, 'IMPLIED_AGGREGATE_SHORT', {
    implied,
    target: parentTarget.value,
    comparator: parentTarget.comparator,
    ...(args.measure ? { measure: args.measure } : {}),
  });
}
