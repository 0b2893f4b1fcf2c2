/**
 * Spreadsheet imports of baselines, targets and results: read the file, match its lines to the
 * units of the plan's tree the caller may write, check every line the way the API checks the
 * same write, and (when asked) apply it through the same services in one transaction.
 *
 *   dry run: every line with its unit, figures and issues, and what would change
 *   commit:  nothing when any line has an error, unless skipInvalid (then the good lines only)
 */
import { In, type DataSource } from 'typeorm';
import {
  importMessage, isPeriodKey, parsePeriod, UnitNameIndex,
  type ImportFileErrorCode, type ImportOutcome, type ImportRow, type ImportRowStatus, type ImportSummary, type ImportKind, type Locale, type MessageParams,
} from '@chitieu/domain';
import type { AuthedContext } from '../../common/context';
import { reasonMessage } from '../../common/errors';
import { inSubtree } from '../../common/scope';
import { WRITERS_OF_RESULTS, WRITERS_OF_TARGETS } from '../../common/auth-checker';
import { planTreeDate } from '../plans/plans.service';
import type { Plan } from '../plans/plan.entity';
import type { Indicator } from '../indicators/indicator.entity';
import type { Unit } from '../units/unit.entity';
import type { Target } from '../targets/target.entity';
import { MAX_ROWS, type TargetValueInput } from '../targets/targets.inputs';
import { ResultRow } from '../results/result.entity';
import { checkResultValues, type FigureWrite } from '../results/results.service';
import { SheetFileError } from './sheets';
import { readImportLinesInWorker } from './read-worker';
import { forEachInTurns, mapInTurns } from '../../common/turns';
import { MAX_SHEET_ROWS } from './read-limits';
import { normalizePeriod, rowIssue, type HeaderSpec, type LineValues, type ParsedLine, type RowIssue } from './import-parse';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/**
 * Lines one import takes: targets and baselines as many as one setTargets (MAX_ROWS); results as
 * many as a sheet may hold (a province's communes × a year's periods), written in batches.
 */
export function maxImportLines(kind: ImportKind): number {
  return kind === 'results' ? MAX_SHEET_ROWS : MAX_ROWS;
}

/** A request the import refuses as a whole (4xx): bad file, missing parameter. */
export class ImportRequestError extends Error {
  constructor(readonly status: number, readonly code: ImportFileErrorCode | 'FORBIDDEN', readonly params: MessageParams = {}) {
    super(code);
  }
}

export interface ImportRequest {
  kind: ImportKind;
  planId: string;
  indicatorId: string;
  period: string | null;
  dryRun: boolean;
  skipInvalid: boolean;
  fileName: string;
  bytes: Buffer;
}

/** A line on its way: what was read, the unit it names, what it would write. */
interface Work extends ParsedLine {
  unit: Unit | null;
  planned: 'created' | 'updated' | 'unchanged' | null;
}

const hasError = (issues: RowIssue[]) => issues.some((i) => i.severity === 'ERROR');

export class ImportService {
  constructor(private readonly ds: DataSource) {}

  async run(ctx: AuthedContext, req: ImportRequest): Promise<ImportOutcome> {
    const writers = req.kind === 'results' ? WRITERS_OF_RESULTS : WRITERS_OF_TARGETS;
    if (!writers.includes(ctx.actor.role)) throw new ImportRequestError(403, 'FORBIDDEN');
    const plan = await ctx.services.plans.get(ctx, req.planId);
    const planIndicator = await ctx.services.plans.planIndicator(ctx, plan, req.indicatorId);
    const indicator = await ctx.services.indicators.get(ctx, planIndicator.indicatorId);
    const spec: HeaderSpec = {
      kind: req.kind, measure: indicator.measure, year: plan.year,
      numeratorLabel: indicator.numeratorLabel, denominatorLabel: indicator.denominatorLabel,
    };
    const lines = await this.read(req, spec, ctx.locale);
    if (req.kind === 'results' && !req.period && lines.some((l) => !l.period)) {
      throw new ImportRequestError(400, 'MISSING_PARAMETER', { names: 'period' });
    }
    const work = await this.match(ctx, plan, lines);
    const outcome = req.kind === 'results'
      ? await this.results(ctx, indicator, work, req)
      : await this.targets(ctx, plan, indicator, work, req);
    return outcome;
  }

