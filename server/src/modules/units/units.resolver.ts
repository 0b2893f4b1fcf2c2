import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Target } from '../targets/target.entity';
import type { UnitKind } from '@chitieu/domain';
import { Unit } from './unit.entity';
import { CreateUnitInput } from './units.inputs';
import { UnitKindEnum } from '../../common/enums';
import { DateScalar } from '../../common/scalars';
import { ADMINS, ANY_ROLE } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import { DATA_BOUNDS, MaxRows } from '../../common/complexity';
import { MAX_PAGE, type UnitsService } from './units.service';
import type { TargetsService } from '../targets/targets.service';
import { Responsibility } from '../plans/responsibilities';
import type { PlansService } from '../plans/plans.service';

@Resolver(() => Unit)
export class UnitsResolver {
  constructor(
    private readonly unitsService: UnitsService,
    private readonly targetsService: TargetsService,
    // Optional until services.ts passes it (issue #13): without it `responsibilities` fails loudly.
    private readonly plansService: PlansService,
  ) {}

  @Authorized(ANY_ROLE)
  @Query(() => Unit, { nullable: true })
  unit(
    @Ctx() ctx: AuthedContext,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
    @Arg('at', () => DateScalar, { nullable: true }) at?: string,
  ): Promise<Unit | null> {
    if (id != null) return this.unitsService.find(ctx, id);
    if (code != null) return this.unitsService.byCode(ctx, code, at ?? undefined);
    return Promise.resolve(null);
  }

  @Authorized(ANY_ROLE)
  @MaxRows(MAX_PAGE)
  @Query(() => [Unit])
  units(
    @Ctx() ctx: AuthedContext,
    @Arg('parentId', () => ID, { nullable: true }) parentId?: string,
    @Arg('kinds', () => [UnitKindEnum], { nullable: true }) kinds?: UnitKind[],
    @Arg('search', () => String, { nullable: true }) search?: string,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 100 }) limit?: number | null,
    @Arg('offset', () => Int, { nullable: true, defaultValue: 0 }) offset?: number | null,
    @Arg('at', () => DateScalar, { nullable: true, description: 'the tree as it stood on this day (default: today)' }) at?: string | null,
  ): Promise<Unit[]> {
    return this.unitsService.list(ctx, { parentId, kinds, search, limit: limit ?? 100, offset: offset ?? 0, at });
  }

  @Authorized(ADMINS)
  @Mutation(() => Unit)
  createUnit(@Arg('input', () => CreateUnitInput) input: CreateUnitInput, @Ctx() ctx: AuthedContext): Promise<Unit> {
    return this.unitsService.create(ctx, input);
  }

  @FieldResolver(() => Unit, { nullable: true })
  async parent(@Root() unit: Unit, @Ctx() ctx: AuthedContext): Promise<Unit | null> {
    return unit.parentId === null ? null : this.unitsService.find(ctx, unit.parentId);
  }

  @MaxRows(DATA_BOUNDS.children)
  @FieldResolver(() => [Unit])
  children(
    @Root() unit: Unit,
    @Ctx() ctx: AuthedContext,
    @Arg('kinds', () => [UnitKindEnum], { nullable: true }) kinds?: UnitKind[],
    @Arg('at', () => DateScalar, { nullable: true }) at?: string,
  ): Promise<Unit[]> {
    return this.unitsService.children(ctx, unit, kinds, at ?? undefined);
  }

  // The plans of one year a unit reads its own targets in: its own and its ancestors' (at most four).
  @MaxRows(4 * DATA_BOUNDS.planRows)
  @FieldResolver(() => [Target], {
    description: 'The unit’s own targets in the plans of `year` the caller may read (one indicator, when given). Empty outside the caller’s subtree.',
  })
  targets(
    @Root() unit: Unit,
    @Ctx() ctx: AuthedContext,
    @Arg('year', () => Int) year: number,
    @Arg('indicatorId', () => ID, { nullable: true }) indicatorId?: string,
  ): Promise<Target[]> {
    return this.targetsService.ofUnit(ctx, unit, year, indicatorId ?? null);
  }

  // The rows and tasks of the plans the caller reads in a year: its line's plans and its subtree's.
  @MaxRows(8 * DATA_BOUNDS.planRows)
  @FieldResolver(() => [Responsibility], {
    description: 'Plan rows and tasks of `year` (every year when omitted) the caller may read that name this unit, or its kind, as lead or coordinating unit.',
  })
  responsibilities(@Root() unit: Unit, @Ctx() ctx: AuthedContext, @Arg('year', () => Int, { nullable: true }) year?: number | null): Promise<Responsibility[]> {
    return this.plansService.responsibilities(ctx, unit, year ?? null);
  }

  @MaxRows(DATA_BOUNDS.ancestors)
  @FieldResolver(() => [Unit])
  ancestors(@Root() unit: Unit, @Ctx() ctx: AuthedContext): Promise<Unit[]> {
    return this.unitsService.ancestors(ctx, unit);
  }

  @MaxRows(DATA_BOUNDS.links)
  @FieldResolver(() => [Unit])
  predecessors(@Root() unit: Unit, @Ctx() ctx: AuthedContext): Promise<Unit[]> {
    return this.unitsService.links(ctx, unit, 'predecessors');
  }

  @MaxRows(DATA_BOUNDS.links)
  @FieldResolver(() => [Unit])
  successors(@Root() unit: Unit, @Ctx() ctx: AuthedContext): Promise<Unit[]> {
    return this.unitsService.links(ctx, unit, 'successors');
  }
}
