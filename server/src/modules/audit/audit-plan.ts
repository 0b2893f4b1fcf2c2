/**
 * The plan an audit entry belongs to, so the log can be filtered by who may read that plan
 * (a draft's history is as private as the draft). Derived from the change itself, in one place,
 * for every entity kind: a plan is its own plan; any row that carries a `planId` in its snapshot
 * (plan_indicator with its floors, plan_task, target…) belongs to that plan. Rows outside plans
 * (units, users, indicators, results) have none. No imports: the bulk writers use it too.
 */
export function auditPlanId(c: { entity: string; entityId: number | string; before: unknown; after: unknown; planId?: number | null }): number | null {
  if (c.planId !== undefined) return c.planId;
  if (c.entity === 'plan') return Number(c.entityId);
  for (const snap of [c.after, c.before]) {
    const id = snap && typeof snap === 'object' ? (snap as { planId?: unknown }).planId : undefined;
    if (typeof id === 'number' && Number.isInteger(id)) return id;
  }
  return null;
}
