import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Responsible } from './document.types';
import { Unit } from '../units/unit.entity';
import { canSee } from '../../common/scope';
import type { AuthedContext } from '../../common/context';

@Resolver(() => Responsible)
export class ResponsibleResolver {
  /** The unit the words name, when the caller may see it (beyond that, the words alone). */
  @FieldResolver(() => Unit, { nullable: true })
  async unit(@Root() r: Responsible, @Ctx() ctx: AuthedContext): Promise<Unit | null> {
    if (r.unitId == null) return null;
    const unit = await ctx.loaders.unit.load(r.unitId);
    return unit && canSee(ctx.actor, unit.path) ? unit : null;
  }
}
