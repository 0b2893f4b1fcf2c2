import type { EntityManager } from 'typeorm';
import { DomainError } from '@chitieu/domain';
import { Plan } from './plan.entity';
import type { PlanInput, PlanUpdateInput } from './plans.inputs';
import type { PlanHeadingInput } from './document.types';
import { badInput } from '../../common/errors';

/** The plan's fields an update may change (PlanUpdateInput without the issuer, which is checked apart). */
export type PlanFields = Pick<
  Plan,
  'issuerId' | 'year' | 'title' | 'documentNumber' | 'documentDate' | 'legalBasis' | 'subAssignmentDeadline' | 'documentKind' | 'signer' | 'recipientList' | 'headingList'
>;

const trimOrNull = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

/** Recipients as written, one per line, blank lines dropped. */
export function recipientsOf(list: readonly string[] | null | undefined): string[] | null {
  const kept = (list ?? []).map((r) => r.trim()).filter(Boolean);
  return kept.length ? kept : null;
}

/** The document fields of a new plan (createPlan, with its own defaults). */
export function newPlanFields(input: PlanInput): Omit<PlanFields, 'issuerId' | 'headingList'> {
  const fields = {
    year: input.year,
    title: input.title.trim(),
    documentNumber: trimOrNull(input.documentNumber),
    documentDate: input.documentDate ?? null,
    legalBasis: trimOrNull(input.legalBasis),
    subAssignmentDeadline: input.subAssignmentDeadline ?? null,
    documentKind: input.documentKind ?? null,
    signer: trimOrNull(input.signer),
    recipientList: recipientsOf(input.recipients),
  };
  if (!fields.title) throw badInput('title');
  checkDates(fields);
  return fields;
}

/**
 * The plan after an update: an omitted field (undefined) keeps its value, an explicit null clears
 * it; the title, the year and the issuer cannot be cleared. Checks what the fields say together.
 */
export function updatedPlanFields(plan: Plan, input: PlanUpdateInput, issuerId: number): PlanFields {
  if (input.title === null || (input.title !== undefined && !input.title.trim())) throw badInput('title');
  if (input.year === null) throw badInput('required', { field: 'year' });
  if (input.issuerId === null) throw badInput('required', { field: 'issuerId' });
  const pick = <K extends keyof PlanUpdateInput, V>(key: K, current: V, map: (v: NonNullable<PlanUpdateInput[K]>) => V): V => {
    const v = input[key];
    if (v === undefined) return current;
    return v === null ? (null as V) : map(v as NonNullable<PlanUpdateInput[K]>);
  };
  const fields: PlanFields = {
    issuerId,
    year: input.year ?? plan.year,
    title: input.title != null ? input.title.trim() : plan.title,
    documentNumber: pick('documentNumber', plan.documentNumber, (v) => trimOrNull(v)),
    documentDate: pick('documentDate', plan.documentDate, (v) => v),
    legalBasis: pick('legalBasis', plan.legalBasis, (v) => trimOrNull(v)),
    subAssignmentDeadline: pick('subAssignmentDeadline', plan.subAssignmentDeadline, (v) => v),
    documentKind: pick('documentKind', plan.documentKind, (v) => v),
    signer: pick('signer', plan.signer, (v) => trimOrNull(v)),
    recipientList: pick('recipients', plan.recipientList, (v) => recipientsOf(v)),
    headingList: plan.headingList,
  };
  checkDates(fields);
  return fields;
}

function checkDates(f: { subAssignmentDeadline: string | null; documentDate: string | null }): void {
  if (f.subAssignmentDeadline && f.documentDate && f.subAssignmentDeadline < f.documentDate) throw badInput('subAssignmentDeadline');
}

/** Headings as written, trimmed; a position used twice is refused. */
export function headingsOf(headings: readonly PlanHeadingInput[]): { position: string; text: string }[] {
  const seen = new Set<string>();
  return headings.map((h) => {
    const position = h.position.trim();
    const text = h.text.trim();
    if (!position) throw badInput('required', { field: 'position' });
    if (!text) throw badInput('required', { field: 'text' });
    if (seen.has(position)) throw badInput('headingPosition', { position });
    seen.add(position);
    return { position, text };
  });
}

/**
 * Writes the plan's new fields guarded by the version read (UPDATE … WHERE id AND version): a
 * concurrent change makes it a CONFLICT rather than a silent overwrite. Returns the plan after.
 */
export async function savePlanFields(m: EntityManager, plan: Plan, fields: Partial<PlanFields>): Promise<Plan> {
  const now = new Date();
  const set = { ...fields, updatedAt: now, version: plan.version + 1 };
  const res = await m.createQueryBuilder().update(Plan).set(set).where('id = :id AND version = :v', { id: plan.id, v: plan.version }).execute();
  if (!res.affected) throw new DomainError('CONFLICT', { reason: 'planChanged' });
  return Object.assign(new Plan(), plan, set);
}

/** "Kế hoạch … năm 2022" → "Kế hoạch … năm 2023": the plan's year where the title writes it alone. */
export function titleForYear(title: string, from: number, to: number): string {
  return title.replace(new RegExp(`(?<![\\d/.-])${from}(?![\\d/.-]\\d)(?!\\d)`, 'g'), String(to));
}

/** A date of one year moved to another (29 February to the 28th where the year has none). */
export function shiftYear(day: string | null, from: number, to: number): string | null {
  if (!day) return null;
  const [y, mo, d] = day.split('-').map(Number);
  const year = y + (to - from);
  const last = new Date(Date.UTC(year, mo, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
