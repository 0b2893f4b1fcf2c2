import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AdjustmentState } from '@chitieu/domain';
import { Target } from '../targets/target.entity';
import { User } from '../auth/user.entity';
import { AdjustmentStateEnum } from '../../common/enums';
import { DateTimeScalar } from '../../common/scalars';

/**
 * A unit's proposal (đề xuất điều chỉnh) of another value for one of its targets, and the
 * assigner's decision. `planId`, `unitId` and `unitPath` are the target's, copied so that the
 * lists by plan and by subtree read one table.
 */
@Entity('adjustment')
@Index('IDX_adjustment_plan_state', ['planId', 'state'])
@Index('IDX_adjustment_target', ['targetId'])
export class AdjustmentRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  planId: number;

  @Column('int')
  targetId: number;

  @Column('int')
  unitId: number;

  @Column('varchar', { length: 255 })
  unitPath: string;

  /** The target's value when the proposal was made (what "from" says). */
  @Column('double', { nullable: true })
  previousValue: number | null;

  @Column('double')
  proposedValue: number;

  @Column('text')
  reason: string;

  @Column('varchar', { length: 16 })
  state: AdjustmentState;

  @Column('int')
  requestedById: number;

  @Column('datetime')
  requestedAt: Date;

  @Column('int', { nullable: true })
  decidedById: number | null;

  @Column('datetime', { nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  decisionNote: string | null;
}

@ObjectType()
export class Adjustment {
  @Field(() => ID)
  id: number;

  @Field(() => Target)
  target: Target;

  @Field(() => Float)
  proposedValue: number;

  @Field()
  reason: string;

  @Field(() => AdjustmentStateEnum)
  state: AdjustmentState;

  @Field(() => User)
  requestedBy: User;

  @Field(() => DateTimeScalar)
  requestedAt: Date;

  @Field(() => User, { nullable: true })
  decidedBy: User | null;

  @Field(() => DateTimeScalar, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  decisionNote: string | null;
}
