import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createLogger } from '../../common/logger';

/*
 * Issue #11, class 3: figures were not bounded, so a database may hold Infinity (numerator =
 * denominator = 1e308 made value = 100·b/a overflow; SQLite stores it as a REAL infinity) or
 * absurd figures (a baseline of −50 or 1e308), which made progress answer INTERNAL_SERVER_ERROR.
 * From now on every write keeps counts in 0..1e12 and rates, scores, floors in 0..100; this
 * repairs what is already stored. Data only, no DDL, no entity imports; safe to run twice.
 *
 * What a repair does, chosen to be the least surprising:
 * - a result with any figure out of bounds keeps its row but loses all its figures (NULL): the
 *   period stays "recorded, no figure" for the reporter to enter again, and the rows inside it
 *   stay hidden (shadow) — deleting it would silently bring its months back into the year total;
 * - a target's baseline or reference value out of bounds becomes NULL (no baseline);
 * - a target whose value is out of bounds is deleted (value is NOT NULL and a target of Infinity
 *   means nothing; its children lose the link to it, as when a parent target is removed);
 * - an indicator's hard minimum out of bounds becomes NULL; a plan's floor out of bounds is dropped.
 * SQL comparisons catch infinities on both databases (SQLite compares its REAL Inf; MariaDB's
 * DOUBLE cannot hold one at all); NaN is stored as NULL by both.
 */
const MAX_COUNT = 1e12;
const MAX_PERCENT = 100;

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

export interface FiniteNumbersRepair {
  results: number;
  baselines: number;
  referenceValues: number;
  targets: number;
  hardMinimums: number;
  floors: number;
}

/** SQL true when `col` (of a row whose indicator is `indicatorCol`) is not NULL and outside its measure's range. */
function outOfRange(col: string, indicatorCol: string): string {
  return (
    `(${col} IS NOT NULL AND (NOT (${col} >= 0 AND ${col} <= ${MAX_COUNT}) OR ` +
    `(${col} > ${MAX_PERCENT} AND ${indicatorCol} IN (SELECT id FROM indicator WHERE measure <> 'COUNT'))))`
  );
}

async function count(query: Query, table: string, where: string): Promise<number> {
  const rows = (await query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)) as { n: unknown }[];
  return Number(rows[0]?.n ?? 0);
}

/** Repairs every stored figure that is non-finite or out of bounds; returns how many of each it changed. */
export async function repairFiniteNumbers(query: Query): Promise<FiniteNumbersRepair> {
  const out: FiniteNumbersRepair = { results: 0, baselines: 0, referenceValues: 0, targets: 0, hardMinimums: 0, floors: 0 };

  // A result's numerator and denominator are counts whatever the measure; its value follows the measure.
  const badResult =
    `(numerator IS NOT NULL AND NOT (numerator >= 0 AND numerator <= ${MAX_COUNT})) OR ` +
    `(denominator IS NOT NULL AND NOT (denominator >= 0 AND denominator <= ${MAX_COUNT})) OR ${outOfRange('value', 'indicatorId')}`;
  out.results = await count(query, 'result', badResult);
  if (out.results) await query(`UPDATE result SET numerator = NULL, denominator = NULL, value = NULL WHERE ${badResult}`);

  out.baselines = await count(query, 'target', outOfRange('baseline', 'indicatorId'));
  if (out.baselines) await query(`UPDATE target SET baseline = NULL WHERE ${outOfRange('baseline', 'indicatorId')}`);
  out.referenceValues = await count(query, 'target', outOfRange('referenceValue', 'indicatorId'));
  if (out.referenceValues) await query(`UPDATE target SET referenceValue = NULL WHERE ${outOfRange('referenceValue', 'indicatorId')}`);

  const badTargets = (await query(`SELECT id FROM target WHERE ${outOfRange('value', 'indicatorId')}`)) as { id: unknown }[];
  for (let i = 0; i < badTargets.length; i += 500) {
    const ids = badTargets.slice(i, i + 500).map((t) => Number(t.id));
    const list = ids.map(() => '?').join(', ');
    await query(`UPDATE target SET parentTargetId = NULL WHERE parentTargetId IN (${list})`, ids);
    await query(`DELETE FROM target WHERE id IN (${list})`, ids);
  }
  out.targets = badTargets.length;

  const badMinimum = outOfRange('hardMinimum', 'id');
  out.hardMinimums = await count(query, 'indicator', badMinimum);
  if (out.hardMinimums) await query(`UPDATE indicator SET hardMinimum = NULL WHERE ${badMinimum}`);

  // Floors live in JSON (where Infinity was written as null): keep the finite ones within range.
  const rows = (await query(`SELECT pin.id AS id, pin.floors AS floors, i.measure AS measure FROM plan_indicator pin JOIN indicator i ON i.id = pin.indicatorId`)) as {
    id: unknown;
    floors: unknown;
    measure: string;
  }[];
  for (const r of rows) {
    let floors: unknown;
    try {
      floors = typeof r.floors === 'string' ? JSON.parse(r.floors) : r.floors;
    } catch {
      continue;
    }
    if (!Array.isArray(floors)) continue;
    const max = r.measure === 'COUNT' ? MAX_COUNT : MAX_PERCENT;
    const kept = floors.filter((f: { value?: unknown }) => typeof f?.value === 'number' && Number.isFinite(f.value) && f.value >= 0 && f.value <= max);
    if (kept.length === floors.length) continue;
    out.floors += floors.length - kept.length;
    await query('UPDATE plan_indicator SET floors = ? WHERE id = ?', [JSON.stringify(kept), Number(r.id)]);
  }
  return out;
}

export class FiniteNumbers1765000000000 implements MigrationInterface {
  name = 'FiniteNumbers1765000000000';

  async up(q: QueryRunner): Promise<void> {
    const repaired = await repairFiniteNumbers((sql, params) => q.query(sql, params));
    const total = Object.values(repaired).reduce((a, b) => a + b, 0);
    const log = createLogger(process.env.LOG_LEVEL ?? 'info');
    if (total > 0) log.warn({ repaired }, 'migration FiniteNumbers1765000000000: repaired non-finite or out-of-range figures');
    else log.debug({ repaired }, 'migration FiniteNumbers1765000000000: no figure to repair');
  }

  async down(): Promise<void> {
    // A repair cannot be undone: the figures it cleared meant nothing.
  }
}
