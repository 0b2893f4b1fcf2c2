import { useMemo } from 'react';
import { Table, Tag, Tooltip, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { EmptyState, ErrorState } from '../../../app/components/States';
import type { SubAssignmentQuery as Result } from '../../../gql/graphql';
import { SubAssignmentQuery } from '../plans.graphql';
import type { MatrixIndicator } from './TargetMatrix';

type Row = { unit: Result['subAssignment'][number]['unit']; cells: Map<string, Result['subAssignment'][number]> };

/** For each child of the viewer: how many of its own children have a target for each indicator, and how many late. */
export function SubAssignmentTable({ planId, unitId, indicators }: { planId: string; unitId: string; indicators: readonly MatrixIndicator[] }) {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(SubAssignmentQuery, { variables: { planId, unitId }, fetchPolicy: 'cache-and-network' });
  const rows = useMemo(() => {
    const byUnit = new Map<string, Row>();
    for (const r of data?.subAssignment ?? []) {
      const row = byUnit.get(r.unit.id) ?? { unit: r.unit, cells: new Map() };
      row.cells.set(r.indicator.id, r);
      byUnit.set(r.unit.id, row);
    }
    return [...byUnit.values()].filter((r) => [...r.cells.values()].some((c) => c.children > 0));
  }, [data]);

  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return (
    <Table<Row>
      rowKey={(r) => r.unit.id}
      size="small"
      loading={loading && !data}
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: <EmptyState>{t('sub.empty')}</EmptyState> }}
      scroll={{ x: 240 + indicators.length * 150 }}
      columns={[
        { title: t('common.unit'), key: 'unit', width: 240, fixed: 'left', render: (_, r) => r.unit.name },
        ...indicators.map((ind) => ({
          key: ind.id,
          width: 150,
          title: (
            <Tooltip title={ind.name}>
              <Typography.Text strong>{ind.position ?? ind.code}</Typography.Text>
            </Tooltip>
          ),
          render: (_: unknown, r: Row) => {
            const c = r.cells.get(ind.id);
            if (!c || !c.children) return '—';
            const done = c.assigned >= c.children;
            return (
              <>
                <Tag color={done ? 'green' : c.assigned ? 'gold' : 'default'}>{t('sub.count', { assigned: c.assigned, children: c.children })}</Tag>
                {c.late > 0 && <Tag color="orange">{t('sub.late', { late: c.late })}</Tag>}
                {!c.hasTarget && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('sub.noOwnTarget')}
                  </Typography.Text>
                )}
              </>
            );
          },
        })),
      ]}
    />
  );
}
