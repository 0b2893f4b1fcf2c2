import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { MAX_PERIOD_YEAR, MIN_PERIOD_YEAR } from '@chitieu/domain';
import type { Comparator } from '@chitieu/domain';
import { ComparatorEnum } from '../../common/enums';
import { KindValueInput } from '../plans/plans.inputs';
import { IsFigure } from '../../common/figure-input';
import { FactInput } from '../plans/document.types';

/** The most rows one write takes: a province's whole commune list fits many times over. */
export const MAX_ROWS = 5000;

@InputType()
export class TargetValueInput {
  @Field(() => ID)
  unitId: string;

  @Field(() => Float)
  @IsFigure()
  value: number;

  /** Omitted keeps the stored baseline; an explicit null clears it. */
  @Field(() => Float, { nullable: true })
  @IsFigure()
  baseline?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  note?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  expectedVersion?: number | null;

  /** Per-unit facts for the annex's extra columns; omitted keeps the stored ones. */
  @Field(() => [FactInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  facts?: FactInput[] | null;

  /** A target may carry its own comparator (the 2023 plan's "> 80%"); default: the indicator's. */
  @Field(() => ComparatorEnum, { nullable: true })
  comparator?: Comparator | null;
}

@InputType()
export class SetTargetsInput {
  @Field(() => ID)
  planId: string;

  @Field(() => ID)
  indicatorId: string;

  @Field(() => [TargetValueInput])
  @ArrayMaxSize(MAX_ROWS)
  @ValidateNested({ each: true })
  targets: TargetValueInput[];

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  dryRun?: boolean | null;
}

@InputType()
export class BaselinePolicyInput {
  @Field(() => Float)
  @IsFigure()
  uplift: number;

  @Field(() => Float, { nullable: true })
  @IsFigure()
  cap?: number | null;

  /** Where a child's target has no baseline, take its actual of this year (built from its predecessors across a reorganisation). */
  @Field(() => Int, { nullable: true, description: "Where a child's target has no baseline, use its recorded figure of this year (across reorganisations)." })
  @Min(MIN_PERIOD_YEAR)
  @Max(MAX_PERIOD_YEAR)
  baselineYear?: number | null;
}

@InputType()
export class CascadeInput {
  @Field(() => ID)
  planId: string;

  @Field(() => ID)
  indicatorId: string;

  @Field(() => ID)
  parentUnitId: string;

  @Field(() => [KindValueInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  floors?: KindValueInput[] | null;

  @Field(() => [KindValueInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  defaults?: KindValueInput[] | null;

  @Field(() => BaselinePolicyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  baselinePolicy?: BaselinePolicyInput | null;

  @Field(() => [TargetValueInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_ROWS)
  @ValidateNested({ each: true })
  overrides?: TargetValueInput[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  notBelowParent?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  keepManual?: boolean | null;

  /** With a baseline policy: raise its uplift to the smallest whole one whose implied aggregate meets the parent's own target. */
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "With baselinePolicy: use the smallest uplift (whole points, at least the one given) whose children's implied aggregate meets parentUnitId's own target.",
  })
  reachParent?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  dryRun?: boolean | null;
}

@InputType()
export class TargetFilter {
  @Field(() => ID)
  planId: string;

  @Field(() => ID, { nullable: true })
  indicatorId?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  subtree?: boolean | null;
}
