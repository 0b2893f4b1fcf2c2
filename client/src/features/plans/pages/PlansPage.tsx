import { useMemo, useState } from 'react';
import { Card, Select, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { ErrorState } from '../../../app/components/States';
import { PlansQuery } from '../plans.graphql';
import { PlansTable } from '../components/PlansTable';

export function PlansPage() {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(PlansQuery);
  const [year, setYear] = useState<number | null>(null);
  const plans = useMemo(() => (data?.plans ?? []).filter((p) => year === null || p.year === year), [data, year]);
  const years = useMemo(() => [...new Set((data?.plans ?? []).map((p) => p.year))].sort((a, b) => b - a), [data]);

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('plans.title')}
        </Typography.Title>
      }
      extra={
        <Select<number | null>
          style={{ width: 160 }}
          value={year}
          onChange={setYear}
          aria-label={t('common.year')}
          options={[{ value: null, label: t('plans.allYears') }, ...years.map((y) => ({ value: y, label: String(y) }))]}
        />
      }
    >
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <PlansTable plans={plans} loading={loading} />}
    </Card>
  );
}
