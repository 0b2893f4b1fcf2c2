import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Plan } from '../plans/plan.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../auth/user.entity';
import { DateTimeScalar } from '../../common/scalars';

/** A unit's acknowledgement (tiếp nhận) of the targets it received in an issued plan: once per unit and plan. */
@Entity('acknowledgement')
@Index('IDX_acknowledgement_pair', ['planId', 'unitId'], { unique: true })
export class AcknowledgementRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  planId: number;

  @Column('int')
  unitId: number;

  @Column('int')
  byId: number;

  @Column('datetime')
  at: Date;
}

@ObjectType()
export class Acknowledgement {
  @Field(() => Plan)
  plan: Plan;

  @Field(() => Unit)
  unit: Unit;

  @Field(() => User)
  by: User;

  @Field(() => DateTimeScalar)
  at: Date;
}
