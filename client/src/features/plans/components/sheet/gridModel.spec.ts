import { describe, expect, it } from 'vitest';
import type { MatrixIndicator } from '../matrix.types';
import { keyAction, moveFocus, sheetColumns } from './gridModel';

const indicator = (id: string, factLabels: string[] = []): MatrixIndicator => ({
  id,
  code: id,
  name: id,
  measure: 'RATE',
  unitOfMeasure: '%',
  position: id,
  floors: [],
  factLabels,
});

describe('moveFocus', () => {
  it('moves with the arrows and stops at the edges', () => {
    expect(moveFocus({ row: 0, col: 0 }, 'down', 3, 2)).toEqual({ row: 1, col: 0 });
    expect(moveFocus({ row: 2, col: 1 }, 'down', 3, 2)).toEqual({ row: 2, col: 1 });
    expect(moveFocus({ row: 0, col: 0 }, 'up', 3, 2)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 1, col: 0 }, 'right', 3, 2)).toEqual({ row: 1, col: 1 });
    expect(moveFocus({ row: 1, col: 1 }, 'right', 3, 2)).toEqual({ row: 1, col: 1 });
    expect(moveFocus({ row: 1, col: 1 }, 'left', 3, 2)).toEqual({ row: 1, col: 0 });
  });

  it('Tab wraps to the next row and leaves the grid after the last cell (no keyboard trap)', () => {
    expect(moveFocus({ row: 0, col: 0 }, 'next', 3, 2)).toEqual({ row: 0, col: 1 });
    expect(moveFocus({ row: 0, col: 1 }, 'next', 3, 2)).toEqual({ row: 1, col: 0 });
    expect(moveFocus({ row: 2, col: 1 }, 'next', 3, 2)).toBeNull();
    expect(moveFocus({ row: 1, col: 0 }, 'prev', 3, 2)).toEqual({ row: 0, col: 1 });
    expect(moveFocus({ row: 0, col: 0 }, 'prev', 3, 2)).toBeNull();
  });

  it('Home/End and Ctrl+Home/End reach the row ends and the corners', () => {
    expect(moveFocus({ row: 1, col: 1 }, 'rowStart', 3, 4)).toEqual({ row: 1, col: 0 });
    expect(moveFocus({ row: 1, col: 1 }, 'rowEnd', 3, 4)).toEqual({ row: 1, col: 3 });
    expect(moveFocus({ row: 1, col: 1 }, 'first', 3, 4)).toEqual({ row: 0, col: 0 });
    expect(moveFocus({ row: 1, col: 1 }, 'last', 3, 4)).toEqual({ row: 2, col: 3 });
  });

  it('clamps a position left outside by a filter, and has nowhere to go in an empty grid', () => {
    expect(moveFocus({ row: 7, col: 0 }, 'up', 3, 2)).toEqual({ row: 1, col: 0 });
    expect(moveFocus({ row: 0, col: 0 }, 'down', 0, 2)).toBeNull();
  });
});

describe('keyAction', () => {
  it('reads the spreadsheet keys', () => {
    expect(keyAction({ key: 'ArrowDown' })).toEqual({ type: 'move', move: 'down' });
    expect(keyAction({ key: 'Tab', shiftKey: true })).toEqual({ type: 'move', move: 'prev' });
    expect(keyAction({ key: 'Enter' })).toEqual({ type: 'edit', text: null });
    expect(keyAction({ key: 'F2' })).toEqual({ type: 'edit', text: null });
    expect(keyAction({ key: '7' })).toEqual({ type: 'edit', text: '7' });
    expect(keyAction({ key: ',' })).toEqual({ type: 'edit', text: ',' });
    expect(keyAction({ key: 'z', ctrlKey: true })).toEqual({ type: 'undo' });
    expect(keyAction({ key: 'Z', metaKey: true })).toEqual({ type: 'undo' });
    expect(keyAction({ key: 'd', ctrlKey: true })).toEqual({ type: 'fillDown' });
    expect(keyAction({ key: 'Delete' })).toEqual({ type: 'clear' });
    expect(keyAction({ key: 'Backspace' })).toEqual({ type: 'clear' });
  });

  it('leaves other shortcuts and keys to the browser', () => {
    expect(keyAction({ key: 'c', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'v', ctrlKey: true })).toBeNull();
    expect(keyAction({ key: 'Shift', shiftKey: true })).toBeNull();
    expect(keyAction({ key: 'Escape' })).toBeNull();
    expect(keyAction({ key: ' ' })).toBeNull();
  });
});

describe('sheetColumns', () => {
  it('one column per indicator; with the extras, its baseline and each fact label after it', () => {
    const inds = [indicator('1', ['Số TTHC']), indicator('2')];
    expect(sheetColumns(inds, false).map((c) => c.key)).toEqual(['1', '2']);
    expect(sheetColumns(inds, true).map((c) => c.key)).toEqual(['1', '1:baseline', '1:fact:Số TTHC', '2', '2:baseline']);
  });
});
