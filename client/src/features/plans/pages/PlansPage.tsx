import { useMemo, useState } from 'react';
import { Button, Card, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { can } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { ErrorState } from '../../../app/components/States';
import { usePhone } from '../../../app/components/usePhone';
import { PlansQuery } from '../plans.graphql';
import { PlansTable } from '../components/PlansTable';
import { CreatePlanModal } from '../components/CreatePlanModal';

export function PlansPage() {
  const { t } = useI18n();
  const user = useUser();
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(PlansQuery);
  const [year, setYear] = useState<number | null>(null);
  const plans = useMemo(() => (data?.plans ?? []).filter((p) => year === null || p.year === year), [data, year]);
  const years = useMemo(() => [...new Set((data?.plans ?? []).map((p) => p.year))].sort((a, b) => b - a), [data]);
  // On a phone the year and "create" go under the title, where they have the card's width.
  const phone = usePhone();
  const controls = (
    <Space wrap>
      <Select<number | null>
        style={{ width: 160 }}
        value={year}
        onChange={setYear}
        aria-label={t('common.year')}
        options={[{ value: null, label: t('plans.allYears') }, ...years.map((y) => ({ value: y, label: String(y) }))]}
      />
      {can(user.role, 'plans.create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('plans.create')}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('plans.title')}
        </Typography.Title>
      }
      extra={phone ? undefined : controls}
    >
      {phone && <div style={{ marginBottom: 16 }}>{controls}</div>}
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <PlansTable plans={plans} loading={loading} />}
      {creating && <CreatePlanModal open plans={data?.plans ?? []} onClose={() => setCreating(false)} />}
    </Card>
  );
}
