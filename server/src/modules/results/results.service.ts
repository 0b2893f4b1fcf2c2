import { In, type DataSource, type EntityManager } from 'typeorm';
import { DomainError, parsePeriod, type Measure } from '@chitieu/domain';
import { ResultRow } from './result.entity';
import type { RecordResultsInput, ResultValueInput } from './results.inputs';
import { Unit } from '../units/unit.entity';
import { badInput, notFound } from '../../common/errors';
import { inSubtree } from '../../common/scope';
import type { AuthedContext } from '../../common/context';
import type { AuditChange } from '../audit/audit.service';
import type { ResultSource } from '../../common/enums';

const INSERT_CHUNK = 500;

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
    const rows = input.results.map((r: ResultValueInput) => {
      const unit = unitById.get(Number(r.unitId));
      if (!unit || !inSubtree(ctx.actor, unit.path)) throw notFound('unit', r.unitId);
      const checked = checkResultValues(indicator.measure, r);
      if ('error' in checked) throw new DomainError('OUT_OF_RANGE', { unitId: unit.id, unit: unit.name, reason: checked.error ?? null });
      return { unit, ...checked };
    });
    await this.ds.transaction(async (m) => {
      const existing = await this.existing(m, indicator.id, period.key, rows.map((r) => r.unit.id));
      const now = new Date();
      const audit: AuditChange[] = [];
      const inserts: Partial<ResultRow>[] = [];
      for (const r of rows) {
        const e = existing.get(r.unit.id);
        const next = { numerator: r.numerator, denominator: r.denominator, value: r.value };
        if (e && e.numerator === next.numerator && e.denominator === next.denominator && e.value === next.value) continue;
        if (e) {
          await m.getRepository(ResultRow).update({ id: e.id }, { ...next, source, updatedAt: now, updatedById: ctx.actor.userId });
          audit.push({ entity: 'result', entityId: e.id, action: 'update', unitPath: r.unit.path, before: pick(e), after: { ...next, period: period.key, indicatorId: indicator.id, unitId: r.unit.id } });
        } else {
          inserts.push({ unitId: r.unit.id, indicatorId: indicator.id, period: period.key, unitPath: r.unit.path, ...next, source, updatedAt: now, updatedById: ctx.actor.userId });
        }
      }
      for (let i = 0; i < inserts.length; i += INSERT_CHUNK) await m.getRepository(ResultRow).insert(inserts.slice(i, i + INSERT_CHUNK));
      for (const r of inserts) {
        audit.push({ entity: 'result', entityId: `${r.unitId}:${r.indicatorId}:${r.period}`, action: 'create', unitPath: r.unitPath!, before: null, after: pick(r) });
      }
      await ctx.services.audit.record(m, ctx, audit);
    });
    return rows.length;
  }

  private async existing(m: EntityManager, indicatorId: number, period: string, unitIds: number[]): Promise<Map<number, ResultRow>> {
    const map = new Map<number, ResultRow>();
    for (let i = 0; i < unitIds.length; i += 1000) {
      const rows = await m.getRepository(ResultRow).findBy({ indicatorId, period, unitId: In(unitIds.slice(i, i + 1000)) });
      for (const r of rows) map.set(r.unitId, r);
    }
    return map;
  }
}

function pick(r: Partial<ResultRow>) {
  return { unitId: r.unitId, indicatorId: r.indicatorId, period: r.period, numerator: r.numerator, denominator: r.denominator, value: r.value };
}
