import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Target } from './target.entity';
import { CascadeInput, SetTargetsInput, TargetFilter } from './targets.inputs';
import { TargetWriteResult } from './targets.types';
import { Plan } from '../plans/plan.entity';
import { Indicator } from '../indicators/indicator.entity';
import { Unit } from '../units/unit.entity';
import { Fact } from '../plans/document.types';
import { ANY_ROLE, WRITERS_OF_TARGETS } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import { MaxRows, DATA_BOUNDS } from '../../common/complexity';
import type { TargetsService } from './targets.service';

@Resolver(() => Target)
export class TargetsResolver {
  constructor(private readonly targetsService: TargetsService) {}

  @Authorized(ANY_ROLE)
  // One unit's rows or a subtree's, for one indicator of the plan or all of them.
  @MaxRows(({ filter }) => (filter?.unitId != null && !filter.subtree ? 1 : DATA_BOUNDS.subtree) * (filter?.indicatorId != null ? 1 : DATA_BOUNDS.planRows))
  @Query(() => [Target])
  targets(@Arg('filter', () => TargetFilter) filter: TargetFilter, @Ctx() ctx: AuthedContext): Promise<Target[]> {
    return this.targetsService.list(ctx, filter);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => TargetWriteResult)
  setTargets(@Arg('input', () => SetTargetsInput) input: SetTargetsInput, @Ctx() ctx: AuthedContext): Promise<TargetWriteResult> {
    return this.targetsService.setTargets(ctx, input);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => TargetWriteResult)
  cascadeTargets(@Arg('input', () => CascadeInput) input: CascadeInput, @Ctx() ctx: AuthedContext): Promise<TargetWriteResult> {
    return this.targetsService.cascade(ctx, input);
  }

  // TargetValueInput.facts: @ArrayMaxSize(20).
  @MaxRows(20)
  @FieldResolver(() => [Fact])
  facts(@Root() t: Target): Fact[] {
    return t.facts ?? [];
  }

  // Relations of a target the caller already holds: plan, indicator and unit are on its own line.
  @FieldResolver(() => Plan)
  async plan(@Root() t: Target, @Ctx() ctx: AuthedContext): Promise<Plan> {
    return (await ctx.loaders.plan.load(t.planId))!;
  }

  @FieldResolver(() => Indicator)
  async indicator(@Root() t: Target, @Ctx() ctx: AuthedContext): Promise<Indicator> {
    return (await ctx.loaders.indicator.load(t.indicatorId))!;
  }

  @FieldResolver(() => Unit)
  async unit(@Root() t: Target, @Ctx() ctx: AuthedContext): Promise<Unit> {
    return (await ctx.loaders.unit.load(t.unitId))!;
  }

  @FieldResolver(() => Unit)
  async assignedBy(@Root() t: Target, @Ctx() ctx: AuthedContext): Promise<Unit> {
    return (await ctx.loaders.unit.load(t.assignedById))!;
  }

  /** The target this one was cascaded from; hidden when it belongs to a unit above the caller's subtree. */
  @FieldResolver(() => Target, { nullable: true })
  async parent(@Root() t: Target, @Ctx() ctx: AuthedContext): Promise<Target | null> {
    if (t.parentTargetId === null) return null;
    return this.targetsService.visibleTarget(ctx, await ctx.loaders.target.load(t.parentTargetId));
  }
}
