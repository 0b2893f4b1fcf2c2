import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, written in the same transaction as the change. `before`/`after` are JSON. */
@Entity('audit_log')
@Index('IDX_audit_log_entity', ['entity', 'entityId'])
@Index('IDX_audit_log_unit', ['unitPath'])
@Index('IDX_audit_log_at', ['at'])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('datetime')
  at: Date;

  @Column('int', { nullable: true })
  userId: number | null;

  @Column('varchar', { length: 32 })
  entity: string;

  @Column('varchar', { length: 64 })
  entityId: string;

  @Column('varchar', { length: 32 })
  action: string;

  /** Path of the unit the change concerns, so the log can be scoped like everything else. */
  @Column('varchar', { length: 255, nullable: true })
  unitPath: string | null;

  @Column('text', { nullable: true })
  before: string | null;

  @Column('text', { nullable: true })
  after: string | null;

  @Column('varchar', { length: 64, nullable: true })
  requestId: string | null;
}
