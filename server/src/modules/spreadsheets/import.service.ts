/**
 * Spreadsheet imports of baselines, targets and results, as a one-way pipeline of stages
 * (import/): read the file → match its lines to the units of the plan's tree the caller may
 * write → check every line the way the API checks the same write → write (when asked, through
 * the same services, in one transaction) → the outcome.
 *
 *   dry run: every line with its unit, figures and issues, and what would change
 *   commit:  nothing when any line has an error, unless skipInvalid (then the good lines only)
 *
 * With a mapping (the mapping step's choice of columns) the header is not recognised: exactly
 * those columns are read, for one indicator or several (one part each, written together).
 */
import type { DataSource } from 'typeorm';
import type { ImportColumns, ImportOutcome, ImportPart, ImportPartsOutcome } from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import { WRITERS_OF_RESULTS, WRITERS_OF_TARGETS } from '../../common/auth-checker';
import type { Indicator } from '../indicators/indicator.entity';
import type { IndicatorsService } from '../indicators/indicators.service';
import type { Plan } from '../plans/plan.entity';
import type { PlansService } from '../plans/plans.service';
import type { ResultsService } from '../results/results.service';
import type { UnitsService } from '../units/units.service';
import { headerSpec, readLines } from './import/read';
import { importScope, matchUnits, type ImportScope } from './import/match';
import { checkTargets, type TargetWriter } from './import/check-targets';
import { checkResults } from './import/check-results';
import { writeResults, writeTargetParts, writeTargets, type TargetPart } from './import/write';
import { importOutcome, partsOutcome } from './import/outcome';
import { mappedParts } from './import/mapping';
import { detectColumns } from './import/columns';
import { ImportRequestError, type ImportRequest } from './import/request';
import type { ParsedLine } from './import-parse';

export { ImportRequestError, MAX_IMPORT_BYTES, maxImportLines, type ImportRequest } from './import/request';

/** The services an import reads and writes through: the ones the API uses for the same data. */
export interface ImportServices {
  plans: Pick<PlansService, 'get' | 'planIndicator' | 'indicatorsOf'>;
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

  private async start(ctx: AuthedContext, req: Pick<ImportRequest, 'kind' | 'planId'>): Promise<{ plan: Plan; all: Indicator[] }> {
    const writers = req.kind === 'results' ? WRITERS_OF_RESULTS : WRITERS_OF_TARGETS;
    if (!writers.includes(ctx.actor.role)) throw new ImportRequestError(403, 'FORBIDDEN');
    const plan = await this.services.plans.get(ctx, req.planId);
    const all = (await this.services.plans.indicatorsOf(ctx, plan)).map((r) => r.indicator);
    return { plan, all };
  }

  /** The indicator of the plan with this id (NOT_FOUND when the plan does not cover it). */
  private async indicatorOf(ctx: AuthedContext, plan: Plan, id: string): Promise<Indicator> {
    const row = await this.services.plans.planIndicator(ctx, plan, id);
    return this.services.indicators.get(ctx, row.indicatorId);
  }

  /** The mapping step: the header found, each column's detected role and indicator, a few samples. */
  async columns(ctx: AuthedContext, req: Pick<ImportRequest, 'kind' | 'planId' | 'bytes' | 'fileName' | 'period'>): Promise<ImportColumns> {
    const { plan, all } = await this.start(ctx, req);
    const spec = headerSpec(req.kind, plan, all[0] ?? { measure: 'RATE', numeratorLabel: null, denominatorLabel: null });
    const [head, ...samples] = await readLines(req, spec, ctx.locale, { inspect: true });
    return detectColumns(head, samples, { ...spec, indicator: undefined, others: undefined }, all);
  }

