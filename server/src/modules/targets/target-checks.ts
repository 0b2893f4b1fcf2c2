import { checkImpliedAggregate, comparesWithParent, impliedAggregate, sameFacts, validateTargetValue, type Comparator, type ValidationIssue as DomainIssue } from '@chitieu/domain';
import { Target } from './target.entity';
import { assigner, mayWriteTarget, targetIssue, type Checked, type Proposal, type Write } from './target-write';
import type { Preload } from './target-preload';
import { planTreeDate } from '../plans/plans.service';
import { todayIso } from '../units/units.service';
import type { Actor } from '../../common/scope';

/** A unit's target as the write would leave it: the row proposed in this write, else the stored one. */
type Standing = { value: number; comparator: Comparator };

/**
 * Validates every proposal of a write the same way for setTargets and cascadeTargets. Every
 * check sees the other rows of the same write: a district and its communes set together are
 * compared with each other's new values, not with what was stored before.
 */
export function checkWrite(actor: Actor, w: Write, pre: Preload): Checked {
  const { plan, indicator, issuer, proposals } = w;
  const pastDeadline = !!plan.subAssignmentDeadline && todayIso() > plan.subAssignmentDeadline;
  const inWrite = new Map(proposals.map((p) => [p.unit.id, p]));
  const standing = (unitId: number): Standing | undefined => inWrite.get(unitId) ?? pre.target(plan.id, indicator.id, unitId);
  const comparable = comparesWithParent(w.figureScope);
  const parentValue = (p: Proposal) => (comparable && p.unit.parentId !== null ? (standing(p.unit.parentId)?.value ?? null) : null);
  // The stored parent's row; a parent created by this write gets its id when saved (target-save).
  const parentTarget = (p: Proposal) => (p.unit.parentId !== null ? pre.target(plan.id, indicator.id, p.unit.parentId) : undefined);
  const issues = [...w.issues, ...proposals.flatMap((p) => rowIssues(actor, w, p, parentValue(p), pastDeadline)), ...(comparable ? aggregateIssues(w, pre, standing) : [])];
  const changed = new Set(proposals.filter((p) => !unchanged(p)));
  const created = [...changed].filter((p) => !p.existing).length;
  const now = new Date();
  const build = (p: Proposal): Target =>
    Object.assign(new Target(), p.existing ?? {}, {
      planId: plan.id,
      indicatorId: indicator.id,
      unitId: p.unit.id,
      unitPath: p.unit.path,
      value: p.value,
      comparator: p.comparator,
      baseline: p.baseline,
      baselineSource: p.baselineSource !== undefined ? p.baselineSource : (p.existing?.baselineSource ?? null),
      referenceValue: p.existing?.referenceValue ?? null,
      referenceLabel: p.existing?.referenceLabel ?? null,
      origin: p.origin,
      parentTargetId: parentTarget(p)?.id ?? null,
      assignedById: assigner(actor, p.unit, issuer),
      note: p.note,
      facts: p.facts,
      late: pastDeadline && assigner(actor, p.unit, issuer) !== issuer.id,
      version: p.existing ? p.existing.version + (changed.has(p) ? 1 : 0) : 0,
      updatedById: actor.userId,
      createdAt: p.existing?.createdAt ?? now,
      updatedAt: changed.has(p) ? now : (p.existing?.updatedAt ?? now),
    });
  // Weights are read only under a parent with a target: without one there is nothing to compare with.
  const ownTarget = w.parent ? (standing(w.parent.id)?.value ?? null) : null;
  const aggregate = w.parent
    ? { parentTarget: ownTarget, implied: comparable && ownTarget !== null ? impliedAggregate(childrenStanding(w, pre, standing, w.parent.id)) : null }
    : undefined;
  return { ...w, issues, changed, blocked: issues.some((i) => i.severity === 'ERROR'), created, updated: changed.size - created, build, aggregate };
}

/** What is wrong with one proposed row: scope, an issued plan's own rows, a stale version, the value itself. */
function rowIssues(actor: Actor, w: Write, p: Proposal, parentValue: number | null, pastDeadline: boolean): DomainIssue[] {
  const { plan, indicator, issuer } = w;
  const unitId = String(p.unit.id);
  const assignedBy = assigner(actor, p.unit, issuer);
  const issues: DomainIssue[] = [];
  if (!mayWriteTarget(actor, p.unit, issuer)) {
    issues.push(targetIssue(unitId, 'NOT_IN_SCOPE', {}));
  }
  if (plan.status === 'ISSUED' && (assignedBy === issuer.id || p.existing?.assignedById === issuer.id)) {
    issues.push(targetIssue(unitId, 'PLAN_NOT_EDITABLE', {}));
  }
  if (p.expectedVersion !== null && p.expectedVersion !== (p.existing?.version ?? 0)) {
    issues.push(targetIssue(unitId, 'VERSION_CONFLICT', { expected: p.expectedVersion, actual: p.existing?.version ?? 0 }));
  }
  issues.push(
    ...validateTargetValue({
      unitId,
      measure: indicator.measure,
      value: p.value,
      floor: p.floor,
      floorSetBy: p.floorSetBy,
      baseline: p.baseline,
      parentValue,
      notBelowParent: w.notBelowParent,
      pastDeadline: pastDeadline && assignedBy !== issuer.id,
      deadline: plan.subAssignmentDeadline,
    }),
  );
  return issues;
}

function unchanged(p: Proposal): boolean {
  const e = p.existing;
  return !!e && e.value === p.value && e.baseline === p.baseline && e.note === p.note && e.origin === p.origin && e.comparator === p.comparator && sameFacts(e.facts, p.facts);
}

/**
 * The children's targets, weighted by last year's denominators, must be able to make the
 * parent's: for every parent of a written row, its target and its children's as this write
 * leaves them (a parent and its children written together are checked on their new values).
 */
function aggregateIssues(w: Write, pre: Preload, standing: (unitId: number) => Standing | undefined): DomainIssue[] {
  const parents = new Set<number>();
  for (const p of w.proposals) if (p.unit.parentId !== null) parents.add(p.unit.parentId);
  const issues: DomainIssue[] = [];
  for (const parentId of parents) {
    const target = standing(parentId);
    if (!target) continue;
    const found = checkImpliedAggregate({
      parentUnitId: String(parentId),
      parentTarget: { value: target.value, comparator: target.comparator },
      children: childrenStanding(w, pre, standing, parentId),
    });
    if (found) issues.push(found);
  }
  return issues;
}

/** A parent's children with a target as the write leaves them, each with last year's denominator (null: none read). */
function childrenStanding(w: Write, pre: Preload, standing: (unitId: number) => Standing | undefined, parentId: number): { value: number; weight: number | null }[] {
  const { plan, indicator } = w;
  const weights = pre.weights.get(`${indicator.id}|${plan.year - 1}|${parentId}`) ?? new Map<number, number>();
  return pre
    .childrenOf(parentId, planTreeDate(plan.year))
    .filter((s) => standing(s.id) !== undefined)
    .map((s) => ({ value: standing(s.id)!.value, weight: weights.get(s.id) ?? null }));
}
