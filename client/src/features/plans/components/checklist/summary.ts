import type { PlanChecklistQuery } from '../../../../gql/graphql';

export type Checklist = PlanChecklistQuery['planChecklist'];

/** Names shown before "và N đơn vị khác". */
export const NAMES_SHOWN = 3;

/** The first few names, and how many are left unnamed. */
export function namesAndRest(units: readonly { name: string }[], shown = NAMES_SHOWN): { names: string[]; rest: number } {
  return { names: units.slice(0, shown).map((u) => u.name), rest: Math.max(0, units.length - shown) };
}

/** Whether issuing leaves anything open: plan-level gaps, units without a target, issues or late rows. */
export function hasProblems(c: Checklist): boolean {
  return c.warnings.length > 0 || c.rows.some((r) => r.missing.length > 0 || r.issues.length > 0 || r.late > 0);
}