  /**
   * The file's data lines, read in a worker thread under the read limits (read-worker.ts); a file
   * that is no spreadsheet, has no header or is past a limit is refused whole (400, 413, 422).
   */
  private async read(req: ImportRequest, spec: HeaderSpec, locale: Locale): Promise<ParsedLine[]> {
    try {
      return await readImportLinesInWorker({ bytes: req.bytes, fileName: req.fileName, spec, locale, maxLines: maxImportLines(req.kind) });
    } catch (err) {
      if (err instanceof SheetFileError) throw new ImportRequestError(err.status, err.code, err.params);
      throw err;
    }
  }

  /**
   * Each line's unit, by code when the line has one, else by name, among the units of the plan's
   * tree (as it stood on the plan's tree date) inside the caller's subtree. A line naming a unit
   * of the tree outside that subtree is NOT_IN_SCOPE; several candidates, UNIT_AMBIGUOUS.
   */
  private async match(ctx: AuthedContext, plan: Plan, lines: ParsedLine[]): Promise<Work[]> {
    const issuer = (await ctx.loaders.unit.load(plan.issuerId))!;
    const tree = await ctx.services.units.subtreeOn(issuer, planTreeDate(plan.year));
    const inside = tree.filter((u) => inSubtree(ctx.actor, u.path));
    const outside = tree.filter((u) => !inSubtree(ctx.actor, u.path));
    // The units a template lists first: the caller's children (the issuer's for a system admin).
    const home = ctx.actor.unitId ?? issuer.id;
    const index = new UnitNameIndex(inside, (u) => u.parentId === home);
    const outsideIndex = new UnitNameIndex(outside);
    const byCode = (units: Unit[]) => {
      const map = new Map<string, Unit[]>();
      for (const u of units) if (u.code) map.set(u.code, [...(map.get(u.code) ?? []), u]);
      return map;
    };
    const insideCodes = byCode(inside);
    const outsideCodes = byCode(outside);
    const findCode = (map: Map<string, Unit[]>, code: string) => {
      const exact = map.get(code);
      if (exact || !/^\d+$/.test(code)) return exact ?? [];
      // A spreadsheet that stored "01" as 1: GSO codes are 2, 3 or 5 digits.
      for (const w of [2, 3, 5]) if (code.length < w && map.get(code.padStart(w, '0'))) return map.get(code.padStart(w, '0'))!;
      return [];
    };
    const locale = ctx.locale;
    const describe = (u: Unit) => (u.code ? `${u.name} – ${u.code}` : u.name);
    return mapInTurns(lines, (l): Work => {
      const w: Work = { ...l, issues: [...l.issues], unit: null, planned: null };
      const shown = l.name || l.code;
      if (l.code) {
        const found = findCode(insideCodes, l.code);
        if (found.length === 1) w.unit = found[0];
        else if (found.length > 1) w.issues.unshift(rowIssue('UNIT_AMBIGUOUS', { name: shown, candidates: found.map(describe).join('; ') }, locale));
        else if (findCode(outsideCodes, l.code).length) w.issues.unshift(rowIssue('NOT_IN_SCOPE', { unitName: shown }, locale));
        else w.issues.unshift(rowIssue('UNIT_NOT_FOUND', { name: shown, code: l.code }, locale));
        return w;
      }
      const m = index.match(l.name);
      if (m.kind === 'MATCH') {
        w.unit = m.unit;
        if (m.kindDiffers) w.issues.push(rowIssue('UNIT_KIND_DIFFERS', { name: l.name, unitName: m.unit.name }, locale));
      } else if (m.kind === 'AMBIGUOUS') {
        w.issues.unshift(rowIssue('UNIT_AMBIGUOUS', { name: l.name, candidates: m.units.map(describe).join('; ') }, locale));
      } else if (outsideIndex.match(l.name).kind !== 'NONE') {
        w.issues.unshift(rowIssue('NOT_IN_SCOPE', { unitName: l.name }, locale));
      } else {
        w.issues.unshift(rowIssue('UNIT_NOT_FOUND', { name: l.name, code: null }, locale));
      }
      return w;
    });
  }

