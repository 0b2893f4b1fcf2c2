import type { FigureScope, Frequency, PlanDocumentFragment, PlanIndicatorInput, UnitKind } from '../../../../gql/graphql';
import { fromResponsible, toResponsibleInput, type ResponsibleValue } from './responsible';

export type PlanRowData = PlanDocumentFragment['indicators'][number];

/** What the row form holds. */
export interface RowValues {
  section: string | null;
  position: string;
  scope: FigureScope;
  floors: { kind: UnitKind; value: number }[];
  lead: ResponsibleValue[];
  coordinating: ResponsibleValue[];
  legalBasis: string;
  note: string;
  factLabels: string[];
  /** How often its figures are reported (none: not on the reporting calendar). */
  frequency: Frequency | null;
  /** Days after a period ends that its figures are due (empty: the default, 5). */
  dueDay: number | null;
}

/** A row's reporting schedule, read apart from the plan's document (ReportingPlanQuery). */
export interface RowSchedule {
  frequency: Frequency | null;
  dueDay: number | null;
}

export const NEW_ROW: RowValues = {
  section: null,
  position: '',
  scope: 'SUBTREE',
  floors: [],
  lead: [],
  coordinating: [],
  legalBasis: '',
  note: '',
  factLabels: [],
  frequency: null,
  dueDay: null,
};

export function fromRow(r: PlanRowData, schedule?: RowSchedule | null): RowValues {
  return {
    section: r.section,
    position: r.position ?? '',
    scope: r.scope,
    floors: r.floors.map((f) => ({ kind: f.kind, value: f.value })),
    lead: r.lead.map(fromResponsible),
    coordinating: r.coordinating.map(fromResponsible),
    legalBasis: r.legalBasis ?? '',
    note: r.note ?? '',
    factLabels: [...r.factLabels],
    // From the plan's document when it selects them, else as read apart.
    frequency: (r as Partial<RowSchedule>).frequency ?? schedule?.frequency ?? null,
    dueDay: (r as Partial<RowSchedule>).dueDay ?? schedule?.dueDay ?? null,
  };
}

const orNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The row as the API's PlanIndicatorInput: every field sent, so what the form shows is what is stored. */
export function toRowInput(planId: string, indicatorId: string, v: RowValues): PlanIndicatorInput {
  return {
    planId,
    indicatorId,
    section: orNull(v.section),
    position: orNull(v.position),
    scope: v.scope,
    floors: (v.floors ?? []).map((f) => ({ kind: f.kind, value: f.value })),
    lead: (v.lead ?? []).map(toResponsibleInput),
    coordinating: (v.coordinating ?? []).map(toResponsibleInput),
    legalBasis: orNull(v.legalBasis),
    note: orNull(v.note),
    factLabels: (v.factLabels ?? []).map((l) => l.trim()).filter(Boolean),
    frequency: v.frequency ?? null,
    dueDay: v.dueDay ?? null,
  };
}
