import { Link } from 'react-router';
import { Table, Typography, type Breakpoint } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { PlansQuery } from '../../../gql/graphql';
import { EmptyState } from '../../../app/components/States';
import { usePhone } from '../../../app/components/usePhone';
import { PlanStatusTag } from './PlanStatusTag';

/** Columns a phone leaves out. */
const MD_UP: Breakpoint[] = ['md'];

export type PlanRow = PlansQuery['plans'][number];

/** Plans with their status and sub-assignment deadline; the title opens the plan. */
export function PlansTable({ plans, loading, compact }: { plans: readonly PlanRow[]; loading?: boolean; compact?: boolean }) {
  const { t, date } = useI18n();
  // On a phone: the year, the title (on as many lines as it takes) and the status; the table
  // scrolls inside its card rather than the page should it still not fit.
  const phone = usePhone();
  return (
    <Table<PlanRow>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      loading={loading}
      dataSource={plans as PlanRow[]}
      pagination={plans.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: true }}
      locale={{ emptyText: <EmptyState>{t('plans.empty')}</EmptyState> }}
      columns={[
        { title: t('plans.col.year'), dataIndex: 'year', width: 70, sorter: (a, b) => a.year - b.year },
        {
          title: t('plans.col.title'),
          dataIndex: 'title',
          render: (title: string, p) => (
            <Link to={`/plans/${p.id}`}>
              {phone ? (
                title
              ) : (
                <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 560, color: 'inherit' }}>
                  {title}
                </Typography.Text>
              )}
            </Link>
          ),
        },
        { title: t('plans.col.number'), dataIndex: 'documentNumber', width: 140, responsive: MD_UP, render: (v: string | null) => v ?? '—' },
        { title: t('plans.col.status'), dataIndex: 'status', width: 120, render: (s: PlanRow['status']) => <PlanStatusTag status={s} /> },
        {
          title: t('plans.col.deadline'),
          dataIndex: 'subAssignmentDeadline',
          width: 150,
          responsive: MD_UP,
          render: (d: string | null) => (d ? date(d) : <Typography.Text type="secondary">{t('home.noDeadline')}</Typography.Text>),
        },
        ...(compact ? [] : [{ title: t('plans.col.issuer'), key: 'issuer', width: 180, responsive: MD_UP, render: (_: unknown, p: PlanRow) => p.issuer.name }]),
      ]}
    />
  );
}
