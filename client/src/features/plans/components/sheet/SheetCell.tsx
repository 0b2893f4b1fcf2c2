import { forwardRef, type KeyboardEvent } from 'react';
import { Flex, Input, Tag, Tooltip, Typography } from 'antd';
import { CalculatorOutlined, EditOutlined, ExclamationCircleFilled, HistoryOutlined, WarningFilled } from '@ant-design/icons';
import { useI18n } from '../../../../app/i18n';
import type { MatrixTarget, MatrixUnit } from '../matrix.types';
import { cellValue } from './cells';
import type { SheetColumn } from './gridModel';
import type { SheetIssue } from './useSheetWrites';

export interface SheetCellProps {
  unit: MatrixUnit;
  column: SheetColumn;
  target: MatrixTarget | undefined;
  issues: readonly SheetIssue[];
  /** The grid's one focusable cell (roving tabindex). */
  active: boolean;
  /** The extra columns are shown: the value cell leaves the baseline to its own column. */
  extra: boolean;
  editable: boolean;
  /** The editor's text while this cell is edited. */
  draft: string | null;
  /** What is being saved into it, shown until the refetch brings the stored value. */
  pending: string | null;
  onSelect(): void;
  onEdit(): void;
  onDraft(text: string): void;
  onEditorKey(e: KeyboardEvent<HTMLInputElement>): void;
  onEditorBlur(): void;
  onHistory?: () => void;
}

/** The editor's accessible name: what is edited, for whom. */
export function useCellLabel() {
  const { t } = useI18n();
  return (unit: MatrixUnit, column: SheetColumn) => {
    const indicator = column.indicator.position ?? column.indicator.code;
    if (column.kind === 'value') return t('matrix.editCell', { indicator, unit: unit.name });
    if (column.kind === 'baseline') return t('sheet.editBaseline', { indicator, unit: unit.name });
    return t('sheet.editFact', { label: column.label, indicator, unit: unit.name });
  };
}

const RING = '#1677ff';

/** One cell of the sheet: a target's value (with origin, issue marks, late tag), its baseline or a fact; an input while edited. */
export const SheetCell = forwardRef<HTMLTableCellElement, SheetCellProps>(function SheetCell(p, ref) {
  const { t, num, value: fmtValue } = useI18n();
  const label = useCellLabel()(p.unit, p.column);
  const { target, column } = p;
  const worst = p.issues.some((i) => i.severity === 'ERROR') ? 'ERROR' : p.issues.length ? 'WARNING' : null;
  const shown = cellValue(target, column);
  const text = shown == null ? '—' : column.kind === 'value' ? fmtValue(shown, column.indicator.unitOfMeasure) : num(shown);

  const body =
    p.draft !== null ? (
      <Input
        autoFocus
        size="small"
        aria-label={label}
        value={p.draft}
        onChange={(e) => p.onDraft(e.target.value)}
        onKeyDown={p.onEditorKey}
        onBlur={p.onEditorBlur}
        suffix={column.kind === 'value' ? column.indicator.unitOfMeasure : undefined}
        style={{ width: 110 }}
      />
    ) : p.pending !== null ? (
      <Typography.Text italic type="secondary" title={t('sheet.saving')}>
        {p.pending}
      </Typography.Text>
    ) : (
      <Flex vertical gap={0}>
        <Flex gap={6} align="center">
          <Typography.Text strong={column.kind === 'value'} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {text}
          </Typography.Text>
          {column.kind === 'value' && target && (
            <Tooltip title={t(`origin.${target.origin}`)}>
              {target.origin === 'RULE' ? (
                <CalculatorOutlined aria-label={t('origin.RULE')} style={{ color: RING, fontSize: 12 }} />
              ) : (
                <EditOutlined aria-label={t('origin.MANUAL')} style={{ color: '#8c8c8c', fontSize: 12 }} />
              )}
            </Tooltip>
          )}
          {column.kind === 'value' && worst && (
            <Tooltip title={p.issues.map((i) => i.message).join(' · ')}>
              {worst === 'ERROR' ? <ExclamationCircleFilled style={{ color: '#cf1322' }} /> : <WarningFilled style={{ color: '#d48806' }} />}
            </Tooltip>
          )}
          {column.kind === 'value' && target && p.onHistory && (
            <Tooltip title={t('matrix.history')}>
              <HistoryOutlined
                role="button"
                aria-label={`${t('matrix.history')} ${p.unit.name}`}
                style={{ color: '#8c8c8c', fontSize: 12 }}
                onClick={(e) => {
                  e.stopPropagation();
                  p.onHistory?.();
                }}
              />
            </Tooltip>
          )}
          {column.kind === 'value' && target?.late && (
            <Tag color="orange" style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
              {t('matrix.late')}
            </Tag>
          )}
        </Flex>
        {column.kind === 'value' && !p.extra && target?.baseline != null && (
          <Tooltip title={t('matrix.baselineTip', { value: num(target.baseline), source: target.baselineSource ?? t('matrix.noBaselineSource') })}>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {t('matrix.baselineShort', { value: num(target.baseline) })}
            </Typography.Text>
          </Tooltip>
        )}
      </Flex>
    );

  return (
    <td
      ref={ref}
      role="gridcell"
      tabIndex={p.active && p.draft === null ? 0 : -1}
      aria-selected={p.active}
      aria-readonly={!p.editable || undefined}
      data-cell={`${p.unit.id}|${column.key}`}
      // Chosen by a click or by Tab into the grid; a double click (or Enter, F2, typing) edits.
      onFocus={(e) => e.target === e.currentTarget && p.onSelect()}
      onClick={p.onSelect}
      onDoubleClick={p.editable ? p.onEdit : undefined}
      className="sheet-cell"
      style={{
        padding: '4px 8px',
        minWidth: column.kind === 'value' ? 150 : 90,
        cursor: p.editable ? 'cell' : 'default',
        background: column.kind === 'value' ? undefined : '#fafafa',
        outline: p.active ? `2px solid ${RING}` : worst ? `1px solid ${worst === 'ERROR' ? '#ff4d4f' : '#faad14'}` : undefined,
        outlineOffset: -2,
      }}
    >
      {body}
    </td>
  );
});
