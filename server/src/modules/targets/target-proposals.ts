import {
  bindingFloor,
  comparesWithParent,
  factsProblem,
  figureRange,
  floorSetBy,
  inFigureRange,
  resolveCascade,
  storedFacts,
  upliftToReachParent,
  type BaselinePolicy,
  type CascadeProposal,
  type ReachChild,
  storedText,
  type CascadeChildInput,
  type FactRef,
  type FigureScope,
  type KindValue,
  type ValidationIssue as DomainIssue,
} from '@chitieu/domain';
import type { Target } from './target.entity';
import type { CascadeInput, SetTargetsInput, TargetValueInput } from './targets.inputs';
import { targetIssue, type Proposal, type Write } from './target-write';
import type { Preload } from './target-preload';
import type { Unit } from '../units/unit.entity';
import type { Plan } from '../plans/plan.entity';
import type { Indicator } from '../indicators/indicator.entity';
import { badInput, DomainError } from '../../common/errors';
import { inSubtree, type Actor } from '../../common/scope';

/** The plan, indicator, plan floors and issuer a write of (plan, indicator) works in, and what the plan's row says of its targets. */
export interface WriteScope {
  plan: Plan;
  indicator: Indicator;
  planFloors: KindValue[];
  issuer: Unit;
  figureScope: FigureScope;
  /** The annex columns the row declares; a target's facts use only these (none declared: any). */
  factLabels: string[];
}

/**
 * A row's facts as the write leaves them: omitted keeps the stored ones, null or [] clears them.
 * A label the plan's row does not declare (or one given twice) refuses the whole request, naming the field.
 */
function factsOf(row: TargetValueInput, field: string, scope: WriteScope, current: Target | null): FactRef[] | null {
  if (row.facts === undefined) return current?.facts ?? null;
  const facts = (row.facts ?? []).map((f) => ({ label: f.label, value: f.value ?? null }));
  const problem = factsProblem(facts, scope.factLabels);
  if (problem) throw badInput(problem.reason, { field, label: problem.label });
  return storedFacts(facts);
}

/** setTargets: one manual proposal per row in the caller's reach; the others are NOT_IN_SCOPE. */
export function manualWrite(actor: Actor, input: SetTargetsInput, scope: WriteScope, units: Map<number, Unit>, pre: Preload): Write {
  const { plan, indicator, planFloors, issuer, figureScope } = scope;
  const issues: DomainIssue[] = [];
  const proposals: Proposal[] = [];
  for (const [i, row] of input.targets.entries()) {
    const unit = units.get(Number(row.unitId));
    // Unknown ids and ids outside the caller's reach look the same.
    if (!unit || !inSubtree(actor, unit.path)) {
      issues.push(targetIssue(row.unitId, 'NOT_IN_SCOPE', {}));
      continue;
    }
    const current = pre.target(plan.id, indicator.id, unit.id) ?? null;
    proposals.push({
      unit,
      existing: current,
      value: row.value,
      origin: 'MANUAL',
      baseline: row.baseline === undefined ? (current?.baseline ?? null) : row.baseline,
      note: row.note === undefined ? (current?.note ?? null) : row.note,
      facts: factsOf(row, `targets[${i}].facts`, scope, current),
      comparator: row.comparator ?? current?.comparator ?? indicator.comparator,
      expectedVersion: row.expectedVersion ?? null,
      floor: bindingFloor(unit.kind, planFloors),
      floorSetBy: issuer.name,
    });
  }
  return { plan, indicator, issuer, figureScope, proposals, issues, notBelowParent: false, dryRun: !!input.dryRun, kept: [] };
}

/** Last year's figure of a child, and whether it was built from its predecessors' (a reorganisation). */
export type RecordedFigure = { value: number | null; fromPredecessors: boolean };

/**
 * cascadeTargets: the domain's resolveCascade over the parent's children (floors, defaults,
 * overrides, the baseline policy, manual rows kept), each resolved child a proposal.
 */
