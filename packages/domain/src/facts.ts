/**
 * Per-unit facts of a target (the annex's extra columns, "Số lượng TTHC mức độ 3, 4"): what a
 * write may put there, and how they are stored.
 */

import type { FactRef } from './plan-rows';

/** Why a target's facts are refused: a label the row does not declare, or a label given twice. */
export interface FactProblem {
  reason: 'factLabel' | 'duplicateFactLabel';
  label: string;
}

/**
 * The first problem of a target's facts, or null. A row that declares labels takes only those;
 * a row that declares none takes any (the labels may be set on the row later). A label appears
 * at most once: it names a column.
 */
export function factsProblem(facts: readonly FactRef[], rowLabels: readonly string[]): FactProblem | null {
  const seen = new Set<string>();
  for (const f of facts) {
    if (rowLabels.length > 0 && !rowLabels.includes(f.label)) return { reason: 'factLabel', label: f.label };
    if (seen.has(f.label)) return { reason: 'duplicateFactLabel', label: f.label };
    seen.add(f.label);
  }
  return null;
}

/** Facts as a target keeps them: null for none (an empty list clears them like null). */
export function storedFacts(facts: readonly FactRef[] | null | undefined): FactRef[] | null {
  return facts && facts.length > 0 ? facts.map((f) => ({ label: f.label, value: f.value ?? null })) : null;
}

/** Whether two stored fact lists say the same thing, in the same order (null and [] alike). */
export function sameFacts(a: readonly FactRef[] | null | undefined, b: readonly FactRef[] | null | undefined): boolean {
  const x = storedFacts(a) ?? [];
  const y = storedFacts(b) ?? [];
  return x.length === y.length && x.every((f, i) => f.label === y[i].label && f.value === y[i].value);
}
