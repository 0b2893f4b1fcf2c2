import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ValidateNested } from 'class-validator';
import { IsFigure } from '../../common/figure-input';

export const MAX_RESULT_ROWS = 5000;

/** A figure as the writer last saw it (every field empty: none was recorded yet). */
@InputType()
export class ResultBasisInput {
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

  /**
   * What the figure was when the writer changed it (a phone that entered it offline sends it
   * later): when the stored figure is no longer that, nothing is written (CONFLICT,
   * reason resultChangedMeanwhile) rather than overwriting someone else's figure unseen.
   */
  @Field(() => ResultBasisInput, {
    nullable: true,
    description: 'The figure the writer saw; a stored figure that differs is a CONFLICT (resultChangedMeanwhile), never overwritten.',
  })
  basedOn?: ResultBasisInput | null;
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
