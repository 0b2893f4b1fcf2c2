import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One failed (or in-flight) sign-in attempt. A row per attempt, not a counter per key: concurrent
 * attempts each insert and then count, which stays correct on SQLite and MariaDB without locks.
 * `at` is epoch milliseconds: the same arithmetic in both dialects, no timezone or precision drift.
 */
@Entity('login_failure')
@Index('IDX_login_failure_username', ['username', 'at'])
@Index('IDX_login_failure_address', ['address', 'at'])
export class LoginFailure {
  @PrimaryGeneratedColumn()
  id: number;

  /** The username as typed, normalised (trimmed, lower case, at most 64 characters); unknown names count too. */
  @Column('varchar', { length: 64 })
  username: string;

  /** The client address (req.ip, so it follows TRUST_PROXY). */
  @Column('varchar', { length: 64 })
  address: string;

  @Column('bigint')
  at: string | number;
}
