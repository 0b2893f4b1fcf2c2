import { useMemo } from 'react';
import { Link } from 'react-router';
import { Card, Flex, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState, Loading } from '../../../app/components/States';
import { PlansQuery } from '../../plans/plans.graphql';
import { ReportingPlanQuery } from '../../results/results.graphql';
import { periodLabel } from '../../results/periods';
import { useDueReporting, type DueRow } from '../../results/useDueReporting';
import { reportingPlans } from '../../results/components/MyReporting';
import { completenessCounts } from '../completeness';
import { AtRiskCard, COMPLETENESS } from './ReportingPanels';

/** Rows of the plan looked at on the home page: enough to see who is behind, few requests. */
const MAX_ROWS = 5;

/** The province's (and a district's) side on the home page: who is late and who is at risk (issue #15). */
export function LateAndAtRisk() {
  const { t } = useI18n();
  const user = useUser();
  const plansQ = useQuery(PlansQuery);
  // The current plan: the newest issued one of this or last year (else the newest issued), the viewer's own first.
  const plan = useMemo(() => {
    const candidates = reportingPlans(plansQ.data?.plans ?? []).sort((a, b) => b.year - a.year);
    return candidates.find((p) => p.issuer.id === user.unit?.id) ?? candidates[0];
  }, [plansQ.data, user.unit?.id]);
  const unitId = user.unit?.id ?? plan?.issuer.id;
  // Kept out of the cache: plan rows have no id there, and the plan's document selects others.
  const rowsQ = useQuery(ReportingPlanQuery, { variables: { id: plan?.id ?? '' }, skip: !plan, fetchPolicy: 'no-cache' });
  if (plansQ.loading || rowsQ.loading) return <Loading />;
  if (!plan || !unitId) return null;
  const rows = (rowsQ.data?.plan?.indicators ?? []).filter((r) => r.frequency).slice(0, MAX_ROWS);

  return (
    <Flex vertical gap={16} data-testid="late-and-at-risk">
      <Card title={t('reporting.late.title')}>
        {rows.length ? (
          <Flex vertical gap={12}>
            {rows.map((r) => (
              <RowReporting key={r.indicator.id} planId={plan.id} year={plan.year} unitId={unitId} indicator={r.indicator} frequency={r.frequency!} dueDay={r.dueDay ?? null} />
            ))}
          </Flex>
        ) : (
          <EmptyState>{t('reporting.late.noPlan')}</EmptyState>
        )}
      </Card>
      <AtRiskCard planId={plan.id} unitId={unitId} limit={5} />
    </Flex>
  );
}

/** One row's latest due period: the counts, and who is late or has not sent. */
function RowReporting(row: DueRow) {
  const { planId, unitId, indicator } = row;
  const { t, date } = useI18n();
  const { due, q } = useDueReporting(row);
  if (!due || q.error) return null;
  const rows = q.data?.reporting ?? [];
  const counts = completenessCounts(rows);
  const late = rows.filter((r) => r.late).map((r) => r.unit.name);
  const missing = rows.filter((r) => r.missing).map((r) => r.unit.name);
  const dashboard = `/progress?${new URLSearchParams({ planId, indicatorId: indicator.id, unitId, period: due.period })}`;
  return (
    <Flex vertical gap={4} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
      <Link to={dashboard} aria-label={`${t('reporting.late.dashboard')}: ${indicator.name}`}>
        {t('reporting.late.period', { indicator: indicator.name, period: periodLabel(due.period, t), date: date(due.dueDate) })}
      </Link>
      {q.loading ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : (
        <>
          <Flex wrap gap={4}>
            {COMPLETENESS.map((c) => (
              <Tag key={c} color={c === 'onTime' ? 'green' : c === 'late' ? 'gold' : c === 'missing' ? 'red' : 'default'}>
                {t(`reporting.count.${c}`)}: {counts[c]}
              </Tag>
            ))}
          </Flex>
          {late.length > 0 && <Typography.Text>{t('reporting.late.lateUnits', { units: late.join(', ') })}</Typography.Text>}
          {missing.length > 0 && <Typography.Text type="danger">{t('reporting.late.missingUnits', { units: missing.join(', ') })}</Typography.Text>}
          {!late.length && !missing.length && rows.length > 0 && <Typography.Text type="success">{t('reporting.late.allIn')}</Typography.Text>}
        </>
      )}
    </Flex>
  );
}
