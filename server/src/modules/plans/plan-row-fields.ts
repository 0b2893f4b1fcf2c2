import { DomainError, MAX_DUE_DAY, UNIT_KINDS, type KindValue, type Measure } from '@chitieu/domain';
import type { PlanIndicatorRow } from './plan-indicator.entity';
import type { PlanIndicatorInput } from './plans.inputs';
import type { ResponsibleNames } from './responsible-input';
import { badInput } from '../../common/errors';

/** What a row stores of its document, apart from its key and order. */
export type RowFields = Pick<
  PlanIndicatorRow,
  'section' | 'position' | 'floors' | 'scope' | 'lead' | 'coordinating' | 'legalBasis' | 'note' | 'factLabels' | 'frequency' | 'dueDay'
>;

const trimOrNull = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

export function checkFloors(floors: readonly KindValue[], measure: Measure): KindValue[] {
  const seen = new Set<string>();
  for (const f of floors) {
    if (!UNIT_KINDS.includes(f.kind) || !Number.isFinite(f.value) || seen.has(f.kind)) throw badInput('floors');
    seen.add(f.kind);
    if (measure !== 'COUNT' && (f.value < 0 || f.value > 100)) throw new DomainError('OUT_OF_RANGE', { value: f.value });
  }
  return floors.map((f) => ({ kind: f.kind, value: f.value }));
}

function labelsOf(labels: readonly string[]): string[] | null {
  const kept: string[] = [];
  for (const l of labels.map((x) => x.trim()).filter(Boolean)) {
    if (kept.includes(l)) throw badInput('duplicateFactLabel', { field: 'factLabels', label: l });
    kept.push(l);
  }
  return kept.length ? kept : null;
}

function checkDueDay(day: number): number {
  if (!Number.isInteger(day) || day < 0 || day > MAX_DUE_DAY) throw badInput('dueDay', { max: MAX_DUE_DAY });
  return day;
}

/**
 * The row's fields from an input. `base` null (addPlanIndicator): every field as given, omitted
 * ones empty. `base` a row (updatePlanIndicator): an omitted field keeps the row's value, null
 * clears it; `scope` has a default in the schema, so it is always the one given.
 */
export async function rowFields(input: PlanIndicatorInput, measure: Measure, names: ResponsibleNames, base: PlanIndicatorRow | null): Promise<RowFields> {
  const keep = <T>(given: T | null | undefined, current: T | null, map: (v: T) => T | null): T | null => {
    if (given === undefined) return base ? current : null;
    return given === null ? null : map(given);
  };
  const lead = await names.resolveAll(input.lead);
  const coordinating = await names.resolveAll(input.coordinating);
  return {
    section: keep(input.section, base?.section ?? null, trimOrNull),
    position: keep(input.position, base?.position ?? null, trimOrNull),
    floors: input.floors === undefined && base ? base.floors : checkFloors(input.floors ?? [], measure),
    scope: input.scope ?? 'SUBTREE',
    lead: lead === undefined ? (base ? base.lead : null) : lead,
    coordinating: coordinating === undefined ? (base ? base.coordinating : null) : coordinating,
    legalBasis: keep(input.legalBasis, base?.legalBasis ?? null, trimOrNull),
    note: keep(input.note, base?.note ?? null, trimOrNull),
    factLabels: keep(input.factLabels, base?.factLabels ?? null, labelsOf),
    frequency: keep(input.frequency, base?.frequency ?? null, (f) => f),
    dueDay: keep(input.dueDay, base?.dueDay ?? null, checkDueDay),
  };
}
