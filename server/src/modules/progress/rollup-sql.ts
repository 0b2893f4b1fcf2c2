import { subPeriods, type Measure, type Period } from '@chitieu/domain';
import { subtreeEnd } from '../../common/scope';
import { placeholders } from '../../db/raw-sql';

/**
 * The statements progress reads results with, SQLite and MySQL alike (plain SUBSTR/INSTR/LENGTH,
 * window functions both have). Each selects the columns readSums reads (figure-sums.ts).
 */

/** A period's key and the keys of every period inside it (a year: itself, 4 quarters, 12 months). */
export function periodKeys(p: Period): string[] {
  return [p.key, ...subPeriods(p).flatMap(periodKeys)];
}

/**
 * The period rule as a filter on `result.shadow` (docs/design.md): a year counts the rows no
 * recorded quarter or year hides, a quarter the rows no recorded quarter hides, a month its row.
 */
export function shadowFilter(p: Period): string {
  return p.kind === 'YEAR' ? ' AND shadow = 0' : p.kind === 'QUARTER' ? ' AND shadow < 2' : '';
}

/**
 * SQL for the group a row of the subtree of a unit at path `rootPath` (length L) rolls up to: the
 * id of the root's child it lies under ("1.17.230." → 17 under root "1."), 0 for the root's own
 * rows; with no root, the top-level unit's id. A number, not the path prefix: MySQL groups a
 * numeric key in a small temporary table, a VARCHAR(255) one in a wide one (several times slower
 * over a national year).
 */
function childKeySql(rootPath: string | null): { key: string; own: string } {
  const len = rootPath ? rootPath.length : 0;
  const rest = len === 0 ? 'unitPath' : `SUBSTR(unitPath, ${len + 1})`;
  const id = `SUBSTR(unitPath, ${len + 1}, INSTR(${rest}, '.') - 1) + 0`;
  return {
    key: len === 0 ? id : `CASE WHEN LENGTH(unitPath) = ${len} THEN 0 ELSE ${id} END`,
    // The group's own unit: exactly one path component after the root (none for the root itself).
    own: `CASE WHEN LENGTH(unitPath) - ${len} = INSTR(${rest}, '.') THEN 1 ELSE 0 END`,
  };
}

/** The month a period ends in, in SQL (2024 → 12, 2024-Q2 → 6, 2024-05 → 5): the latest kept row of a unit is the one ending last. */
const END_MONTH_SQL = `CASE WHEN LENGTH(period) = 4 THEN 12 WHEN SUBSTR(period, 6, 1) = 'Q' THEN 3 * (SUBSTR(period, 7, 1) + 0) ELSE SUBSTR(period, 6, 2) + 0 END`;

/**
 * Each unit's latest kept row of the period (its row ranked 1). Kept rows never end in the same
 * month: a recorded quarter or year hides the periods inside it (shadow).
 */
const LATEST_ROW = `ROW_NUMBER() OVER (PARTITION BY indicatorId, unitPath ORDER BY ${END_MONTH_SQL} DESC) AS rn`;

/** The column that carries a measure's figure: a RATE row without a denominator counts for nothing. */
const figureColumn = (measure: Measure) => (measure === 'RATE' ? 'denominator' : 'value');

/** Sums of the kept rows (or of each unit's latest), counting the rows that carry the figure. */
function sumColumns(measure: Measure): string {
  return `SUM(numerator) AS numerators, SUM(denominator) AS denominators, SUM(value) AS valueSum, COUNT(${figureColumn(measure)}) AS rowCount`;
}

export type RollUpRow = { indicatorId: unknown; groupId: unknown; isOwn: unknown; numerators: unknown; denominators: unknown; valueSum: unknown; rowCount: unknown };

/**
 * The roll-up statement of `period` for indicators of one measure over the subtree of `rootPath`
 * (every unit, when null), grouped by indicator and by the root's child each row lies under;
 * isOwn = 1 for the rows of the group's unit itself, so its own figure comes out of the same statement.
 * `latest` (SCORE, PERCENT, CUMULATIVE: takesLatest): each unit's latest kept row stands for the
 * period and the groups add those up; otherwise every kept row is added.
 */
