import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { PlanStatusEnum, type PlanStatus } from '../../common/enums';
import { DateScalar } from '../../common/scalars';

@ObjectType()
@Entity('plan')
@Index('IDX_plan_issuer_year', ['issuerId', 'year'])
export class Plan {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  issuerId: number;

  @Field(() => Int)
  @Column('int')
  year: number;

  @Field()
  @Column('text')
  title: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 128, nullable: true })
  documentNumber: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column('varchar', { length: 10, nullable: true })
  documentDate: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  legalBasis: string | null;

  @Field(() => PlanStatusEnum)
  @Column('varchar', { length: 16 })
  status: PlanStatus;

  @Field(() => DateScalar, { nullable: true })
  @Column('varchar', { length: 10, nullable: true })
  subAssignmentDeadline: string | null;

  @Column('datetime', { nullable: true })
  issuedAt: Date | null;

  @Column('int')
  version: number;

  @Column('datetime')
  createdAt: Date;

  @Column('datetime')
  updatedAt: Date;
}
