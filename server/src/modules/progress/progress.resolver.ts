import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Progress } from './progress.types';
import { ANY_ROLE } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import { MaxRows, DATA_BOUNDS } from '../../common/complexity';
import type { ProgressService } from './progress.service';

@Resolver(() => Progress)
export class ProgressResolver {
  constructor(private readonly progressService: ProgressService) {}

  @Authorized(ANY_ROLE)
  @Query(() => Progress)
  progress(
    @Ctx() ctx: AuthedContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('indicatorId', () => ID) indicatorId: string,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('period', () => String, { nullable: true }) period?: string,
  ): Promise<Progress> {
    return this.progressService.progress(ctx, { planId, indicatorId, unitId, period });
  }

  @Authorized(ANY_ROLE)
  @MaxRows(DATA_BOUNDS.provinces)
  @Query(() => [Progress], {
    description:
      'The roll-up by province: every top-level unit the caller sees (each province, for a national account; the caller’s own unit otherwise), ' +
      'against the target the plan it issued for the period’s year sets it, ranked. No children. One aggregate statement over the results.',
  })
  nationalProgress(@Ctx() ctx: AuthedContext, @Arg('indicatorId', () => ID) indicatorId: string, @Arg('period', () => String) period: string): Promise<Progress[]> {
    return this.progressService.national(ctx, { indicatorId, period });
  }
}
