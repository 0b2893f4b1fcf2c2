import { Field, Float, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Accumulation, Comparator, Measure } from '@chitieu/domain';
import { AccumulationEnum, ComparatorEnum, MeasureEnum } from '../../common/enums';
import { MaxRows } from '../../common/complexity';

/** One step of a SCORE rule, written by the province as data ("issued within 15 days → 100"). */
@ObjectType()
export class ScoreStep {
  @Field()
  when: string;

  @Field(() => Float)
  score: number;
}

/**
 * An indicator of the national catalogue (`ownerUnitId` null, kept by system administrators)
 * or of a province's or district's own catalogue (visible in that unit's subtree).
 */
@ObjectType()
@Entity('indicator')
@Index('IDX_indicator_owner_code', ['ownerUnitId', 'code'])
export class Indicator {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column('varchar', { length: 64 })
  code: string;

  @Field()
  @Column('text')
  name: string;

  @Field(() => MeasureEnum)
  @Column('varchar', { length: 16 })
  measure: Measure;

  @Field(() => ComparatorEnum)
  @Column('varchar', { length: 16 })
  comparator: Comparator;

  @Field()
  @Column('varchar', { length: 64 })
  unitOfMeasure: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  numeratorLabel: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  denominatorLabel: string | null;

  @Field(() => Float, { nullable: true })
  @Column('double', { nullable: true })
  hardMinimum: number | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  legalBasis: string | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  notes: string | null;

  // IndicatorInput.scoring: @ArrayMaxSize(20).
  @MaxRows(20)
  @Field(() => [ScoreStep], { nullable: true })
  @Column('simple-json', { nullable: true })
  scoring: ScoreStep[] | null;

  /** PERIODIC: each figure is its period's; CUMULATIVE: each figure is the running total since 1 January. */
  @Field(() => AccumulationEnum)
  @Column('varchar', { length: 16, default: 'PERIODIC' })
  accumulation: Accumulation;

  /** null: the national catalogue; else the province or district whose catalogue it is (Indicator.owner). */
  @Column('int', { nullable: true })
  ownerUnitId: number | null;

  @Column('datetime')
  createdAt: Date;
}
