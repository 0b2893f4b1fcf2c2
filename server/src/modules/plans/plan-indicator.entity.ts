import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { KindValue } from '@chitieu/domain';

/** An indicator as a plan uses it: its numbering in the plan and the floors the issuer set per unit kind. */
@Entity('plan_indicator')
@Index('IDX_plan_indicator_pair', ['planId', 'indicatorId'], { unique: true })
export class PlanIndicatorRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  planId: number;

  @Column('int')
  indicatorId: number;

  @Column('varchar', { length: 32, nullable: true })
  section: string | null;

  @Column('varchar', { length: 32, nullable: true })
  position: string | null;

  @Column('simple-json')
  floors: KindValue[];

  @Column('int')
  sortOrder: number;
}
