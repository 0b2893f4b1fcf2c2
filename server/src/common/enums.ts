import { registerEnumType } from 'type-graphql';
import {
  ACCUMULATIONS,
  ADJUSTMENT_STATES,
  FREQUENCIES,
  RESULT_STATES,
  type AdjustmentState,
  type Frequency,
  type ResultState,
  DOCUMENT_KINDS,
  FIGURE_SCOPES,
  MEASURES,
  UNIT_KINDS,
  type Accumulation,
  type DocumentKind,
  type FigureScope,
  type Measure,
  type UnitKind,
} from '@chitieu/domain';

/** GraphQL enums from the domain's string unions: one list of names, kept in packages/domain. */
function asEnum<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const ROLES = ['SYSTEM_ADMIN', 'PROVINCE_ADMIN', 'UNIT_MANAGER', 'UNIT_REPORTER', 'ANALYST'] as const;
export type Role = (typeof ROLES)[number];

export const UnitKindEnum = asEnum<UnitKind>(UNIT_KINDS);
export const RoleEnum = asEnum(ROLES);
export const MeasureEnum = asEnum<Measure>(MEASURES);
export const FigureScopeEnum = asEnum<FigureScope>(FIGURE_SCOPES);
export const AccumulationEnum = asEnum<Accumulation>(ACCUMULATIONS);
export const DocumentKindEnum = asEnum<DocumentKind>(DOCUMENT_KINDS);
export const ComparatorEnum = asEnum(['AT_LEAST', 'GREATER_THAN', 'AT_MOST', 'EQUAL'] as const);
export const PlanStatusEnum = asEnum(['DRAFT', 'ISSUED'] as const);
export type PlanStatus = keyof typeof PlanStatusEnum;
export const TargetOriginEnum = asEnum(['MANUAL', 'RULE'] as const);
export const SeverityEnum = asEnum(['ERROR', 'WARNING'] as const);
export const ProgressStatusEnum = asEnum(['ACHIEVED', 'NOT_ACHIEVED', 'NO_DATA', 'NOT_APPLICABLE', 'NO_TARGET'] as const);
export const ResultSourceEnum = asEnum(['MANUAL', 'IMPORT'] as const);
export type ResultSource = keyof typeof ResultSourceEnum;
export const AdjustmentStateEnum = asEnum<AdjustmentState>(ADJUSTMENT_STATES);
export const ResultStateEnum = asEnum<ResultState>(RESULT_STATES);
export const FrequencyEnum = asEnum<Frequency>(FREQUENCIES);

registerEnumType(UnitKindEnum, { name: 'UnitKind' });
registerEnumType(RoleEnum, { name: 'Role' });
registerEnumType(MeasureEnum, { name: 'Measure' });
registerEnumType(FigureScopeEnum, { name: 'FigureScope' });
registerEnumType(AccumulationEnum, { name: 'Accumulation' });
registerEnumType(DocumentKindEnum, { name: 'DocumentKind' });
registerEnumType(ComparatorEnum, { name: 'Comparator' });
registerEnumType(PlanStatusEnum, { name: 'PlanStatus' });
registerEnumType(TargetOriginEnum, { name: 'TargetOrigin' });
registerEnumType(SeverityEnum, { name: 'Severity' });
registerEnumType(ProgressStatusEnum, { name: 'ProgressStatus' });
registerEnumType(AdjustmentStateEnum, { name: 'AdjustmentState' });
registerEnumType(ResultStateEnum, { name: 'ResultState' });
registerEnumType(FrequencyEnum, { name: 'Frequency' });