export function rollUpSql(measure: Measure, indicatorIds: number[], period: Period, rootPath: string | null, latest = measure === 'SCORE'): { sql: string; params: unknown[] } {
  const keys = periodKeys(period);
  const params: unknown[] = [...indicatorIds, ...keys];
  let where = `indicatorId IN (${placeholders(indicatorIds.length)}) AND period IN (${placeholders(keys.length)})${shadowFilter(period)}`;
  if (rootPath !== null) {
    where += ' AND unitPath >= ? AND unitPath < ?';
    params.push(rootPath, subtreeEnd(rootPath));
  }
  const { key, own } = childKeySql(rootPath);
  const sql = latest
    ? `SELECT indicatorId, groupId, isOwn, ${sumColumns(measure)} FROM (` +
      `SELECT indicatorId, ${key} AS groupId, ${own} AS isOwn, numerator, denominator, value, ${LATEST_ROW} FROM result WHERE ${where}` +
      `) ranked WHERE rn = 1 GROUP BY indicatorId, groupId, isOwn`
    : `SELECT indicatorId, ${key} AS groupId, ${own} AS isOwn, ${sumColumns(measure)} FROM result WHERE ${where} GROUP BY indicatorId, groupId, isOwn`;
  return { sql, params };
}

export type PathSumsRow = { indicatorId: unknown; unitPath: string; numerators: unknown; denominators: unknown; valueSum: unknown; rowCount: unknown };

/** Sums of `period` per indicator and unit path inside the subtrees of `rootPaths` (one measure; `latest` as in rollUpSql). */
export function sumsByPathSql(measure: Measure, indicatorIds: number[], period: Period, rootPaths: string[], latest = measure === 'SCORE'): { sql: string; params: unknown[] } {
  const keys = periodKeys(period);
  const where =
    `indicatorId IN (${placeholders(indicatorIds.length)}) AND period IN (${placeholders(keys.length)})${shadowFilter(period)} ` +
    `AND (${rootPaths.map(() => '(unitPath >= ? AND unitPath < ?)').join(' OR ')})`;
  const params = [...indicatorIds, ...keys, ...rootPaths.flatMap((r) => [r, subtreeEnd(r)])];
  const column = figureColumn(measure);
  const sql = latest
    ? `SELECT indicatorId, unitPath, numerator AS numerators, denominator AS denominators, value AS valueSum, 1 AS rowCount FROM (SELECT indicatorId, unitPath, numerator, denominator, value, ` +
      `${LATEST_ROW} FROM result WHERE ${where}) ranked WHERE rn = 1 AND ${column} IS NOT NULL`
    : `SELECT indicatorId, unitPath, ${sumColumns(measure)} FROM result WHERE ${where} GROUP BY indicatorId, unitPath`;
  return { sql, params };
}

/** The reorganisation links whose successor matches `where`, in effect after `from` and by the tree date. */
export function linksSql(where: string): string {
  return (
    `SELECT l.successorId AS successorId, l.effectiveDate AS effectiveDate, u.path AS predecessorPath FROM unit_link l JOIN unit u ON u.id = l.predecessorId ` +
    `WHERE (${where}) AND l.effectiveDate > ? AND l.effectiveDate <= ?`
  );
}

export type MonthlyRollUpRow = RollUpRow & { period: string };

/**
 * The monthly figures of several months at once, for projections (projection.ts in the domain):
 * rollUpSql's groups (the root's children, isOwn for each group's own unit) per month key. A
 * month's row is the unit's only row of that month, so no period rule or latest row applies.
 */
export function monthlyRollUpSql(measure: Measure, indicatorId: number, months: Period[], rootPath: string): { sql: string; params: unknown[] } {
  const { key, own } = childKeySql(rootPath);
  const sql =
    `SELECT period, ${key} AS groupId, ${own} AS isOwn, ${sumColumns(measure)} FROM result ` +
    `WHERE indicatorId = ? AND period IN (${placeholders(months.length)}) AND unitPath >= ? AND unitPath < ? GROUP BY period, groupId, isOwn`;
  return { sql, params: [indicatorId, ...months.map((m) => m.key), rootPath, subtreeEnd(rootPath)] };
}

export type MonthlyPathRow = PathSumsRow & { period: string };

/** The monthly figures per indicator, unit path and month inside the subtree of `rootPath` (one measure), for projections. */
export function monthlyByPathSql(measure: Measure, indicatorIds: number[], months: Period[], rootPath: string): { sql: string; params: unknown[] } {
  const sql =
    `SELECT indicatorId, unitPath, period, ${sumColumns(measure)} FROM result ` +
    `WHERE indicatorId IN (${placeholders(indicatorIds.length)}) AND period IN (${placeholders(months.length)}) AND unitPath >= ? AND unitPath < ? ` +
    `GROUP BY indicatorId, unitPath, period`;
  return { sql, params: [...indicatorIds, ...months.map((m) => m.key), rootPath, subtreeEnd(rootPath)] };
}
