import type { UnitKind } from '../../../../gql/graphql';
import type { MessageKey } from '../../../../app/i18n';

/** A lead or coordinating entry as the form edits it: the document's words and, where they name one, the unit or the kinds. */
export interface ResponsibleValue {
  text: string;
  unitId: string | null;
  kinds: UnitKind[];
}

/** The groups documents name (docs/spec/domain.md, "Plans as documents"), with the kinds each stands for. */
export const RESPONSIBLE_GROUPS: readonly { key: MessageKey; kinds: UnitKind[] }[] = [
  { key: 'responsible.group.AGENCIES', kinds: ['PROVINCIAL_AGENCY'] },
  { key: 'responsible.group.DISTRICTS', kinds: ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY'] },
  { key: 'responsible.group.COMMUNES', kinds: ['WARD', 'TOWNSHIP', 'COMMUNE'] },
  { key: 'responsible.group.DISTRICT_AGENCIES', kinds: ['DISTRICT_AGENCY'] },
];

/** The key an entry has in the picker: its unit, else its kinds, else its words. */
export function responsibleKey(r: ResponsibleValue): string {
  if (r.unitId) return `unit:${r.unitId}`;
  if (r.kinds.length) return `kinds:${[...r.kinds].sort().join(',')}`;
  return r.text;
}

/** From what the API answers ({ text, unit, kinds }) to what the form edits. */
export function fromResponsible(r: { text: string; kinds: readonly UnitKind[]; unit?: { id: string } | null }): ResponsibleValue {
  return { text: r.text, unitId: r.unit?.id ?? null, kinds: [...r.kinds] };
}

/**
 * To the API's ResponsibleInput: a picked unit or group is sent as such; typed words alone are
 * sent without unit or kinds, so the server resolves them as it resolves a document's words.
 */
export function toResponsibleInput(r: ResponsibleValue): { text: string; unitId?: string; kinds?: UnitKind[] } {
  const text = r.text.trim();
  if (r.unitId) return { text, unitId: r.unitId };
  if (r.kinds.length) return { text, kinds: r.kinds };
  return { text };
}
