import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, App, Button, Flex, Input, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CalculatorOutlined, EditOutlined, ExclamationCircleFilled, HistoryOutlined, SnippetsOutlined, WarningFilled } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { parseDecimal } from '../../../app/numbers';
import { EmptyState } from '../../../app/components/States';
import { SetTargetsMutation } from '../plans.graphql';
import { IssueList, type RowIssue } from './issues';
import { PasteColumnModal } from './PasteColumnModal';
import { TargetHistory } from './TargetHistory';

export type { MatrixIndicator, MatrixTarget, MatrixUnit } from './matrix.types';
import type { MatrixIndicator, MatrixTarget, MatrixUnit } from './matrix.types';

export interface TargetMatrixProps {
  planId: string;
  indicators: readonly MatrixIndicator[];
  /** The rows: the viewer's direct children. */
  units: readonly MatrixUnit[];
  targets: readonly MatrixTarget[];
  editable: boolean;
  /** Show the change history (audit log) of a target. */
  canViewHistory?: boolean;
  /** After a write: refetch the targets. */
  onChanged?: () => void;
}

type Issue = RowIssue & { indicatorId: string };
interface Conflict {
  unitName: string;
  message: string;
}

const key = (unitId: string, indicatorId: string) => `${unitId}:${indicatorId}`;

/**
 * Rows = the viewer's children, columns = the plan's indicators, cells = targets with their
 * baseline, origin and issue marks. A cell is edited in place and saved with setTargets and the
 * version it was read at, so a concurrent edit comes back as VERSION_CONFLICT instead of being
 * overwritten.
 */
