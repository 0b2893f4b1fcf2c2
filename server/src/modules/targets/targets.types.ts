import { Field, ID, Int, ObjectType } from 'type-graphql';
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
}
