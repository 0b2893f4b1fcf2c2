import { useState } from 'react';
import { App, Button, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { ReportingPlanQuery } from '../../../results/results.graphql';
import { DEFAULT_DUE_DAY } from '@chitieu/domain';
import { useI18n } from '../../../../app/i18n';
import { EmptyState } from '../../../../app/components/States';
import type { PlanDocumentFragment } from '../../../../gql/graphql';
import { RemovePlanIndicatorMutation } from '../../plans.graphql';
import { groupRows } from './grouping';
import { ResponsibleText } from './ResponsibleText';
import { RowFormModal } from './RowFormModal';
import type { PlanRowData, RowSchedule } from './row-values';

/**
 * The plan's rows as the document lists them, under their headings: position, content, lead,
 * coordinating, floors, whose figure, legal basis, note. In a draft its writer adds, edits and
 * removes rows here.
 */
export function PlanRows({ plan, editable, ownerId }: { plan: PlanDocumentFragment; editable: boolean; ownerId: string | null }) {
  const { t, num } = useI18n();
  const { modal, message } = App.useApp();
  const [editing, setEditing] = useState<PlanRowData | 'new' | null>(null);
  const [removeRow] = useMutation(RemovePlanIndicatorMutation);
  const groups = groupRows(plan.headings, plan.indicators);
  // Each row's reporting schedule: not part of the plan document's fragment, and kept out of the
  // cache (rows have no id there: another selection of plan.indicators would replace the document's).
  const scheduleQ = useQuery(ReportingPlanQuery, { variables: { id: plan.id }, fetchPolicy: 'no-cache' });
  const schedules = new Map<string, RowSchedule>(
    (scheduleQ.data?.plan?.indicators ?? []).map((r) => [r.indicator.id, { frequency: r.frequency ?? null, dueDay: r.dueDay ?? null }]),
  );
  const scheduleText = (s: RowSchedule | undefined) => (s?.frequency ? t('rows.schedule', { frequency: t(`frequency.${s.frequency}`), days: s.dueDay ?? DEFAULT_DUE_DAY }) : null);

  const remove = (r: PlanRowData) =>
    modal.confirm({
      title: t('rows.removeConfirm', { name: r.indicator.name }),
      content: t('rows.removeBody'),
      okText: t('rows.removeOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const { data } = await removeRow({ variables: { planId: plan.id, indicatorId: r.indicator.id } }).catch(() => ({ data: undefined }));
        if (data) message.success(t('rows.removed', { name: r.indicator.name }));
      },
    });

  const table = (rows: PlanRowData[]) => (
    <Table<PlanRowData>
      rowKey={(r) => r.indicator.id}
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 900 }}
      locale={{ emptyText: <EmptyState>{t('plan.ind.empty')}</EmptyState> }}
      columns={[
        { title: t('rows.col.position'), dataIndex: 'position', width: 56, render: (v: string | null) => v ?? '—' },
        {
          title: t('rows.col.content'),
          key: 'content',
          render: (_, r) => (
            <Flex vertical gap={2} align="start">
              <span>{r.indicator.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <Typography.Text code style={{ fontSize: 11 }}>
                  {r.indicator.code}
                </Typography.Text>{' '}
                {t(`measure.${r.indicator.measure}`)}
                {r.indicator.unitOfMeasure ? ` (${r.indicator.unitOfMeasure})` : ''}, {t(`comparator.${r.indicator.comparator}`)}
                {r.floors.length > 0 && ` · ${t('rows.col.floors')}: ${r.floors.map((f) => `${t(`kind.${f.kind}`)} ≥ ${num(f.value)}`).join(', ')}`}
              </Typography.Text>
              {r.factLabels.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('rows.facts', { labels: r.factLabels.join('; ') })}
                </Typography.Text>
              )}
              {scheduleText(schedules.get(r.indicator.id)) && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`schedule-${r.indicator.id}`}>
                  {t('rows.frequency')}: {scheduleText(schedules.get(r.indicator.id))}
                </Typography.Text>
              )}
              <Tooltip title={t(`scope.help.${r.scope}`)}>
                <Tag color={r.scope === 'OWN' ? 'purple' : 'default'}>
                  {t('rows.col.scope')}: {t(`scope.${r.scope}`)}
                </Tag>
              </Tooltip>
            </Flex>
          ),
        },
        { title: t('rows.col.lead'), key: 'lead', width: 140, render: (_, r) => <ResponsibleText list={r.lead} /> },
        { title: t('rows.col.coordinating'), key: 'coordinating', width: 140, render: (_, r) => <ResponsibleText list={r.coordinating} /> },
        { title: t('rows.col.basis'), dataIndex: 'legalBasis', width: 130, render: (v: string | null) => v ?? '—' },
        { title: t('rows.col.note'), dataIndex: 'note', width: 120, render: (v: string | null) => v ?? '—' },
        ...(editable
          ? [
              {
                title: t('rows.col.actions'),
                key: 'actions',
                width: 88,
                render: (_: unknown, r: PlanRowData) => (
                  <Space size={4}>
                    <Button size="small" icon={<EditOutlined />} aria-label={t('rows.editOf', { name: r.indicator.name })} onClick={() => setEditing(r)} />
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('rows.removeOf', { name: r.indicator.name })} onClick={() => remove(r)} />
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <Flex vertical gap={12}>
      {editable && (
        <Button type="primary" icon={<PlusOutlined />} style={{ alignSelf: 'start' }} onClick={() => setEditing('new')}>
          {t('rows.add')}
        </Button>
      )}
      {groups.map((g, i) => (
        <section key={g.heading?.position ?? `none-${i}`} aria-label={g.heading ? `${g.heading.position} ${g.heading.text}` : t('rows.ungrouped')}>
          {g.heading ? (
            <Typography.Title level={5} style={{ marginTop: 8 }}>
              {g.heading.position} {g.heading.text}
            </Typography.Title>
          ) : (
            plan.headings.length > 0 && (
              <Typography.Title level={5} type="secondary" style={{ marginTop: 8 }}>
                {t('rows.ungrouped')}
              </Typography.Title>
            )
          )}
          {(g.rows.length > 0 || !g.heading) && table(g.rows)}
        </section>
      ))}
      {editable && editing !== null && (
        <RowFormModal
          plan={plan}
          row={editing === 'new' ? null : editing}
          schedule={editing === 'new' ? null : schedules.get(editing.indicator.id)}
          ownerId={ownerId}
          onClose={() => {
            setEditing(null);
            void scheduleQ.refetch();
          }}
        />
      )}
    </Flex>
  );
}
