import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A reorganisation edge: `predecessorId` was merged or split into `successorId` on `effectiveDate`. */
@Entity('unit_link')
@Index('IDX_unit_link_pair', ['predecessorId', 'successorId'], { unique: true })
@Index('IDX_unit_link_successor', ['successorId'])
export class UnitLink {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  predecessorId: number;

  @Column('int')
  successorId: number;

  @Column('varchar', { length: 10 })
  effectiveDate: string;
}
