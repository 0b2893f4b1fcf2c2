import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import type { DocumentKind, FigureScope, Frequency, UnitKind } from '@chitieu/domain';
import { DocumentKindEnum, FigureScopeEnum, FrequencyEnum, UnitKindEnum } from '../../common/enums';
import { ResponsibleInput } from './document.types';
import { DateScalar } from '../../common/scalars';
import { IsFigure } from '../../common/figure-input';

@InputType()
export class KindValueInput {
  @Field(() => UnitKindEnum)
  kind: UnitKind;

  /** A floor (0..100 for a rate, checked by measure where it is used) or a default target. */
  @Field(() => Float)
  @IsFigure()
  value: number;
}

/** The document fields a plan keeps besides its issuer, year and title (docs/spec/api.md, "Plans as documents"). */
@InputType()
abstract class PlanDocumentFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 128)
  documentNumber?: string | null;

  @Field(() => DateScalar, { nullable: true })
  documentDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  legalBasis?: string | null;

  @Field(() => DateScalar, { nullable: true })
  subAssignmentDeadline?: string | null;

  @Field(() => DocumentKindEnum, { nullable: true })
  documentKind?: DocumentKind | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 1000)
  signer?: string | null;

  /** Nơi nhận, one line each. */
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 500, { each: true })
  recipients?: string[] | null;
}

@InputType()
export class PlanInput extends PlanDocumentFields {
  @Field(() => ID)
  issuerId: string;

  @Field(() => Int)
  @Min(2000)
  @Max(2100)
  year: number;

  @Field()
  @Length(1, 1000)
  title: string;
}

/** `updatePlan`: any field of PlanInput and the document fields; an omitted field is kept, an explicit null clears it. */
@InputType()
export class PlanUpdateInput extends PlanDocumentFields {
  @Field(() => ID, { nullable: true })
  issuerId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(2000)
  @Max(2100)
  year?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000)
  title?: string | null;
}

/** Lead and coordinating units of a row or a task: the words, and the unit or kinds where already chosen (else resolved from the words). */
@InputType()
abstract class ResponsibleFields {
  @Field(() => [ResponsibleInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  lead?: ResponsibleInput[] | null;

  @Field(() => [ResponsibleInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  coordinating?: ResponsibleInput[] | null;
}

@InputType()
export class PlanIndicatorInput extends ResponsibleFields {
  @Field(() => ID)
  planId: string;

  @Field(() => ID)
  indicatorId: string;

  /** The heading's position the row sits under ("I", "II."); the heading's text is in Plan.headings. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 255)
  section?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 32)
  position?: string | null;

  @Field(() => [KindValueInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  floors?: KindValueInput[] | null;

  @Field(() => FigureScopeEnum, { defaultValue: 'SUBTREE' })
  scope: FigureScope;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  legalBasis?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  note?: string | null;

  /** Labels of per-unit facts printed as extra annex columns ("Số lượng TTHC mức độ 3, 4"). */
  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @Length(1, 200, { each: true })
  factLabels?: string[] | null;

  /** How often the row's results are reported (issue #15); null: not set. */
  @Field(() => FrequencyEnum, { nullable: true })
  frequency?: Frequency | null;

  /** Days after a period ends that its results are due, 0..MAX_DUE_DAY (checked in rowFields: a reason the user reads). */
  @Field(() => Int, { nullable: true })
  dueDay?: number | null;
}

/** A task; `lead` / `coordinating`, when given, replace the plain words of `leads` / `coordinators`. */
@InputType()
export class PlanTaskInput extends ResponsibleFields {
  @Field(() => ID)
  planId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 32)
  position?: string | null;

  @Field()
  @Length(1, 4000)
  content: string;

  /** The lead's and coordinators' words alone; each is resolved to a unit or kinds where it names them. */
  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @Length(1, 500, { each: true })
  leads: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(20)
  @Length(1, 500, { each: true })
  coordinators: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 64)
  timeFrame?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  deliverable?: string | null;
}
