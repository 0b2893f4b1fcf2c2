import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import type { UnitKind } from '@chitieu/domain';
import { UnitKindEnum } from '../../common/enums';
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

@InputType()
export class PlanInput {
  @Field(() => ID)
  issuerId: string;

  @Field(() => Int)
  @Min(2000)
  @Max(2100)
  year: number;

  @Field()
  @Length(1, 1000)
  title: string;

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
}

@InputType()
export class PlanIndicatorInput {
  @Field(() => ID)
  planId: string;

  @Field(() => ID)
  indicatorId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 32)
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
}

@InputType()
export class PlanTaskInput {
  @Field(() => ID)
  planId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 32)
  position?: string | null;

  @Field()
  @Length(1, 4000)
  content: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
  leads: string[];

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(50)
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
