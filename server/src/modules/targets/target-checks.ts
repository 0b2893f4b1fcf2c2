import { checkImpliedAggregate, validateTargetValue, type ValidationIssue as DomainIssue } from '@chitieu/domain';
import { Target } from './target.entity';
import { assigner, targetIssue, type Checked, type Proposal, type Write } from './target-write';
import type { Preload } from './target-preload';
import { planTreeDate } from '../plans/plans.service';
import { todayIso } from '../units/units.service';
import { inSubtree, strictlyBelow, type Actor } from '../../common/scope';

/** Validates every proposal of a write the same way for setTargets and cascadeTargets. */
export function checkWrite(actor: Actor, w: Write, pre: Preload): Checked {
  const { plan, indicator, issuer, proposals } = w;
  const pastDeadline = !!plan.subAssignmentDeadline && todayIso() > plan.subAssignmentDeadline;
  const parentTarget = (p: Proposal) => (p.unit.parentId !== null ? pre.target(plan.id, indicator.id, p.unit.parentId) : undefined);
  const issues = [...w.issues, ...proposals.flatMap((p) => rowIssues(actor, w, p, parentTarget(p)?.value ?? null, pastDeadline)), ...aggregateIssues(w, pre)];
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
      assignedById: assigner(actor, p.unit),
      note: p.note,
      late: pastDeadline && assigner(actor, p.unit) !== issuer.id,
      version: p.existing ? p.existing.version + (changed.has(p) ? 1 : 0) : 0,
      updatedById: actor.userId,
      createdAt: p.existing?.createdAt ?? now,
      updatedAt: changed.has(p) ? now : (p.existing?.updatedAt ?? now),
    });
  return { ...w, issues, changed, blocked: issues.some((i) => i.severity === 'ERROR'), created, updated: changed.size - created, build };
}

/** What is wrong with one proposed row: scope, an issued plan's own rows, a stale version, the value itself. */
function rowIssues(actor: Actor, w: Write, p: Proposal, parentValue: number | null, pastDeadline: boolean): DomainIssue[] {
  const { plan, indicator, issuer } = w;
  const unitId = String(p.unit.id);
  const assignedBy = assigner(actor, p.unit);
  const issues: DomainIssue[] = [];
  if (!strictlyBelow(actor, p.unit.path) || !inSubtree({ ...actor, unitPath: issuer.path }, p.unit.path)) {
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
  return !!e && e.value === p.value && e.baseline === p.baseline && e.note === p.note && e.origin === p.origin && e.comparator === p.comparator;
}

/** The children's targets, weighted by last year's denominators, must be able to make the parent's. */
function aggregateIssues(w: Write, pre: Preload): DomainIssue[] {
  const { plan, indicator } = w;
  const byParent = new Map<number, Proposal[]>();
  for (const p of w.proposals) {
    if (p.unit.parentId === null) continue;
    const list = byParent.get(p.unit.parentId);
    if (list) list.push(p);
    else byParent.set(p.unit.parentId, [p]);
  }
  const at = planTreeDate(plan.year);
  const issues: DomainIssue[] = [];
  for (const [parentId, rows] of byParent) {
    const target = pre.target(plan.id, indicator.id, parentId);
    if (!target) continue;
    const siblings = pre.childrenOf(parentId, at);
    const current = new Map<number, number>();
    for (const s of siblings) {
      const t = pre.target(plan.id, indicator.id, s.id);
      if (t) current.set(s.id, t.value);
    }
    for (const r of rows) current.set(r.unit.id, r.value);
    const withTargets = siblings.filter((s) => current.has(s.id));
    const weights = pre.weights.get(`${indicator.id}|${plan.year - 1}|${parentId}`) ?? new Map<number, number>();
    const found = checkImpliedAggregate({
      parentUnitId: String(parentId),
      parentTarget: { value: target.value, comparator: target.comparator },
      children: withTargets.map((s) => ({ value: current.get(s.id)!, weight: weights.get(s.id) ?? null })),
    });
    if (found) issues.push(found);
  }
  return issues;
}
