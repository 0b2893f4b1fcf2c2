import { describe, expect, it } from 'vitest';
import type { MatrixIndicator, MatrixTarget } from '../matrix.types';
import { cellInput, cellValue, fillDownPlan } from './cells';
import { sheetColumns } from './gridModel';

const indicator: MatrixIndicator = { id: 'i1', code: 'X', name: 'X', measure: 'RATE', unitOfMeasure: '%', position: '1', floors: [], factLabels: ['Số TTHC', 'Ghi chú số'] };
const [value, baseline, fact] = sheetColumns([indicator], true);
const target = (unitId: string, v: number, extra: Partial<MatrixTarget> = {}) =>
  ({ id: `t-${unitId}`, value: v, baseline: null, version: 4, facts: [], unit: { id: unitId }, indicator: { id: 'i1' }, ...extra }) as unknown as MatrixTarget;

describe('cellInput', () => {
  it('a value is written alone, with the version read (0 for a new target)', () => {
    expect(cellInput('u1', target('u1', 80), value, 85)).toEqual({ unitId: 'u1', value: 85, expectedVersion: 4 });
    expect(cellInput('u1', undefined, value, 85)).toEqual({ unitId: 'u1', value: 85, expectedVersion: 0 });
    expect(cellInput('u1', undefined, value, null)).toBeNull();
  });

  it('a baseline or a fact goes with the current value; facts are written whole', () => {
    const tg = target('u1', 80, { facts: [{ label: 'Ghi chú số', value: 3 }] });
    expect(cellInput('u1', tg, baseline, 92.5)).toEqual({ unitId: 'u1', value: 80, baseline: 92.5, expectedVersion: 4 });
    expect(cellInput('u1', tg, baseline, null)).toEqual({ unitId: 'u1', value: 80, baseline: null, expectedVersion: 4 });
    expect(cellInput('u1', tg, fact, 12)).toEqual({
      unitId: 'u1',
      value: 80,
      facts: [
        { label: 'Ghi chú số', value: 3 },
        { label: 'Số TTHC', value: 12 },
      ],
      expectedVersion: 4,
    });
    // Without a target there is nothing to attach them to.
    expect(cellInput('u1', undefined, baseline, 1)).toBeNull();
    expect(cellValue(tg, fact)).toBeNull();
    expect(cellValue(undefined, value)).toBeUndefined();
  });
});

describe('fillDownPlan', () => {
  const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
  const targets = new Map([
    ['a', target('a', 90)],
    ['b', target('b', 90)],
    ['d', target('d', 70)],
  ]);
  it('the cells below that differ; a value may create targets, a baseline may not', () => {
    expect(fillDownPlan(rows, 'a', value, 90, (id) => targets.get(id)).change.map((r) => r.id)).toEqual(['c', 'd']);
    const b = fillDownPlan(rows, 'b', baseline, 50, (id) => targets.get(id));
    expect(b.change.map((r) => r.id)).toEqual(['d']);
    expect(b.skipped).toBe(1);
    expect(fillDownPlan(rows, 'd', value, 70, (id) => targets.get(id)).change).toEqual([]);
  });
});
