import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Notification } from './notification.entity';
import type { NotificationsService } from './notifications.service';
import { ANY_ROLE } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import { MaxRows } from '../../common/complexity';

export const MAX_NOTIFICATIONS = 200;

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly notificationsService: NotificationsService) {}

  /** The caller's own notifications, newest first. */
  @Authorized(ANY_ROLE)
  @MaxRows(MAX_NOTIFICATIONS)
  @Query(() => [Notification])
  notifications(
    @Ctx() ctx: AuthedContext,
    @Arg('unreadOnly', () => Boolean, { nullable: true, defaultValue: false }) unreadOnly?: boolean | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 50 }) limit?: number | null,
  ): Promise<Notification[]> {
    return this.notificationsService.list(ctx, { unreadOnly: unreadOnly ?? false, limit: limit ?? 50 });
  }

  @Authorized(ANY_ROLE)
  @Mutation(() => Int)
  markNotificationsRead(@Ctx() ctx: AuthedContext, @Arg('ids', () => [ID]) ids: string[]): Promise<number> {
    return this.notificationsService.markRead(ctx, ids);
  }
}
