import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Unit } from '../modules/units/unit.entity';
import { Plan } from '../modules/plans/plan.entity';
import { Indicator } from '../modules/indicators/indicator.entity';
import { Target } from '../modules/targets/target.entity';
import { PlanIndicatorRow } from '../modules/plans/plan-indicator.entity';
import { PlanTask } from '../modules/plans/plan-task.entity';
import { User } from '../modules/auth/user.entity';

/** One SELECT ... WHERE id IN (...) per batch, results in key order (null where missing). */
function byId<T extends ObjectLiteral & { id: number }>(ds: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<number, T | null>(async (ids) => {
    const rows = await ds.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  }, { maxBatchSize: 500 });
}

function groupedBy<T extends ObjectLiteral>(ds: DataSource, entity: EntityTarget<T>, column: keyof T & string, order: Record<string, 'ASC'>) {
  return new DataLoader<number, T[]>(async (keys) => {
    const rows = await ds.getRepository(entity).find({ where: { [column]: In([...keys]) } as never, order: order as never });
    const map = new Map<number, T[]>();
    for (const r of rows) {
      const k = r[column] as number;
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
    return keys.map((k) => map.get(k) ?? []);
  }, { maxBatchSize: 500 });
}

/** Per-request batching of relation look-ups, so nested queries cost one statement per level. */
export function createLoaders(ds: DataSource) {
  return {
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
