import { useEffect, useMemo, useReducer, useRef, useState, type ClipboardEvent, type FocusEvent, type KeyboardEvent } from 'react';
import { App, Flex, Typography } from 'antd';
import { foldVietnamese } from '@chitieu/domain';
import { useI18n } from '../../../app/i18n';
import { parseDecimal } from '../../../app/numbers';
import { EmptyState } from '../../../app/components/States';
import { PasteBlockModal } from './paste/PasteBlockModal';
import { TargetHistory } from './TargetHistory';
import { cellKey, cellValue, fillDownPlan } from './sheet/cells';
import { keyAction, moveFocus, sheetColumns, type GridMove, type SheetColumn } from './sheet/gridModel';
import { groupRows } from './sheet/grouping';
import { SheetAlerts } from './sheet/SheetAlerts';
import { groupHeading, SheetGrid } from './sheet/SheetGrid';
import { SheetToolbar } from './sheet/SheetToolbar';
import { useSheetWrites } from './sheet/useSheetWrites';

export type { MatrixIndicator, MatrixTarget, MatrixUnit } from './matrix.types';
import type { MatrixIndicator, MatrixTarget, MatrixUnit } from './matrix.types';
import { writeNotice } from './issues';

export interface TargetMatrixProps {
  planId: string;
  indicators: readonly MatrixIndicator[];
  /** The rows: the viewer's direct children. */
  units: readonly MatrixUnit[];
  targets: readonly MatrixTarget[];
  editable: boolean;
  /** Show the change history (audit log) of a target. */
  canViewHistory?: boolean;
  /** After a write: refetch the targets; awaited, so an undo or the next write reads the new versions. */
  onChanged?: () => unknown;
}

const byIds = (unitId: string, indicatorId: string) => `${unitId}:${indicatorId}`;

/**
 * Rows = the viewer's children grouped as the annex, columns = the plan's indicators (and, on
 * demand, their baselines and facts), cells = targets. It works as a spreadsheet: one roving
 * focus moved by arrows and Tab, typing edits, Enter saves and moves down, Ctrl+Z undoes, Ctrl+D
 * fills down, Ctrl+V pastes a block. Every write is setTargets with the versions read, so a
 * concurrent edit comes back as VERSION_CONFLICT instead of being overwritten.
 */
