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
}

export interface MatrixUnit {
  id: string;
  code: string | null;
  name: string;
  kind: UnitKind;
}

export type MatrixTarget = TargetCellFragment;
