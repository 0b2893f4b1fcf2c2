import { useMemo, useState } from 'react';
import { App, Card, Flex, Form, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { resultScopeOf } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { MatrixUnitsQuery } from '../../plans/plans.graphql';
import { usePlanChoice } from '../../plans/usePlanChoice';
import { structureDate } from '../../plans/structure';
import { RecordResultsMutation, RecordedFiguresQuery } from '../results.graphql';
import { ResultForm, type RecordedFigure, type ResultUnit } from '../components/ResultForm';
import { PlanIndicatorItems } from '../../../app/components/PlanPickers';

const pad = (m: number) => String(m).padStart(2, '0');

export function ResultsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const { plansQ, plans, plan, choosePlan, planQ, indicators, indicator, setIndicatorId } = usePlanChoice({ issuedOnly: true });
  const [month, setMonth] = useState(1);
  const period = plan ? `${plan.year}-${pad(month)}` : '';

  const scope = resultScopeOf(user.role);
  const unitId = user.unit?.id;
  // The units as they stood in the plan's year: a 2022 result goes to a 2022 commune.
  const unitsQ = useQuery(MatrixUnitsQuery, { variables: { unitId: unitId!, at: plan ? structureDate(plan.year) : null }, skip: !unitId || !plan });
  const units: ResultUnit[] = useMemo(() => {
    const u = unitsQ.data?.unit;
    if (!u) return [];
    return [{ id: u.id, name: u.name, kind: u.kind }, ...(scope === 'OWN_AND_CHILDREN' ? u.children : [])];
  }, [unitsQ.data, scope]);

  const recordedQ = useQuery(RecordedFiguresQuery, {
    variables: { planId: plan?.id ?? '', indicatorId: indicator?.id ?? '', unitId: unitId!, period },
    skip: !plan || !indicator || !unitId,
    fetchPolicy: 'network-only',
  });
  const recorded = useMemo(() => {
    const p = recordedQ.data?.progress;
    const map = new Map<string, RecordedFigure>();
    if (p) for (const row of [p, ...p.children]) map.set(row.unit.id, row.own);
    return map;
  }, [recordedQ.data]);
  const [record, { loading: saving }] = useMutation(RecordResultsMutation);

  if (plansQ.loading) return <Loading />;
  if (plansQ.error) return <ErrorState error={plansQ.error} onRetry={() => void plansQ.refetch()} />;

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('results.title')}
        </Typography.Title>
      }
    >
      {!plans.length ? (
        <EmptyState>{t('results.noPlans')}</EmptyState>
      ) : (
        <Flex vertical gap={16}>
          <Form layout="inline">
            <PlanIndicatorItems
              plans={plans}
              planId={plan?.id}
              onPlan={choosePlan}
              indicators={indicators}
              indicatorId={indicator?.id}
              onIndicator={setIndicatorId}
              loading={planQ.loading}
              labels={{ plan: t('results.plan'), indicator: t('results.indicator') }}
            />
            <Form.Item label={t('results.month')}>
              <Select
                style={{ width: 140 }}
                value={month}
                onChange={setMonth}
                options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${pad(i + 1)}/${plan?.year ?? ''}` }))}
                aria-label={t('results.month')}
              />
            </Form.Item>
          </Form>
          {planQ.error || unitsQ.error || recordedQ.error ? (
            <ErrorState error={planQ.error ?? unitsQ.error ?? recordedQ.error} onRetry={() => void recordedQ.refetch()} />
          ) : !indicator || !units.length ? (
            planQ.loading || unitsQ.loading ? (
              <Loading />
            ) : (
              <EmptyState>{t('results.pickFirst')}</EmptyState>
            )
          ) : recordedQ.loading ? (
            <Loading />
          ) : (
            <>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {indicator.name}
              </Typography.Title>
              <ResultForm
                key={`${indicator.id}:${period}:${recorded.size}`}
                indicator={indicator}
                units={units}
                recorded={recorded}
                submitting={saving}
                onSubmit={async (results) => {
                  const { data } = await record({ variables: { input: { indicatorId: indicator.id, period, results } } });
                  if (data) {
                    message.success(t('results.saved', { count: data.recordResults, month: `${pad(month)}/${plan!.year}` }));
                    void recordedQ.refetch();
                  }
                }}
              />
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}
