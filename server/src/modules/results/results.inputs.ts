import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { IsFigure } from '../../common/figure-input';

export const MAX_RESULT_ROWS = 5000;

@InputType()
export class ResultValueInput {
  @Field(() => ID)
  unitId: string;

  @Field(() => Float, { nullable: true })
  @IsFigure()
  numerator?: number | null;

  @Field(() => Float, { nullable: true })
  @IsFigure()
  denominator?: number | null;

  @Field(() => Float, { nullable: true })
  @IsFigure()
  value?: number | null;
}

@InputType()
export class RecordResultsInput {
  @Field(() => ID)
  indicatorId: string;

  @Field()
  period: string;

  @Field(() => [ResultValueInput])
  @ArrayMaxSize(MAX_RESULT_ROWS)
  @ValidateNested({ each: true })
  results: ResultValueInput[];
}
