import { Arg, Authorized, Ctx, ID, Info, Query, Resolver } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Progress } from './progress.types';
import { ANY_ROLE } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import { MaxRows, DATA_BOUNDS } from '../../common/complexity';
import type { ProgressService } from './progress.service';
import { selectsProjection } from './selection';

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
    @Info() info?: GraphQLResolveInfo,
  ): Promise<Progress> {
    // Projections cost a statement more: only when the operation asks for them.
    return this.progressService.progress(ctx, { planId, indicatorId, unitId, period }, { project: !!info && selectsProjection(info) });
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

  /** The units of the subtree whose projection misses their target in the plan, worst first (docs/spec/api.md, "Between offices"). */
  @Authorized(ANY_ROLE)
  @MaxRows(DATA_BOUNDS.subtree)
  @Query(() => [Progress])
  atRisk(
    @Ctx() ctx: AuthedContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('period', () => String, { nullable: true }) period?: string,
  ): Promise<Progress[]> {
    return this.progressService.atRisk(ctx, { planId, unitId, period });
  }
}
