import { Alert, Button, Flex, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { ErrorState } from '../../../../app/components/States';
import { IssueList } from '../../../plans/components/issues';
import type { ChildRow, CascadeWizardState } from '../useCascadeWizard';

/** Step 3: every child with its floor, baseline, proposal, override and issues; apply when clean. */
export function PreviewStep({ wizard: w }: { wizard: CascadeWizardState }) {
  const { t, num, value: fmt } = useI18n();
  const { errors, warnings, implied, impliedMeets, parentTarget } = w;
  const uom = w.indicator?.unitOfMeasure;
  return (
    <Flex vertical gap={12}>
      {w.runError && <ErrorState error={w.runError} />}
      <Flex gap={16} wrap align="center">
        <Tag color={errors ? 'red' : warnings ? 'orange' : 'green'}>{t('cascade.errorsCount', { errors, warnings })}</Tag>
        {implied !== null && (
          <Typography.Text>
            {t('cascade.implied')}:{' '}
            <Typography.Text strong>
              {parentTarget ? t('cascade.impliedVs', { implied: fmt(implied, uom), target: fmt(parentTarget.value, uom) }) : fmt(implied, uom)}
            </Typography.Text>{' '}
            {impliedMeets !== null && <Tag color={impliedMeets ? 'green' : 'orange'}>{impliedMeets ? t('cascade.impliedOk') : t('cascade.impliedShort')}</Tag>}
          </Typography.Text>
        )}
      </Flex>
      {w.parentIssues.length > 0 && <IssueList issues={w.parentIssues} />}
      {!w.fresh && w.preview && <Alert type="warning" showIcon title={t('cascade.stale')} />}
      {w.fresh && errors > 0 && <Alert type="error" showIcon title={t('cascade.applyDisabled')} />}
      <Table<ChildRow>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        sticky
        dataSource={w.rows}
        scroll={{ x: 1100 }}
        onRow={(r) => {
          const worst = r.localIssues.length || r.issues.some((i) => i.severity === 'ERROR') ? 'ERROR' : r.issues.length ? 'WARNING' : null;
          return { style: worst ? { background: worst === 'ERROR' ? '#fff1f0' : '#fffbe6' } : undefined, 'data-row-key': r.id } as React.HTMLAttributes<HTMLElement>;
        }}
        columns={[
          {
            title: t('common.unit'),
            key: 'unit',
            width: 240,
            fixed: 'left',
            render: (_, r) => (
              <>
                {r.name}
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`kind.${r.kind}`)}
                </Typography.Text>
              </>
            ),
          },
          { title: t('cascade.col.floor'), key: 'floor', width: 90, render: (_, r) => num(r.floor) },
          {
            title: t('cascade.col.baseline'),
            key: 'baseline',
            width: 100,
            // Where the baseline came from (e.g. last year's results, rebuilt from the units merged into this one).
            render: (_, r) =>
              r.baselineSource ? (
                <Tooltip title={r.baselineSource}>
                  <span>
                    {num(r.baseline)} <Typography.Text type="secondary">ⓘ</Typography.Text>
                  </span>
                </Tooltip>
              ) : (
                num(r.baseline)
              ),
          },
          {
            title: t('cascade.col.proposed'),
            key: 'proposed',
            width: 170,
            render: (_, r) =>
              r.proposed ? (
                <Space size={4}>
                  <Typography.Text strong>{fmt(r.proposed.value, uom)}</Typography.Text>
                  <Tag color={r.proposed.origin === 'RULE' ? 'blue' : 'default'}>{t(`origin.${r.proposed.origin}`)}</Tag>
                </Space>
              ) : (
                <Typography.Text type="secondary">
                  {r.existing !== null ? `${fmt(r.existing, uom)} · ` : ''}
                  {t('cascade.unchanged')}
                </Typography.Text>
              ),
          },
          {
            title: t('cascade.col.override'),
            key: 'override',
            width: 130,
            render: (_, r) => (
              <Input
                size="small"
                aria-label={`${t('cascade.col.override')} ${r.name}`}
                value={w.overrides[r.id] ?? ''}
                status={r.localIssues.length ? 'error' : undefined}
                onChange={(e) => w.setOverride(r.id, e.target.value)}
                suffix={uom}
              />
            ),
          },
          {
            title: t('cascade.col.issues'),
            key: 'issues',
            render: (_, r) => <IssueList issues={[...r.localIssues, ...r.issues]} />,
          },
        ]}
      />
      <Space>
        <Button onClick={() => w.setStep(1)}>{t('common.back')}</Button>
        <Button onClick={w.dryRun} loading={w.running}>
          {t('cascade.rerun')}
        </Button>
        <Button type="primary" onClick={w.apply} disabled={!w.canApply} loading={w.running}>
          {t('cascade.apply')}
        </Button>
      </Space>
    </Flex>
  );
}
