import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ValidateNested } from 'class-validator';

export const MAX_RESULT_ROWS = 5000;

@InputType()
export class ResultValueInput {
  @Field(() => ID)
  unitId: string;

  @Field(() => Float, { nullable: true })
  numerator?: number | null;

  @Field(() => Float, { nullable: true })
  denominator?: number | null;

  @Field(() => Float, { nullable: true })
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