  async run(ctx: AuthedContext, req: ImportRequest): Promise<ImportOutcome | ImportPartsOutcome> {
    const { plan, all } = await this.start(ctx, req);
    if (!req.mapping) {
      if (!req.indicatorId) throw new ImportRequestError(400, 'MISSING_PARAMETER', { names: 'indicatorId' });
      const indicator = await this.indicatorOf(ctx, plan, req.indicatorId);
      const lines = await readLines(req, headerSpec(req.kind, plan, indicator, all), ctx.locale);
      const scope = await importScope(ctx, this.services.units, plan);
      return this.runPart(ctx, req, plan, indicator, lines, scope);
    }
    const fallback = req.indicatorId ?? (all.length === 1 ? String(all[0].id) : null);
    const named = new Set([...req.mapping.columns.map((c) => c.indicatorId).filter((x): x is string => !!x), ...(fallback ? [fallback] : [])]);
    const byId = new Map<string, Indicator>();
    for (const id of named) byId.set(id, await this.indicatorOf(ctx, plan, id));
    const specOf = (id: string) => ({ ...headerSpec(req.kind, plan, byId.get(id)!), indicatorName: byId.get(id)!.name });
    const parts = mappedParts(req.mapping, req.kind, fallback, specOf, ctx.locale);
    const mapped = { headerIndex: req.mapping.headerLine - 1, parts: parts.map((p) => ({ spec: specOf(p.indicatorId), columns: p.columns })) };
    const lines = await readLines(req, mapped.parts[0].spec, ctx.locale, { mapped });
    const scope = await importScope(ctx, this.services.units, plan);
    const linesOf = (i: number) => lines.filter((l) => l.part === i);
    if (parts.length === 1) return this.runPart(ctx, req, plan, byId.get(parts[0].indicatorId)!, linesOf(0), scope);
    return req.kind === 'results'
      ? this.runResultParts(
          ctx,
          req,
          parts.map((p, i) => ({ indicator: byId.get(p.indicatorId)!, lines: linesOf(i) })),
          scope,
        )
      : this.runTargetParts(
          ctx,
          req,
          plan,
          parts.map((p, i) => ({ indicator: byId.get(p.indicatorId)!, lines: linesOf(i) })),
          scope,
        );
  }

  /** One indicator's import, as it always was. */
  private async runPart(ctx: AuthedContext, req: ImportRequest, plan: Plan, indicator: Indicator, lines: ParsedLine[], scope: ImportScope): Promise<ImportOutcome> {
    const { targets, results } = this.services;
    const work = await matchUnits(lines, scope, ctx.locale);
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

  /** Targets or baselines of several indicators: checked each, written together or not at all. */
  private async runTargetParts(
    ctx: AuthedContext,
    req: ImportRequest,
    plan: Plan,
    parts: { indicator: Indicator; lines: ParsedLine[] }[],
    scope: ImportScope,
  ): Promise<ImportPartsOutcome> {
    const checked: TargetPart[] = [];
    for (const p of parts) {
      const work = await matchUnits(p.lines, scope, ctx.locale);
      const key = { planId: String(plan.id), indicatorId: String(p.indicator.id) };
      checked.push({ key, work, check: await checkTargets(ctx, this.services.targets, key, work, req.kind as 'targets' | 'baselines') });
    }
    const applied = await writeTargetParts(ctx, this.services.targets, checked, req);
    const outcomes: ImportPart[] = [];
    for (const p of checked) outcomes.push({ indicatorId: p.key.indicatorId, ...(await importOutcome(p.work, p.check.fileIssues, req, applied)) });
    return partsOutcome(outcomes, req, applied);
  }

  /**
   * Results of several indicators: checked each; written only when no part has an error (or
   * skipInvalid), one indicator after the other (each its own transaction, as recordResults).
   */
  private async runResultParts(ctx: AuthedContext, req: ImportRequest, parts: { indicator: Indicator; lines: ParsedLine[] }[], scope: ImportScope): Promise<ImportPartsOutcome> {
    const { results } = this.services;
    const checked = [];
    for (const p of parts) {
      const work = await matchUnits(p.lines, scope, ctx.locale);
      checked.push({ indicator: p.indicator, work, changed: await checkResults({ ds: this.ds, results }, p.indicator, work, req.period, ctx.locale) });
    }
    const blocked = checked.some((c) => c.work.some((w) => w.issues.some((i) => i.severity === 'ERROR')));
    const mode = { ...req, dryRun: req.dryRun || (blocked && !req.skipInvalid) };
    let applied = !mode.dryRun;
    for (const c of checked) applied = (await writeResults(ctx, results, c.indicator.id, c.work, c.changed, mode)) && applied;
    const outcomes: ImportPart[] = [];
    for (const c of checked) outcomes.push({ indicatorId: String(c.indicator.id), ...(await importOutcome(c.work, [], req, applied)) });
    return partsOutcome(outcomes, req, applied);
  }
}
