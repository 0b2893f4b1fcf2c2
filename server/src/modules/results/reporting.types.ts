import { Field, ObjectType } from 'type-graphql';
import type { ResultState } from '@chitieu/domain';
import { Unit } from '../units/unit.entity';
import { ResultStateEnum } from '../../common/enums';
import { DateScalar, DateTimeScalar } from '../../common/scalars';

/**
 * One unit's place in a period's reporting (issue #15): its figure's state (null: nothing
 * recorded), when it is due, and whether it came late or is missing.
 */
@ObjectType()
export class ReportingRow {
  @Field(() => Unit)
  unit: Unit;

  @Field()
  period: string;

  @Field(() => DateScalar)
  dueDate: string;

  @Field(() => ResultStateEnum, { nullable: true })
  state: ResultState | null;

  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt: Date | null;

  /** Submitted after its due date. */
  @Field()
  late: boolean;

  /** Due date passed and nothing submitted. */
  @Field()
  missing: boolean;

  /** Why the unit above sent it back (RETURNED only). */
  @Field(() => String, { nullable: true })
  returnReason: string | null;
}
