/**
 * Stage 3 for results, check: periods, duplicates, the figures as recordResults checks them, the
 * results-in-time rule on each line, then what is recorded now — to tell new, changed and
 * unchanged figures apart. Hands the writes (changed figures only) to the write stage.
 */
import { In, type DataSource } from 'typeorm';
import { importMessage, isPeriodKey, parsePeriod, type Locale, type Measure, type ScoreStep } from '@chitieu/domain';
import { reasonMessage } from '../../../common/errors';
import { forEachInTurns } from '../../../common/turns';
import { ResultRow } from '../../results/result.entity';
import type { FigureWrite, ResultsService } from '../../results/results.service';
import { checkResultValues, scoreIssue } from '../../results/result-values';
import { normalizePeriod, rowIssue, type RowIssue } from '../import-parse';
import { markDuplicates, writable, type Work } from './work';

/** The figure each good line would write. */
export type ResultWrites = Map<Work, FigureWrite>;

type Recorded = Pick<ResultRow, 'numerator' | 'denominator' | 'value'>;

/** Each line's period, normalised ("05/2022" → "2022-05"), the request's when the line has none. */
export function checkPeriods(work: readonly Work[], requestPeriod: string | null, locale: Locale): Promise<void> {
  return forEachInTurns(work, (w) => {
    const raw = w.period ? normalizePeriod(w.period) : requestPeriod!;
    w.period = raw;
    if (!isPeriodKey(raw)) w.issues.push(rowIssue('BAD_PERIOD', { period: raw }, locale));
  });
}

/** What the figure checks need of the indicator: its measure and, for a SCORE, the scores its steps allow. */
export type CheckedIndicator = { measure: Measure; scoring?: readonly ScoreStep[] | null };

/** The figures of the lines still good, checked for the measure (and a SCORE's steps) as recordResults checks them. */
export async function checkFigures(work: readonly Work[], indicator: Measure | CheckedIndicator, locale: Locale): Promise<ResultWrites> {
  const checkedIndicator: CheckedIndicator = typeof indicator === 'string' ? { measure: indicator } : indicator;
  const { measure } = checkedIndicator;
  const figures: ResultWrites = new Map();
  await forEachInTurns(work, (w) => {
    if (!writable(w)) return;
    const checked = checkResultValues(measure, w.values);
    if ('error' in checked) {
      // The API's code (recordResults refuses these as OUT_OF_RANGE), said for a figure rather than a target.
      const reason = reasonMessage(checked.error!, locale);
      w.issues.push({ code: 'OUT_OF_RANGE', severity: 'ERROR', message: importMessage('RESULT_OUT_OF_RANGE', { reason }, locale) });
      return;
    }
    // A score none of the indicator's steps gives: the API's INVALID_SCORE, on the line.
    const refused = scoreIssue(checkedIndicator, checked.value);
    if (refused) {
      w.issues.push({ code: refused.code as RowIssue['code'], severity: 'ERROR', message: refused.messageIn(locale) });
      return;
    }
    figures.set(w, { unit: w.unit, period: parsePeriod(w.period), numerator: checked.numerator, denominator: checked.denominator, value: checked.value });
  });
  return figures;
}

/**
 * The results-in-time rule (a period that has begun, a unit that existed then, a year with a
 * target or the last twelve months), said on each line rather than refusing the whole file;
 * the lines refused leave `figures`.
 */
export async function checkInTime(results: Pick<ResultsService, 'checkInTime'>, indicatorId: number, figures: ResultWrites, locale: Locale): Promise<void> {
  const inTime = await results.checkInTime(indicatorId, [...figures.values()]);
  [...figures.keys()].forEach((w, i) => {
    const e = inTime[i];
    if (!e) return;
    w.issues.push({ code: e.code as RowIssue['code'], severity: 'ERROR', message: e.messageIn(locale) });
    figures.delete(w);
  });
}

const recordedKey = (unitId: number, period: string) => `${unitId}|${period}`;

/** What is recorded now for the figures' units and periods, by "unitId|period". */
export async function recordedResults(ds: DataSource, indicatorId: number, figures: ResultWrites): Promise<Map<string, Recorded>> {
  const recorded = new Map<string, Recorded>();
  const keys = [...figures.values()];
  const unitIds = [...new Set(keys.map((f) => f.unit.id))];
  const periods = [...new Set(keys.map((f) => f.period.key))];
  for (let i = 0; i < unitIds.length; i += 1000) {
    const rows = await ds.getRepository(ResultRow).findBy({ indicatorId, unitId: In(unitIds.slice(i, i + 1000)), period: In(periods) });
    for (const r of rows) recorded.set(recordedKey(r.unitId, r.period), r);
  }
  return recorded;
}

/** The figures that change something (sets each line's `planned`). */
export function changedFigures(figures: ResultWrites, recorded: ReadonlyMap<string, Recorded>): FigureWrite[] {
  const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  const changed: FigureWrite[] = [];
  for (const [w, f] of figures) {
    const r = recorded.get(recordedKey(f.unit.id, f.period.key));
    if (r && num(r.numerator) === f.numerator && num(r.denominator) === f.denominator && num(r.value) === f.value) w.planned = 'unchanged';
    else {
      w.planned = r ? 'updated' : 'created';
      changed.push(f);
    }
  }
  return changed;
}

export interface ResultCheckDeps {
  ds: DataSource;
  results: Pick<ResultsService, 'checkInTime'>;
}

/** The checks in order; the figures to write. */
export async function checkResults(
  deps: ResultCheckDeps,
  indicator: { id: number } & CheckedIndicator,
  work: readonly Work[],
  requestPeriod: string | null,
  locale: Locale,
): Promise<FigureWrite[]> {
  await checkPeriods(work, requestPeriod, locale);
  await markDuplicates(work, (w) => `${w.unit.id}|${w.period}`, locale);
  const figures = await checkFigures(work, indicator, locale);
  await checkInTime(deps.results, indicator.id, figures, locale);
  return changedFigures(figures, await recordedResults(deps.ds, indicator.id, figures));
}
