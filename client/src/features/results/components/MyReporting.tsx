import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { Card, Flex, Typography } from 'antd';
import { ExclamationCircleOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { PlansQuery } from '../../plans/plans.graphql';
import { ReportingNotificationsQuery, ReportingPlanQuery, ReportingQuery, UnitTargetsQuery } from '../results.graphql';
import { resultsLink, returnedFigures, type ReturnedFigure } from '../reporting-links';
import { periodLabel } from '../periods';
import { useDueReporting, type DueRow } from '../useDueReporting';
import { useQueuedWrites } from '../offline-queue';
import { QueuedList } from './QueuedWrites';

const itemStyle = { display: 'block', padding: '10px 0', minHeight: 44, borderBottom: '1px solid #f0f0f0', overflowWrap: 'anywhere' as const };

/**
 * The plans a unit reports on from its home page: the issued plans of this year and last year,
 * or, when there are none, those of the newest year with an issued plan.
 */
export function reportingPlans<P extends { id: string; year: number; status: string }>(plans: readonly P[], today = new Date()): P[] {
  const issued = plans.filter((p) => p.status === 'ISSUED');
  const year = today.getUTCFullYear();
  const recent = issued.filter((p) => p.year === year || p.year === year - 1);
  if (recent.length) return recent;
  const newest = Math.max(...issued.map((p) => p.year));
  return issued.filter((p) => p.year === newest);
}

/** The reporter's side of reporting on the home page: what to submit and what came back (issue #15). */
export function MyReporting() {
  const { t } = useI18n();
  const user = useUser();
  const unitId = user.unit?.id;
  const notificationsQ = useQuery(ReportingNotificationsQuery, { skip: !unitId });
  const plansQ = useQuery(PlansQuery, { skip: !unitId });
  const returned = useMemo(() => returnedFigures(notificationsQ.data?.notifications ?? []).filter((r) => r.unitId === unitId), [notificationsQ.data, unitId]);
  const plans = useMemo(() => reportingPlans(plansQ.data?.plans ?? []), [plansQ.data]);
  // Figures typed with no signal, still on the device.
  const queued = useQueuedWrites(user.id);
  const navigate = useNavigate();
  if (!unitId) return null;

  return (
    <Card title={t('reporting.my.title')} data-testid="my-reporting" styles={{ body: { paddingTop: 8 } }}>
      <Flex vertical gap={4}>
        <QueuedList entries={queued} onOpen={(e) => void navigate(`/results?${new URLSearchParams({ planId: e.planId, indicatorId: e.indicatorId, period: e.period })}`)} />
        {returned.map((r) => (
          <ReturnedItem key={r.id} figure={r} />
        ))}
        {plans.map((p) => (
          <PlanDue key={p.id} planId={p.id} unitId={unitId} />
        ))}
        <Typography.Text type="secondary" style={{ paddingTop: 8 }}>
          <Link to="/results">{t('results.title')}</Link>
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/** A figure that came back, with the reason, until the unit corrects it (no longer RETURNED). */
function ReturnedItem({ figure }: { figure: ReturnedFigure }) {
  const { t } = useI18n();
  const now = useQuery(ReportingQuery, {
    variables: { planId: figure.planId ?? '', indicatorId: figure.indicatorId, unitId: figure.unitId, period: figure.period },
    skip: !figure.planId,
  });
  const row = now.data?.reporting.find((r) => r.unit.id === figure.unitId);
  if (now.loading || (row && row.state !== 'RETURNED')) return null;
  const link = figure.planId ? resultsLink({ planId: figure.planId, indicatorId: figure.indicatorId, period: figure.period, unitId: figure.unitId }) : '/results';
  return (
    <Link to={link} style={itemStyle} data-testid="returned-item">
      <Flex gap={8} align="start">
        <RollbackOutlined style={{ color: '#d46b08', marginTop: 4 }} aria-hidden />
        <span>
          <Typography.Text strong>{t('reporting.my.returned')}: </Typography.Text>
          <Typography.Text>{figure.message}</Typography.Text>
        </span>
      </Flex>
    </Link>
  );
}

/** One plan's rows this unit has targets for and reports on a calendar. */
function PlanDue({ planId, unitId }: { planId: string; unitId: string }) {
  // Kept out of the cache: plan rows have no id there, and the plan's document selects others.
  const planQ = useQuery(ReportingPlanQuery, { variables: { id: planId }, fetchPolicy: 'no-cache' });
  const targetsQ = useQuery(UnitTargetsQuery, { variables: { planId, unitId } });
  const plan = planQ.data?.plan;
  if (!plan || !targetsQ.data) return null;
  const withTarget = new Set(targetsQ.data.targets.map((x) => x.indicator.id));
  return (
    <>
      {plan.indicators
        .filter((r) => r.frequency && withTarget.has(r.indicator.id))
        .map((r) => (
          <DueItem key={r.indicator.id} planId={plan.id} year={plan.year} unitId={unitId} indicator={r.indicator} frequency={r.frequency!} dueDay={r.dueDay ?? null} />
        ))}
    </>
  );
}

/** The latest due period of a row, listed when the unit's figure for it has not been sent. */
function DueItem(item: DueRow) {
  const { planId, unitId, indicator } = item;
  const { t, date } = useI18n();
  const { due, q } = useDueReporting(item);
  // Only a unit's own row: a unit with children sees theirs, not its own, in `reporting`.
  const row = q.data?.reporting.find((r) => r.unit.id === unitId);
  if (!due || !row || row.state === 'SUBMITTED' || row.state === 'APPROVED' || row.state === 'RETURNED') return null;
  return (
    <Link to={resultsLink({ planId, indicatorId: indicator.id, period: due.period, unitId })} style={itemStyle} data-testid="due-item">
      <Flex gap={8} align="start">
        {row.missing ? <ExclamationCircleOutlined style={{ color: '#cf1322', marginTop: 4 }} aria-hidden /> : <SendOutlined style={{ marginTop: 4 }} aria-hidden />}
        <span>
          <Typography.Text strong>{t('reporting.my.toSubmit')}: </Typography.Text>
          {t('reporting.my.item', { indicator: indicator.name, period: periodLabel(due.period, t) })}{' '}
          <Typography.Text type={row.missing ? 'danger' : 'secondary'}>({t('reporting.my.due', { date: date(row.dueDate) })})</Typography.Text>
        </span>
      </Flex>
    </Link>
  );
}
