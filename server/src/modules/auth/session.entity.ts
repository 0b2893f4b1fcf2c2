import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An opaque bearer token, stored only as its SHA-256 so a database leak yields no live sessions. */
@Entity('session')
@Index('IDX_session_token', ['tokenHash'], { unique: true })
@Index('IDX_session_user', ['userId'])
export class Session {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('varchar', { length: 64 })
  tokenHash: string;

  @Column('int')
  userId: number;

  @Column('datetime')
  createdAt: Date;

  @Column('datetime')
  expiresAt: Date;

  @Column('datetime', { nullable: true })
  revokedAt: Date | null;
}
