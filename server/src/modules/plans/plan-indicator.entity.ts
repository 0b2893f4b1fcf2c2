import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FigureScope, Frequency, KindValue, ResponsibleRef } from '@chitieu/domain';

/**
 * An indicator as a plan uses it: its numbering in the plan, the floors the issuer set per unit
 * kind, whose figure counts, and what the document writes on the row.
 */
@Entity('plan_indicator')
@Index('IDX_plan_indicator_pair', ['planId', 'indicatorId'], { unique: true })
export class PlanIndicatorRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  planId: number;

  @Column('int')
  indicatorId: number;

  @Column('varchar', { length: 255, nullable: true })
  section: string | null;

  @Column('varchar', { length: 32, nullable: true })
  position: string | null;

  @Column('simple-json')
  floors: KindValue[];

  @Column('int')
  sortOrder: number;

  /** Whose figure the row's targets are judged on (docs/spec/api.md, "Scope"). */
  @Column('varchar', { length: 8, default: 'SUBTREE' })
  scope: FigureScope;

  /** Lead and coordinating units as the row names them; null reads as none. */
  @Column('simple-json', { nullable: true })
  lead: ResponsibleRef[] | null;

  @Column('simple-json', { nullable: true })
  coordinating: ResponsibleRef[] | null;

  /** The legal basis this row cites (it may differ from the catalogue indicator's). */
  @Column('text', { nullable: true })
  legalBasis: string | null;

  @Column('text', { nullable: true })
  note: string | null;

  /** Labels of the per-unit facts printed as extra annex columns; null reads as none. */
  @Column('simple-json', { nullable: true })
  factLabels: string[] | null;

  /** How often results of the row are reported, and how many days after a period ends they are due (issue #15). */
  @Column('varchar', { length: 16, nullable: true })
  frequency: Frequency | null;

  @Column('int', { nullable: true })
  dueDay: number | null;
}
