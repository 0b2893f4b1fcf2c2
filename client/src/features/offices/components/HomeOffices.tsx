import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Card, Flex, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { can } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState } from '../../../app/components/States';
import { HomeOfficesQuery } from '../offices.graphql';
import { AcknowledgeButton } from './AcknowledgeButton';
import { AdjustmentList, canDecide } from './AdjustmentList';

interface PlanRef {
  id: string;
  title: string;
  year: number;
  status: 'DRAFT' | 'ISSUED';
  issuer: { id: string };
}
type Report = (planId: string, count: number) => void;

/** How many rows each plan shows, once it has answered: the card says "none" when every plan answered 0. */
function useCounts(plans: readonly PlanRef[]) {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const report = useCallback<Report>((planId, count) => setCounts((c) => (c[planId] === count ? c : { ...c, [planId]: count })), []);
  const answered = plans.every((p) => p.id in counts);
  const total = plans.reduce((s, p) => s + (counts[p.id] ?? 0), 0);
  return { report, none: answered && total === 0 };
}

function PlanToAcknowledge({ plan, unit, report }: { plan: PlanRef; unit: { id: string; name: string }; report: Report }) {
  const { t } = useI18n();
  const { data } = useQuery(HomeOfficesQuery, { variables: { planId: plan.id, unitId: unit.id }, fetchPolicy: 'cache-and-network' });
  const pending = !!data && data.targets.length > 0 && !data.acknowledgements.some((a) => a.unit.id === unit.id);
  useEffect(() => {
    if (data) report(plan.id, pending ? 1 : 0);
  }, [data, pending, plan.id, report]);
  if (!pending) return null;
  return (
    <Flex gap={8} wrap align="center" justify="space-between" data-testid={`to-acknowledge-${plan.id}`} style={{ padding: '8px 0' }}>
      <div style={{ minWidth: 0, flex: '1 1 200px' }}>
        {/* The year first: the plan's own link, by its title, is the plans table's. */}
        <Link to={`/plans/${plan.id}?view=ack`}>{`${plan.year} · ${plan.title}`}</Link>
        <br />
        <Typography.Text type="secondary">{t('offices.ack.targets', { count: data.targets.length })}</Typography.Text>
      </div>
      <AcknowledgeButton planId={plan.id} unit={unit} />
    </Flex>
  );
}

function PlanPendingAdjustments({ plan, unitId, report }: { plan: PlanRef; unitId: string; report: Report }) {
  const user = useUser();
  const { data } = useQuery(HomeOfficesQuery, { variables: { planId: plan.id, unitId }, fetchPolicy: 'cache-and-network' });
  const mine = (data?.adjustments ?? []).filter((a) => canDecide(user.role, unitId, a, true));
  useEffect(() => {
    if (data) report(plan.id, mine.length);
  }, [data, mine.length, plan.id, report]);
  if (!mine.length) return null;
  return (
    <div data-testid={`to-decide-${plan.id}`}>
      <Link to={`/plans/${plan.id}?view=adjustments`}>{`${plan.year} · ${plan.title}`}</Link>
      <AdjustmentList adjustments={mine} />
    </div>
  );
}

/**
 * The home page's part between offices: the issued plans whose targets the viewer's unit has not
 * acknowledged, and the proposals from the units below that wait for its decision.
 */
export function HomeOffices({ plans }: { plans: readonly PlanRef[] }) {
  const { t } = useI18n();
  const user = useUser();
  const issued = plans.filter((p) => p.status === 'ISSUED');
  const acks = useCounts(issued);
  const decisions = useCounts(issued);
  const unit = user.unit;
  if (!unit || !can(user.role, 'results.enter') || !issued.length) return null;
  // An issuer holds no targets in its own plans: "nothing to acknowledge" would be noise there.
  const receives = issued.some((p) => p.issuer.id !== unit.id);
  return (
    <>
      <Card title={t('offices.ack.pendingTitle')} hidden={acks.none && !receives} size="small">
        {issued.map((p) => (
          <PlanToAcknowledge key={p.id} plan={p} unit={unit} report={acks.report} />
        ))}
        {acks.none && <EmptyState>{t('offices.ack.none')}</EmptyState>}
      </Card>
      {can(user.role, 'targets.edit') && (
        <Card title={t('offices.adj.pendingTitle')} size="small">
          {issued.map((p) => (
            <PlanPendingAdjustments key={p.id} plan={p} unitId={unit.id} report={decisions.report} />
          ))}
          {decisions.none && <EmptyState>{t('offices.adj.none')}</EmptyState>}
        </Card>
      )}
    </>
  );
}
