import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { User } from './user.entity';
import { AuthPayload, CreateUserInput } from './auth.types';
import { Unit } from '../units/unit.entity';
import { ADMINS, ANY_ROLE, PUBLIC } from '../../common/auth-checker';
import type { AuthedContext, RequestContext } from '../../common/context';
import { DateTimeScalar } from '../../common/scalars';
import { MaxRows } from '../../common/complexity';
import { MAX_PAGE } from '../units/units.service';
import type { AuthService } from './auth.service';

@Resolver(() => User)
export class AuthResolver {
  constructor(private readonly authService: AuthService) {}

  @Authorized(ANY_ROLE)
  @Query(() => User, { nullable: true })
  me(@Ctx() ctx: AuthedContext): User {
    return this.authService.me(ctx);
  }

  @Authorized(ADMINS)
  @MaxRows(MAX_PAGE)
  @Query(() => [User])
  users(@Ctx() ctx: AuthedContext, @Arg('unitId', () => ID, { nullable: true }) unitId?: string): Promise<User[]> {
    return this.authService.list(ctx, unitId);
  }

  @Authorized(PUBLIC)
  @Mutation(() => AuthPayload)
  async login(@Arg('username') username: string, @Arg('password') password: string, @Ctx() ctx: RequestContext): Promise<AuthPayload> {
    const payload = await this.authService.login(ctx, username, password);
    // The SPA's session rides in an httpOnly cookie; the token stays in the payload for API clients.
    ctx.sessionCookie?.set(payload.token, payload.expiresAt);
    return payload;
  }

  @Authorized(ANY_ROLE)
  @Mutation(() => Boolean)
  async logout(@Ctx() ctx: AuthedContext): Promise<boolean> {
    const done = await this.authService.logout(ctx);
    ctx.sessionCookie?.clear();
    return done;
  }

  /** Changes the caller's password and signs every session of the account out. */
  @Authorized(ANY_ROLE)
  @Mutation(() => Boolean)
  changePassword(@Arg('currentPassword') currentPassword: string, @Arg('newPassword') newPassword: string, @Ctx() ctx: AuthedContext): Promise<boolean> {
    return this.authService.changePassword(ctx, currentPassword, newPassword);
  }

  @Authorized(ADMINS)
  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: AuthedContext): Promise<User> {
    return this.authService.createUser(ctx, input);
  }

  /** Lifts every sign-in block of an account (too many wrong passwords); audited. */
  @Authorized(ADMINS)
  @Mutation(() => Boolean)
  unlockAccount(@Arg('username') username: string, @Ctx() ctx: AuthedContext): Promise<boolean> {
    return this.authService.unlock(ctx, username);
  }

  /** Until when sign-in is refused (too many wrong passwords); null when it is not, or when the caller does not manage the account. */
  @FieldResolver(() => DateTimeScalar, { nullable: true })
  lockedUntil(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Date | null> {
    return this.authService.lockedUntil(ctx, user);
  }

  /** A user's unit is read without the scope check: it is the caller's own or inside its subtree. */
  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() user: User, @Ctx() ctx: RequestContext): Promise<Unit | null> {
    return user.unitId === null ? Promise.resolve(null) : ctx.loaders.unit.load(user.unitId);
  }
}
