import type { EntityManager } from 'typeorm';
import { auditPlanId } from '../audit/audit-plan';
import { placeholders } from '../../db/raw-sql';

/**
 * Multi-row INSERT written out, for the write paths that insert thousands of rows (results,
 * targets): TypeORM's InsertQueryBuilder registers one named parameter per value and copies the
 * parameter map on each, which makes a 1,000-row insert quadratic. Plain `?` placeholders, one
 * statement per `chunk` rows (callers keep rows × columns under SQLite's 32,766).
 */
export async function insertRows(
  m: EntityManager,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  opts: { chunk: number; upsert?: { conflict: string[]; update: string[] } },
): Promise<void> {
  const sqlite = m.connection.options.type === 'better-sqlite3';
  const q = (name: string) => (sqlite ? `"${name}"` : `\`${name}\``);
  const row = `(${placeholders(columns.length)})`;
  let tail = '';
  if (opts.upsert) {
    tail = sqlite
      ? ` ON CONFLICT (${opts.upsert.conflict.map(q).join(', ')}) DO UPDATE SET ${opts.upsert.update.map((c) => `${q(c)} = excluded.${q(c)}`).join(', ')}`
      : ` ON DUPLICATE KEY UPDATE ${opts.upsert.update.map((c) => `${q(c)} = VALUES(${q(c)})`).join(', ')}`;
  }
  for (let i = 0; i < rows.length; i += opts.chunk) {
    const chunk = rows.slice(i, i + opts.chunk);
    const params: unknown[] = [];
    for (const r of chunk) for (const v of r) params.push(sqlValue(v, sqlite));
    await m.query(`INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES ${chunk.map(() => row).join(', ')}${tail}`, params);
  }
}

/** A value as the driver binds it the way TypeORM would have stored it: SQLite gets dates as UTC text and booleans as 1/0. */
export function sqlValue(v: unknown, sqlite: boolean): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date && sqlite) return v.toISOString().replace('T', ' ').replace('Z', '');
  return v;
}

const AUDIT_COLUMNS = ['at', 'userId', 'entity', 'entityId', 'action', 'unitPath', 'planId', 'before', 'after', 'requestId'] as const;

/**
 * The audit rows of a bulk write, in the caller's transaction: the same rows AuditLog.record
 * writes (who, when, what, before and after as JSON, the request id), in multi-row INSERTs of
 * 1,000 rows. Used where one write changes thousands of rows (cascades, generated data).
 */
export async function recordAuditRows(
  m: EntityManager,
  ctx: { actor: { userId: number } | null; requestId: string },
  changes: { entity: string; entityId: number | string; action: string; unitPath: string | null; before: unknown; after: unknown }[],
): Promise<void> {
  if (!changes.length) return;
  const at = new Date();
  const rows = changes.map((c) => [
    at,
    ctx.actor?.userId ?? null,
    c.entity,
    String(c.entityId),
    c.action,
    c.unitPath,
    auditPlanId(c),
    c.before == null ? null : JSON.stringify(c.before),
    c.after == null ? null : JSON.stringify(c.after),
    ctx.requestId,
  ]);
  await insertRows(m, 'audit_log', AUDIT_COLUMNS, rows, { chunk: 1000 });
}
