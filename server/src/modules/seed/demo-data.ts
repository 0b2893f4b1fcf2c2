/** The shapes of the demo's seed data (seed/data/daklak-20XX.json): the documents as they write them. */
import type { PlanHeadingRef, UnitKind } from '@chitieu/domain';

export interface IndicatorSeed {
  code: string;
  name: string;
  measure: string;
  comparator: string;
  unitOfMeasure?: string | null;
  numeratorLabel?: string | null;
  denominatorLabel?: string | null;
  legalBasis?: string | null;
  scoring?: { when: string; score: number }[] | null;
}

/** The document's words for a lead or coordinating unit; `means` where they name it otherwise ("Sở Nội vụ chủ trì cấp tỉnh"). */
export interface ResponsibleSeed {
  text: string;
  means?: string;
}

/** What a plan row writes besides the indicator (docs/spec/domain.md, "Plans as documents"). */
export interface RowSeed {
  section: string | null;
  position: string | null;
  scope?: string;
  lead?: ResponsibleSeed[];
  coordinating?: ResponsibleSeed[];
  rowLegalBasis?: string | null;
  noteAsWritten?: string | null;
  factLabels?: string[];
  floors?: { kind: UnitKind; value: number }[];
}

/** The document fields of a plan as the seed data writes them (one line a list item). */
export interface PlanSeed {
  year: number;
  title: string;
  documentKind: string;
  documentNumber: string | null;
  documentDate: string | null;
  subAssignmentDeadline: string | null;
  status: string;
  legalBasis?: string[] | string | null;
  signer?: string[] | null;
  recipients?: string[] | null;
  headings?: PlanHeadingRef[];
}
