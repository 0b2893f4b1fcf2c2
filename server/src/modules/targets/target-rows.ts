import type { FactRef } from '@chitieu/domain';
import { Target } from './target.entity';
import { dateFromSql } from '../../db/raw-sql';

/**
 * Rows per statement, inside the tightest placeholder limit (SQLite's 32,766; MySQL's 65,535):
 * an INSERT of 1,000 rows × 20 columns, an upsert of 1,000 rows × 21, IN lists of 1,000.
 */
export const INSERT_CHUNK = 1000;
export const UPDATE_CHUNK = 1000;
export const IN_CHUNK = 1000;

/** The columns a bulk write of targets fills, in order. */
export const TARGET_COLUMNS = [
  'planId',
  'indicatorId',
  'unitId',
  'unitPath',
  'value',
  'comparator',
  'baseline',
  'baselineSource',
  'referenceValue',
  'referenceLabel',
  'origin',
  'parentTargetId',
  'assignedById',
  'note',
  'facts',
  'late',
  'version',
  'updatedById',
  'createdAt',
  'updatedAt',
] as const;

/** A column of a target as a bulk write binds it: facts as the JSON text TypeORM's simple-json keeps. */
export function columnValue(t: Target, column: (typeof TARGET_COLUMNS)[number]): unknown {
  return column === 'facts' ? (t.facts?.length ? JSON.stringify(t.facts) : null) : t[column];
}

/** The facts column of a raw row (simple-json text; a driver may have parsed it already). */
function parseFacts(v: unknown): FactRef[] | null {
  if (v === null || v === undefined || v === '') return null;
  const list = (typeof v === 'string' ? JSON.parse(v) : v) as FactRef[];
  return Array.isArray(list) && list.length ? list : null;
}

/** A raw `target` row as the entity TypeORM would have made: numbers, booleans and dates as such. */
export function hydrateTarget(r: Record<string, unknown>, sqlite: boolean): Target {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return Object.assign(new Target(), {
    id: Number(r.id),
    planId: Number(r.planId),
    indicatorId: Number(r.indicatorId),
    unitId: Number(r.unitId),
    unitPath: String(r.unitPath),
    value: Number(r.value),
    comparator: r.comparator,
    baseline: num(r.baseline),
    baselineSource: r.baselineSource ?? null,
    referenceValue: num(r.referenceValue),
    referenceLabel: r.referenceLabel ?? null,
    origin: r.origin,
    parentTargetId: num(r.parentTargetId),
    assignedById: Number(r.assignedById),
    note: r.note ?? null,
    facts: parseFacts(r.facts),
    late: Boolean(Number(r.late)),
    version: Number(r.version),
    updatedById: num(r.updatedById),
    createdAt: dateFromSql(r.createdAt, sqlite),
    updatedAt: dateFromSql(r.updatedAt, sqlite),
  });
}

/** What the audit log keeps of a target, before and after a change. */
export function snapshot(t: Target) {
  return {
    value: t.value,
    comparator: t.comparator,
    baseline: t.baseline,
    origin: t.origin,
    note: t.note,
    facts: t.facts ?? null,
    version: t.version,
    unitId: t.unitId,
    planId: t.planId,
    indicatorId: t.indicatorId,
  };
}
