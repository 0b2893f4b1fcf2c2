import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IsOptional, Length } from 'class-validator';
import { RoleEnum, type Role } from '../../common/enums';
import { DateTimeScalar } from '../../common/scalars';
import { User } from './user.entity';

@ObjectType()
export class AuthPayload {
  @Field()
  token: string;

  @Field(() => DateTimeScalar)
  expiresAt: Date;

  @Field(() => User)
  user: User;
}

@InputType()
export class CreateUserInput {
  @Field()
  @Length(3, 64)
  username: string;

  @Field()
  @Length(1, 256)
  password: string;

  @Field(() => RoleEnum)
  role: Role;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 255)
  displayName?: string | null;

  /** Where the account's notifications are mailed when the server mails (SMTP_URL); checked by the service (reason 'email'). */
  @Field(() => String, { nullable: true })
  email?: string | null;
}
