import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { PlanChecklist } from './checklist.types';
import type { ChecklistService } from './checklist.service';
import { ANY_ROLE } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';

@Resolver(() => PlanChecklist)
export class ChecklistResolver {
  constructor(private readonly checklistService: ChecklistService) {}

  /** What issuing the plan would leave open: for the issuer's accounts and administrators above it. */
  @Authorized(ANY_ROLE)
  @Query(() => PlanChecklist)
  planChecklist(@Arg('planId', () => ID) planId: string, @Ctx() ctx: AuthedContext): Promise<PlanChecklist> {
    return this.checklistService.checklist(ctx, planId);
  }
}
