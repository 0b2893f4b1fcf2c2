import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { MessageParams, NotificationKind } from '@chitieu/domain';
import { DateTimeScalar } from '../../common/scalars';

/**
 * One notification for one user: a kind and its parameters (rendered in the reader's language
 * when read), a link into the SPA, read or not. Written in the transaction of the event that
 * causes it. `dedupeKey` makes a reminder once per user whoever writes it (unique with the user;
 * NULL for events, which repeat legitimately). `mailedAt` is set when the mailer claims it.
 */
@Entity('notification')
@Index('IDX_notification_user', ['userId', 'id'])
@Index('IDX_notification_dedupe', ['userId', 'dedupeKey'], { unique: true })
@Index('IDX_notification_mail', ['mailedAt'])
export class NotificationRow {
  @PrimaryGeneratedColumn()
  id: number;

  @Column('int')
  userId: number;

  @Column('varchar', { length: 32 })
  kind: NotificationKind;

  @Column('simple-json')
  params: MessageParams;

  @Column('varchar', { length: 255, nullable: true })
  link: string | null;

  @Column('varchar', { length: 128, nullable: true })
  dedupeKey: string | null;

  @Column('datetime')
  createdAt: Date;

  @Column('datetime', { nullable: true })
  readAt: Date | null;

  @Column('datetime', { nullable: true })
  mailedAt: Date | null;
}

@ObjectType()
export class Notification {
  @Field(() => ID)
  id: number;

  @Field()
  kind: string;

  @Field()
  message: string;

  @Field(() => String, { nullable: true })
  link: string | null;

  @Field(() => DateTimeScalar)
  createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  readAt: Date | null;
}
