/**
 * Cascading (phân bổ xuống cấp dưới): an assigning unit sets its direct children's targets in
 * one action, from overrides, kept manual values, a baseline policy and per-kind defaults,
 * inside per-kind floors.
 */

import type { UnitKind } from './units';

export interface KindValue {
  kind: UnitKind;
  value: number;
}

/** The value listed for `kind`, the first one if a list repeats it; null when absent. */
export function valueForKind(list: readonly KindValue[] | null | undefined, kind: UnitKind): number | null {
  const found = list?.find((kv) => kv.kind === kind);
  return found === undefined ? null : found.value;
}

/**
 * The floor that binds a child of `kind`: the largest given for that kind over all lists
 * (the cascade's own floors, the plan indicator's floors, ...); null when none.
 */
export function bindingFloor(kind: UnitKind, ...floorLists: (readonly KindValue[] | null | undefined)[]): number | null {
  let best: number | null = null;
  for (const list of floorLists) {
    for (const kv of list ?? []) {
      if (kv.kind === kind && Number.isFinite(kv.value) && (best === null || kv.value > best)) best = kv.value;
    }
  }
  return best;
}

export interface BaselinePolicy {
  uplift: number;
  cap?: number | null;
}

/**
 * min(cap, max(floor, ceil(baseline) + uplift)); a child without a baseline gets its floor,
 * 0 standing for a missing floor. No cap → no upper bound.
 * Đắk Lắk 2022: baseline 92.23, uplift 1, floor 50, cap 99 → 94.
 */
export function suggestFromBaseline(baseline: number | null, floor: number | null, policy: BaselinePolicy): number {
  const f = floor ?? 0;
  if (baseline === null || baseline === undefined) return f;
  const raised = Math.max(f, Math.ceil(baseline) + policy.uplift);
  return policy.cap === null || policy.cap === undefined ? raised : Math.min(policy.cap, raised);
}

export type TargetOrigin = 'MANUAL' | 'RULE';

export interface CascadeChildInput {
  unitId: string;
  kind: UnitKind;
  existing: { value: number; baseline: number | null; origin: TargetOrigin } | null;
  override: { value: number } | null;
  /** Last year's actual from recorded results, the baseline where the existing target has none. */
  recordedBaseline?: number | null;
}

export interface CascadeRuleInput {
  floors?: KindValue[] | null;
  planFloors?: KindValue[] | null;
  defaults?: KindValue[] | null;
  baselinePolicy?: BaselinePolicy | null;
  keepManual: boolean;
}

export type CascadeSource = 'OVERRIDE' | 'BASELINE_POLICY' | 'DEFAULT' | 'KEPT_MANUAL' | 'NONE';

export interface CascadeProposal {
  unitId: string;
  /** null (source NONE): nothing yields a value, the child is left untouched. */
  value: number | null;
  origin: TargetOrigin | null;
  source: CascadeSource;
  /** The binding floor for the child's kind, to validate against. */
  floor: number | null;
  /** The baseline on the child's existing target, else its recorded one. */
  baseline: number | null;
}

/**
 * One proposal per child, in the children's order. A child's value is, in order: its override
 * (origin MANUAL); with keepManual, its existing MANUAL target as it is; with a baseline policy,
 * the suggestion from its existing target's baseline, else its recorded one (origin RULE); the default for its kind
 * (origin RULE); else nothing. Validation is separate (validateTargetValue).
 */
export function resolveCascade(rule: CascadeRuleInput, children: readonly CascadeChildInput[]): CascadeProposal[] {
  return children.map((child) => {
    const floor = bindingFloor(child.kind, rule.floors, rule.planFloors);
    const baseline = child.existing?.baseline ?? child.recordedBaseline ?? null;
    const base = { unitId: child.unitId, floor, baseline };
    if (child.override) {
      return { ...base, value: child.override.value, origin: 'MANUAL', source: 'OVERRIDE' };
    }
    if (rule.keepManual && child.existing?.origin === 'MANUAL') {
      return { ...base, value: child.existing.value, origin: 'MANUAL', source: 'KEPT_MANUAL' };
    }
    if (rule.baselinePolicy) {
      return {
        ...base,
        value: suggestFromBaseline(baseline, floor, rule.baselinePolicy),
        origin: 'RULE',
        source: 'BASELINE_POLICY',
      };
    }
    const fallback = valueForKind(rule.defaults, child.kind);
    if (fallback !== null) return { ...base, value: fallback, origin: 'RULE', source: 'DEFAULT' };
    return { ...base, value: null, origin: null, source: 'NONE' };
  });
}
