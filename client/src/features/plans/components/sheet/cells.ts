import type { TargetValueInput } from '../../../../gql/graphql';
import type { MatrixTarget } from '../matrix.types';
import type { SheetColumn } from './gridModel';

/** Pure helpers between a sheet cell and a target: what it shows, and the write that sets it. */

export const cellKey = (unitId: string, columnKey: string) => `${unitId}|${columnKey}`;

/** The number a cell shows: the target's value, its baseline or one of its facts; undefined without a target. */
export function cellValue(target: MatrixTarget | undefined, column: SheetColumn): number | null | undefined {
  if (!target) return undefined;
  if (column.kind === 'value') return target.value;
  if (column.kind === 'baseline') return target.baseline ?? null;
  return target.facts?.find((f) => f.label === column.label)?.value ?? null;
}

/**
 * The row of setTargets that writes `value` into a cell, with the version read. A baseline or a
 * fact goes with the target's current value (a target cannot exist without one); the facts are
 * written whole, so the others are carried as they are.
 */
export function cellInput(unitId: string, target: MatrixTarget | undefined, column: SheetColumn, value: number | null): TargetValueInput | null {
  const expectedVersion = target?.version ?? 0;
  if (column.kind === 'value') return value === null ? null : { unitId, value, expectedVersion };
  if (!target) return null;
  if (column.kind === 'baseline') return { unitId, value: target.value, baseline: value, expectedVersion };
  const facts = (target.facts ?? []).filter((f) => f.label !== column.label).map((f) => ({ label: f.label, value: f.value }));
  return { unitId, value: target.value, facts: [...facts, { label: column.label, value }], expectedVersion };
}

/** The cells below `unitId` in its group (as shown) whose value differs from `value`; those without a target where one is needed are counted apart. */
export function fillDownPlan<U extends { id: string }>(
  groupRows: readonly U[],
  unitId: string,
  column: SheetColumn,
  value: number,
  targetOf: (unitId: string) => MatrixTarget | undefined,
): { change: U[]; skipped: number } {
  const below = groupRows.slice(groupRows.findIndex((u) => u.id === unitId) + 1);
  const change: U[] = [];
  let skipped = 0;
  for (const u of below) {
    const target = targetOf(u.id);
    if (!target && column.kind !== 'value') skipped++;
    else if (cellValue(target, column) !== value) change.push(u);
  }
  return { change, skipped };
}
