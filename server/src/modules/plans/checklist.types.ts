import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Unit } from '../units/unit.entity';
import { Indicator } from '../indicators/indicator.entity';
import { ValidationIssue } from '../targets/targets.types';
import { MaxRows, DATA_BOUNDS } from '../../common/complexity';

/** What issuing would leave open on one row of the plan: units without a target, issues of the stored ones, late sub-assignments. */
@ObjectType()
export class PlanChecklistRow {
  /** The plan row's id (PlanIndicator.id). */
  @Field(() => ID)
  id: number;

  @Field(() => Indicator)
  indicator: Indicator;

  /** The row's numbering in the plan ("1", "II.3"), as the document writes it. */
  @Field(() => String, { nullable: true })
  position: string | null;

  /** The issuer's direct children in the plan's tree whose target the row lacks. */
  @MaxRows(DATA_BOUNDS.children)
  @Field(() => [Unit])
  missing: Unit[];

  /** The stored targets of the issuer's children re-checked now, as a write would check them. */
  @MaxRows(DATA_BOUNDS.children * 2)
  @Field(() => [ValidationIssue])
  issues: ValidationIssue[];

  /** Targets of the row below the issuer's children that were assigned after the deadline. */
  @Field(() => Int)
  late: number;
}

/** Plan-level gaps: no rows at all, the document's number or date not written yet. */
export const PLAN_CHECKLIST_ITEMS = ['NO_ROWS', 'NO_DOCUMENT_NUMBER', 'NO_DOCUMENT_DATE'] as const;
export type PlanChecklistItem = (typeof PLAN_CHECKLIST_ITEMS)[number];

@ObjectType()
export class PlanChecklist {
  @Field(() => ID)
  planId: number;

  /** How many direct children the issuer has in the plan's tree (each row's total). */
  @Field(() => Int)
  units: number;

  /** Those children, in the tree's order: whom the rows' issues (by unitId) are about. */
  @MaxRows(DATA_BOUNDS.children)
  @Field(() => [Unit])
  children: Unit[];

  @MaxRows(DATA_BOUNDS.planRows)
  @Field(() => [PlanChecklistRow])
  rows: PlanChecklistRow[];

  /** Plan-level warnings, as codes the SPA words (NO_ROWS, NO_DOCUMENT_NUMBER, NO_DOCUMENT_DATE). */
  @Field(() => [String])
  warnings: PlanChecklistItem[];
}
