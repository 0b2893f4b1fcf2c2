import { useMemo, useState } from 'react';
import { App, Button, Card, Flex, Form, Grid, Input, Modal, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { forgetReporting } from '../cache';
import { resultScopeOf } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUrlParams } from '../../../app/url-params';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { PlanQuery, PlansQuery } from '../../plans/plans.graphql';
import { structureDate } from '../../plans/structure';
import {
  ApproveResultsMutation,
  RecordResultsMutation,
  RecordedFiguresQuery,
  ReportingPlanQuery,
  ReporterUnitQuery,
  ReportingQuery,
  ReportingUnitsQuery,
  ReturnResultsMutation,
  SubmitResultsMutation,
  UnitTargetsQuery,
} from '../results.graphql';
import { openingPlan, plansOfUnit, reportedRows, startedPeriods, validInPeriod } from '../reporter-choices';
import { ResultForm, type RecordedFigure, type ResultUnit } from '../components/ResultForm';
import type { UnitReporting } from '../components/StateTag';
import { figureKey } from '../reporting-links';
import { defaultPeriod, periodChoices } from '../periods';
import { PlanIndicatorItems } from '../../../app/components/PlanPickers';
import { isNetworkError } from '../../../app/errors';
import { isOffline, useOffline } from '../../../app/offline/status';
import { discard, enqueue, SEND_TIMEOUT_MS, useQueuedWrites, type QueuedFigure } from '../offline-queue';
import { OfflineBanner, QueuedList, QueuedNote } from '../components/QueuedWrites';
import type { Frequency } from '../../../gql/graphql';

