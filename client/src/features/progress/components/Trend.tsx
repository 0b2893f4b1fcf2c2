import { lazy, Suspense } from 'react';
import { Card } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { ErrorState, Loading } from '../../../app/components/States';
import { TrendHalfQuery, YearOutlookQuery } from '../progress.graphql';

const TrendChart = lazy(async () => ({ default: (await import('./ProgressChart')).TrendChart }));

const months = (year: number, from: number) => {
  const p = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return { p1: p(from), p2: p(from + 1), p3: p(from + 2), p4: p(from + 3), p5: p(from + 4), p6: p(from + 5) };
};

/** The selected unit's figure month by month against its target, with the year-end projection. */
export function TrendCard({ planId, indicatorId, unitId, year, unitOfMeasure }: { planId: string; indicatorId: string; unitId: string; year: number; unitOfMeasure: string }) {
  const { t } = useI18n();
  const base = { planId, indicatorId, unitId };
  // Out of the cache: a progress line has no id, so these would replace the dashboard's own answer
  // for the same unit and period (other fields), and each query would keep asking again.
  const fetchPolicy = 'no-cache' as const;
  // Two documents of six months each: a dozen aliases would pass half the server's alias limit.
  const first = useQuery(TrendHalfQuery, { variables: { ...base, ...months(year, 1) }, fetchPolicy });
  const second = useQuery(TrendHalfQuery, { variables: { ...base, ...months(year, 7) }, fetchPolicy });
  const outlook = useQuery(YearOutlookQuery, { variables: { ...base, period: String(year) }, fetchPolicy });
  const error = first.error ?? second.error ?? outlook.error;
  const halves = [first.data, second.data];
  const points = halves
    .flatMap((d) => (d ? [d.m1, d.m2, d.m3, d.m4, d.m5, d.m6] : []))
    .flatMap((p) => (p.rolledUp.value === null || p.rolledUp.value === undefined ? [] : [{ month: `${p.period.slice(5)}/${year}`, value: p.rolledUp.value }]));
  const o = outlook.data?.progress;
  return (
    <Card title={t('reporting.trend', { unit: o?.unit.name ?? '…' })} data-testid="trend">
      {error ? (
        <ErrorState
          error={error}
          onRetry={() => {
            void first.refetch();
            void second.refetch();
            void outlook.refetch();
          }}
        />
      ) : first.loading || second.loading || outlook.loading ? (
        <Loading />
      ) : (
        <Suspense fallback={<Loading />}>
          <TrendChart points={points} target={o?.target?.value ?? null} projected={o?.projected ?? null} unitOfMeasure={unitOfMeasure} />
        </Suspense>
      )}
    </Card>
  );
}
