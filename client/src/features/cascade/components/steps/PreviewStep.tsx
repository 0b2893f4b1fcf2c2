import { useState } from 'react';
import { Alert, Button, Flex, Input, Popconfirm, Segmented, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { ErrorState } from '../../../../app/components/States';
import { IssueList, perRow, WriteNoticeAlert } from '../../../plans/components/issues';
import type { ChildRow, CascadeWizardState } from '../useCascadeWizard';

/**
 * Step 3: the children the cascade changes first (a filter hides the others), each with its floor,
 * baseline, proposal, override and issues; above them the uplift used and what the children's
 * targets imply against the parent's own. Apply when clean; when short, only after confirming.
 */
export function PreviewStep({ wizard: w }: { wizard: CascadeWizardState }) {
  const { t, num, value: fmt } = useI18n();
  const { errors, warnings, implied, impliedTarget, impliedMeets, upliftUsed, changedCount } = w;
  const uom = w.indicator?.unitOfMeasure;
  // All rows, the changing ones first; "changed" narrows to them (nothing changes: all).
  const [filter, setFilter] = useState<'changed' | 'all'>('all');
  const shown = filter === 'changed' && changedCount > 0 ? 'changed' : 'all';
  const points = (n: number) => (w.indicator?.measure === 'COUNT' ? num(n) : t('cascade.points', { value: num(n) }));
  return (
    <Flex vertical gap={12}>
      {w.runError && <ErrorState error={w.runError} />}
      <Flex gap={16} wrap align="center">
        <Tag color={errors ? 'red' : warnings ? 'orange' : 'green'}>{t('cascade.errorsCount', { errors, warnings })}</Tag>
        {upliftUsed !== null && (
          <Typography.Text data-testid="cascade-uplift">
            {t('cascade.upliftUsed', { uplift: `${upliftUsed >= 0 ? '+' : ''}${points(upliftUsed)}` })}
            {upliftUsed !== w.rule.uplift && ` ${t('cascade.upliftRaised', { asked: num(w.rule.uplift) })}`}
          </Typography.Text>
        )}
        {implied !== null && impliedTarget !== null && (
          <Typography.Text data-testid="cascade-implied" type={impliedMeets ? undefined : 'danger'}>
            {t('cascade.implied')}:{' '}
            <Typography.Text strong type={impliedMeets ? undefined : 'danger'}>
              {t('cascade.impliedVs', { implied: fmt(implied, uom), target: fmt(impliedTarget, uom) })}
            </Typography.Text>{' '}
            <Tag color={impliedMeets ? 'green' : 'red'}>{impliedMeets ? t('cascade.impliedOk') : t('cascade.impliedShort')}</Tag>
          </Typography.Text>
        )}
      </Flex>
      {w.parentIssues.length > 0 && <IssueList issues={perRow(w.parentIssues)} />}
      <WriteNoticeAlert notice={w.notice} />
      {!w.fresh && w.preview && <Alert type="warning" showIcon title={t('cascade.stale')} />}
      {w.fresh && errors > 0 && <Alert type="error" showIcon title={t('cascade.applyDisabled')} />}
      <Segmented<'changed' | 'all'>
        aria-label={t('cascade.filter')}
        value={shown}
        onChange={setFilter}
        options={[
          { value: 'changed', label: t('cascade.filterChanged', { count: changedCount }), disabled: changedCount === 0 },
          { value: 'all', label: t('cascade.filterAll', { count: w.rows.length }) },
        ]}
      />
      <Table<ChildRow>
        rowKey="id"
        size="small"
        bordered
        pagination={false}
        sticky
        dataSource={shown === 'changed' ? w.rows.filter((r) => r.changed) : w.rows}
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
        <Popconfirm
          title={t('cascade.confirmShort')}
          okText={t('cascade.applyAnyway')}
          cancelText={t('common.cancel')}
          disabled={impliedMeets !== false || !w.canApply}
          onConfirm={w.apply}
        >
          <Button type="primary" onClick={impliedMeets === false ? undefined : w.apply} disabled={!w.canApply} loading={w.running}>
            {t('cascade.apply')}
          </Button>
        </Popconfirm>
      </Space>
    </Flex>
  );
}