export function TargetMatrix({ planId, indicators, units, targets, editable, canViewHistory, onChanged }: TargetMatrixProps) {
  const { t, locale, num } = useI18n();
  const { message, modal } = App.useApp();
  const [search, setSearch] = useState('');
  const [extra, setExtra] = useState(false);
  const [focus, setFocus] = useState<{ unitId: string; columnKey: string } | null>(null);
  const [editing, setEditing] = useState<{ unit: MatrixUnit; column: SheetColumn; draft: string } | null>(null);
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map());
  const [paste, setPaste] = useState<{ text?: string; startIndicatorId?: string } | null>(null);
  const [historyOf, setHistoryOf] = useState<{ target: MatrixTarget; title: string; unitOfMeasure: string } | null>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  // Set by a keyboard move or a closed editor: the DOM focus follows the grid's focus on the next render.
  const wantFocus = useRef(false);
  // Enter saves and unmounts the input, which may also blur it: save once per edit.
  const committed = useRef(false);
  // Puts the DOM focus back on the grid's cell after a dialog: a render for the effect below to run in.
  const [, refocus] = useReducer((n: number) => n + 1, 0);
  const refocusGrid = () => {
    wantFocus.current = true;
    refocus();
  };

  const byCell = useMemo(() => new Map(targets.map((tg) => [byIds(tg.unit.id, tg.indicator.id), tg])), [targets]);
  const targetOf = (unitId: string, indicatorId: string) => byCell.get(byIds(unitId, indicatorId));
  const writes = useSheetWrites(planId, indicators, targetOf, onChanged);
  const columns = useMemo(() => sheetColumns(indicators, extra), [indicators, extra]);
  const allGroups = useMemo(() => groupRows(units), [units]);
  const groups = useMemo(() => {
    const q = foldVietnamese(search.trim());
    if (!q) return allGroups;
    const hit = (u: MatrixUnit) => foldVietnamese(u.name).includes(q) || (u.code ?? '').toLowerCase().includes(q);
    return allGroups.map((g) => ({ ...g, rows: g.rows.filter(hit) })).filter((g) => g.rows.length > 0);
  }, [allGroups, search]);
  const rows = useMemo(() => groups.flatMap((g) => g.rows), [groups]);

  // The focus as a position; a unit hidden by the search or a column gone falls back to the first cell.
  const pos = {
    row: Math.max(
      0,
      rows.findIndex((u) => u.id === focus?.unitId),
    ),
    col: Math.max(
      0,
      columns.findIndex((c) => c.key === focus?.columnKey),
    ),
  };
  const activeUnit = rows[pos.row];
  const activeColumn = columns[pos.col];
  const active = activeUnit && activeColumn ? cellKey(activeUnit.id, activeColumn.key) : null;

  // Whether the grid has the keyboard: when a render drops the focus to the page (a cell or a
  // button replaced while a write settles), the grid takes it back, so no key goes nowhere. A
  // click elsewhere, or the focus moving to another control, gives the keyboard away.
  const hasKeys = useRef(false);
  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!(e.target instanceof Element && e.target.closest('[role="grid"]'))) hasKeys.current = false;
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, []);
  const onGridFocus = () => {
    hasKeys.current = true;
  };
  const onGridBlur = (e: FocusEvent<HTMLTableElement>) => {
    if (e.relatedTarget) hasKeys.current = e.currentTarget.contains(e.relatedTarget);
  };

  useEffect(() => {
    const dropped = hasKeys.current && (!document.activeElement || document.activeElement === document.body);
    if ((!wantFocus.current && !dropped) || editing || !active) return;
    wantFocus.current = false;
    cells.current.get(active)?.focus();
  });

  const whatOf = (unit: MatrixUnit, column: SheetColumn) => {
    const params = { column: column.indicator.position ?? column.indicator.code, unit: unit.name };
    if (column.kind === 'value') return t('sheet.what.value', params);
    if (column.kind === 'baseline') return t('sheet.what.baseline', params);
    return t('sheet.what.fact', { ...params, label: column.label });
  };

  function go(move: GridMove): boolean {
    const next = moveFocus(pos, move, rows.length, columns.length);
    if (!next) return false;
    setFocus({ unitId: rows[next.row].id, columnKey: columns[next.col].key });
    wantFocus.current = true;
    return true;
  }

  function startEdit(unit: MatrixUnit, column: SheetColumn, text: string | null) {
    if (!editable) return;
    const target = targetOf(unit.id, column.indicator.id);
    if (column.kind !== 'value' && !target) {
      message.warning(t('sheet.targetFirst', { unit: unit.name }));
      return;
    }
    const current = cellValue(target, column);
    committed.current = false;
    setFocus({ unitId: unit.id, columnKey: column.key });
    setEditing({ unit, column, draft: text ?? (current == null ? '' : num(current, 4)) });
  }

  /** Saves the editor's value (if it changed) and moves the focus; stays in the editor on text that is not a number. */
  async function commit(move: GridMove | null, refocus: boolean) {
    if (!editing || committed.current) return;
    committed.current = true;
    const { unit, column, draft } = editing;
    const target = targetOf(unit.id, column.indicator.id);
    const parsed = parseDecimal(draft, locale);
    if (parsed !== null && Number.isNaN(parsed)) {
      writes.recordIssues(column.indicator, [unit.id], [{ unitId: unit.id, code: 'INVALID_NUMBER', message: t('matrix.invalidNumber', { text: draft }), severity: 'ERROR' }]);
      committed.current = false;
      return;
    }
    setEditing(null);
    wantFocus.current = refocus;
    if (move) go(move);
    // An emptied target stays (targets are not deleted); an emptied baseline or fact is cleared.
    if ((parsed === null && column.kind === 'value') || parsed === (cellValue(target, column) ?? null)) return;
    const key = cellKey(unit.id, column.key);
    setPending((m) => new Map(m).set(key, draft));
    await writes.writeCell(unit, column, parsed, whatOf(unit, column));
    setPending((m) => {
      const next = new Map(m);
      next.delete(key);
      return next;
    });
  }

  function onEditorKey(e: KeyboardEvent<HTMLInputElement>) {
    e.stopPropagation();
    if (e.key === 'Enter') void commit('down', true);
    else if (e.key === 'Tab') {
      e.preventDefault();
      void commit(e.shiftKey ? 'prev' : 'next', true);
    } else if (e.key === 'Escape') {
      setEditing(null);
      wantFocus.current = true;
    }
  }

  function fillDown() {
    if (!activeUnit || !activeColumn) return void message.info(t('sheet.pickCell'));
    const group = groups.find((g) => g.rows.some((u) => u.id === activeUnit.id))!;
    const value = cellValue(targetOf(activeUnit.id, activeColumn.indicator.id), activeColumn);
    if (value == null) return void message.info(t('sheet.fillDownEmpty'));
    const plan = fillDownPlan(group.rows, activeUnit.id, activeColumn, value, (id) => targetOf(id, activeColumn.indicator.id));
    if (!plan.change.length) return void message.info(t('sheet.fillDownNothing'));
    const shown = activeColumn.kind === 'value' ? `${num(value)}${activeColumn.indicator.unitOfMeasure === '%' ? '%' : ''}` : num(value);
    void modal.confirm({
      title: t('sheet.fillDown'),
      content: [
        t('sheet.fillDownConfirm', { value: shown, count: plan.change.length, unit: activeUnit.name, group: groupHeading(t, group) }),
        plan.skipped ? t('sheet.fillDownSkipped', { count: plan.skipped }) : '',
      ].join(' '),
      okText: t('sheet.fillDownOk', { count: plan.change.length }),
      cancelText: t('common.cancel'),
      // The grid takes its focus back itself: antd's own return to the trigger comes when the close
      // animation ends, which on a busy machine is after the next keys typed into another cell.
      focusable: { focusTriggerAfterClose: false },
      onCancel: refocusGrid,
      onOk: async () => {
        await writes.writeColumn(
          plan.change,
          activeColumn,
          value,
          t('sheet.what.fill', { count: plan.change.length, column: activeColumn.indicator.position ?? activeColumn.indicator.code }),
        );
        refocusGrid();
      },
    });
  }

  function onGridKey(e: KeyboardEvent<HTMLTableElement>) {
    if (editing || !activeUnit || !activeColumn) return;
    const action = keyAction(e);
    if (!action) return;
    if (action.type === 'move') {
      if (go(action.move)) e.preventDefault();
      return;
    }
    e.preventDefault();
    if (!editable) return;
    if (action.type === 'edit') startEdit(activeUnit, activeColumn, action.text);
    else if (action.type === 'undo') void writes.undo().then(refocusGrid);
    else if (action.type === 'fillDown') fillDown();
    else message.info(t('sheet.noDelete'));
  }

  function onGridPaste(e: ClipboardEvent<HTMLTableElement>) {
    if (editing || !editable) return;
    e.preventDefault();
    setPaste({ text: e.clipboardData.getData('text/plain'), startIndicatorId: activeColumn?.indicator.id });
  }

  const undoBlocked = writes.lastUndo && writes.undoBlockedBy ? t('sheet.undoNoTarget', { what: writes.lastUndo.what, unit: writes.undoBlockedBy.name }) : null;

  return (
    <Flex vertical gap={12}>
      <SheetAlerts
        conflict={writes.conflict}
        late={writes.late}
        onCloseConflict={() => writes.setConflict(null)}
        onCloseLate={() => writes.setLate(null)}
        onReload={() => {
          writes.setConflict(null);
          void onChanged?.();
        }}
      />
      <SheetToolbar
        search={search}
        onSearch={setSearch}
        extra={extra}
        onExtra={setExtra}
        editable={editable}
        undoWhat={writes.lastUndo?.what ?? null}
        undoBlocked={undoBlocked}
        busy={writes.busy}
        onUndo={() => void writes.undo()}
        onFillDown={fillDown}
        onPaste={() => setPaste({ startIndicatorId: activeColumn?.indicator.id })}
      />
      {editable && <Typography.Text type="secondary">{t('sheet.hint')}</Typography.Text>}
      {rows.length ? (
        <SheetGrid
          groups={groups}
          columns={columns}
          extra={extra}
          editable={editable}
          active={active}
          editing={editing ? { key: cellKey(editing.unit.id, editing.column.key), draft: editing.draft } : null}
          pending={pending}
          issues={writes.issues}
          targetOf={targetOf}
          registerCell={(key, el) => (el ? cells.current.set(key, el) : cells.current.delete(key))}
          onSelect={(u, c) => setFocus((f) => (f?.unitId === u.id && f.columnKey === c.key ? f : { unitId: u.id, columnKey: c.key }))}
          onEdit={(u, c) => startEdit(u, c, null)}
          onDraft={(draft) => setEditing((ed) => (ed ? { ...ed, draft } : ed))}
          onEditorKey={onEditorKey}
          onEditorBlur={() => void commit(null, false)}
          onGridKey={onGridKey}
          onGridPaste={onGridPaste}
          onGridFocus={onGridFocus}
          onGridBlur={onGridBlur}
          onHistory={
            canViewHistory
              ? (u, c, target) => setHistoryOf({ target, title: `${c.indicator.position ?? c.indicator.code} · ${u.name}`, unitOfMeasure: c.indicator.unitOfMeasure })
              : undefined
          }
        />
      ) : (
        <EmptyState>{search.trim() ? t('sheet.noMatch', { text: search.trim() }) : t('common.emptyHint')}</EmptyState>
      )}
      {historyOf && <TargetHistory targetId={historyOf.target.id} title={historyOf.title} unitOfMeasure={historyOf.unitOfMeasure} onClose={() => setHistoryOf(null)} />}
      {paste && (
        <PasteBlockModal
          planId={planId}
          indicators={indicators}
          units={allGroups.flatMap((g) => g.rows)}
          targets={targets}
          initialText={paste.text}
          startIndicatorId={paste.startIndicatorId}
          onClose={() => setPaste(null)}
          onApplied={(found) => {
            for (const f of found) {
              const indicator = indicators.find((i) => i.id === f.indicatorId);
              if (indicator)
                writes.recordIssues(
                  indicator,
                  units.map((u) => u.id),
                  f.issues,
                );
            }
            writes.setLate(writeNotice(found.flatMap((f) => f.issues)));
            void onChanged?.();
          }}
        />
      )}
    </Flex>
  );
}
