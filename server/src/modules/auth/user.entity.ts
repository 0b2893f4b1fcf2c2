import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RoleEnum, type Role } from '../../common/enums';

@ObjectType()
@Entity('app_user')
@Index('IDX_app_user_username', ['username'], { unique: true })
@Index('IDX_app_user_unit', ['unitId'])
export class User {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column('varchar', { length: 64 })
  username: string;

  @Column('varchar', { length: 255 })
  passwordHash: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 255, nullable: true })
  displayName: string | null;

  @Field(() => RoleEnum)
  @Column('varchar', { length: 32 })
  role: Role;

  /** null only for SYSTEM_ADMIN: the whole country. */
  @Column('int', { nullable: true })
  unitId: number | null;

  @Column('boolean', { default: true })
  active: boolean;

  /** Where notifications are mailed when SMTP_URL is set; null: inbox only. Not a public field (other users see accounts). */
  @Column('varchar', { length: 255, nullable: true })
  email: string | null;

  @Column('datetime')
  createdAt: Date;
}
