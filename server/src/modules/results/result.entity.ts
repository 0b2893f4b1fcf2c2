import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ResultState } from '@chitieu/domain';
import type { ResultSource } from '../../common/enums';

/**
 * A recorded figure for (unit, indicator, period). `unitPath` is the unit's path copied so that
 * roll-ups filter a subtree with one range scan on (indicatorId, period, unitPath); the index
 * also carries `shadow` and the figures, so a roll-up never reads the table (docs/design.md).
 */
@Entity('result')
@Index('IDX_result_key', ['unitId', 'indicatorId', 'period'], { unique: true })
@Index('IDX_result_rollup_cover', ['indicatorId', 'period', 'unitPath', 'shadow', 'numerator', 'denominator', 'value'])
export class ResultRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  unitId: number;

  @Column('int')
  indicatorId: number;

  /** "2024", "2024-Q2" or "2024-05". */
  @Column('varchar', { length: 7 })
  period: string;

  @Column('varchar', { length: 255 })
  unitPath: string;

  @Column('double', { nullable: true })
  numerator: number | null;

  @Column('double', { nullable: true })
  denominator: number | null;

  @Column('double', { nullable: true })
  value: number | null;

  @Column('varchar', { length: 16 })
  source: ResultSource;

  /**
   * How far a recorded period around this one hides it (SHADOW): 0 none, 1 its year is recorded,
   * 2 its quarter is recorded. Kept by ResultsService; the period rule reads it as a filter.
   */
  @Column('int', { default: 0 })
  shadow: number;

  @Column('int', { nullable: true })
  updatedById: number | null;

  @Column('datetime')
  updatedAt: Date;

  /**
   * Where the figure is between offices (issue #15): DRAFT when written or changed, SUBMITTED by
   * the unit (or a unit above for it), APPROVED by the unit above (locked), RETURNED with a reason.
   */
  @Column('varchar', { length: 16, default: 'DRAFT' })
  state: ResultState;

  @Column('datetime', { nullable: true })
  submittedAt: Date | null;

  @Column('int', { nullable: true })
  submittedById: number | null;

  /** Who approved or returned it, and when. */
  @Column('int', { nullable: true })
  decidedById: number | null;

  @Column('datetime', { nullable: true })
  decidedAt: Date | null;

  @Column('text', { nullable: true })
  returnReason: string | null;
}
