import type { Accumulation, Comparator, IndicatorFieldsFragment, IndicatorInput, Measure } from '../../gql/graphql';

export const MEASURES: readonly Measure[] = ['RATE', 'PERCENT', 'SCORE', 'COUNT'];
export const COMPARATORS: readonly Comparator[] = ['AT_LEAST', 'GREATER_THAN', 'AT_MOST', 'EQUAL'];
export const ACCUMULATIONS: readonly Accumulation[] = ['PERIODIC', 'CUMULATIVE'];

/** What the indicator form holds (antd Form values). */
export interface IndicatorValues {
  code: string;
  name: string;
  measure: Measure;
  comparator: Comparator;
  unitOfMeasure?: string | null;
  numeratorLabel?: string | null;
  denominatorLabel?: string | null;
  accumulation: Accumulation;
  hardMinimum?: number | null;
  legalBasis?: string | null;
  notes?: string | null;
  scoring?: { when: string; score: number }[];
}

export const NEW_INDICATOR: IndicatorValues = { code: '', name: '', measure: 'RATE', comparator: 'AT_LEAST', unitOfMeasure: '%', accumulation: 'PERIODIC', scoring: [] };

const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

/** The form's values as the API's IndicatorInput: blanks become nulls, counts only for a RATE, steps only for a SCORE. */
export function toIndicatorInput(v: IndicatorValues, ownerId?: string | null): IndicatorInput {
  const rate = v.measure === 'RATE';
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    measure: v.measure,
    comparator: v.comparator,
    unitOfMeasure: v.unitOfMeasure?.trim() ?? '',
    numeratorLabel: rate ? text(v.numeratorLabel) : null,
    denominatorLabel: rate ? text(v.denominatorLabel) : null,
    accumulation: v.accumulation,
    hardMinimum: v.hardMinimum ?? null,
    legalBasis: text(v.legalBasis),
    notes: text(v.notes),
    scoring: v.measure === 'SCORE' ? (v.scoring ?? []).map((s) => ({ when: s.when.trim(), score: s.score })) : null,
    ...(ownerId ? { ownerId } : {}),
  };
}

/** An indicator of the catalogue as the form edits it. */
export function fromIndicator(i: IndicatorFieldsFragment): IndicatorValues {
  return {
    code: i.code,
    name: i.name,
    measure: i.measure,
    comparator: i.comparator,
    unitOfMeasure: i.unitOfMeasure,
    numeratorLabel: i.numeratorLabel,
    denominatorLabel: i.denominatorLabel,
    accumulation: i.accumulation,
    hardMinimum: i.hardMinimum,
    legalBasis: i.legalBasis,
    notes: i.notes,
    scoring: (i.scoring ?? []).map((s) => ({ when: s.when, score: s.score })),
  };
}
