import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import type { Accumulation, Comparator, Measure } from '@chitieu/domain';
import { AccumulationEnum, ComparatorEnum, MeasureEnum } from '../../common/enums';
import { IsFigure } from '../../common/figure-input';

@InputType()
export class ScoreStepInput {
  @Field()
  @Length(1, 500)
  when: string;

  @Field(() => Float)
  @Min(0)
  @Max(100)
  @IsFigure('percent')
  score: number;
}

@InputType()
export class IndicatorInput {
  @Field()
  @Length(1, 64)
  code: string;

  @Field()
  @Length(1, 2000)
  name: string;

  @Field(() => MeasureEnum)
  measure: Measure;

  @Field(() => ComparatorEnum)
  comparator: Comparator;

  @Field(() => String, { nullable: true, defaultValue: '%' })
  @IsOptional()
  @Length(0, 64)
  unitOfMeasure?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  numeratorLabel?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  denominatorLabel?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsFigure()
  hardMinimum?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 2000)
  legalBasis?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  notes?: string | null;

  @Field(() => [ScoreStepInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  scoring?: ScoreStepInput[] | null;

  @Field(() => AccumulationEnum, { defaultValue: 'PERIODIC' })
  accumulation: Accumulation;

  /** The catalogue to add to: a province or district the caller administers; default: the caller's own (national for a SYSTEM_ADMIN). */
  @Field(() => ID, { nullable: true })
  ownerId?: string | null;
}