export function ResultsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  // The page opens on what the URL names (a notification's or the home page's link), else the newest issued plan.
  const { params, update } = useUrlParams();
  const scope = resultScopeOf(user.role);
  const unitId = user.unit?.id;
  // The issued plans of the years the reporter's unit existed in (a district merged away in 2025 has none after), newest first.
  const plansQ = useQuery(PlansQuery);
  const reporterQ = useQuery(ReporterUnitQuery, { variables: { unitId: unitId! }, skip: !unitId });
  const plans = useMemo(
    () =>
      plansOfUnit(
        [...(plansQ.data?.plans ?? [])].filter((p) => p.status === 'ISSUED').sort((a, b) => b.year - a.year),
        reporterQ.data?.unit,
      ),
    [plansQ.data, reporterQ.data],
  );
  const plan = plans.find((p) => p.id === params.get('planId')) ?? openingPlan(plans);
  const planQ = useQuery(PlanQuery, { variables: { id: plan?.id ?? '' }, skip: !plan });
  // The rows the unit holds a target on (all of them when it holds none: it reports on its parent's).
  const targetsQ = useQuery(UnitTargetsQuery, { variables: { planId: plan?.id ?? '', unitId: unitId! }, skip: !plan || !unitId });
  const indicators = useMemo(
    () => (targetsQ.loading ? [] : reportedRows(planQ.data?.plan?.indicators ?? [], new Set((targetsQ.data?.targets ?? []).map((x) => x.indicator.id)))),
    [planQ.data, targetsQ.data, targetsQ.loading],
  );
  const indicator = (indicators.find((i) => i.indicator.id === params.get('indicatorId')) ?? indicators[0])?.indicator;
  // How often the row is reported (not in the plan document's fragment; kept out of the cache so it does not replace those rows).
  const scheduleQ = useQuery(ReportingPlanQuery, { variables: { id: plan?.id ?? '' }, skip: !plan, fetchPolicy: 'no-cache' });
  const frequency: Frequency | null = scheduleQ.data?.plan?.indicators.find((r) => r.indicator.id === indicator?.id)?.frequency ?? null;
  // Periods that have started (a later one is refused by the server), all of them in a plan of a year still to come.
  const allChoices = plan ? periodChoices(plan.year, frequency, t) : [];
  const started = startedPeriods(allChoices);
  const choices = started.length ? started : allChoices;
  // A monthly row's period is a month, as the page always called it.
  const periodName = !frequency || frequency === 'MONTHLY' ? t('results.month') : t('reporting.period');
  const period = params.get('period') ?? (plan ? defaultPeriod(plan.year, frequency) : '');

  // The units as they stood in the plan's year (a 2022 result goes to a 2022 commune), each only in the periods it existed in.
  const unitsQ = useQuery(ReportingUnitsQuery, { variables: { unitId: unitId!, at: plan ? structureDate(plan.year) : null }, skip: !unitId || !plan });
  // Built each render (the React compiler memoizes it).
  const units: ResultUnit[] = (() => {
    const u = unitsQ.data?.unit;
    if (!u || !period) return [];
    return [u, ...(scope === 'OWN_AND_CHILDREN' ? u.children : [])].filter((x) => validInPeriod(x, period)).map((x) => ({ id: x.id, name: x.name, kind: x.kind }));
  })();

  const ready = !!plan && !!indicator && !!unitId && !!period;
  const vars = { planId: plan?.id ?? '', indicatorId: indicator?.id ?? '', unitId: unitId ?? '', period };
  const recordedQ = useQuery(RecordedFiguresQuery, { variables: vars, skip: !ready, fetchPolicy: 'network-only' });
  const recorded = useMemo(() => {
    const p = recordedQ.data?.progress;
    const map = new Map<string, RecordedFigure>();
    if (p) for (const row of [p, ...p.children]) map.set(row.unit.id, row.own);
    return map;
  }, [recordedQ.data]);

  // The children's states (a unit without children: its own), a returned figure's reason with it.
  const reportingQ = useQuery(ReportingQuery, { variables: vars, skip: !ready });
  // What a submit of the viewer's own figure answered, when the reporting above does not list it (a district's own).
  const [ownRow, setOwnRow] = useState<{ key: string; row: UnitReporting } | null>(null);
  // Built each render (the React compiler memoizes it).
  const reporting = (() => {
    const map = new Map<string, UnitReporting>();
    const here = `${indicator?.id}|${period}`;
    if (ownRow && ownRow.key.startsWith(`${here}|`) && unitId) map.set(unitId, ownRow.row);
    for (const r of reportingQ.data?.reporting ?? []) {
      map.set(r.unit.id, {
        state: r.state ?? null,
        late: r.late,
        missing: r.missing,
        reason: r.returnReason ?? null,
      });
    }
    return map;
  })();

  // Figures typed with no signal, kept on the device until the server has them.
  const offline = useOffline();
  const queue = useQueuedWrites(user.id);
  const queuedHere = queue.find((e) => e.indicatorId === indicator?.id && e.period === period);
  const queuedFigures = useMemo(() => new Map((queuedHere?.results ?? []).map((r) => [r.unitId, r])), [queuedHere]);

  const [record, { loading: saving }] = useMutation(RecordResultsMutation, { update: forgetReporting });
  const [submitResults, submitting] = useMutation(SubmitResultsMutation, { update: forgetReporting });
  const [approveResults, approving] = useMutation(ApproveResultsMutation, { update: forgetReporting });
  const [returnResults, returning] = useMutation(ReturnResultsMutation, { update: forgetReporting });
  const [returnFor, setReturnFor] = useState<ResultUnit | null>(null);
  const [returnForm] = Form.useForm<{ reason: string }>();
  const periodLabel = choices.find((c) => c.value === period)?.label ?? period;

  async function act(kind: 'submit' | 'approve', u: ResultUnit) {
    const variables = { indicatorId: indicator!.id, period, unitId: u.id };
    try {
      if (kind === 'submit') {
        const { data } = await submitResults({ variables });
        if (!data) return;
        const row = data.submitResults.find((r) => r.unit.id === u.id);
        if (row && u.id === unitId) setOwnRow({ key: figureKey(variables), row: { state: row.state ?? null, late: row.late, missing: row.missing } });
        message.success(t('reporting.submitted', { unit: u.name, period: periodLabel }));
      } else {
        const { data } = await approveResults({ variables });
        if (data) message.success(t('reporting.approved', { unit: u.name, period: periodLabel }));
      }
    } catch {
      // the error link has shown why, in the user's language
    }
  }

  async function sendBack(reason: string) {
    if (!returnFor) return;
    try {
      const { data } = await returnResults({ variables: { indicatorId: indicator!.id, period, unitId: returnFor.id, reason: reason.trim() } });
      if (!data) return;
      message.success(t('reporting.returned', { unit: returnFor.name, period: periodLabel }));
      setReturnFor(null);
      returnForm.resetFields();
    } catch {
      // shown by the error link; the modal keeps the reason typed
    }
  }

  const touch = narrow ? { minHeight: 44 } : undefined;
  const actions = (u: ResultUnit) => {
    const r = reporting.get(u.id);
    const state = r?.state ?? null;
    const own = u.id === unitId;
    const hasFigure = recorded.get(u.id)?.value != null || recorded.get(u.id)?.denominator != null;
    const buttons = [];
    // The unit sends its own figure; a unit above may send it for a child.
    if (hasFigure && state !== 'SUBMITTED' && state !== 'APPROVED' && scope) {
      buttons.push(
        <Button
          key="submit"
          size={narrow ? 'middle' : 'small'}
          style={touch}
          aria-label={t('reporting.submitOf', { unit: u.name })}
          loading={submitting.loading}
          onClick={() => void act('submit', u)}
        >
          {t('reporting.submit')}
        </Button>,
      );
    }
    if (!own && scope === 'OWN_AND_CHILDREN' && state === 'SUBMITTED') {
      buttons.push(
        <Button
          key="approve"
          type="primary"
          size={narrow ? 'middle' : 'small'}
          style={touch}
          aria-label={t('reporting.approveOf', { unit: u.name })}
          loading={approving.loading}
          onClick={() => void act('approve', u)}
        >
          {t('reporting.approve')}
        </Button>,
      );
    }
    if (!own && scope === 'OWN_AND_CHILDREN' && (state === 'SUBMITTED' || state === 'APPROVED')) {
      buttons.push(
        <Button key="return" danger size={narrow ? 'middle' : 'small'} style={touch} aria-label={t('reporting.returnOf', { unit: u.name })} onClick={() => setReturnFor(u)}>
          {t('reporting.return')}
        </Button>,
      );
    }
    return buttons.length ? buttons : null;
  };

  if (plansQ.loading || reporterQ.loading) return <Loading />;
  if (plansQ.error) return <ErrorState error={plansQ.error} onRetry={() => void plansQ.refetch()} />;

  const error = reporterQ.error ?? planQ.error ?? targetsQ.error ?? unitsQ.error ?? recordedQ.error ?? reportingQ.error;
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0, whiteSpace: 'normal' }}>
          {t('results.title')}
        </Typography.Title>
      }
      styles={narrow ? { body: { padding: 12 } } : undefined}
    >
      {!plans.length ? (
        <EmptyState>{t('results.noPlans')}</EmptyState>
      ) : (
        <Flex vertical gap={16}>
          <OfflineBanner />
          <QueuedList entries={queue.filter((e) => e !== queuedHere)} onOpen={(e) => update({ planId: e.planId, indicatorId: e.indicatorId, period: e.period })} />
          <Form layout={narrow ? 'vertical' : 'inline'} style={{ rowGap: 8 }}>
            <PlanIndicatorItems
              plans={plans}
              planId={plan?.id}
              onPlan={(v) => update({ planId: v, indicatorId: null, period: null, unitId: null })}
              indicators={indicators}
              indicatorId={indicator?.id}
              onIndicator={(v) => update({ indicatorId: v, period: null, unitId: null })}
              loading={planQ.loading}
              labels={{ plan: t('results.plan'), indicator: t('results.indicator') }}
              // A phone's width (390 px) less the menu's and the page's margins: the pickers must not push the page sideways.
              widths={narrow ? { plan: 260, indicator: 260 } : undefined}
            />
            <Form.Item label={periodName}>
              <Select
                style={{ width: narrow ? 260 : 160 }}
                value={period}
                onChange={(v) => update({ period: v })}
                options={choices}
                aria-label={periodName}
                // At most twelve periods: all of them in the list, whichever is chosen.
                virtual={false}
              />
            </Form.Item>
          </Form>
          {error ? (
            <ErrorState
              error={error}
              onRetry={() => {
                void recordedQ.refetch();
                void reportingQ.refetch();
              }}
            />
          ) : !indicator || !units.length ? (
            planQ.loading || targetsQ.loading || unitsQ.loading ? (
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
                key={`${indicator.id}:${period}:${recorded.size}:${queuedHere?.id ?? ''}`}
                indicator={indicator}
                units={units}
                recorded={recorded}
                submitting={saving}
                reporting={reporting}
                // Sending, approving and returning need the server.
                actions={scope && !offline ? actions : undefined}
                queued={queuedFigures}
                note={(u) => {
                  const figure = queuedFigures.get(u.id);
                  return queuedHere && figure ? <QueuedNote entry={queuedHere} figure={figure} current={recorded.get(u.id)} /> : null;
                }}
                onSubmit={async (results) => {
                  // No signal: kept on the device with the figure each was based on, sent when the link returns.
                  const keep = async () => {
                    const byId = new Map(units.map((u) => [u.id, u.name]));
                    const figures: QueuedFigure[] = results.map((r) => {
                      const unitId = String(r.unitId);
                      const seen = recorded.get(unitId);
                      return {
                        unitId,
                        unitName: byId.get(unitId) ?? unitId,
                        numerator: r.numerator ?? null,
                        denominator: r.denominator ?? null,
                        value: r.value ?? null,
                        basedOn: { numerator: seen?.numerator ?? null, denominator: seen?.denominator ?? null, value: seen?.value ?? null },
                      };
                    });
                    await enqueue({ userId: user.id, planId: plan!.id, indicatorId: indicator.id, indicatorName: indicator.name, period, results: figures });
                    message.warning(t('offline.queued', { count: figures.length }));
                  };
                  if (isOffline()) return keep();
                  const { data, error: failed } = await record({
                    variables: { input: { indicatorId: indicator.id, period, results } },
                    context: { queueWhenOffline: true, fetchOptions: { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) } },
                  }).catch((e: unknown) => ({ data: undefined, error: e }));
                  if (failed && isNetworkError(failed)) return keep();
                  if (data) {
                    // The form started from the figures waiting on the device and sent them: they have arrived.
                    if (queuedHere) void discard(queuedHere.id);
                    message.success(t('results.saved', { count: data.recordResults, month: periodLabel }));
                    setOwnRow(null);
                    void recordedQ.refetch();
                  }
                }}
              />
            </>
          )}
        </Flex>
      )}
      <Modal
        open={!!returnFor}
        title={returnFor ? t('reporting.returnTitle', { unit: returnFor.name, period: periodLabel }) : ''}
        okText={t('reporting.return')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={returning.loading}
        onOk={() => returnForm.submit()}
        onCancel={() => setReturnFor(null)}
        width={narrow ? 360 : 520}
      >
        <Form form={returnForm} layout="vertical" name="returnResults" onFinish={(v) => void sendBack(v.reason)}>
          <Form.Item label={t('reporting.returnReason')} name="reason" rules={[{ required: true, whitespace: true, message: t('reporting.returnReasonRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
