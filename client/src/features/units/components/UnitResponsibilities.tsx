import { Link } from 'react-router';
import { Table, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { PHONE_TABLE, usePhone } from '../../../app/components/usePhone';
import { useI18n } from '../../../app/i18n';
import { EmptyState, ErrorState } from '../../../app/components/States';
import type { UnitResponsibilitiesQuery as Result } from '../../../gql/graphql';
import { UnitResponsibilitiesQuery } from '../units.graphql';

type Row = NonNullable<Result['unit']>['responsibilities'][number];

/** What a unit leads or coordinates in the plans its viewer can read: rows and tasks, with the document's words. */
export function UnitResponsibilities({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const phone = usePhone();
  const { data, loading, error, refetch } = useQuery(UnitResponsibilitiesQuery, { variables: { id: unitId, year: null } });
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const rows = data?.unit?.responsibilities ?? [];
  return (
    <Table<Row>
      rowKey={(r, i) => `${r.plan.id}-${r.indicator?.id ?? ''}-${r.task?.id ?? ''}-${r.role}-${i}`}
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      // On a phone as wide as a small laptop's, its text wrapped as there: it scrolls inside its card, not the page.
      scroll={{ x: phone ? PHONE_TABLE : true }}
      locale={{ emptyText: <EmptyState>{t('units.resp.empty')}</EmptyState> }}
      columns={[
        { title: t('units.resp.plan'), key: 'plan', width: 180, render: (_, r) => <Link to={`/plans/${r.plan.id}`}>{`${r.plan.year} — ${r.plan.title}`}</Link> },
        {
          title: t('units.resp.content'),
          key: 'content',
          render: (_, r) => (
            <>
              {r.position ? `${r.position}. ` : ''}
              {r.content}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                {r.task ? t('units.resp.task') : t('units.resp.row')} · {r.text}
              </Typography.Paragraph>
            </>
          ),
        },
        { title: t('units.resp.role'), key: 'role', width: 100, render: (_, r) => <Tag color={r.role === 'LEAD' ? 'red' : 'blue'}>{t(`units.resp.${r.role}`)}</Tag> },
      ]}
    />
  );
}
