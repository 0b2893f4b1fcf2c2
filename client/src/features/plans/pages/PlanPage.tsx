import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { BarChartOutlined, ClusterOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { can, canEditPlanDocument, planRights } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { usePhone } from '../../../app/components/usePhone';
import { MatrixTargetsQuery, MatrixUnitsQuery, PlanQuery } from '../plans.graphql';
import { IssuePlanButton } from '../components/IssuePlanButton';
import { MissingTargets } from '../components/MissingTargets';
import { DocumentPanel } from '../components/document/DocumentPanel';
import { PlanDownloads } from '../components/document/PlanDownloads';
import { PlanRows } from '../components/document/PlanRows';
import { PlanStatusTag } from '../components/PlanStatusTag';
import { PlanTasks } from '../components/PlanTasks';
import { useMatrixFacts } from '../components/sheet/useMatrixFacts';
import { SubAssignmentTable } from '../components/SubAssignmentTable';
import { TargetHistory } from '../components/TargetHistory';
import { TargetMatrix, type MatrixIndicator } from '../components/TargetMatrix';
import { structureDate } from '../structure';
import { PlanAcknowledgements } from '../../offices/components/PlanAcknowledgements';
import { PlanAdjustments } from '../../offices/components/PlanAdjustments';

export function PlanPage() {
  const { planId = '' } = useParams();
  const { t, date, value } = useI18n();
  const user = useUser();
  const phone = usePhone();
  const [search, setSearch] = useSearchParams();
  // The viewer's own target whose history (and adjustment proposals) is open.
  const [ownHistory, setOwnHistory] = useState<string | null>(null);
  const planQ = useQuery(PlanQuery, { variables: { id: planId } });
  const plan = planQ.data?.plan;
  // The matrix is the viewer's own level: its unit's children (a system administrator sees the
  // issuer's), as they stood on 1 January of the plan's year — never today's tree after a reform.
  const viewerUnitId = user.unit?.id ?? plan?.issuer.id;
  const unitsQ = useQuery(MatrixUnitsQuery, { variables: { unitId: viewerUnitId!, at: plan ? structureDate(plan.year) : null }, skip: !viewerUnitId || !plan });
  // Asked again on every visit (another office may have changed a target since: an accepted adjustment),
  // then from the cache: a background fetch racing the sheet's own writes and refetches would show stale versions.
  const targetsQ = useQuery(MatrixTargetsQuery, {
    variables: { planId, unitId: viewerUnitId! },
    skip: !viewerUnitId || !plan,
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });

  const indicators: MatrixIndicator[] = useMemo(
    () => (plan?.indicators ?? []).map((pi) => ({ ...pi.indicator, position: pi.position, floors: pi.floors, factLabels: pi.factLabels, planIndicatorId: pi.id })),
    [plan],
  );
  // Facts only for a plan with fact columns (the matrix's extra columns).
  const factRows = useMemo(() => indicators.filter((i) => i.factLabels?.length).map((i) => i.id), [indicators]);
  const { facts: factsOf, refetch: refetchFacts } = useMatrixFacts(planId, plan ? viewerUnitId : undefined, factRows);

  if (planQ.loading) return <Loading />;
  if (planQ.error) return <ErrorState error={planQ.error} onRetry={() => void planQ.refetch()} />;
  if (!plan) return <EmptyState action={<Link to="/plans">{t('nav.plans')}</Link>}>{t('plan.notFound')}</EmptyState>;

  const viewerUnit = unitsQ.data?.unit;
  const children = viewerUnit?.children ?? [];
  const rights = planRights(user.role, { status: plan.status, issuerId: plan.issuer.id }, { unitId: user.unit?.id ?? null, hasChildren: children.length > 0 });
  const editDocument = canEditPlanDocument(user.role, { status: plan.status, issuerId: plan.issuer.id }, user.unit?.id ?? null);
  // Indicators created inline join the issuer's catalogue when a district's manager writes its own plan.
  const ownerId = user.role === 'UNIT_MANAGER' ? (user.unit?.id ?? null) : null;
  const childIds = new Set(children.map((c) => c.id));
  const allTargets = targetsQ.data?.targets ?? [];
  const childTargets = allTargets.filter((tg) => childIds.has(tg.unit.id)).map((tg) => (factsOf.has(tg.id) ? { ...tg, facts: factsOf.get(tg.id) } : tg));
  const ownTargets = allTargets.filter((tg) => tg.unit.id === viewerUnitId);
  // Between offices (issue #15): the units below holding targets acknowledge them; the viewer's
  // unit acknowledges its own and proposes adjustments to them.
  const holderIds = new Set(childTargets.map((tg) => tg.unit.id));
  const holders = children.filter((c) => holderIds.has(c.id));
  const ownUnit = user.unit && ownTargets.length > 0 && user.unit.id !== plan.issuer.id ? user.unit : null;
  const ownProposable = ownTargets.flatMap((tg) => {
    const ind = indicators.find((i) => i.id === tg.indicator.id);
    return ind ? [{ id: tg.id, value: tg.value, comparator: tg.comparator, indicator: { code: ind.position ?? ind.code, name: ind.name, unitOfMeasure: ind.unitOfMeasure } }] : [];
  });
  const offices = plan.status === 'ISSUED' && (ownUnit !== null || holders.length > 0);

  // A refetch after a write keeps the matrix mounted (its issues column lives in its state).
  const matrix =
    (unitsQ.loading && !unitsQ.data) || (targetsQ.loading && !targetsQ.data) ? (
      <Loading />
    ) : unitsQ.error || targetsQ.error ? (
      <ErrorState error={unitsQ.error ?? targetsQ.error} onRetry={() => void Promise.all([unitsQ.refetch(), targetsQ.refetch()])} />
    ) : !children.length ? (
      <EmptyState>{t('matrix.empty', { unit: viewerUnit?.name ?? '' })}</EmptyState>
    ) : (
      <Flex vertical gap={12}>
        {ownTargets.length > 0 && viewerUnitId !== plan.issuer.id && (
          <Flex gap={8} wrap align="center">
            <Typography.Text type="secondary">{t('matrix.own', { unit: viewerUnit?.name ?? '' })}:</Typography.Text>
            {indicators.map((ind) => {
              const own = ownTargets.find((o) => o.indicator.id === ind.id);
              return own ? (
                <Tag key={ind.id} style={{ cursor: 'pointer' }} title={t('matrix.history')} onClick={() => setOwnHistory(own.id)}>
                  {`${ind.position ?? ind.code}: ${t(`comparator.symbol.${own.comparator}`)} ${value(own.value, ind.unitOfMeasure)}`}
                </Tag>
              ) : null;
            })}
          </Flex>
        )}
        {rights.editTargets && <MissingTargets indicators={indicators} units={children} targets={childTargets} deadline={plan.subAssignmentDeadline} />}
        {!rights.editTargets && <Alert type="info" showIcon title={rights.reason === 'ISSUED_FROZEN' ? t('plan.readOnlyIssued') : t('plan.readOnly')} />}
        <TargetMatrix
          planId={plan.id}
          indicators={indicators}
          units={children}
          targets={childTargets}
          editable={rights.editTargets}
          canViewHistory={can(user.role, 'audit.view')}
          onChanged={() => Promise.all([targetsQ.refetch(), refetchFacts()])}
        />
      </Flex>
    );

  const tabs = ['matrix', ...(children.length && viewerUnitId ? ['sub'] : []), 'indicators', 'document', 'tasks', ...(offices ? ['offices'] : [])];
  const asked = search.get('view');
  // The notifications' links name the part: acknowledgements or adjustments, both on the 'offices' tab.
  const askedTab = asked === 'ack' || asked === 'adjustments' ? 'offices' : asked;
  const tab = askedTab && tabs.includes(askedTab) ? askedTab : editDocument && !plan.indicators.length ? 'indicators' : 'matrix';

  const historyTarget = ownProposable.find((tg) => tg.id === ownHistory);

  return (
    <Flex vertical gap={16}>
      {historyTarget && (
        <TargetHistory
          targetId={historyTarget.id}
          title={historyTarget.indicator.name}
          unitOfMeasure={historyTarget.indicator.unitOfMeasure ?? ''}
          planId={plan.id}
          own={plan.status === 'ISSUED' && ownUnit ? historyTarget : undefined}
          onClose={() => setOwnHistory(null)}
        />
      )}
      <Card>
        <Flex justify="space-between" align="start" gap={16} wrap>
          <div style={{ flex: '1 1 320px', minWidth: 0 }}>
            <Space>
              <PlanStatusTag status={plan.status} />
              <Typography.Text type="secondary">{plan.year}</Typography.Text>
            </Space>
            {/* A decision's long title: a size smaller on a phone, where it would fill the screen. */}
            <Typography.Title level={phone ? 4 : 3} style={{ marginTop: 8 }}>
              {plan.title}
            </Typography.Title>
          </div>
          <Space wrap style={{ maxWidth: '100%' }} styles={{ item: { minWidth: 0, maxWidth: '100%' } }}>
            {rights.issue && <IssuePlanButton planId={plan.id} issuerName={plan.issuer.name} onIssued={() => void planQ.refetch()} />}
            {rights.editTargets && (
              <Link to={`/plans/${plan.id}/cascade`}>
                <Button icon={<ClusterOutlined />}>{t('plan.cascade')}</Button>
              </Link>
            )}
            {/* Each of its buttons an item of this row: on a phone they wrap to lines of their own. */}
            <PlanDownloads planId={plan.id} year={plan.year} annexUnit={children.length > 0 ? (viewerUnit?.name ?? '') : null} />
            <Link to={`/progress?planId=${plan.id}`}>
              <Button icon={<BarChartOutlined />}>{t('plan.progress')}</Button>
            </Link>
          </Space>
        </Flex>
        <Descriptions
          style={{ marginTop: 12 }}
          size="small"
          column={{ xs: 1, md: 2, xl: 4 }}
          items={[
            { key: 'number', label: t('plan.number'), children: plan.documentNumber ?? '—' },
            { key: 'status', label: t('plan.status'), children: t(`planStatus.${plan.status}`) },
            { key: 'deadline', label: t('plan.deadline'), children: plan.subAssignmentDeadline ? date(plan.subAssignmentDeadline) : t('home.noDeadline') },
            { key: 'issuer', label: t('plan.issuer'), children: plan.issuer.name },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setSearch(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('view', key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            { key: 'matrix', label: t('plan.tab.matrix'), children: matrix },
            ...(children.length && viewerUnitId
              ? [{ key: 'sub', label: t('plan.tab.sub'), children: <SubAssignmentTable planId={plan.id} unitId={viewerUnitId} indicators={indicators} /> }]
              : []),
            {
              key: 'indicators',
              label: t('plan.tab.indicators', { count: plan.indicators.length }),
              children: <PlanRows plan={plan} editable={editDocument} ownerId={ownerId} />,
            },
            { key: 'document', label: t('doc.tab'), children: <DocumentPanel plan={plan} editable={editDocument} /> },
            {
              key: 'tasks',
              label: t('plan.tab.tasks', { count: plan.tasks.length }),
              children: <PlanTasks tasks={plan.tasks} planId={plan.id} editable={editDocument} at={structureDate(plan.year)} />,
            },
            // One tab for both (the tab row stays on one line on a laptop); ?view=adjustments scrolls to its part.
            ...(offices
              ? [
                  {
                    key: 'offices',
                    label: t('offices.tab'),
                    children: (
                      <Flex vertical gap={24}>
                        <PlanAcknowledgements plan={plan} own={ownUnit} holders={holders} canAcknowledge={can(user.role, 'results.enter')} />
                        <PlanAdjustments
                          planId={plan.id}
                          own={ownUnit}
                          ownTargets={ownUnit ? ownProposable : []}
                          canPropose={can(user.role, 'results.enter')}
                          scrollIntoView={asked === 'adjustments'}
                        />
                      </Flex>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Flex>
  );
}
