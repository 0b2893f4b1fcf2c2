import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Card, Flex, List, Select, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { EmptyState } from '../../../app/components/States';
import { PlanStatusTag } from '../../plans/components/PlanStatusTag';
import { PlansTable, type PlanRow } from '../../plans/components/PlansTable';

/** Latest year that has a plan, or this year when none has. */
export function defaultYear(plans: readonly { year: number }[], now = new Date()): number {
  const thisYear = now.getFullYear();
  if (plans.some((p) => p.year === thisYear)) return thisYear;
  return plans.reduce((max, p) => Math.max(max, p.year), 0) || thisYear;
}

/** Province and district home: the plans of one year (status, deadline), then every plan. */
export function PlansOfYear({ plans }: { plans: readonly PlanRow[] }) {
  const { t, date } = useI18n();
  const years = useMemo(() => [...new Set(plans.map((p) => p.year))].sort((a, b) => b - a), [plans]);
  const [year, setYear] = useState(() => defaultYear(plans));
  const ofYear = plans.filter((p) => p.year === year);

  return (
    <Flex vertical gap={16}>
      <Card
        title={t('home.plansOfYear', { year })}
        extra={<Select style={{ width: 100 }} value={year} onChange={setYear} aria-label={t('common.year')} options={years.map((y) => ({ value: y, label: y }))} />}
      >
        <List
          dataSource={ofYear}
          locale={{ emptyText: <EmptyState>{t('home.noPlansOfYear', { year })}</EmptyState> }}
          renderItem={(p) => (
            <List.Item actions={[<PlanStatusTag key="s" status={p.status} />]}>
              <List.Item.Meta
                title={<Link to={`/plans/${p.id}`}>{p.title}</Link>}
                description={
                  <Flex gap={16} wrap>
                    {p.documentNumber && <span>{p.documentNumber}</span>}
                    <span>
                      <CalendarOutlined /> {t('home.deadline')}: {p.subAssignmentDeadline ? date(p.subAssignmentDeadline) : t('home.noDeadline')}
                    </span>
                    <Typography.Text type="secondary">{p.issuer.name}</Typography.Text>
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('home.allPlans')}>
        {/* On a phone the table scrolls in its card, not the page. */}
        <div style={{ overflowX: 'auto' }}>
          <PlansTable plans={plans} compact />
        </div>
      </Card>
    </Flex>
  );
}
