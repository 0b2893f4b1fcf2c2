import type { EntityManager } from 'typeorm';
import type { Target } from './target.entity';
import { columnValue, IN_CHUNK, INSERT_CHUNK, snapshot, TARGET_COLUMNS, UPDATE_CHUNK } from './target-rows';
import { placeholders } from '../../db/raw-sql';
import type { Checked, Proposal } from './target-write';
import type { AuditChange } from '../audit/audit-log';
import type { AuthedContext } from '../../common/context';
import { insertRows, recordAuditRows } from '../results/bulk';
import { pathIds } from '../../common/scope';
import { isUniqueViolation } from '../../common/retry';

/** A write that found a row changed under it: the transaction is rolled back and reported as VERSION_CONFLICT. */
export class StaleWrite extends Error {
  constructor(readonly unitId: number) {
    super('stale write');
  }
}

/**
 * Saves checked writes inside one transaction: new rows in multi-row INSERTs (a level of the
 * tree at a time, parents first, when a write spans levels), their ids read back in one
 * statement per plan and 1,000 units, changed rows by updateTargets (version-checked
 * under a lock, then a multi-row upsert: a row changed since it was read rolls the transaction
 * back, reported as VERSION_CONFLICT), and the audit rows.
 */
export async function saveTargets(m: EntityManager, sqlite: boolean, ctx: AuthedContext, list: Checked[]): Promise<Map<Checked, Target[]>> {
  const audit: AuditChange[] = [];
  const fresh: Target[] = [];
  const updates: { e: Target; t: Target }[] = [];
  const built = new Map<Proposal, Target>();
  for (const c of list) {
    for (const p of c.changed) {
      const t = c.build(p);
      built.set(p, t);
      if (p.existing) updates.push({ e: p.existing, t });
      else fresh.push(Object.assign(t, { version: 1 }));
    }
  }
  // A parent and its children written together: the parent's row goes in first, and its id is the children's parentTargetId.
  const saved = new Map<string, number>();
  const linkParent = (t: Target) => {
    const ids = pathIds(t.unitPath);
    const parentId = saved.get(`${t.planId}|${t.indicatorId}|${ids[ids.length - 2]}`);
    if (t.parentTargetId === null && parentId !== undefined) t.parentTargetId = parentId;
  };
  for (const depth of [...new Set(fresh.map((t) => pathIds(t.unitPath).length))].sort((a, b) => a - b)) {
    const level = fresh.filter((t) => pathIds(t.unitPath).length === depth);
    level.forEach(linkParent);
    try {
      await insertRows(
        m,
        'target',
        TARGET_COLUMNS,
        level.map((t) => TARGET_COLUMNS.map((c) => columnValue(t, c))),
        { chunk: INSERT_CHUNK },
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new StaleWrite(level[0].unitId);
      throw err;
    }
    for (const t of await readBackIds(m, level)) {
      saved.set(`${t.planId}|${t.indicatorId}|${t.unitId}`, t.id);
      audit.push({ entity: 'target', entityId: t.id, action: 'create', unitPath: t.unitPath, before: null, after: snapshot(t) });
    }
  }
  updates.forEach(({ t }) => linkParent(t));
  if (updates.length) await updateTargets(m, sqlite, updates);
  for (const { e, t } of updates) {
    t.version = e.version + 1;
    audit.push({ entity: 'target', entityId: e.id, action: 'update', unitPath: t.unitPath, before: snapshot(e), after: snapshot(t) });
  }
  // The same rows as AuditLog.record, in multi-row INSERTs: a cascade audits thousands of rows.
  await recordAuditRows(m, ctx, audit);
  return new Map(list.map((c) => [c, c.proposals.map((p) => built.get(p) ?? p.existing!)]));
}

/**
 * The ids of freshly inserted rows (bulk INSERT does not return them portably): one statement per
 * plan and 1,000 units. Returns the rows plan by plan, the order their audit entries are written in.
 */
async function readBackIds(m: EntityManager, fresh: Target[]): Promise<Target[]> {
  const byPlan = new Map<number, Target[]>();
  for (const t of fresh) {
    const list = byPlan.get(t.planId);
    if (list) list.push(t);
    else byPlan.set(t.planId, [t]);
  }
  for (const [planId, rows] of byPlan) {
    const indicatorIds = [...new Set(rows.map((t) => t.indicatorId))];
    const unitIds = [...new Set(rows.map((t) => t.unitId))];
    const ids = new Map<string, number>();
    for (let i = 0; i < unitIds.length; i += IN_CHUNK) {
      const chunk = unitIds.slice(i, i + IN_CHUNK);
      const found = (await m.query(
        `SELECT id, indicatorId, unitId FROM target WHERE planId = ? AND indicatorId IN (${placeholders(indicatorIds.length)}) AND unitId IN (${placeholders(chunk.length)})`,
        [planId, ...indicatorIds, ...chunk],
      )) as { id: number; indicatorId: number; unitId: number }[];
      for (const f of found) ids.set(`${f.indicatorId}|${f.unitId}`, Number(f.id));
    }
    for (const t of rows) t.id = ids.get(`${t.indicatorId}|${t.unitId}`)!;
  }
  return [...byPlan.values()].flat();
}

/**
 * Updates many targets only where the version is still the one read: the rows are read again
 * with a lock (MySQL; SQLite has one writer) and compared, a moved row throws StaleWrite (the
 * transaction rolls back), then all are written by one multi-row upsert on the primary key
 * per 1,000 rows — linear in the rows, where a CASE per column grows with their square.
 */
async function updateTargets(m: EntityManager, sqlite: boolean, rows: { e: Target; t: Target }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += IN_CHUNK) {
    const chunk = rows.slice(i, i + IN_CHUNK);
    const found = (await m.query(
      `SELECT id, version FROM target WHERE id IN (${placeholders(chunk.length)})${sqlite ? '' : ' FOR UPDATE'}`,
      chunk.map((r) => r.e.id),
    )) as { id: number; version: number }[];
    const version = new Map(found.map((f) => [Number(f.id), Number(f.version)]));
    const stale = chunk.find((r) => version.get(r.e.id) !== r.e.version);
    if (stale) throw new StaleWrite(stale.t.unitId);
  }
  const columns = ['id', ...TARGET_COLUMNS] as const;
  await insertRows(
    m,
    'target',
    columns,
    rows.map((r) => columns.map((c) => (c === 'id' ? r.e.id : c === 'version' ? r.e.version + 1 : columnValue(r.t, c)))),
    {
      chunk: UPDATE_CHUNK,
      upsert: {
        conflict: ['id'],
        update: ['value', 'comparator', 'baseline', 'baselineSource', 'origin', 'note', 'facts', 'late', 'parentTargetId', 'assignedById', 'updatedById', 'updatedAt', 'version'],
      },
    },
  );
}
