import type { MatrixIndicator } from '../matrix.types';

/**
 * The sheet's keyboard model, pure: which columns there are, where a key moves the focus, and
 * what a key pressed on a focused (not editing) cell means.
 */

/** A column of the sheet: an indicator's target, or (with the extra columns shown) its baseline or one of its facts. */
export type SheetColumn =
  | { key: string; kind: 'value'; indicator: MatrixIndicator }
  | { key: string; kind: 'baseline'; indicator: MatrixIndicator }
  | { key: string; kind: 'fact'; indicator: MatrixIndicator; label: string };

export function sheetColumns(indicators: readonly MatrixIndicator[], extra: boolean): SheetColumn[] {
  return indicators.flatMap((indicator): SheetColumn[] => [
    { key: indicator.id, kind: 'value', indicator },
    ...(extra
      ? [
          { key: `${indicator.id}:baseline`, kind: 'baseline' as const, indicator },
          ...(indicator.factLabels ?? []).map((label) => ({ key: `${indicator.id}:fact:${label}`, kind: 'fact' as const, indicator, label })),
        ]
      : []),
  ]);
}

export interface GridPos {
  row: number;
  col: number;
}

export type GridMove = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev' | 'rowStart' | 'rowEnd' | 'first' | 'last';

/**
 * Where a move leads in a grid of `rows` × `cols` cells; null when it leads out (Tab past the
 * last cell leaves the grid, so the keyboard is never trapped). Arrows stop at the edges; Tab
 * wraps to the next row's first cell, Shift+Tab to the previous row's last.
 */
export function moveFocus(pos: GridPos, move: GridMove, rows: number, cols: number): GridPos | null {
  if (rows <= 0 || cols <= 0) return null;
  const row = Math.min(Math.max(pos.row, 0), rows - 1);
  const col = Math.min(Math.max(pos.col, 0), cols - 1);
  switch (move) {
    case 'up':
      return { row: Math.max(row - 1, 0), col };
    case 'down':
      return { row: Math.min(row + 1, rows - 1), col };
    case 'left':
      return { row, col: Math.max(col - 1, 0) };
    case 'right':
      return { row, col: Math.min(col + 1, cols - 1) };
    case 'next':
      if (col < cols - 1) return { row, col: col + 1 };
      return row < rows - 1 ? { row: row + 1, col: 0 } : null;
    case 'prev':
      if (col > 0) return { row, col: col - 1 };
      return row > 0 ? { row: row - 1, col: cols - 1 } : null;
    case 'rowStart':
      return { row, col: 0 };
    case 'rowEnd':
      return { row, col: cols - 1 };
    case 'first':
      return { row: 0, col: 0 };
    case 'last':
      return { row: rows - 1, col: cols - 1 };
  }
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  altKey?: boolean;
}

export type GridAction = { type: 'move'; move: GridMove } | { type: 'edit'; text: string | null } | { type: 'undo' } | { type: 'fillDown' } | { type: 'clear' };

const ARROWS: Record<string, GridMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/**
 * What a key means on a focused cell that is not being edited: arrows and Tab move, Enter/F2
 * edit the value, a printable character starts editing with it, Ctrl+Z undoes, Ctrl+D fills
 * down, Delete/Backspace ask to clear (refused: targets are not deleted). null: not ours.
 */
export function keyAction(e: KeyLike): GridAction | null {
  const mod = !!(e.ctrlKey || e.metaKey);
  if (mod && !e.altKey) {
    const k = e.key.toLowerCase();
    if (k === 'z' && !e.shiftKey) return { type: 'undo' };
    if (k === 'd') return { type: 'fillDown' };
    if (e.key === 'Home') return { type: 'move', move: 'first' };
    if (e.key === 'End') return { type: 'move', move: 'last' };
    return null;
  }
  if (ARROWS[e.key]) return { type: 'move', move: ARROWS[e.key] };
  if (e.key === 'Tab') return { type: 'move', move: e.shiftKey ? 'prev' : 'next' };
  if (e.key === 'Home') return { type: 'move', move: 'rowStart' };
  if (e.key === 'End') return { type: 'move', move: 'rowEnd' };
  if (e.key === 'Enter' || e.key === 'F2') return { type: 'edit', text: null };
  if (e.key === 'Delete' || e.key === 'Backspace') return { type: 'clear' };
  if (e.key.length === 1 && e.key !== ' ' && !e.altKey) return { type: 'edit', text: e.key };
  return null;
}
