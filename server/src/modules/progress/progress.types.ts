import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { FigureScope, ProgressStatus } from '@chitieu/domain';
import { ProgressStatusEnum } from '../../common/enums';
import { Unit } from '../units/unit.entity';
import { Indicator } from '../indicators/indicator.entity';
import { Target } from '../targets/target.entity';
import { MaxRows, DATA_BOUNDS } from '../../common/complexity';

@ObjectType()
export class Figure {
  @Field(() => Float, { nullable: true })
  numerator: number | null;

  @Field(() => Float, { nullable: true })
  denominator: number | null;

  @Field(() => Float, { nullable: true })
  value: number | null;

  /** Part of the figure was recorded against the units this one was formed from (a reorganisation). */
  @Field({ description: 'Part of the figure comes from the units this one was formed from (a reorganisation).' })
  fromPredecessors: boolean;
}

@ObjectType()
export class Progress {
  @Field(() => Unit)
  unit: Unit;

  @Field(() => Indicator)
  indicator: Indicator;

  @Field()
  period: string;

  @Field(() => Target, { nullable: true })
  target: Target | null;

  @Field(() => Figure)
  own: Figure;

  @Field(() => Figure)
  rolledUp: Figure;

  @Field(() => ProgressStatusEnum)
  status: ProgressStatus;

  @Field(() => Float, { nullable: true })
  gap: number | null;

  @Field()
  belowHardMinimum: boolean;

  @Field(() => Int, { nullable: true })
  rank: number | null;

  @MaxRows(DATA_BOUNDS.children)
  @Field(() => [Progress])
  children: Progress[];

  /**
   * The year-end figure expected at the pace of the months recorded so far (docs/spec/api.md,
   * "Between offices"); null with fewer than three months. Computed only when asked for.
   */
  @Field(() => Float, { nullable: true })
  projected: number | null;

  /** The projection misses the target. */
  @Field()
  atRisk: boolean;

  /** Not in the schema: the figure the line was judged on (the plan row's scope), which its rank follows too. */
  scope?: FigureScope;
}
