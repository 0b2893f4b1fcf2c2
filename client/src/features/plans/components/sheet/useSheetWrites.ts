import { useLayoutEffect, useRef, useState } from 'react';
import { App } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useI18n } from '../../../../app/i18n';
import type { Severity, TargetValueInput } from '../../../../gql/graphql';
import { SetSheetTargetsMutation } from '../../plans.graphql';
import { perRow, writeNotice, type RowIssue, type WriteNotice } from '../issues';
import type { MatrixIndicator, MatrixTarget, MatrixUnit } from '../matrix.types';
import { cellInput, cellValue } from './cells';
import type { SheetColumn } from './gridModel';

export type SheetIssue = RowIssue & { indicatorId: string };
export interface FoundIssue {
  unitId: string;
  code: string;
  message: string;
  severity: Severity;
}

/** A change that can be written back: each cell's value before it (undefined: the unit had no target). */
export interface UndoEntry {
  column: SheetColumn;
  cells: { unit: MatrixUnit; before: number | null | undefined }[];
  what: string;
}

export interface Conflict {
  unitName: string;
  message: string;
}

const UNDO_DEPTH = 20;

/**
 * The sheet's writes: every one is setTargets with the versions read, answered by issues beside
 * the rows, a VERSION_CONFLICT alert, the late notice, and a refetch. Writes run one after the
 * other and read the targets when their turn comes, so Enter then Ctrl+Z at typing speed undoes
 * with the version the first write left, not the one on screen when the keys were pressed.
 */
export function useSheetWrites(
  planId: string,
  indicators: readonly MatrixIndicator[],
  targetOf: (unitId: string, indicatorId: string) => MatrixTarget | undefined,
  onChanged?: () => unknown,
) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [setTargets] = useMutation(SetSheetTargetsMutation);
  const [issues, setIssues] = useState<Map<string, SheetIssue[]>>(new Map());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [late, setLate] = useState<WriteNotice | null>(null);
  const [undoStack, setUndoStack] = useState<UndoEntry[]>([]);
  const [busy, setBusy] = useState(0);
  const stack = useRef<UndoEntry[]>([]);
  const latest = useRef(targetOf);
  useLayoutEffect(() => {
    latest.current = targetOf;
  });
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  function enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = queue.current.then(job);
    queue.current = run.catch(() => undefined);
    return run;
  }
  function setStack(next: UndoEntry[]) {
    stack.current = next;
    setUndoStack(next);
  }

  const labelOf = (ind: MatrixIndicator) => (indicators.length > 1 ? (ind.position ?? ind.code) : undefined);

  /** Replaces the issues of one column for the given rows with what the server just said; the late warning goes above the grid. */
  function recordIssues(indicator: MatrixIndicator, unitIds: readonly string[], found: readonly FoundIssue[]) {
    setLate(writeNotice(found));
    setIssues((prev) => {
      const next = new Map(prev);
      for (const id of unitIds)
        next.set(
          id,
          (next.get(id) ?? []).filter((i) => i.indicatorId !== indicator.id),
        );
      for (const i of perRow(found)) {
        next.set(i.unitId, [...(next.get(i.unitId) ?? []), { code: i.code, message: i.message, severity: i.severity, indicatorId: indicator.id, label: labelOf(indicator) }]);
      }
      return next;
    });
  }

  async function write(column: SheetColumn, rows: { unit: MatrixUnit; input: TargetValueInput }[], undo: UndoEntry | null): Promise<boolean> {
    const indicator = column.indicator;
    setBusy((n) => n + 1);
    try {
      const { data } = await setTargets({ variables: { input: { planId, indicatorId: indicator.id, targets: rows.map((r) => r.input) } } });
      if (!data) return false;
      const result = data.setTargets;
      recordIssues(
        indicator,
        rows.map((r) => r.unit.id),
        result.issues,
      );
      const version = result.issues.find((i) => i.code === 'VERSION_CONFLICT');
      if (version) {
        setConflict({ unitName: rows.find((r) => r.unit.id === version.unitId)?.unit.name ?? '', message: version.message });
        return false;
      }
      if (!result.applied) {
        const first = result.issues.find((i) => i.severity === 'ERROR');
        if (first) message.error(t('matrix.notSaved', { message: first.message }));
        return false;
      }
      setConflict(null);
      if (undo) setStack([...stack.current.slice(-(UNDO_DEPTH - 1)), undo]);
      if (perRow(result.issues).length) message.warning(t('matrix.savedWithWarnings'));
      else if (rows.length === 1) message.success(t('matrix.saved', { unit: rows[0].unit.name }));
      await onChanged?.();
      // Let the refetched targets render before the next queued write reads them.
      await new Promise((r) => setTimeout(r, 0));
      return true;
    } catch (e) {
      message.error(t('matrix.notSaved', { message: (e as Error).message }));
      return false;
    } finally {
      setBusy((n) => n - 1);
    }
  }

  /** Writes `value` into one cell; the undo entry remembers what it held. */
  function writeCell(unit: MatrixUnit, column: SheetColumn, value: number | null, what: string) {
    return enqueue(async () => {
      const target = latest.current(unit.id, column.indicator.id);
      const input = cellInput(unit.id, target, column, value);
      if (!input) return false;
      return write(column, [{ unit, input }], { column, cells: [{ unit, before: cellValue(target, column) }], what });
    });
  }

  /** Writes one value into several cells of a column: one setTargets, each row with its version. */
  function writeColumn(units: readonly MatrixUnit[], column: SheetColumn, value: number, what: string) {
    return enqueue(() => {
      const rows = units.flatMap((unit) => {
        const target = latest.current(unit.id, column.indicator.id);
        const input = cellInput(unit.id, target, column, value);
        return input ? [{ unit, input, before: cellValue(target, column) }] : [];
      });
      return write(
        column,
        rows.map(({ unit, input }) => ({ unit, input })),
        { column, cells: rows.map(({ unit, before }) => ({ unit, before })), what },
      );
    });
  }

  const lastUndo = undoStack.at(-1) ?? null;
  /** The unit that makes the last change impossible to undo: it had no target before. */
  const undoBlockedBy = lastUndo?.cells.find((c) => c.before === undefined)?.unit ?? null;

  /** Writes back what the last change replaced, once the writes before it are done. */
  function undo() {
    return enqueue(async () => {
      const last = stack.current.at(-1);
      if (!last) return void message.info(t('sheet.undoNothing'));
      const blocked = last.cells.find((c) => c.before === undefined)?.unit;
      if (blocked) return void message.warning(t('sheet.undoNoTarget', { what: last.what, unit: blocked.name }));
      const rows = last.cells.flatMap(({ unit, before }) => {
        const input = cellInput(unit.id, latest.current(unit.id, last.column.indicator.id), last.column, before ?? null);
        return input ? [{ unit, input }] : [];
      });
      if (await write(last.column, rows, null)) {
        setStack(stack.current.filter((e) => e !== last));
        message.success(t('sheet.undone', { what: last.what }));
      }
    });
  }

  return { issues, recordIssues, conflict, setConflict, late, setLate, busy: busy > 0, writeCell, writeColumn, lastUndo, undoBlockedBy, undo };
}