  /** The same unit (and period) twice: the later lines are errors, the first stands. */
  private duplicates(work: Work[], key: (w: Work) => string | null, locale: Locale): Promise<void> {
    const first = new Map<string, number>();
    return forEachInTurns(work, (w) => {
      const k = w.unit ? key(w) : null;
      if (k === null) return;
      const seen = first.get(k);
      if (seen !== undefined) w.issues.push(rowIssue('DUPLICATE_ROW', { firstLine: seen }, locale));
      else first.set(k, w.line);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Targets and baselines: through TargetsService.setTargets, dry run first, then the write.

  private async targets(ctx: AuthedContext, plan: Plan, indicator: Indicator, work: Work[], req: ImportRequest): Promise<ImportOutcome> {
    const locale = ctx.locale;
    await this.duplicates(work, (w) => String(w.unit!.id), locale);
    const existing = new Map<number, Target>(
      (await ctx.services.targets.list(ctx, { planId: String(plan.id), indicatorId: String(indicator.id) })).map((t) => [t.unitId, t]),
    );
    const inputs = new Map<Work, TargetValueInput>();
    for (const w of work) {
      if (!w.unit || w.empty || hasError(w.issues)) continue;
      const current = existing.get(w.unit.id) ?? null;
      let input: TargetValueInput;
      if (req.kind === 'baselines') {
        if (!current) {
          w.issues.push(rowIssue('NO_TARGET', {}, locale));
          continue;
        }
        if (current.baseline === w.values.baseline) {
          w.planned = 'unchanged';
          continue;
        }
        // The target keeps its value (and comparator, note); only the baseline changes.
        input = { unitId: String(w.unit.id), value: current.value, baseline: w.values.baseline ?? null, expectedVersion: current.version };
      } else {
        const value = w.values.target!;
        const baseline = w.values.baseline;
        // The same figure again is no change, whatever produced it (a rule or a hand).
        if (current && current.value === value && (baseline === undefined || current.baseline === baseline)) {
          w.planned = 'unchanged';
          continue;
        }
        input = { unitId: String(w.unit.id), value, expectedVersion: current?.version ?? 0, ...(baseline !== undefined ? { baseline } : {}) };
      }
      inputs.set(w, input);
      w.planned = current ? 'updated' : 'created';
    }
    const fileIssues: RowIssue[] = [];
    const check = async (rows: Work[], dryRun: boolean) => {
      const result = await ctx.services.targets.setTargets(ctx, {
        planId: String(plan.id), indicatorId: String(indicator.id), targets: rows.map((w) => inputs.get(w)!), dryRun,
      });
      const byUnit = new Map(rows.map((w) => [String(w.unit!.id), w]));
      for (const i of result.issues) {
        const w = byUnit.get(i.unitId);
        const issue: RowIssue = { code: i.code as RowIssue['code'], severity: i.severity, message: i.message };
        if (w) {
          if (!w.issues.some((x) => x.code === issue.code && x.message === issue.message)) w.issues.push(issue);
        } else if (!fileIssues.some((x) => x.message === issue.message)) fileIssues.push(issue);
      }
      return result;
    };
    const candidates = [...inputs.keys()];
    if (candidates.length) await check(candidates, true);
    const blocked = work.some((w) => hasError(w.issues)) || hasError(fileIssues);
    const good = candidates.filter((w) => !hasError(w.issues));
    let applied = false;
    if (!req.dryRun && (!blocked || req.skipInvalid)) {
      applied = good.length ? (await check(good, false)).applied : true;
    }
    return this.outcome(work, fileIssues, req, applied);
  }

  // -------------------------------------------------------------------------------------------
  // Results: checked as recordResults checks them, written by ResultsService.write.

  private async results(ctx: AuthedContext, indicator: Indicator, work: Work[], req: ImportRequest): Promise<ImportOutcome> {
    const locale = ctx.locale;
    await forEachInTurns(work, (w) => {
      const raw = w.period ? normalizePeriod(w.period) : req.period!;
      w.period = raw;
      if (!isPeriodKey(raw)) w.issues.push(rowIssue('BAD_PERIOD', { period: raw }, locale));
    });
    await this.duplicates(work, (w) => `${w.unit!.id}|${w.period}`, locale);
    const figures = new Map<Work, FigureWrite>();
    await forEachInTurns(work, (w) => {
      if (!w.unit || w.empty || hasError(w.issues)) return;
      const checked = checkResultValues(indicator.measure, w.values);
      if ('error' in checked) {
        // The API's code (recordResults refuses these as OUT_OF_RANGE), said for a figure rather than a target.
        const reason = reasonMessage(checked.error!, locale);
        w.issues.push({ code: 'OUT_OF_RANGE', severity: 'ERROR', message: importMessage('RESULT_OUT_OF_RANGE', { reason }, locale) });
        return;
      }
      figures.set(w, { unit: w.unit, period: parsePeriod(w.period), numerator: checked.numerator, denominator: checked.denominator, value: checked.value });
    });
    // The results-in-time rule (a period that has begun, a unit that existed then, a year with a
    // target or the last twelve months), said on each line rather than refusing the whole file.
    const inTime = await ctx.services.results.checkInTime(indicator.id, [...figures.values()]);
    [...figures.keys()].forEach((w, i) => {
      const e = inTime[i];
      if (!e) return;
      w.issues.push({ code: e.code as RowIssue['code'], severity: 'ERROR', message: e.messageIn(locale) });
      figures.delete(w);
    });
    // What is recorded now, to tell new, changed and unchanged figures apart.
    const recorded = new Map<string, ResultRow>();
    const keys = [...figures.values()];
    const unitIds = [...new Set(keys.map((f) => f.unit.id))];
    const periods = [...new Set(keys.map((f) => f.period.key))];
    for (let i = 0; i < unitIds.length; i += 1000) {
      const rows = await this.ds.getRepository(ResultRow).findBy({ indicatorId: indicator.id, unitId: In(unitIds.slice(i, i + 1000)), period: In(periods) });
      for (const r of rows) recorded.set(`${r.unitId}|${r.period}`, r);
    }
    const changed: FigureWrite[] = [];
    for (const [w, f] of figures) {
      const r = recorded.get(`${f.unit.id}|${f.period.key}`);
      const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
      if (r && num(r.numerator) === f.numerator && num(r.denominator) === f.denominator && num(r.value) === f.value) w.planned = 'unchanged';
      else {
        w.planned = r ? 'updated' : 'created';
        changed.push(f);
      }
    }
    const blocked = work.some((w) => hasError(w.issues));
    let applied = false;
    if (!req.dryRun && (!blocked || req.skipInvalid)) {
      // All periods of the file in one transaction, with the audit rows, as recordResults writes them.
      if (changed.length) await ctx.services.results.save(ctx, indicator.id, changed, 'IMPORT');
      applied = true;
    }
    return this.outcome(work, [], req, applied);
  }

  private async outcome(work: Work[], issues: RowIssue[], req: ImportRequest, applied: boolean): Promise<ImportOutcome> {
    const summary: ImportSummary = {
      rows: work.length, matched: 0, errors: 0, warnings: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, applied, dryRun: req.dryRun,
    };
    const rows = await mapInTurns(work, (w): ImportRow => {
      const bad = hasError(w.issues);
      let status: ImportRowStatus;
      if (bad) status = 'invalid';
      else if (w.empty || !w.planned) status = 'skipped';
      else status = w.planned;
      if (w.unit) summary.matched++;
      if (bad) summary.errors++;
      if (w.issues.some((i) => i.severity === 'WARNING')) summary.warnings++;
      if (status === 'invalid' || status === 'skipped') summary.skipped++;
      // A commit that did not write changed nothing.
      else if (status === 'unchanged' || req.dryRun || applied) summary[status]++;
      return {
        line: w.line,
        name: w.name,
        code: w.code || null,
        unit: w.unit ? { id: String(w.unit.id), code: w.unit.code, name: w.unit.name } : null,
        ...(req.kind === 'results' ? { period: w.period } : {}),
        values: w.values,
        issues: w.issues,
        status,
      };
    });
    return { rows, summary, issues };
  }
}
