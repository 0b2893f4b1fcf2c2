import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from './user.entity';
import { AuthPayload, CreateUserInput } from './auth.types';
import { Unit } from '../units/unit.entity';
import { ADMINS, ANY_ROLE, PUBLIC } from '../../common/auth-checker';
import type { AuthedContext, RequestContext } from '../../common/context';

@Resolver(() => User)
export class AuthResolver {
  @Authorized(ANY_ROLE)
  @Query(() => User, { nullable: true })
  me(@Ctx() ctx: AuthedContext): User {
    return ctx.services.auth.me(ctx);
  }

  @Authorized(ADMINS)
  @Query(() => [User])
  users(@Ctx() ctx: AuthedContext, @Arg('unitId', () => ID, { nullable: true }) unitId?: string): Promise<User[]> {
    return ctx.services.auth.list(ctx, unitId);
  }

  @Authorized(PUBLIC)
  @Mutation(() => AuthPayload)
  login(@Arg('username') username: string, @Arg('password') password: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    return ctx.services.auth.login(ctx, username, password);
  }

  @Authorized(ANY_ROLE)
  @Mutation(() => Boolean)
  logout(@Ctx() ctx: AuthedContext): Promise<boolean> {
    return ctx.services.auth.logout(ctx);
  }

  /** Changes the caller's password and signs every session of the account out. */
  @Authorized(ANY_ROLE)
  @Mutation(() => Boolean)
  changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: AuthedContext): Promise<boolean> {
    return ctx.services.auth.changePassword(ctx, currentPassword, newPassword);
  }

  @Authorized(ADMINS)
  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: AuthedContext): Promise<User> {
    return ctx.services.auth.createUser(ctx, input);
  }

  /** A user's unit is read without the scope check: it is the caller's own or inside its subtree. */
  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Unit | null> {
    return user.unitId === null ? Promise.resolve(null) : ctx.loaders.unit.load(user.unitId);
  }
}
