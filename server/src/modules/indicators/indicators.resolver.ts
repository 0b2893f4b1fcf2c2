import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Unit } from '../units/unit.entity';
import { Indicator } from './indicator.entity';
import { IndicatorInput } from './indicators.inputs';
import { ANY_ROLE, WRITERS_OF_TARGETS } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import { MaxRows, DATA_BOUNDS } from '../../common/complexity';
import type { IndicatorsService } from './indicators.service';

@Resolver(() => Indicator)
export class IndicatorsResolver {
  constructor(private readonly indicatorsService: IndicatorsService) {}

  @Authorized(ANY_ROLE)
  @MaxRows(DATA_BOUNDS.indicators)
  @Query(() => [Indicator])
  indicators(@Ctx() ctx: AuthedContext): Promise<Indicator[]> {
    return this.indicatorsService.list(ctx);
  }

  // Administrators, and a district's managers for the district's own catalogue (the service decides which catalogue).
  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Indicator)
  createIndicator(@Arg('input', () => IndicatorInput) input: IndicatorInput, @Ctx() ctx: AuthedContext): Promise<Indicator> {
    return this.indicatorsService.create(ctx, input);
  }

  @Authorized(WRITERS_OF_TARGETS)
  @Mutation(() => Indicator)
  updateIndicator(@Arg('id', () => ID) id: string, @Arg('input', () => IndicatorInput) input: IndicatorInput, @Ctx() ctx: AuthedContext): Promise<Indicator> {
    return this.indicatorsService.update(ctx, id, input);
  }

  /** The catalogue's unit: null for the national catalogue. */
  @FieldResolver(() => Unit, { nullable: true })
  async owner(@Root() indicator: Indicator, @Ctx() ctx: AuthedContext): Promise<Unit | null> {
    return indicator.ownerUnitId == null ? null : ((await ctx.loaders.unit.load(indicator.ownerUnitId)) ?? null);
  }
}