export function cascadeWrite(
  input: CascadeInput,
  scope: WriteScope & { parent: Unit },
  children: Unit[],
  recorded: Map<number, RecordedFigure> | null,
  actorUnitName: string | null,
  pre: Preload,
): Write {
  const { plan, indicator, planFloors, issuer, parent, figureScope } = scope;
  const issues: DomainIssue[] = [];
  const overrides = new Map<number, TargetValueInput>();
  const overrideAt = new Map<number, number>();
  const childIds = new Set(children.map((c) => c.id));
  for (const [i, o] of (input.overrides ?? []).entries()) {
    if (!childIds.has(Number(o.unitId))) issues.push(targetIssue(o.unitId, 'NOT_IN_SCOPE', {}));
    else if (overrides.has(Number(o.unitId))) throw badInput('duplicateUnit');
    else {
      overrides.set(Number(o.unitId), o);
      overrideAt.set(Number(o.unitId), i);
    }
  }
  const requestFloors: KindValue[] = input.floors ?? [];
  // Floors are figures of the indicator's measure (0..100 for a rate), like the targets they bound.
  for (const f of requestFloors) {
    if (!inFigureRange(indicator.measure, f.value)) throw new DomainError('OUT_OF_RANGE', { value: f.value, measure: indicator.measure, ...figureRange(indicator.measure) });
  }
  const existingOf = (c: Unit) => pre.target(plan.id, indicator.id, c.id);
  const childInputs: CascadeChildInput[] = children.map((c) => {
    const e = existingOf(c);
    const o = overrides.get(c.id);
    return {
      unitId: String(c.id),
      kind: c.kind,
      existing: e ? { value: e.value, baseline: e.baseline, origin: e.origin } : null,
      override: o ? { value: o.value } : null,
      recordedBaseline: recorded?.get(c.id)?.value ?? null,
    };
  });
  const rule = { floors: requestFloors, planFloors, defaults: input.defaults ?? [], baselinePolicy: input.baselinePolicy ?? null, keepManual: input.keepManual ?? true };
  let resolved = resolveCascade(rule, childInputs);
  let uplift = input.baselinePolicy?.uplift ?? null;
  if (input.reachParent && input.baselinePolicy && comparesWithParent(figureScope)) {
    const reach = reachParent(scope, children, resolved, pre, input.baselinePolicy);
    issues.push(...reach.issues);
    uplift = reach.policy.uplift;
    resolved = resolveCascade({ ...rule, baselinePolicy: reach.policy }, childInputs);
  }
  const proposals: Proposal[] = [];
  const kept: Target[] = [];
  resolved.forEach((r, i) => {
    const unit = children[i];
    const current = existingOf(unit) ?? null;
    if (r.value === null || r.source === 'KEPT_MANUAL') {
      if (current) kept.push(current);
      return;
    }
    const o = overrides.get(unit.id);
    const fromResults = current?.baseline == null && !(o && o.baseline !== undefined) ? recorded?.get(unit.id) : undefined;
    const requestFloor = bindingFloor(unit.kind, requestFloors);
    const planFloor = bindingFloor(unit.kind, planFloors);
    proposals.push({
      unit,
      existing: current,
      value: r.value,
      origin: r.origin ?? 'RULE',
      baseline: o && o.baseline !== undefined ? o.baseline : (current?.baseline ?? fromResults?.value ?? null),
      ...(fromResults ? { baselineSource: baselineSourceOf(input.baselinePolicy!.baselineYear!, fromResults.fromPredecessors) } : {}),
      note: o && o.note !== undefined ? o.note : (current?.note ?? null),
      facts: o ? factsOf(o, `overrides[${overrideAt.get(unit.id)}].facts`, scope, current) : (current?.facts ?? null),
      comparator: o?.comparator ?? current?.comparator ?? indicator.comparator,
      expectedVersion: o?.expectedVersion ?? null,
      floor: r.floor,
      floorSetBy: floorSetBy(planFloor, requestFloor, { issuer: issuer.name, assigner: actorUnitName ?? parent.name }),
    });
  });
  return { plan, indicator, issuer, figureScope, proposals, issues, notBelowParent: !!input.notBelowParent, dryRun: !!input.dryRun, kept, parent, uplift };
}

/**
 * reachParent: the policy with the smallest whole uplift (at least the one given) whose implied
 * aggregate meets the parent's own target, the children weighted as IMPLIED_AGGREGATE_SHORT
 * weighs them (overrides and kept manual targets stay as they are). Capped at the policy's cap,
 * else the measure's maximum. No parent target, or out of reach even at the caps: a warning.
 */
function reachParent(
  scope: WriteScope & { parent: Unit },
  children: Unit[],
  resolved: CascadeProposal[],
  pre: Preload,
  policy: BaselinePolicy,
): { policy: BaselinePolicy; issues: DomainIssue[] } {
  const { plan, indicator, parent } = scope;
  const cap = policy.cap ?? figureRange(indicator.measure).max;
  const target = pre.target(plan.id, indicator.id, parent.id);
  if (!target) return { policy, issues: [targetIssue(parent.id, 'REACH_PARENT_NO_TARGET', {})] };
  const weights = pre.weights.get(`${indicator.id}|${plan.year - 1}|${parent.id}`);
  const reachChildren: ReachChild[] = [];
  resolved.forEach((r, i) => {
    const c = children[i];
    // A child the cascade leaves without a value counts with its stored target, as the check sees it.
    const value = r.value ?? pre.target(plan.id, indicator.id, c.id)?.value ?? null;
    if (value === null) return;
    const moving = r.source === 'BASELINE_POLICY';
    reachChildren.push({ fixed: moving ? null : value, baseline: r.baseline, floor: r.floor, weight: weights?.get(c.id) ?? null });
  });
  const reach = upliftToReachParent({ children: reachChildren, parentTarget: target.value, comparator: target.comparator, cap, uplift: policy.uplift });
  const issues =
    !reach.reachable && reach.implied !== null
      ? [targetIssue(parent.id, 'REACH_PARENT_UNREACHABLE', { implied: reach.implied, target: target.value, measure: indicator.measure })]
      : [];
  return { policy: { ...policy, uplift: reach.uplift, cap }, issues };
}

/** The source recorded with a baseline taken from results (shown beside it in the plan). */
function baselineSourceOf(year: number, fromPredecessors: boolean): string {
  return storedText(fromPredecessors ? 'baselineFromResultsWithPredecessors' : 'baselineFromResults', { year });
}
