import { DomainError, validateTargetValue, type Measure } from '@chitieu/domain';

/**
 * A proposed value must be a target the indicator's measure allows, checked as setTargets checks
 * a target (validateTargetValue): the same OUT_OF_RANGE error and message.
 */
export function checkProposedValue(unitId: number, measure: Measure, value: number): void {
  const issues = validateTargetValue({ unitId: String(unitId), measure, value, floor: null, baseline: null, parentValue: null, notBelowParent: false, pastDeadline: false });
  const out = issues.find((i) => i.code === 'OUT_OF_RANGE');
  if (out) throw new DomainError('OUT_OF_RANGE', out.params);
}

/** How a notification names the target's indicator: the plan row's position when it has one, else the catalogue code, then the name. */
export function indicatorLabel(indicator: { code: string; name: string }, position: string | null | undefined): string {
  return `${position?.trim() || indicator.code} ${indicator.name}`;
}
