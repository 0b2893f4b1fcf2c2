import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ReportingRow } from './reporting.types';
import type { ReportingService } from './reporting.service';
import { ANY_ROLE, WRITERS_OF_RESULTS, WRITERS_OF_TARGETS } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import { DATA_BOUNDS, MaxRows } from '../../common/complexity';

@Resolver(() => ReportingRow)
export class ReportingResolver {
  constructor(private readonly reportingService: ReportingService) {}

  /** Each child of the unit in the plan's tree: its figure's state in the period, due date, late and missing. */
  @Authorized(ANY_ROLE)
  @MaxRows(DATA_BOUNDS.children)
  @Query(() => [ReportingRow])
  reporting(
    @Ctx() ctx: AuthedContext,
    @Arg('planId', () => ID) planId: string,
    @Arg('indicatorId', () => ID) indicatorId: string,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('period', () => String) period: string,
  ): Promise<ReportingRow[]> {
    return this.reportingService.reporting(ctx, { planId, indicatorId, unitId, period });
  }

  /** The unit's figure goes to the unit above for approval (by the unit, or a unit above entering for it). */
  @Authorized(WRITERS_OF_RESULTS)
  @MaxRows(DATA_BOUNDS.children)
  @Mutation(() => [ReportingRow])
  submitResults(
    @Ctx() ctx: AuthedContext,
    @Arg('indicatorId', () => ID) indicatorId: string,
    @Arg('period', () => String) period: string,
    @Arg('unitId', () => ID) unitId: string,
  ): Promise<ReportingRow[]> {
    return this.reportingService.submit(ctx, { indicatorId, period, unitId });
  }

  /** A unit above approves a submitted figure: it is locked until returned. */
  @Authorized(WRITERS_OF_TARGETS)
  @MaxRows(DATA_BOUNDS.children)
  @Mutation(() => [ReportingRow])
  approveResults(
    @Ctx() ctx: AuthedContext,
    @Arg('indicatorId', () => ID) indicatorId: string,
    @Arg('period', () => String) period: string,
    @Arg('unitId', () => ID) unitId: string,
  ): Promise<ReportingRow[]> {
    return this.reportingService.approve(ctx, { indicatorId, period, unitId });
  }

  /** A unit above sends a submitted or approved figure back with a reason; the unit corrects it and submits again. */
  @Authorized(WRITERS_OF_TARGETS)
  @MaxRows(DATA_BOUNDS.children)
  @Mutation(() => [ReportingRow])
  returnResults(
    @Ctx() ctx: AuthedContext,
    @Arg('indicatorId', () => ID) indicatorId: string,
    @Arg('period', () => String) period: string,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('reason', () => String) reason: string,
  ): Promise<ReportingRow[]> {
    return this.reportingService.returnResults(ctx, { indicatorId, period, unitId }, reason);
  }
}
