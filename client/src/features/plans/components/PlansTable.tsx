import { Link } from 'react-router';
import { Grid, Table, Typography, type Breakpoint } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { PlansQuery } from '../../../gql/graphql';
import { EmptyState } from '../../../app/components/States';
import { PlanStatusTag } from './PlanStatusTag';

/** Columns a narrower screen leaves out: the title keeps room enough to be read. */
const MD_UP: Breakpoint[] = ['md'];
const LG_UP: Breakpoint[] = ['lg'];
const XL_UP: Breakpoint[] = ['xl'];

export type PlanRow = PlansQuery['plans'][number];

/** Plans with their status and sub-assignment deadline; the title opens the plan. */
export function PlansTable({ plans, loading, compact }: { plans: readonly PlanRow[]; loading?: boolean; compact?: boolean }) {
  const { t, date } = useI18n();
  // On a phone: the year, the title and the status; the deadline from a tablet's width, the
  // number from a laptop's, the issuer on a wide screen. Below a wide screen the title takes as
  // many lines as it needs rather than 560 px of one; should the table still not fit, it scrolls
  // inside its card rather than the page.
  const wrapTitle = Grid.useBreakpoint().xl === false;
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
              {wrapTitle ? (
                title
              ) : (
                <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 560, color: 'inherit' }}>
                  {title}
                </Typography.Text>
              )}
            </Link>
          ),
        },
        { title: t('plans.col.number'), dataIndex: 'documentNumber', width: 140, responsive: LG_UP, render: (v: string | null) => v ?? '—' },
        { title: t('plans.col.status'), dataIndex: 'status', width: 120, render: (s: PlanRow['status']) => <PlanStatusTag status={s} /> },
        {
          title: t('plans.col.deadline'),
          dataIndex: 'subAssignmentDeadline',
          width: 150,
          responsive: MD_UP,
          render: (d: string | null) => (d ? date(d) : <Typography.Text type="secondary">{t('home.noDeadline')}</Typography.Text>),
        },
        ...(compact ? [] : [{ title: t('plans.col.issuer'), key: 'issuer', width: 180, responsive: XL_UP, render: (_: unknown, p: PlanRow) => p.issuer.name }]),
      ]}
    />
  );
}
