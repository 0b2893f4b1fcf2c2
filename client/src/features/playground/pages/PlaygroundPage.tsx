import { useMemo, type ComponentProps } from 'react';
import { Card, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { GraphiQL } from 'graphiql';
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { requestHeaders } from '../../../app/apollo';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { ErrorState, Loading } from '../../../app/components/States';
import { PlanQuery, PlansQuery } from '../../plans/plans.graphql';
import { exampleTabs } from '../examples';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

/** Self-hosted GraphiQL: the same session cookie and CSRF preflight header as the SPA. */
const fetcher: Fetcher = async (params) => {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...requestHeaders() },
    body: JSON.stringify(params),
  });
  return res.json();
};

export function PlaygroundPage() {
  const { t } = useI18n();
  const user = useUser();
  const plansQ = useQuery(PlansQuery);
  const plan = useMemo(() => [...(plansQ.data?.plans ?? [])].sort((a, b) => b.year - a.year).find((p) => p.status === 'ISSUED') ?? plansQ.data?.plans[0], [plansQ.data]);
  const planQ = useQuery(PlanQuery, { variables: { id: plan?.id ?? '' }, skip: !plan });

  if (plansQ.loading || planQ.loading) return <Loading />;
  if (plansQ.error) return <ErrorState error={plansQ.error} onRetry={() => void plansQ.refetch()} />;

  const tabs = exampleTabs({
    planId: plan?.id ?? '1',
    indicatorId: planQ.data?.plan?.indicators[planQ.data.plan.indicators.length - 1]?.indicator.id ?? '1',
    unitId: user.unit?.id ?? plan?.issuer.id ?? '1',
    year: plan?.year ?? new Date().getFullYear(),
  });

  return (
    <Card title={t('playground.title')} styles={{ body: { padding: 0 } }}>
      <Typography.Paragraph type="secondary" style={{ padding: '12px 24px 0' }}>
        {t('playground.help')}
      </Typography.Paragraph>
      <div style={{ height: 'calc(100vh - 230px)', minHeight: 480 }}>
        {/* GraphiQL 5 fills the first tab's variables only from initialVariables. */}
        <GraphiQL fetcher={fetcher} defaultTabs={tabs} initialQuery={tabs[0].query} initialVariables={tabs[0].variables} defaultEditorToolsVisibility="variables" />
      </div>
    </Card>
  );
}
