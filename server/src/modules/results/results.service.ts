import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, containingPeriods, parsePeriod, subPeriods, type Measure, type Period } from '@chitieu/domain';
import { ResultRow } from './result.entity';
import type { RecordResultsInput, ResultValueInput } from './results.inputs';
import { Unit } from '../units/unit.entity';
import { badInput, notFound } from '../../common/errors';
import { inSubtree } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import type { AuditChange } from '../audit/audit.service';
import type { ResultSource } from '../../common/enums';
import { isSqlite } from '../../db/data-source';
import { insertRows } from './bulk';

/**
 * Rows per statement. The tightest placeholder limit is SQLite's 32,766 (MySQL's 65,535): an
 * upsert of 11 columns × 1,000 rows and an IN list of 1,000 ids stay far inside it.
 */
const INSERT_CHUNK = 1000;
const IN_CHUNK = 1000;

/** The figure a row carries for its measure, or the reason it is not acceptable. */
export function checkResultValues(measure: Measure, r: { numerator?: number | null; denominator?: number | null; value?: number | null }) {
  const finite = (x: number | null | undefined) => x === null || x === undefined || Number.isFinite(x);
  if (!finite(r.numerator) || !finite(r.denominator) || !finite(r.value)) return { error: 'notANumber' as const };
  if (measure === 'RATE') {
    const b = r.numerator ?? null;
    const a = r.denominator ?? null;
    if (b === null || a === null) return { error: 'rateNeedsBoth' as const };
    if (b < 0 || a < 0 || b > a) return { error: 'rateRange' as const };
    return { numerator: b, denominator: a, value: a > 0 ? (100 * b) / a : null };
  }
  const v = r.value ?? null;
  if (v === null) return { error: 'valueMissing' as const };
  if (v < 0 || (measure === 'SCORE' && v > 100)) return { error: 'valueRange' as const };
  return { numerator: null, denominator: null, value: v };
}

/** One figure to write: already checked, for a unit whose path is known. */
export interface FigureWrite {
  unit: Pick<Unit, 'id' | 'path'>;
  period: Period;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

export interface WriteMeta {
  source: ResultSource;
  userId: number | null;
  /** Collect audit changes (every user write); the generator of bench data does not. */
  audit: boolean;
}

/** How far a recorded period around `p` hides it, given the recorded keys of its unit: 2 its quarter, 1 its year, else 0. */
export function shadowOf(p: Period, recorded: (key: string) => boolean): number {
  const around = containingPeriods(p); // innermost first: [quarter, year] for a month, [year] for a quarter
  if (p.kind === 'MONTH' && recorded(around[0].key)) return 2;
  return around.some((c) => c.kind === 'YEAR' && recorded(c.key)) ? 1 : 0;
}

const RESULT_COLUMNS = ['unitId', 'indicatorId', 'period', 'unitPath', 'numerator', 'denominator', 'value', 'source', 'updatedById', 'updatedAt', 'shadow'] as const;

type Existing = Pick<ResultRow, 'id' | 'unitId' | 'period' | 'numerator' | 'denominator' | 'value'>;

export class ResultsService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Records figures for (unit, indicator, period), replacing earlier ones: sending the same
   * batch twice leaves the same rows. All rows or none.
   */
  async record(ctx: AuthedContext, input: RecordResultsInput, source: ResultSource = 'MANUAL'): Promise<number> {
    const indicator = await ctx.services.indicators.get(ctx, input.indicatorId);
    const period = parsePeriod(input.period);
    const ids = input.results.map((r) => Number(r.unitId));
    if (new Set(ids).size !== ids.length) throw badInput('duplicateUnit');
    const units = ids.length ? await this.ds.getRepository(Unit).findBy({ id: In(ids.filter((n) => Number.isInteger(n) && n > 0)) }) : [];
    const unitById = new Map(units.map((u) => [u.id, u]));
    const rows: FigureWrite[] = input.results.map((r: ResultValueInput) => {
      const unit = unitById.get(Number(r.unitId));
      if (!unit || !inSubtree(ctx.actor, unit.path)) throw notFound('unit', r.unitId);
      const checked = checkResultValues(indicator.measure, r);
      if ('error' in checked) throw new DomainError('OUT_OF_RANGE', { unitId: unit.id, unit: unit.name, reason: checked.error ?? null });
      return { unit, period, ...checked };
    });
    await this.save(ctx, indicator.id, rows, source);
    return rows.length;
  }

