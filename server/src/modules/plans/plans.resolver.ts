import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Plan } from './plan.entity';
import { PlanTask } from './plan-task.entity';
import { PlanIndicator } from './plans.types';
import { PlanIndicatorInput, PlanInput, PlanTaskInput, PlanUpdateInput } from './plans.inputs';
import { PlanHeadingInput } from './document.types';
import { Unit } from '../units/unit.entity';
import { ANY_ROLE, WRITERS_OF_TARGETS } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import { DATA_BOUNDS, MaxRows } from '../../common/complexity';
import type { PlansService } from './plans.service';

@Resolver(() => Plan)
export class PlansResolver {
  constructor(private readonly plansService: PlansService) {}

  @Authorized(ANY_ROLE)
  @MaxRows(DATA_BOUNDS.plans)
  @Query(() => [Plan])
  plans(@Ctx() ctx: AuthedContext, @Arg('year', () => Int, { nullable: true }) year?: number, @Arg('issuerId', () => ID, { nullable: true }) issuerId?: string): Promise<Plan[]> {
    return this.plansService.list(ctx, { year, issuerId });
  }

  @Authorized(ANY_ROLE)
  @Query(() => Plan, { nullable: true })
  async plan(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthedContext): Promise<Plan | null> {
    return this.plansService.get(ctx, id);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Plan)
  createPlan(@Arg('input', () => PlanInput) input: PlanInput, @Ctx() ctx: AuthedContext): Promise<Plan> {
    return this.plansService.create(ctx, input);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Plan)
  addPlanIndicator(@Arg('input', () => PlanIndicatorInput) input: PlanIndicatorInput, @Ctx() ctx: AuthedContext): Promise<Plan> {
    return this.plansService.addIndicator(ctx, input);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => PlanTask)
  addPlanTask(@Arg('input', () => PlanTaskInput) input: PlanTaskInput, @Ctx() ctx: AuthedContext): Promise<PlanTask> {
    return this.plansService.addTask(ctx, input);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Plan)
  updatePlan(@Arg('id', () => ID) id: string, @Arg('input', () => PlanUpdateInput) input: PlanUpdateInput, @Ctx() ctx: AuthedContext): Promise<Plan> {
    return this.plansService.update(ctx, id, input);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Plan)
  updatePlanIndicator(@Arg('input', () => PlanIndicatorInput) input: PlanIndicatorInput, @Ctx() ctx: AuthedContext): Promise<Plan> {
    return this.plansService.updateIndicator(ctx, input);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Plan)
  removePlanIndicator(@Arg('planId', () => ID) planId: string, @Arg('indicatorId', () => ID) indicatorId: string, @Ctx() ctx: AuthedContext): Promise<Plan> {
    return this.plansService.removeIndicator(ctx, planId, indicatorId);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Plan)
  setPlanHeadings(@Arg('planId', () => ID) planId: string, @Arg('headings', () => [PlanHeadingInput]) headings: PlanHeadingInput[], @Ctx() ctx: AuthedContext): Promise<Plan> {
    return this.plansService.setHeadings(ctx, planId, headings);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Plan)
  copyPlan(
    @Arg('id', () => ID) id: string,
    @Arg('year', () => Int) year: number,
    @Arg('issuerId', () => ID, { nullable: true }) issuerId: string | null,
    @Ctx() ctx: AuthedContext,
  ): Promise<Plan> {
    return this.plansService.copy(ctx, id, year, issuerId ?? null);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Plan)
  issuePlan(@Arg('id', () => ID) id: string, @Ctx() ctx: AuthedContext): Promise<Plan> {
    return this.plansService.issue(ctx, id);
  }

  @FieldResolver(() => Unit)
  async issuer(@Root() plan: Plan, @Ctx() ctx: AuthedContext): Promise<Unit> {
    return (await ctx.loaders.unit.load(plan.issuerId))!;
  }

  @MaxRows(DATA_BOUNDS.planRows)
  @FieldResolver(() => [PlanIndicator])
  indicators(@Root() plan: Plan, @Ctx() ctx: AuthedContext): Promise<PlanIndicator[]> {
    return this.plansService.indicatorsOf(ctx, plan);
  }

  @MaxRows(DATA_BOUNDS.planRows)
  @FieldResolver(() => [PlanTask])
  tasks(@Root() plan: Plan, @Ctx() ctx: AuthedContext): Promise<PlanTask[]> {
    return ctx.loaders.planTasks.load(plan.id);
  }
}
