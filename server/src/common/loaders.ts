import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Unit } from '../modules/units/unit.entity';
import { Plan } from '../modules/plans/plan.entity';
import { Indicator } from '../modules/indicators/indicator.entity';
import { Target } from '../modules/targets/target.entity';
import { PlanIndicatorRow } from '../modules/plans/plan-indicator.entity';
import { PlanTask } from '../modules/plans/plan-task.entity';
import { User } from '../modules/auth/user.entity';
import { validOn } from './validity';

/**
 * Keys per statement: a whole province's units or targets in one IN list (5,000 placeholders,
 * far inside SQLite's 32,766 and MySQL's 65,535), so a nested list costs one statement per level.
 */
const BATCH = 5000;

/** One SELECT ... WHERE id IN (...) per batch, results in key order (null where missing). */
function byId<T extends ObjectLiteral & { id: number }>(ds: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<number, T | null>(
    async (ids) => {
      const rows = await ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
      const map = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => map.get(id) ?? null);
    },
    { maxBatchSize: BATCH },
  );
}

function groupedBy<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, column: keyof T & string, order: Record<string, 'ASC'>) {
  return new DataLoader<number, T[]>(
    async (keys) => {
      const rows = await ds.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order: order as never });
      const map = new Map<number, T[]>();
      for (const r of rows) {
        const k = r[column] as number;
        const list = map.get(k);
        if (list) list.push(r);
        else map.set(k, [r]);
      }
      return keys.map((k) => map.get(k) ?? []);
    },
    { maxBatchSize: BATCH },
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Children valid on a date, for many parents at once: keys are "parentId|date|kinds" (kinds
 * comma-joined, empty for all); one statement per distinct (date, kinds) in a batch. Ordered by
 * code, name, id as `Unit.children` lists them.
 */
function childrenOn(ds: DataSource) {
  return new DataLoader<string, Unit[]>(
    async (keys) => {
      const groups = new Map<string, number[]>();
      for (const k of keys) {
        const [pid, rest] = [k.slice(0, k.indexOf('|')), k.slice(k.indexOf('|') + 1)];
        push(groups, rest, Number(pid));
      }
      const found = new Map<string, Unit[]>();
      for (const [rest, pids] of groups) {
        const [at, kinds] = rest.split('|');
        const qb = validOn(ds.getRepository(Unit).createQueryBuilder('u').where('u.parentId IN (:...pids)', { pids }), 'u', at);
        if (kinds) qb.andWhere('u.kind IN (:...kinds)', { kinds: kinds.split(',') });
        const rows = await qb.orderBy('u.code', 'ASC').addOrderBy('u.name', 'ASC').addOrderBy('u.id', 'ASC').getMany();
        for (const u of rows) {
          push(found, `${u.parentId}|${rest}`, u);
        }
      }
      return keys.map((k) => found.get(k) ?? []);
    },
    { maxBatchSize: BATCH },
  );
}

/**
 * A unit's own targets in the plans of a year, for many units at once: keys are
 * "unitId|year|indicatorId" (indicator empty for all); one statement per distinct (year,
 * indicator) in a batch. Unscoped: the service filters what the caller may read.
 */
function unitTargets(ds: DataSource) {
  return new DataLoader<string, Target[]>(
    async (keys) => {
      const groups = new Map<string, number[]>();
      for (const k of keys) {
        const [uid, year, iid] = k.split('|');
        const g = `${year}|${iid}`;
        push(groups, g, Number(uid));
      }
      const found = new Map<string, Target[]>();
      for (const [g, uids] of groups) {
        const [year, iid] = g.split('|');
        const qb = ds
          .getRepository(Target)
          .createQueryBuilder('t')
          .innerJoin(Plan, 'p', 'p.id = t.planId')
          .where('p.year = :year', { year: Number(year) })
          .andWhere('t.unitId IN (:...uids)', { uids });
        if (iid) qb.andWhere('t.indicatorId = :iid', { iid: Number(iid) });
        for (const t of await qb.orderBy('t.planId', 'ASC').addOrderBy('t.indicatorId', 'ASC').getMany()) {
          push(found, `${t.unitId}|${g}`, t);
        }
      }
      return keys.map((k) => found.get(k) ?? []);
    },
    { maxBatchSize: BATCH },
  );
}

/** Per-request batching of relation look-ups, so nested queries cost one statement per level. */
export function createLoaders(ds: DataSource) {
  return {
    children: childrenOn(ds),
    unitTargets: unitTargets(ds),
    unit: byId(ds, Unit),
    plan: byId(ds, Plan),
    indicator: byId(ds, Indicator),
    target: byId(ds, Target),
    user: byId(ds, User),
    planIndicators: groupedBy(ds, PlanIndicatorRow, 'planId', { sortOrder: 'ASC', id: 'ASC' }),
    planTasks: groupedBy(ds, PlanTask, 'planId', { sortOrder: 'ASC', id: 'ASC' }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
