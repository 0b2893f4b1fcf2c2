import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Progress } from './progress.types';
import { ANY_ROLE } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';

@Resolver(() => Progress)
export class ProgressResolver {
  @Authorized(ANY_ROLE)
  @Query(() => Progress)
  progress(
    @Ctx() ctx: AuthedContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('indicatorId', () => ID) indicatorId: string,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('period', () => String, { nullable: true }) period?: string,
  ): Promise<Progress> {
    return ctx.services.progress.progress(ctx, { planId, indicatorId, unitId, period });
  }
}
