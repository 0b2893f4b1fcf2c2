import { Table, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/components/States';
import type { PlanQuery } from '../../../gql/graphql';

type Row = NonNullable<PlanQuery['plan']>['indicators'][number];

/** The plan's indicators with their section, position and the floors set for the level below. */
export function PlanIndicators({ indicators }: { indicators: readonly Row[] }) {
  const { t, num } = useI18n();
  return (
    <Table<Row>
      rowKey={(r) => r.indicator.id}
      size="small"
      pagination={false}
      dataSource={indicators as Row[]}
      locale={{ emptyText: <EmptyState>{t('plan.ind.empty')}</EmptyState> }}
      columns={[
        { title: t('plan.ind.section'), dataIndex: 'section', width: 90, render: (v: string | null) => v ?? '—' },
        { title: t('plan.ind.position'), dataIndex: 'position', width: 60, render: (v: string | null) => v ?? '—' },
        { title: t('plan.ind.code'), key: 'code', width: 170, render: (_, r) => <Typography.Text code>{r.indicator.code}</Typography.Text> },
        {
          title: t('plan.ind.name'),
          key: 'name',
          render: (_, r) => (
            <>
              {r.indicator.name}
              {r.indicator.measure === 'RATE' && r.indicator.numeratorLabel && (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                  {t('results.labels', { b: r.indicator.numeratorLabel, a: r.indicator.denominatorLabel ?? '' })}
                </Typography.Paragraph>
              )}
            </>
          ),
        },
        {
          title: t('plan.ind.measure'),
          key: 'measure',
          width: 170,
          render: (_, r) =>
            `${t(`measure.${r.indicator.measure}`)}, ${t(`comparator.${r.indicator.comparator}`)}${r.indicator.unitOfMeasure ? ` (${r.indicator.unitOfMeasure})` : ''}`,
        },
        {
          title: t('plan.ind.floors'),
          key: 'floors',
          width: 260,
          render: (_, r) =>
            r.floors.length ? (
              r.floors.map((f) => `${t(`kind.${f.kind}`)} ≥ ${num(f.value)}`).join(', ')
            ) : (
              <Typography.Text type="secondary">{t('plan.ind.noFloors')}</Typography.Text>
            ),
        },
      ]}
    />
  );
}
