import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { AuditEntry } from './audit.entity';
import { User } from '../auth/user.entity';
import { ANY_ROLE } from '../../common/auth-checker';
import { DateTimeScalar } from '../../common/scalars';
import type { AuthedContext } from '../../common/context';
import { MaxRows } from '../../common/complexity';
import { AUDIT_MAX_PAGE, type AuditService } from './audit.service';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly auditService: AuditService) {}

  /** Who changed what, newest first, inside the caller's subtree. */
  @Authorized(ANY_ROLE)
  @MaxRows(AUDIT_MAX_PAGE)
  @Query(() => [AuditEntry])
  auditLog(
    @Ctx() ctx: AuthedContext,
    @Arg('entity', () => String, { nullable: true }) entity?: string,
    @Arg('entityId', () => ID, { nullable: true }) entityId?: string,
    @Arg('unitId', () => ID, { nullable: true }) unitId?: string,
    @Arg('userId', () => ID, { nullable: true }) userId?: string,
    @Arg('from', () => DateTimeScalar, { nullable: true }) from?: Date,
    @Arg('to', () => DateTimeScalar, { nullable: true }) to?: Date,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 100 }) limit?: number | null,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset?: number | null,
  ): Promise<AuditEntry[]> {
    return this.auditService.list(ctx, { entity, entityId, unitId, userId, from, to, limit: limit ?? 100, offset: offset ?? 0 });
  }

  @FieldResolver(() => User, { nullable: true })
  async user(@Root() entry: AuditEntry, @Ctx() ctx: AuthedContext): Promise<User | null> {
    return entry.userId === null ? null : ctx.loaders.user.load(entry.userId);
  }
}
