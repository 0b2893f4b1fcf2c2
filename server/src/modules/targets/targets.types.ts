import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Severity } from '@chitieu/domain';
import { SeverityEnum } from '../../common/enums';
import { Target } from './target.entity';
import { MaxRows } from '../../common/complexity';
import { MAX_ROWS } from './targets.inputs';

@ObjectType()
export class ValidationIssue {
  @Field(() => ID)
  unitId: string;

  @Field()
  code: string;

  @Field(() => SeverityEnum)
  severity: Severity;

  @Field()
  message: string;
}

@ObjectType()
export class TargetWriteResult {
  @Field()
  applied: boolean;

  // One write takes at most MAX_ROWS targets (SetTargetsInput, CascadeInput).
  @MaxRows(MAX_ROWS)
  @Field(() => [Target])
  targets: Target[];

  @MaxRows(MAX_ROWS * 2)
  @Field(() => [ValidationIssue])
  issues: ValidationIssue[];

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  /** cascadeTargets with a baseline policy: the uplift applied (reachParent may raise the one given). */
  @Field(() => Float, { nullable: true, description: 'cascadeTargets with a baselinePolicy: the uplift applied (reachParent may raise the one given).' })
  uplift?: number | null;

  /** cascadeTargets: the children's implied aggregate as the write leaves them (IMPLIED_AGGREGATE_SHORT's weights). */
  @Field(() => Float, { nullable: true, description: "cascadeTargets: the children's implied aggregate as this write leaves them, weighted as IMPLIED_AGGREGATE_SHORT." })
  impliedAggregate?: number | null;

  /** cascadeTargets: the parent's own target the aggregate is compared with; null when it has none. */
  @Field(() => Float, { nullable: true, description: "cascadeTargets: parentUnitId's own target in the plan; null when it has none." })
  parentTarget?: number | null;
}
