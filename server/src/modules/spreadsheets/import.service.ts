/**
 * Spreadsheet imports of baselines, targets and results, as a one-way pipeline of stages
 * (import/): read the file → match its lines to the units of the plan's tree the caller may
 * write → check every line the way the API checks the same write → write (when asked, through
 * the same services, in one transaction) → the outcome.
 *
 *   dry run: every line with its unit, figures and issues, and what would change
 *   commit:  nothing when any line has an error, unless skipInvalid (then the good lines only)
 */
import type { DataSource } from 'typeorm';
import type { ImportOutcome } from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import { WRITERS_OF_RESULTS, WRITERS_OF_TARGETS } from '../../common/auth-checker';
import type { IndicatorsService } from '../indicators/indicators.service';
import type { PlansService } from '../plans/plans.service';
import type { ResultsService } from '../results/results.service';
import type { UnitsService } from '../units/units.service';
import { headerSpec, readLines } from './import/read';
import { importScope, matchUnits } from './import/match';
import { checkTargets, type TargetWriter } from './import/check-targets';
import { checkResults } from './import/check-results';
import { writeResults, writeTargets } from './import/write';
import { importOutcome } from './import/outcome';
import { ImportRequestError, type ImportRequest } from './import/request';

export { ImportRequestError, MAX_IMPORT_BYTES, maxImportLines, type ImportRequest } from './import/request';

/** The services an import reads and writes through: the ones the API uses for the same data. */
export interface ImportServices {
  plans: Pick<PlansService, 'get' | 'planIndicator'>;
  indicators: Pick<IndicatorsService, 'get'>;
  units: Pick<UnitsService, 'subtreeOn'>;
  targets: TargetWriter;
  results: Pick<ResultsService, 'checkInTime' | 'saveChecked'>;
}

export class ImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly services: ImportServices,
  ) {}

  async run(ctx: AuthedContext, req: ImportRequest): Promise<ImportOutcome> {
    const { plans, indicators, units, targets, results } = this.services;
    const writers = req.kind === 'results' ? WRITERS_OF_RESULTS : WRITERS_OF_TARGETS;
    if (!writers.includes(ctx.actor.role)) throw new ImportRequestError(403, 'FORBIDDEN');
    const plan = await plans.get(ctx, req.planId);
    const planIndicator = await plans.planIndicator(ctx, plan, req.indicatorId);
    const indicator = await indicators.get(ctx, planIndicator.indicatorId);

    const lines = await readLines(req, headerSpec(req.kind, plan, indicator), ctx.locale);
    const work = await matchUnits(lines, await importScope(ctx, units, plan), ctx.locale);
    if (req.kind === 'results') {
      const changed = await checkResults({ ds: this.ds, results }, indicator, work, req.period, ctx.locale);
      const applied = await writeResults(ctx, results, indicator.id, work, changed, req);
      return importOutcome(work, [], req, applied);
    }
    const key = { planId: String(plan.id), indicatorId: String(indicator.id) };
    const check = await checkTargets(ctx, targets, key, work, req.kind);
    const applied = await writeTargets(ctx, targets, key, work, check, req);
    return importOutcome(work, check.fileIssues, req, applied);
  }
}