export function TargetMatrix({ planId, indicators, units, targets, editable, canViewHistory, onChanged }: TargetMatrixProps) {
  const { t, locale, num, value: fmtValue } = useI18n();
  const { message } = App.useApp();
  const [setTargets, { loading: saving }] = useMutation(SetTargetsMutation);
  const [editing, setEditing] = useState<{ unitId: string; indicatorId: string } | null>(null);
  const [draft, setDraft] = useState('');
  const [issues, setIssues] = useState<Map<string, Issue[]>>(new Map());
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pasteFor, setPasteFor] = useState<MatrixIndicator | null>(null);
  const [historyOf, setHistoryOf] = useState<{ target: MatrixTarget; title: string; unitOfMeasure: string } | null>(null);
  // Enter saves and unmounts the input, which may also blur it: save once per edit.
  const committed = useRef(false);

  const byCell = useMemo(() => new Map(targets.map((tg) => [key(tg.unit.id, tg.indicator.id), tg])), [targets]);
  const labelOf = (ind: MatrixIndicator) => (indicators.length > 1 ? (ind.position ?? ind.code) : undefined);

  /** Replaces the issues of one column for the given rows with what the server just said. */
  function recordIssues(indicator: MatrixIndicator, unitIds: string[], found: readonly { unitId: string; code: string; message: string; severity: RowIssue['severity'] }[]) {
    setIssues((prev) => {
      const next = new Map(prev);
      for (const id of unitIds)
        next.set(
          id,
          (next.get(id) ?? []).filter((i) => i.indicatorId !== indicator.id),
        );
      for (const i of found) {
        next.set(i.unitId, [...(next.get(i.unitId) ?? []), { code: i.code, message: i.message, severity: i.severity, indicatorId: indicator.id, label: labelOf(indicator) }]);
      }
      return next;
    });
  }

  function startEdit(unit: MatrixUnit, indicator: MatrixIndicator) {
    const current = byCell.get(key(unit.id, indicator.id));
    committed.current = false;
    setEditing({ unitId: unit.id, indicatorId: indicator.id });
    setDraft(current ? num(current.value, 4) : '');
  }

  async function save(unit: MatrixUnit, indicator: MatrixIndicator) {
    if (committed.current) return;
    committed.current = true;
    const current = byCell.get(key(unit.id, indicator.id));
    const value = parseDecimal(draft, locale);
    if (value === null || (current && value === current.value)) {
      setEditing(null);
      return;
    }
    if (Number.isNaN(value)) {
      recordIssues(indicator, [unit.id], [{ unitId: unit.id, code: 'INVALID_NUMBER', message: t('matrix.invalidNumber', { text: draft }), severity: 'ERROR' }]);
      committed.current = false;
      return;
    }
    setEditing(null);
    const { data } = await setTargets({
      variables: { input: { planId, indicatorId: indicator.id, targets: [{ unitId: unit.id, value, expectedVersion: current?.version ?? 0 }] } },
    });
    if (!data) return;
    const result = data.setTargets;
    recordIssues(
      indicator,
      [unit.id],
      result.issues.filter((i) => i.unitId === unit.id),
    );
    const version = result.issues.find((i) => i.code === 'VERSION_CONFLICT');
    if (version) {
      setConflict({ unitName: unit.name, message: version.message });
      return;
    }
    if (result.applied) {
      setConflict(null);
      if (result.issues.length) message.warning(t('matrix.savedWithWarnings'));
      else message.success(t('matrix.saved', { unit: unit.name }));
      onChanged?.();
    } else {
      const first = result.issues.find((i) => i.severity === 'ERROR');
      if (first) message.error(t('matrix.notSaved', { message: first.message }));
    }
  }

  function onKey(e: KeyboardEvent<HTMLInputElement>, unit: MatrixUnit, indicator: MatrixIndicator) {
    if (e.key === 'Enter') void save(unit, indicator);
    if (e.key === 'Escape') setEditing(null);
  }

  function renderCell(unit: MatrixUnit, indicator: MatrixIndicator) {
    const target = byCell.get(key(unit.id, indicator.id));
    const cellIssues = (issues.get(unit.id) ?? []).filter((i) => i.indicatorId === indicator.id);
    const worst = cellIssues.some((i) => i.severity === 'ERROR') ? 'ERROR' : cellIssues.length ? 'WARNING' : null;
    const label = t('matrix.editCell', { indicator: indicator.position ?? indicator.code, unit: unit.name });
    if (editing?.unitId === unit.id && editing.indicatorId === indicator.id) {
      return (
        <Input
          autoFocus
          size="small"
          aria-label={label}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => onKey(e, unit, indicator)}
          onBlur={() => void save(unit, indicator)}
          suffix={indicator.unitOfMeasure}
          style={{ width: 110 }}
        />
      );
    }
    const body = (
      <Flex vertical gap={0} style={{ minHeight: 36 }}>
        <Flex gap={6} align="center">
          <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
            {target ? fmtValue(target.value, indicator.unitOfMeasure) : '—'}
          </Typography.Text>
          {target && (
            <Tooltip title={t(`origin.${target.origin}`)}>
              {target.origin === 'RULE' ? (
                <CalculatorOutlined aria-label={t('origin.RULE')} style={{ color: '#1677ff', fontSize: 12 }} />
              ) : (
                <EditOutlined aria-label={t('origin.MANUAL')} style={{ color: '#8c8c8c', fontSize: 12 }} />
              )}
            </Tooltip>
          )}
          {worst && (
            <Tooltip title={cellIssues.map((i) => i.message).join(' · ')}>
              {worst === 'ERROR' ? <ExclamationCircleFilled style={{ color: '#cf1322' }} /> : <WarningFilled style={{ color: '#d48806' }} />}
            </Tooltip>
          )}
          {target && canViewHistory && (
            <Tooltip title={t('matrix.history')}>
              <HistoryOutlined
                role="button"
                aria-label={`${t('matrix.history')} ${unit.name}`}
                style={{ color: '#8c8c8c', fontSize: 12 }}
                onClick={(e) => {
                  e.stopPropagation();
                  setHistoryOf({ target, title: `${indicator.position ?? indicator.code} · ${unit.name}`, unitOfMeasure: indicator.unitOfMeasure });
                }}
              />
            </Tooltip>
          )}
          {target?.late && (
            <Tag color="orange" style={{ fontSize: 11, lineHeight: '16px', marginInlineEnd: 0 }}>
              {t('matrix.late')}
            </Tag>
          )}
        </Flex>
        {target?.baseline != null && (
          <Tooltip title={t('matrix.baselineTip', { value: num(target.baseline), source: target.baselineSource ?? t('matrix.noBaselineSource') })}>
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {t('matrix.baselineShort', { value: num(target.baseline) })}
            </Typography.Text>
          </Tooltip>
        )}
      </Flex>
    );
    if (!editable) return body;
    return (
      <div
        role="button"
        tabIndex={0}
        aria-label={label}
        onClick={() => startEdit(unit, indicator)}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === 'F2') && startEdit(unit, indicator)}
        style={{
          cursor: 'text',
          padding: '2px 6px',
          margin: '-2px -6px',
          borderRadius: 4,
          outline: worst ? `1px solid ${worst === 'ERROR' ? '#ff4d4f' : '#faad14'}` : undefined,
        }}
      >
        {body}
      </div>
    );
  }

  const columns: ColumnsType<MatrixUnit> = [
    {
      title: t('matrix.unit'),
      key: 'unit',
      fixed: 'left',
      width: 240,
      render: (_, u) => (
        <>
          <Typography.Text>{u.name}</Typography.Text>
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`kind.${u.kind}`)}
            {u.code ? ` · ${u.code}` : ''}
          </Typography.Text>
        </>
      ),
    },
    ...indicators.map((ind) => ({
      key: ind.id,
      width: 170,
      title: (
        <Flex vertical gap={2}>
          <Tooltip title={ind.name}>
            <Typography.Text strong ellipsis style={{ maxWidth: 150 }}>
              {ind.position ? `${ind.position}. ` : ''}
              {ind.name}
            </Typography.Text>
          </Tooltip>
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>
            {ind.code}
          </Typography.Text>
        </Flex>
      ),
      render: (_: unknown, u: MatrixUnit) => renderCell(u, ind),
    })),
    {
      title: t('matrix.issues'),
      key: 'issues',
      width: 320,
      render: (_, u) => <IssueList issues={issues.get(u.id) ?? []} />,
    },
  ];

  return (
    <Flex vertical gap={12}>
      {conflict && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setConflict(null) }}
          title={t('matrix.conflictTitle', { unit: conflict.unitName })}
          description={t('matrix.conflictBody', { message: conflict.message })}
          action={
            <Button
              onClick={() => {
                setConflict(null);
                onChanged?.();
              }}
            >
              {t('common.reload')}
            </Button>
          }
        />
      )}
      {/* Not in the column headers: antd copies headers into a hidden measuring row, where buttons would be focusable. */}
      {editable && (
        <Flex gap={4} align="center" wrap>
          <Typography.Text type="secondary">
            <SnippetsOutlined /> {t('matrix.pasteFrom')}
          </Typography.Text>
          {indicators.map((ind) => (
            <Tooltip key={ind.id} title={t('matrix.pasteTitle', { indicator: ind.position ?? ind.code })}>
              <Button size="small" onClick={() => setPasteFor(ind)} aria-label={`${t('matrix.paste')} ${ind.position ?? ind.code}`}>
                {ind.position ?? ind.code}
              </Button>
            </Tooltip>
          ))}
        </Flex>
      )}
      <Table<MatrixUnit>
        rowKey="id"
        size="small"
        bordered
        loading={saving}
        dataSource={units as MatrixUnit[]}
        columns={columns}
        pagination={false}
        sticky
        scroll={{ x: 240 + indicators.length * 170 + 320 }}
        locale={{ emptyText: <EmptyState>{t('common.emptyHint')}</EmptyState> }}
      />
      {historyOf && <TargetHistory targetId={historyOf.target.id} title={historyOf.title} unitOfMeasure={historyOf.unitOfMeasure} onClose={() => setHistoryOf(null)} />}
      {pasteFor && (
        <PasteColumnModal
          planId={planId}
          indicator={pasteFor}
          units={units}
          targets={targets.filter((tg) => tg.indicator.id === pasteFor.id)}
          onClose={() => setPasteFor(null)}
          onApplied={(found) => {
            recordIssues(
              pasteFor,
              units.map((u) => u.id),
              found,
            );
            onChanged?.();
          }}
        />
      )}
    </Flex>
  );
}
