import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { SubAssignmentRow, type SubAssignmentService } from './sub-assignment.service';
import { ANY_ROLE } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import { MaxRows, DATA_BOUNDS } from '../../common/complexity';

@Resolver(() => SubAssignmentRow)
export class SubAssignmentResolver {
  constructor(private readonly subAssignmentService: SubAssignmentService) {}

  /** Who below `unitId` has sub-assigned each indicator of the plan, and whether in time. */
  @Authorized(ANY_ROLE)
  @MaxRows(DATA_BOUNDS.children * DATA_BOUNDS.planRows)
  @Query(() => [SubAssignmentRow])
  subAssignment(@Arg('planId', () => ID) planId: string, @Arg('unitId', () => ID) unitId: string, @Ctx() ctx: AuthedContext): Promise<SubAssignmentRow[]> {
    return this.subAssignmentService.rows(ctx, planId, unitId);
  }
}
