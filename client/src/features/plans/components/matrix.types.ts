import type { Measure, TargetCellFragment, UnitKind } from '../../../gql/graphql';

/** What the plan matrix shows: its columns (indicators), rows (units) and cells (targets); shared with the paste dialog. */
export interface MatrixIndicator {
  id: string;
  code: string;
  name: string;
  measure: Measure;
  unitOfMeasure: string;
  position: string | null;
  floors: readonly { kind: UnitKind; value: number }[];
  /** The plan row's per-unit fact columns (PlanIndicator.factLabels); optional so other screens' lists need not carry them. */
  factLabels?: readonly string[];
  /** The plan row (PlanIndicator.id) this column is. */
  planIndicatorId?: string;
}

export interface MatrixUnit {
  id: string;
  code: string | null;
  name: string;
  kind: UnitKind;
}

export interface MatrixFact {
  label: string;
  value: number | null;
}

/** A cell; `facts` only where the page asked for them (the plan has fact columns). */
export type MatrixTarget = TargetCellFragment & { facts?: readonly MatrixFact[] | null };
