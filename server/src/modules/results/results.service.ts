import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, containingPeriods, parsePeriod, periodRange, subPeriods, type Period } from '@chitieu/domain';
import { ResultRow } from './result.entity';
import { checkResultValues, scoreIssue } from './result-values';
import type { RecordResultsInput, ResultValueInput } from './results.inputs';
import { Unit } from '../units/unit.entity';
import { badInput, notFound } from '../../common/errors';
import { inSubtree, pathIds } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import type { AuditChange } from '../audit/audit-log';
import type { ResultSource } from '../../common/enums';
import { isSqlite } from '../../db/data-source';
import { insertRows } from './bulk';
import { placeholders } from '../../db/raw-sql';
import type { AuditLog } from '../audit/audit-log';
import type { IndicatorsService } from '../indicators/indicators.service';

/**
 * Rows per statement. The tightest placeholder limit is SQLite's 32,766 (MySQL's 65,535): an
 * upsert of 14 columns × 1,000 rows and an IN list of 1,000 ids stay far inside it.
 */
const INSERT_CHUNK = 1000;
const IN_CHUNK = 1000;

/** Today in Vietnam (UTC+7), where a month or a year starts for the people reporting. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The same day twelve months earlier (29 Feb → 28 Feb or 1 Mar, either is fine for a window).
 * Asked once per figure of a batch with the same day: the last answer is kept.
 */
let lastWindow = { day: '', start: '' };
function twelveMonthsBefore(day: string): string {
  if (lastWindow.day !== day) {
    const [y, m, d] = day.split('-').map(Number);
    lastWindow = { day, start: new Date(Date.UTC(y - 1, m - 1, d)).toISOString().slice(0, 10) };
  }
  return lastWindow.start;
}

/**
 * Whether a result for `period` may be recorded for `unit` (null: it may), the rule of results in
 * time: the period has started (today's month, quarter and year are fine); the unit existed
 * during it (its validity interval overlaps the period — a district merged away in the 2025
 * reform takes no 2026 figure); and it ended no more than twelve months ago unless the unit has
 * a target that year or the next (`hasTarget`: for this indicator, on the unit or an ancestor its
 * figure rolls up to; the year before a plan is its baseline year — see ResultsService.checkInTime).
 */
export function periodTimeIssue(period: Period, unit: Pick<Unit, 'name' | 'validFrom' | 'validTo'>, today: string, hasTarget: (year: number) => boolean): DomainError | null {
  const { from, to } = periodRange(period);
  if (from > today) return new DomainError('PERIOD_OUT_OF_RANGE', { period: period.key, why: 'future', unitName: unit.name });
  if ((unit.validFrom && unit.validFrom > to) || (unit.validTo && unit.validTo < from)) {
    return new DomainError('UNIT_NOT_VALID', {
      period: period.key,
      unitName: unit.name,
      validTo: unit.validTo && unit.validTo < from ? unit.validTo : null,
      validFrom: unit.validFrom && unit.validFrom > to ? unit.validFrom : null,
    });
  }
  if (to < twelveMonthsBefore(today) && !hasTarget(period.year)) {
    return new DomainError('PERIOD_OUT_OF_RANGE', { period: period.key, why: 'noTarget', unitName: unit.name });
  }
  return null;
}

