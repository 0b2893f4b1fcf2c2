import { useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Input, Modal, Table, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import type { Severity } from '../../../gql/graphql';
import { SetTargetsMutation } from '../plans.graphql';
import { IssueList } from './issues';
import { parsePastedColumn } from './paste';
import type { MatrixIndicator, MatrixTarget, MatrixUnit } from './matrix.types';

interface FoundIssue {
  unitId: string;
  code: string;
  message: string;
  severity: Severity;
}

interface Row {
  unit: MatrixUnit;
  current: MatrixTarget | undefined;
  next: number | null;
}

/**
 * A column copied from Excel, matched to the rows in table order: previewed with a setTargets
 * dry run, then applied in one write (all or nothing) with each row's expected version.
 */
export function PasteColumnModal({
  planId,
  indicator,
  units,
  targets,
  onClose,
  onApplied,
}: {
  planId: string;
  indicator: MatrixIndicator;
  units: readonly MatrixUnit[];
  targets: readonly MatrixTarget[];
  onClose(): void;
  onApplied(issues: FoundIssue[]): void;
}) {
  const { t, locale, value: fmt } = useI18n();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<{ text: string; issues: FoundIssue[] } | null>(null);
  const [write, { loading }] = useMutation(SetTargetsMutation);

  const parsed = useMemo(() => parsePastedColumn(text, locale), [text, locale]);
  const byUnit = useMemo(() => new Map(targets.map((tg) => [tg.unit.id, tg])), [targets]);
  const rows: Row[] = units.map((unit, i) => ({ unit, current: byUnit.get(unit.id), next: parsed[i] ?? null }));
  const invalid = parsed.some((v) => v !== null && Number.isNaN(v));
  const changes = rows.filter((r) => r.next !== null && !Number.isNaN(r.next));
  const fresh = checked?.text === text;
  const hasErrors = !!checked?.issues.some((i) => i.severity === 'ERROR');

  const input = (dryRun: boolean) => ({
    planId,
    indicatorId: indicator.id,
    dryRun,
    targets: changes.map((r) => ({ unitId: r.unit.id, value: r.next!, expectedVersion: r.current?.version ?? 0 })),
  });

  async function preview() {
    const { data } = await write({ variables: { input: input(true) } });
    if (data) setChecked({ text, issues: data.setTargets.issues });
  }

  async function apply() {
    const { data } = await write({ variables: { input: input(false) } });
    if (!data) return;
    const r = data.setTargets;
    if (!r.applied) {
      setChecked({ text, issues: r.issues });
      return;
    }
    message.success(t('matrix.pasteApplied', { created: r.created, updated: r.updated }));
    onApplied(r.issues);
    onClose();
  }

  const issuesOf = (unitId: string) => (fresh ? (checked?.issues ?? []).filter((i) => i.unitId === unitId) : []);

  return (
    <Modal
      open
      width={900}
      title={t('matrix.pasteTitle', { indicator: `${indicator.position ? `${indicator.position}. ` : ''}${indicator.name}` })}
      onCancel={onClose}
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={preview} loading={loading} disabled={invalid || !changes.length}>
            {t('matrix.pastePreview')}
          </Button>
          <Button type="primary" onClick={apply} loading={loading} disabled={!fresh || hasErrors || invalid || !changes.length}>
            {t('matrix.pasteApply', { count: changes.length })}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('matrix.pasteHelp')}
        </Typography.Paragraph>
        <Input.TextArea
          aria-label={t('matrix.paste')}
          rows={5}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('matrix.pastePlaceholder')}
          style={{ fontFamily: 'monospace' }}
        />
        {parsed.length > 0 && parsed.length !== units.length && (
          <Alert type="warning" showIcon title={t('matrix.pasteCountMismatch', { lines: parsed.length, rows: units.length })} />
        )}
        {invalid && <Alert type="error" showIcon title={t('matrix.pasteInvalid')} />}
        {fresh && hasErrors && <Alert type="error" showIcon title={t('matrix.pasteHasErrors')} />}
        {fresh && !hasErrors && <Alert type="success" showIcon title={t('matrix.pasteOk')} />}
        <Table<Row>
          rowKey={(r) => r.unit.id}
          size="small"
          pagination={false}
          scroll={{ y: 320 }}
          dataSource={rows}
          columns={[
            { title: t('matrix.unit'), key: 'unit', render: (_, r) => r.unit.name },
            { title: t('matrix.pasteCurrent'), key: 'current', width: 110, render: (_, r) => fmt(r.current?.value, indicator.unitOfMeasure) },
            {
              title: t('matrix.pasteNew'),
              key: 'next',
              width: 110,
              render: (_, r) =>
                r.next === null ? (
                  '—'
                ) : Number.isNaN(r.next) ? (
                  <Typography.Text type="danger">{t('matrix.notANumber')}</Typography.Text>
                ) : (
                  <Typography.Text strong>{fmt(r.next, indicator.unitOfMeasure)}</Typography.Text>
                ),
            },
            { title: t('matrix.issues'), key: 'issues', render: (_, r) => <IssueList issues={issuesOf(r.unit.id)} /> },
          ]}
        />
      </Flex>
    </Modal>
  );
}
