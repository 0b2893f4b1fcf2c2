import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Comparator, FactRef } from '@chitieu/domain';
import { ComparatorEnum, TargetOriginEnum } from '../../common/enums';
import { DateTimeScalar } from '../../common/scalars';

export type TargetOrigin = 'MANUAL' | 'RULE';

/**
 * One assigned value for (plan, indicator, unit). `unitPath` copies the unit's path so that a
 * subtree's targets are one range scan without a join. `version` is checked by an explicit
 * `UPDATE ... WHERE version = ?` in TargetsService: concurrent edits never overwrite silently.
 */
@ObjectType()
@Entity('target')
@Index('IDX_target_key', ['planId', 'indicatorId', 'unitId'], { unique: true })
@Index('IDX_target_plan_path', ['planId', 'indicatorId', 'unitPath'])
@Index('IDX_target_unit', ['unitId'])
export class Target {
  @PrimaryGeneratedColumn()
  id: number;

  /** "new:<unitId>" for a proposal that has no row yet (dry runs, refused writes). */
  @Field(() => ID, { name: 'id' })
  get publicId(): string {
    return this.id ? String(this.id) : `new:${this.unitId}`;
  }

  @Column('int')
  planId: number;

  @Column('int')
  indicatorId: number;

  @Column('int')
  unitId: number;

  @Column('varchar', { length: 255 })
  unitPath: string;

  @Field(() => Float)
  @Column('double')
  value: number;

  @Field(() => ComparatorEnum)
  @Column('varchar', { length: 16 })
  comparator: Comparator;

  @Field(() => Float, { nullable: true })
  @Column('double', { nullable: true })
  baseline: number | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 255, nullable: true })
  baselineSource: string | null;

  @Field(() => Float, { nullable: true })
  @Column('double', { nullable: true })
  referenceValue: number | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 255, nullable: true })
  referenceLabel: string | null;

  @Field(() => TargetOriginEnum)
  @Column('varchar', { length: 16 })
  origin: TargetOrigin;

  @Column('int', { nullable: true })
  parentTargetId: number | null;

  @Column('int')
  assignedById: number;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  note: string | null;

  /** Per-unit facts printed as extra annex columns (Target.facts resolves null as none). */
  @Column('simple-json', { nullable: true })
  facts: FactRef[] | null;

  /** Saved after the plan's sub-assignment deadline. */
  @Field()
  @Column('boolean', { default: false })
  late: boolean;

  @Field(() => Int)
  @Column('int')
  version: number;

  @Column('int', { nullable: true })
  updatedById: number | null;

  @Column('datetime')
  createdAt: Date;

  @Field(() => DateTimeScalar)
  @Column('datetime')
  updatedAt: Date;
}
