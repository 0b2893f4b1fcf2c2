import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../../common/scalars';

/** What a `before` or `after` costs in a query: a serialised record of up to a few KB, not one value. */
const RECORD_COST = 20;

/** Who changed what, written in the same transaction as the change. `before`/`after` are JSON. */
@ObjectType()
@Entity('audit_log')
@Index('IDX_audit_log_entity', ['entity', 'entityId'])
@Index('IDX_audit_log_unit', ['unitPath'])
@Index('IDX_audit_log_at', ['at'])
@Index('IDX_audit_log_plan', ['planId'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => DateTimeScalar)
  @Column('datetime')
  at: Date;

  @Column('int', { nullable: true })
  userId: number | null;

  @Field()
  @Column('varchar', { length: 32 })
  entity: string;

  @Field()
  @Column('varchar', { length: 64 })
  entityId: string;

  @Field()
  @Column('varchar', { length: 32 })
  action: string;

  /** Path of the unit the change concerns, so the log can be scoped like everything else. */
  @Column('varchar', { length: 255, nullable: true })
  unitPath: string | null;

  /** The plan the changed row belongs to (see auditPlanId): the log shows it only to those who may read that plan. */
  @Column('int', { nullable: true })
  planId: number | null;

  /** JSON of the record before the change (null for a creation); a whole record, so it costs as one (complexity.ts). */
  @Field(() => String, { nullable: true, complexity: RECORD_COST })
  @Column('text', { nullable: true })
  before: string | null;

  /** JSON of the record after the change. */
  @Field(() => String, { nullable: true, complexity: RECORD_COST })
  @Column('text', { nullable: true })
  after: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 64, nullable: true })
  requestId: string | null;
}
