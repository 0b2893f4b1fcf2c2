import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { RecordResultsInput } from './results.inputs';
import { WRITERS_OF_RESULTS } from '../../common/auth-checker';
import type { AuthedContext } from '../../common/context';
import type { ResultsService } from './results.service';

@Resolver()
export class ResultsResolver {
  constructor(private readonly resultsService: ResultsService) {}

  @Authorized(WRITERS_OF_RESULTS)
  @Mutation(() => Int)
  recordResults(@Arg('input', () => RecordResultsInput) input: RecordResultsInput, @Ctx() ctx: AuthedContext): Promise<number> {
    return this.resultsService.record(ctx, input);
  }
}