/** One figure to write: already checked, for a unit whose path is known. */
export interface FigureWrite {
  unit: Pick<Unit, 'id' | 'path'>;
  period: Period;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** The figure the writer saw (recordResults' basedOn): a stored figure that differs refuses the batch. */
  basedOn?: { numerator: number | null; denominator: number | null; value: number | null } | null;
}

export interface WriteMeta {
  source: ResultSource;
  userId: number | null;
  /** Collect audit changes (every user write); the generator of bench data does not. */
  audit: boolean;
}

type Figure = Pick<FigureWrite, 'numerator' | 'denominator' | 'value'>;
const sameFigure = (a: Figure, b: Figure) => a.numerator === b.numerator && a.denominator === b.denominator && a.value === b.value;

/** How far a recorded period around `p` hides it, given the recorded keys of its unit: 2 its quarter, 1 its year, else 0. */
export function shadowOf(p: Period, recorded: (key: string) => boolean): number {
  const around = containingPeriods(p); // innermost first: [quarter, year] for a month, [year] for a quarter
  if (p.kind === 'MONTH' && recorded(around[0].key)) return 2;
  return around.some((c) => c.kind === 'YEAR' && recorded(c.key)) ? 1 : 0;
}

const RESULT_COLUMNS = [
  'unitId',
  'indicatorId',
  'period',
  'unitPath',
  'numerator',
  'denominator',
  'value',
  'source',
  'updatedById',
  'updatedAt',
  'shadow',
  'state',
  'submittedAt',
  'submittedById',
] as const;

/** A result row as write() stores it: the columns it writes. */
type StoredFigure = Pick<ResultRow, (typeof RESULT_COLUMNS)[number]>;

type Existing = Pick<ResultRow, 'id' | 'unitId' | 'period' | 'numerator' | 'denominator' | 'value' | 'state'>;

export class ResultsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditLog,
    private readonly indicators: IndicatorsService,
  ) {}

  /**
   * Records figures for (unit, indicator, period), replacing earlier ones: sending the same
   * batch twice leaves the same rows. All rows or none.
   */
  async record(ctx: AuthedContext, input: RecordResultsInput, source: ResultSource = 'MANUAL'): Promise<number> {
    const indicator = await this.indicators.get(ctx, input.indicatorId);
    const period = parsePeriod(input.period);
    const ids = input.results.map((r) => Number(r.unitId));
    if (new Set(ids).size !== ids.length) throw badInput('duplicateUnit');
    const units = ids.length ? await this.ds.getRepository(Unit).findBy({ id: In(ids.filter((n) => Number.isInteger(n) && n > 0)) }) : [];
    const unitById = new Map(units.map((u) => [u.id, u]));
    const rows: FigureWrite[] = input.results.map((r: ResultValueInput) => {
      const unit = unitById.get(Number(r.unitId));
      if (!unit || !inSubtree(ctx.actor, unit.path)) throw notFound('unit', r.unitId);
      const checked = checkResultValues(indicator.measure, r);
      if ('error' in checked) throw new DomainError('OUT_OF_RANGE', { unitId: unit.id, unit: unit.name, field: 'result', reason: checked.error ?? null });
      const refused = scoreIssue(indicator, checked.value);
      if (refused) throw refused;
      const basedOn = r.basedOn ? { numerator: r.basedOn.numerator ?? null, denominator: r.basedOn.denominator ?? null, value: r.basedOn.value ?? null } : null;
      return { unit, period, ...checked, basedOn };
    });
    await this.save(ctx, indicator.id, rows, source);
    return rows.length;
  }

  /**
   * The results-in-time rule (periodTimeIssue) for each row, in order: null where the row may be
   * written. "A target that year" means a target for this indicator, in any plan of the period's
   * year, on the unit or on an ancestor, or a plan of that year listing the indicator issued by
   * the unit or an ancestor: a commune's figure rolls up to its district's target, so it is
   * legitimate even where the district did not sub-assign. Two queries whatever the batch
   * size (units by id, then target paths only for years older than the twelve-month window).
   * The spreadsheet import can call it to report each line; save() enforces it.
   */
  async checkInTime(indicatorId: number, rows: readonly Pick<FigureWrite, 'unit' | 'period'>[], today = todayInVietnam()): Promise<(DomainError | null)[]> {
    if (!rows.length) return [];
    const ids = [...new Set(rows.map((r) => r.unit.id))];
    const units = new Map<number, Unit>();
    for (let i = 0; i < ids.length; i += IN_CHUNK) {
      for (const u of await this.ds.getRepository(Unit).findBy({ id: In(ids.slice(i, i + IN_CHUNK)) })) units.set(u.id, u);
    }
    const windowStart = twelveMonthsBefore(today);
    // A year counts when it has a target, or when the next year does: last year's actual is the
    // baseline of this year's plan, and offices record it while they make the plan.
    const oldYears = [...new Set(rows.filter((r) => periodRange(r.period).to < windowStart).flatMap((r) => [r.period.year, r.period.year + 1]))];
    // year → the units (the batch's units and their ancestors) holding a target of the indicator.
    const holders = new Map<number, Set<number>>();
    if (oldYears.length) {
      const years = placeholders(oldYears.length);
      const lineIds = [...new Set([...units.values()].flatMap((u) => pathIds(u.path)))];
      for (let i = 0; i < lineIds.length; i += IN_CHUNK) {
        const chunk = lineIds.slice(i, i + IN_CHUNK);
        // Targets of the indicator that year on these units, and these units' plans of that year
        // listing it (an issuer's plan assigns the indicator over its whole subtree). By unit id:
        // the indexed look-up, not every target of the indicator in the country.
        const found = (await this.ds.query(
          `SELECT DISTINCT t.unitId AS unitId, p.year AS year FROM target t JOIN plan p ON p.id = t.planId ` +
            `WHERE t.unitId IN (${placeholders(chunk.length)}) AND t.indicatorId = ? AND p.year IN (${years}) ` +
            `UNION SELECT DISTINCT p.issuerId AS unitId, p.year AS year FROM plan p JOIN plan_indicator pin ON pin.planId = p.id ` +
            `WHERE p.issuerId IN (${placeholders(chunk.length)}) AND pin.indicatorId = ? AND p.year IN (${years})`,
          [...chunk, indicatorId, ...oldYears, ...chunk, indicatorId, ...oldYears],
        )) as { unitId: number | string; year: number | string }[];
        for (const f of found) {
          const y = Number(f.year);
          if (!holders.has(y)) holders.set(y, new Set());
          holders.get(y)!.add(Number(f.unitId));
        }
      }
    }
    return rows.map((r) => {
      const unit = units.get(r.unit.id);
      if (!unit) return notFound('unit', r.unit.id);
      // The unit itself or one of its ancestors (its path: "1.5.23." → 1, 5, 23).
      const targetIn = (year: number) => {
        const ids = holders.get(year);
        return !!ids && pathIds(unit.path).some((id) => ids.has(id));
      };
      const hasTarget = (year: number) => targetIn(year) || targetIn(year + 1);
      return periodTimeIssue(r.period, unit, today, hasTarget);
    });
  }

  /**
   * Checked figures written in one transaction with their audit rows: recordResults and the
   * spreadsheet import. The locking read can meet another writer of the same unit's periods
   * head-on: MySQL then rolls one back as a deadlock, and the write is simply tried again.
   */
  async save(ctx: AuthedContext, indicatorId: number, rows: FigureWrite[], source: ResultSource): Promise<void> {
    const late = (await this.checkInTime(indicatorId, rows)).find((e) => e !== null);
    if (late) throw late;
    await this.saveChecked(ctx, indicatorId, rows, source);
  }

  /**
   * save() for rows that have already passed checkInTime: the import checks every line to report
   * each one, and a second check of 100,000 rows before writing them would only repeat its queries.
   */
  async saveChecked(ctx: AuthedContext, indicatorId: number, rows: FigureWrite[], source: ResultSource): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ds.transaction(async (m) => {
          const audit = await this.write(m, indicatorId, rows, { source, userId: ctx.actor.userId, audit: true });
          await this.audit.record(m, ctx, audit);
        });
        return;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 5 || (code !== 'ER_LOCK_DEADLOCK' && code !== 'ER_LOCK_WAIT_TIMEOUT')) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  }

  /**
   * Writes figures of one indicator inside the caller's transaction, in batches: the rows already
   * recorded (and the quarters and years around them) in one locking read per 1,000 units, new
   * rows and changed ones in multi-row upserts, and `shadow` kept for the period
   * rule: a new row is hidden by a recorded quarter or year around it, and a new quarter or year
   * hides the rows inside it. Unchanged figures are not written. Returns the audit changes.
   * Between offices (issue #15): an APPROVED figure is locked (a change is a CONFLICT naming the
   * unit and period; the same figure sent again is a no-op), and a changed figure is DRAFT again:
   * a submission or a return is about the figures it saw. A row sent with the figure it was
   * based on (a phone's queued write) that no longer matches what is stored refuses the batch
   * too (CONFLICT resultChangedMeanwhile): someone else's figure is never overwritten unseen.
   */
  async write(m: EntityManager, indicatorId: number, rows: FigureWrite[], meta: WriteMeta): Promise<AuditChange[]> {
    if (!rows.length) return [];
    const sqlite = isSqlite(this.ds);
    const periods = new Map<string, Period>();
    for (const r of rows) {
      periods.set(r.period.key, r.period);
      for (const c of containingPeriods(r.period)) periods.set(c.key, c);
    }
    const unitIds = [...new Set(rows.map((r) => r.unit.id))];
    const existing = new Map<string, Existing>();
    const keys = [...periods.keys()];
    for (let i = 0; i < unitIds.length; i += IN_CHUNK) {
      const ids = unitIds.slice(i, i + IN_CHUNK);
      // Locking read on MySQL: a concurrent write of the same keys (or of a quarter around them) waits, so shadow never goes stale.
      const found = (await m.query(
        `SELECT id, unitId, period, numerator, denominator, value, state FROM result WHERE indicatorId = ? AND unitId IN (${placeholders(ids.length)}) ` +
          `AND period IN (${placeholders(keys.length)})${sqlite ? '' : ' FOR UPDATE'}`,
        [indicatorId, ...ids, ...keys],
      )) as Existing[];
      for (const e of found) existing.set(`${e.unitId}|${e.period}`, e);
    }
    const batchKeys = new Set(rows.map((r) => `${r.unit.id}|${r.period.key}`));
    const now = new Date();
    const audit: AuditChange[] = [];
    const inserts: StoredFigure[] = [];
    const updates: { e: Existing; r: FigureWrite }[] = [];
    const hiding: FigureWrite[] = [];
    // A figure as its row stores it (a changed row keeps its shadow: the upsert does not touch it).
    const stored = (r: FigureWrite, shadow: number): StoredFigure => ({
      unitId: r.unit.id,
      indicatorId,
      period: r.period.key,
      unitPath: r.unit.path,
      numerator: r.numerator,
      denominator: r.denominator,
      value: r.value,
      source: meta.source,
      updatedById: meta.userId,
      updatedAt: now,
      shadow,
      state: 'DRAFT',
      submittedAt: null,
      submittedById: null,
    });
    let locked: FigureWrite | null = null;
    let changed: FigureWrite | null = null;
    const none = { numerator: null, denominator: null, value: null };
    for (const r of rows) {
      const e = existing.get(`${r.unit.id}|${r.period.key}`);
      // The same figure again (a phone resending what already arrived) is a no-op, whatever it was based on.
      if (e && sameFigure(e, r)) continue;
      if (r.basedOn && !sameFigure(e ?? none, r.basedOn)) changed ??= r;
      if (e) {
        locked ??= e.state === 'APPROVED' ? r : null;
        updates.push({ e, r });
        continue;
      }
      const recorded = (key: string) => existing.has(`${r.unit.id}|${key}`) || batchKeys.has(`${r.unit.id}|${key}`);
      inserts.push(stored(r, shadowOf(r.period, recorded)));
      if (r.period.kind !== 'MONTH') hiding.push(r);
    }
    const refused = locked ?? changed;
    if (refused) {
      // The unit's name for the message: one look-up, only when a batch is refused.
      const unit = await m.getRepository(Unit).findOneBy({ id: refused.unit.id });
      const params = { unit: unit?.name ?? String(refused.unit.id), period: refused.period.key };
      if (locked) throw new DomainError('CONFLICT', { reason: 'resultLocked', ...params });
      throw new DomainError('CONFLICT', { reason: 'resultChangedMeanwhile', unitId: String(refused.unit.id), ...params });
    }
    // Changed rows (locked above) and new ones in one multi-row upsert on (unit, indicator, period): an
    // existing row takes the new figures, DRAFT (no longer submitted; a return's reason stays), and keeps its shadow; a concurrent insert of the same key
    // (SQLite has no locking read) ends as an update, never as an error.
    const upserts = [...updates.map(({ e, r }) => ({ ...stored(r, 0), id: e.id })), ...inserts];
    await insertRows(
      m,
      'result',
      RESULT_COLUMNS,
      upserts.map((r) => RESULT_COLUMNS.map((c) => r[c])),
      {
        chunk: INSERT_CHUNK,
        upsert: {
          conflict: ['unitId', 'indicatorId', 'period'],
          update: ['numerator', 'denominator', 'value', 'source', 'updatedById', 'updatedAt', 'state', 'submittedAt', 'submittedById'],
        },
      },
    );
    // A new quarter hides its months (2); a new year hides its quarters and months (1, unless a quarter already does).
    const byPeriod = new Map<string, number[]>();
    for (const r of hiding) {
      const list = byPeriod.get(r.period.key);
      if (list) list.push(r.unit.id);
      else byPeriod.set(r.period.key, [r.unit.id]);
    }
    for (const [key, ids] of byPeriod) {
      const p = periods.get(key)!;
      const inside = p.kind === 'QUARTER' ? subPeriods(p).map((s) => s.key) : subPeriods(p).flatMap((q) => [q.key, ...subPeriods(q).map((s) => s.key)]);
      for (let i = 0; i < ids.length; i += IN_CHUNK) {
        await m
          .createQueryBuilder()
          .update(ResultRow)
          .set({ shadow: p.kind === 'QUARTER' ? 2 : 1 })
          .where('indicatorId = :iid AND unitId IN (:...ids) AND period IN (:...inside) AND shadow < :s', {
            iid: indicatorId,
            ids: ids.slice(i, i + IN_CHUNK),
            inside,
            s: p.kind === 'QUARTER' ? 2 : 1,
          })
          .updateEntity(false)
          .execute();
      }
    }
    if (meta.audit) {
      for (const { e, r } of updates) {
        audit.push({
          entity: 'result',
          entityId: e.id,
          action: 'update',
          unitPath: r.unit.path,
          // A submitted or returned figure that changes is a draft again: the entry says so.
          before: e.state === 'DRAFT' ? pick(e, indicatorId) : { ...pick(e, indicatorId), state: e.state },
          after: { ...pick({ ...r, unitId: r.unit.id, period: r.period.key }, indicatorId), ...(e.state === 'DRAFT' ? {} : { state: 'DRAFT' }) },
        });
      }
      for (const r of inserts) {
        audit.push({ entity: 'result', entityId: `${r.unitId}:${r.indicatorId}:${r.period}`, action: 'create', unitPath: r.unitPath!, before: null, after: pick(r, indicatorId) });
      }
    }
    return audit;
  }
}

function pick(r: Partial<Existing> & { unitId?: number; period?: string }, indicatorId: number) {
  return { unitId: r.unitId, indicatorId, period: r.period, numerator: r.numerator, denominator: r.denominator, value: r.value };
}
