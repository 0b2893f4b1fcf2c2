import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Acknowledgement } from './acknowledgement.entity';
import type { AcknowledgementsService } from './acknowledgements.service';
import { ANY_ROLE, WRITERS_OF_RESULTS } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import { DATA_BOUNDS, MaxRows } from '../../common/complexity';

@Resolver(() => Acknowledgement)
export class AcknowledgementsResolver {
  constructor(private readonly acknowledgementsService: AcknowledgementsService) {}

  /** Who has acknowledged the plan's targets, and when (the units that have not are the plan's other target holders). */
  @Authorized(ANY_ROLE)
  @MaxRows(DATA_BOUNDS.subtree)
  @Query(() => [Acknowledgement])
  acknowledgements(@Ctx() ctx: AuthedContext, @Arg('planId', () => ID) planId: string): Promise<Acknowledgement[]> {
    return this.acknowledgementsService.list(ctx, planId);
  }

  /** A unit confirms it received its targets of an issued plan; asking again answers the first acknowledgement. */
  @Authorized(WRITERS_OF_RESULTS)
  @Mutation(() => Acknowledgement)
  acknowledgeTargets(@Ctx() ctx: AuthedContext, @Arg('planId', () => ID) planId: string, @Arg('unitId', () => ID) unitId: string): Promise<Acknowledgement> {
    return this.acknowledgementsService.acknowledge(ctx, planId, unitId);
  }
}
