import type { ClipboardEvent, FocusEvent, KeyboardEvent } from 'react';
import { Flex, Tooltip, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../../../app/i18n';
import { IssueList } from '../issues';
import type { MatrixTarget, MatrixUnit } from '../matrix.types';
import { cellKey } from './cells';
import type { SheetColumn } from './gridModel';
import type { SheetGroup } from './grouping';
import { SheetCell } from './SheetCell';
import type { SheetIssue } from './useSheetWrites';

export interface SheetGridProps {
  groups: readonly SheetGroup<MatrixUnit>[];
  columns: readonly SheetColumn[];
  extra: boolean;
  editable: boolean;
  /** The cell that holds the roving focus: `cellKey(unitId, columnKey)`. */
  active: string | null;
  editing: { key: string; draft: string } | null;
  pending: ReadonlyMap<string, string>;
  issues: ReadonlyMap<string, readonly SheetIssue[]>;
  targetOf(unitId: string, indicatorId: string): MatrixTarget | undefined;
  registerCell(key: string, el: HTMLTableCellElement | null): void;
  onSelect(unit: MatrixUnit, column: SheetColumn): void;
  onEdit(unit: MatrixUnit, column: SheetColumn): void;
  onDraft(text: string): void;
  onEditorKey(e: KeyboardEvent<HTMLInputElement>): void;
  onEditorBlur(): void;
  onGridKey(e: KeyboardEvent<HTMLTableElement>): void;
  onGridPaste(e: ClipboardEvent<HTMLTableElement>): void;
  onGridFocus?: () => void;
  onGridBlur?: (e: FocusEvent<HTMLTableElement>) => void;
  onHistory?: (unit: MatrixUnit, column: SheetColumn, target: MatrixTarget) => void;
}

/** "II. UBND các huyện, thị xã, thành phố": the annex's numbered heading, naming only the kinds present. */
export function groupHeading(t: (key: MessageKey, params?: Record<string, string>) => string, g: SheetGroup<unknown>): string {
  const words = g.kinds.map((k) => t(`sheet.word.${k}` as MessageKey)).join(', ');
  return `${g.numeral}. ${t(`sheet.group.${g.key}`, { words })}`;
}

const th = { padding: '6px 8px', background: '#fafafa', borderBottom: '1px solid #f0f0f0', textAlign: 'left' as const, fontWeight: 500 };

/** The sheet as one ARIA grid: group headings as the annex writes them, unit names as row headers, one focusable cell. */
export function SheetGrid(p: SheetGridProps) {
  const { t } = useI18n();
  const heading = (g: SheetGroup<MatrixUnit>) => groupHeading(t, g);
  const span = p.columns.length + 2;
  return (
    <div style={{ overflowX: 'auto', border: '1px solid #f0f0f0', borderRadius: 8 }}>
      <table
        role="grid"
        aria-label={t('sheet.grid')}
        onKeyDown={p.onGridKey}
        onPaste={p.onGridPaste}
        onFocus={p.onGridFocus}
        onBlur={p.onGridBlur}
        style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14 }}
      >
        <thead>
          <tr>
            <th scope="col" style={{ ...th, minWidth: 220, position: 'sticky', left: 0, zIndex: 1 }}>
              {t('matrix.unit')}
            </th>
            {p.columns.map((c) => (
              <th key={c.key} scope="col" style={th}>
                {c.kind === 'value' ? (
                  <Flex vertical gap={2}>
                    <Tooltip title={c.indicator.name}>
                      <Typography.Text strong ellipsis style={{ maxWidth: 170 }}>
                        {c.indicator.position ? `${c.indicator.position}. ` : ''}
                        {c.indicator.name}
                      </Typography.Text>
                    </Tooltip>
                    <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                      {c.indicator.code}
                    </Typography.Text>
                  </Flex>
                ) : (
                  <Typography.Text style={{ fontSize: 12 }}>
                    {c.kind === 'baseline' ? t('sheet.baseline') : c.label} ({c.indicator.position ?? c.indicator.code})
                  </Typography.Text>
                )}
              </th>
            ))}
            <th scope="col" style={{ ...th, minWidth: 280 }}>
              {t('matrix.issues')}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.groups.map((g) => [
            <tr key={`group-${g.key}`} data-group={g.key}>
              <th colSpan={span} scope="colgroup" style={{ ...th, background: '#f0f5ff', fontWeight: 600 }}>
                {heading(g)}
              </th>
            </tr>,
            ...g.rows.map((u) => (
              <tr key={u.id} data-unit={u.id} style={{ borderBottom: '1px solid #f0f0f0' }}>
                <th scope="row" style={{ padding: '4px 8px', textAlign: 'left', fontWeight: 400, position: 'sticky', left: 0, background: '#fff', zIndex: 1 }}>
                  <Typography.Text>{u.name}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`kind.${u.kind}`)}
                    {u.code ? ` · ${u.code}` : ''}
                  </Typography.Text>
                </th>
                {p.columns.map((c) => {
                  const key = cellKey(u.id, c.key);
                  const target = p.targetOf(u.id, c.indicator.id);
                  return (
                    <SheetCell
                      key={c.key}
                      ref={(el) => p.registerCell(key, el)}
                      unit={u}
                      column={c}
                      target={target}
                      issues={(p.issues.get(u.id) ?? []).filter((i) => i.indicatorId === c.indicator.id)}
                      active={p.active === key}
                      extra={p.extra}
                      editable={p.editable}
                      draft={p.editing?.key === key ? p.editing.draft : null}
                      pending={p.pending.get(key) ?? null}
                      onSelect={() => p.onSelect(u, c)}
                      onEdit={() => p.onEdit(u, c)}
                      onDraft={p.onDraft}
                      onEditorKey={p.onEditorKey}
                      onEditorBlur={p.onEditorBlur}
                      onHistory={target && p.onHistory ? () => p.onHistory?.(u, c, target) : undefined}
                    />
                  );
                })}
                <td role="gridcell" style={{ padding: '4px 8px' }}>
                  <IssueList issues={p.issues.get(u.id) ?? []} />
                </td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
    </div>
  );
}
