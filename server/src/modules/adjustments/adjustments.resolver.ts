import { Arg, Authorized, Ctx, Float, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { AdjustmentState } from '@chitieu/domain';
import { Adjustment } from './adjustment.entity';
import type { AdjustmentsService } from './adjustments.service';
import { ANY_ROLE, WRITERS_OF_RESULTS, WRITERS_OF_TARGETS } from '../../common/auth-checker';
import { AdjustmentStateEnum } from '../../common/enums';
import type { AuthedContext } from '../../common/context';
import { DATA_BOUNDS, MaxRows } from '../../common/complexity';

@Resolver(() => Adjustment)
export class AdjustmentsResolver {
  constructor(private readonly adjustmentsService: AdjustmentsService) {}

  /** A plan's proposals the caller may see (its own unit's and those of the units below it), newest first. */
  @Authorized(ANY_ROLE)
  @MaxRows(DATA_BOUNDS.subtree)
  @Query(() => [Adjustment])
  adjustments(
    @Ctx() ctx: AuthedContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('state', () => AdjustmentStateEnum, { nullable: true }) state?: AdjustmentState | null,
  ): Promise<Adjustment[]> {
    return this.adjustmentsService.list(ctx, { planId, state });
  }

  @Authorized(WRITERS_OF_RESULTS)
  @Mutation(() => Adjustment)
  requestAdjustment(
    @Ctx() ctx: AuthedContext,
    @Arg('targetId', () => ID) targetId: string,
    @Arg('proposedValue', () => Float) proposedValue: number,
    @Arg('reason', () => String) reason: string,
  ): Promise<Adjustment> {
    return this.adjustmentsService.request(ctx, { targetId, proposedValue, reason });
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Adjustment)
  decideAdjustment(
    @Ctx() ctx: AuthedContext,
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<Adjustment> {
    return this.adjustmentsService.decide(ctx, { id, accept, note });
  }
}
