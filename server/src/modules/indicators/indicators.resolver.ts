import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { Indicator } from './indicator.entity';
import { IndicatorInput } from './indicators.inputs';
import { ADMINS, ANY_ROLE } from '../../common/auth-checker';
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

  @Authorized(ADMINS)
  @Mutation(() => Indicator)
  createIndicator(@Arg('input', () => IndicatorInput) input: IndicatorInput, @Ctx() ctx: AuthedContext): Promise<Indicator> {
    return this.indicatorsService.create(ctx, input);
  }
}
