import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ResultSource } from '../../common/enums';

/**
 * A recorded figure for (unit, indicator, period). `unitPath` is the unit's path copied so that
 * roll-ups filter a subtree with one range scan on (indicatorId, period, unitPath).
 */
@Entity('result')
@Index('IDX_result_key', ['unitId', 'indicatorId', 'period'], { unique: true })
@Index('IDX_result_rollup', ['indicatorId', 'period', 'unitPath'])
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

  @Column('int', { nullable: true })
  updatedById: number | null;

  @Column('datetime')
  updatedAt: Date;
}