  /**
   * Checked figures written in one transaction with their audit rows: recordResults and the
   * spreadsheet import. The locking read can meet another writer of the same unit's periods
   * head-on: MySQL then rolls one back as a deadlock, and the write is simply tried again.
   */
  async save(ctx: AuthedContext, indicatorId: number, rows: FigureWrite[], source: ResultSource): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.ds.transaction(async (m) => {
          const audit = await this.write(m, indicatorId, rows, { source, userId: ctx.actor.userId, audit: true });
          await ctx.services.audit.record(m, ctx, audit);
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
   * rows in multi-row INSERTs, changed rows in CASE UPDATEs, and `shadow` kept for the period
   * rule: a new row is hidden by a recorded quarter or year around it, and a new quarter or year
   * hides the rows inside it. Unchanged figures are not written. Returns the audit changes.
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
        `SELECT id, unitId, period, numerator, denominator, value FROM result WHERE indicatorId = ? AND unitId IN (${ids.map(() => '?').join(', ')}) ` +
          `AND period IN (${keys.map(() => '?').join(', ')})${sqlite ? '' : ' FOR UPDATE'}`,
        [indicatorId, ...ids, ...keys],
      )) as Existing[];
      for (const e of found) existing.set(`${e.unitId}|${e.period}`, e);
    }
    const batchKeys = new Set(rows.map((r) => `${r.unit.id}|${r.period.key}`));
    const now = new Date();
    const audit: AuditChange[] = [];
    const inserts: (Omit<ResultRow, 'id'>)[] = [];
    const updates: { e: Existing; r: FigureWrite }[] = [];
    const hiding: FigureWrite[] = [];
    for (const r of rows) {
      const e = existing.get(`${r.unit.id}|${r.period.key}`);
      if (e) {
        if (e.numerator === r.numerator && e.denominator === r.denominator && e.value === r.value) continue;
        updates.push({ e, r });
        continue;
      }
      const recorded = (key: string) => existing.has(`${r.unit.id}|${key}`) || batchKeys.has(`${r.unit.id}|${key}`);
      inserts.push({
        unitId: r.unit.id, indicatorId, period: r.period.key, unitPath: r.unit.path, numerator: r.numerator, denominator: r.denominator,
        value: r.value, source: meta.source, updatedById: meta.userId, updatedAt: now, shadow: shadowOf(r.period, recorded),
      });
      if (r.period.kind !== 'MONTH') hiding.push(r);
    }
    // Changed rows (locked above) and new ones in one multi-row upsert on (unit, indicator, period): an
    // existing row takes the new figures and keeps its shadow; a concurrent insert of the same key
    // (SQLite has no locking read) ends as an update, never as an error.
    const upserts = [
      ...updates.map(({ e, r }) => ({
        unitId: r.unit.id, indicatorId, period: r.period.key, unitPath: r.unit.path, numerator: r.numerator, denominator: r.denominator,
        value: r.value, source: meta.source, updatedById: meta.userId, updatedAt: now, shadow: 0, id: e.id,
      })),
      ...inserts,
    ];
    await insertRows(m, 'result', RESULT_COLUMNS, upserts.map((r) => RESULT_COLUMNS.map((c) => r[c])), {
      chunk: INSERT_CHUNK,
      upsert: { conflict: ['unitId', 'indicatorId', 'period'], update: ['numerator', 'denominator', 'value', 'source', 'updatedById', 'updatedAt'] },
    });
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
        await m.createQueryBuilder().update(ResultRow)
          .set({ shadow: p.kind === 'QUARTER' ? 2 : 1 })
          .where('indicatorId = :iid AND unitId IN (:...ids) AND period IN (:...inside) AND shadow < :s', {
            iid: indicatorId, ids: ids.slice(i, i + IN_CHUNK), inside, s: p.kind === 'QUARTER' ? 2 : 1,
          })
          .updateEntity(false).execute();
      }
    }
    if (meta.audit) {
      for (const { e, r } of updates) {
        audit.push({ entity: 'result', entityId: e.id, action: 'update', unitPath: r.unit.path, before: pick(e, indicatorId), after: pick({ ...r, unitId: r.unit.id, period: r.period.key }, indicatorId) });
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
