import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Severity } from '@chitieu/domain';
import { SeverityEnum } from '../../common/enums';
import { Target } from './target.entity';

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

  @Field(() => [Target])
  targets: Target[];

  @Field(() => [ValidationIssue])
  issues: ValidationIssue[];

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;
}
