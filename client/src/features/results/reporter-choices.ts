import { parsePeriod, periodRange } from '@chitieu/domain';
import { structureDate } from '../plans/structure';

/** When a unit existed: from its first day, up to its last (null: open). */
export interface Validity {
  validFrom?: string | null;
  validTo?: string | null;
}

/** Whether the unit existed during the period (the server's rule: the intervals overlap). */
export function validInPeriod(unit: Validity, period: string): boolean {
  const { from, to } = periodRange(parsePeriod(period));
  return !(unit.validFrom && unit.validFrom > to) && !(unit.validTo && unit.validTo < from);
}

/**
 * The plans a unit reports on: those whose structure (1 January of their year) includes it. A
 * district merged away in the 2025 reform reports on its 2025 and earlier plans, never on 2026's.
 */
export function plansOfUnit<P extends { year: number }>(plans: readonly P[], unit: Validity | null | undefined): P[] {
  if (!unit) return [...plans];
  return plans.filter((p) => {
    const day = structureDate(p.year);
    return !(unit.validFrom && unit.validFrom > day) && !(unit.validTo && unit.validTo < day);
  });
}

/** The plan the page opens on: the newest of the years already under way, else the newest (plans newest first). */
export function openingPlan<P extends { year: number }>(plans: readonly P[], today = new Date()): P | undefined {
  return plans.find((p) => p.year <= today.getUTCFullYear()) ?? plans[0];
}

/**
 * The plan's rows a unit reports on: those where it (or, for a district, a unit it reports
 * for) holds a target; a unit holding none in the plan reports on all its rows, which are its
 * parent's targets its figures roll up to.
 */
export function reportedRows<R extends { indicator: { id: string } }>(rows: readonly R[], targeted: ReadonlySet<string>): R[] {
  const own = rows.filter((r) => targeted.has(r.indicator.id));
  return own.length ? own : [...rows];
}

/** Periods that have started: a figure for a period still to come is refused by the server. */
export function startedPeriods<C extends { value: string }>(choices: readonly C[], today = new Date()): C[] {
  const iso = today.toISOString().slice(0, 10);
  return choices.filter((c) => periodRange(parsePeriod(c.value)).from <= iso);
}
