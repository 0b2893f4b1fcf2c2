import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { RecordResultsInput } from './results.inputs';
import { WRITERS_OF_RESULTS } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';

@Resolver()
export class ResultsResolver {
  @Authorized(WRITERS_OF_RESULTS)
  @Mutation(() => Int)
  recordResults(@Arg('input', () => RecordResultsInput) input: RecordResultsInput, @Ctx() ctx: AuthedContext): Promise<number> {
    return ctx.services.results.record(ctx, input);
  }
}
