import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Breadcrumb, Button, Card, Flex, Form, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined, WarningFilled } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { useUrlParams } from '../../../app/url-params';
import { useDownload } from '../../../app/download';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { usePhone } from '../../../app/components/usePhone';
import type { ProgressRowFragment } from '../../../gql/graphql';
import { PlanQuery, PlansQuery } from '../../plans/plans.graphql';
import { ProgressQuery } from '../progress.graphql';
import { StatusTag } from '../components/StatusTag';
import { downloadText, progressCsv } from '../csv';
import { PlanIndicatorItems } from '../../../app/components/PlanPickers';
import { ReportingPlanQuery } from '../../results/results.graphql';
import { latestDuePeriod, periodLabel } from '../../results/periods';
import { AtRiskCard, CompletenessCard } from '../components/ReportingPanels';
import { TrendCard } from '../components/Trend';
import { reportingPeriodOf } from '../completeness';

const ProgressChart = lazy(async () => ({ default: (await import('../components/ProgressChart')).ProgressChart }));

/**
 * "2022", "2022-Q1".."2022-Q4", "2022-01".."2022-12", then the year before and its quarters:
 * last year's figures in this plan's structure (the baselines, rebuilt across a reorganisation).
 */
function periodOptions(year: number, t: ReturnType<typeof useI18n>['t']) {
  const yearAndQuarters = (y: number) => [
    { value: String(y), label: `${t('progress.periodYear')} ${y}` },
    ...[1, 2, 3, 4].map((q) => ({ value: `${y}-Q${q}`, label: `${t('progress.periodQuarter', { q })}/${y}` })),
  ];
  return [
    ...yearAndQuarters(year),
    ...Array.from({ length: 12 }, (_, i) => ({ value: `${year}-${String(i + 1).padStart(2, '0')}`, label: `${t('progress.periodMonth', { m: i + 1 })}/${year}` })),
    ...yearAndQuarters(year - 1),
  ];
}

export function DashboardPage() {
  const { t, locale, num, value: fmt } = useI18n();
  const phone = usePhone();
  const user = useUser();
  const { params, update } = useUrlParams();
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  // After a drill (or a step back) by keyboard the clicked control is gone: focus the unit now shown.
  const here = useRef<HTMLSpanElement>(null);
  const [focusUnit, setFocusUnit] = useState<string | null>(null);

  const plansQ = useQuery(PlansQuery);
  const plans = useMemo(() => [...(plansQ.data?.plans ?? [])].sort((a, b) => b.year - a.year), [plansQ.data]);
  const plan = plans.find((p) => p.id === params.get('planId')) ?? plans.find((p) => p.status === 'ISSUED') ?? plans[0];
  const planQ = useQuery(PlanQuery, { variables: { id: plan?.id ?? '' }, skip: !plan });
  const indicators = planQ.data?.plan?.indicators ?? [];
  const indicator = (indicators.find((i) => i.indicator.id === params.get('indicatorId')) ?? indicators[0])?.indicator;
  const period = params.get('period') ?? (plan ? String(plan.year) : '');
  const unitId = params.get('unitId') ?? user.unit?.id ?? plan?.issuer.id;

  const progressQ = useQuery(ProgressQuery, {
    variables: { planId: plan?.id ?? '', indicatorId: indicator?.id ?? '', unitId: unitId ?? '', period },
    skip: !plan || !indicator || !unitId,
  });
  const progress = progressQ.data?.progress;
  // The row's reporting calendar (kept out of the cache: plan rows have no id there).
  const scheduleQ = useQuery(ReportingPlanQuery, { variables: { id: plan?.id ?? '' }, skip: !plan, fetchPolicy: 'no-cache' });
  const schedule = scheduleQ.data?.plan?.indicators.find((r) => r.indicator.id === indicator?.id);
  // Completeness is per reporting period: the chosen one when it is of the row's kind, else the latest due one.
  const reportingPeriod = plan
    ? reportingPeriodOf(period, schedule?.frequency ?? null, () => latestDuePeriod(plan.year, schedule!.frequency!, schedule?.dueDay ?? null)?.period ?? null)
    : null;
  useEffect(() => {
    if (focusUnit && progress?.unit.id === focusUnit) {
      here.current?.focus();
      setFocusUnit(null);
    }
  }, [focusUnit, progress]);
  const rows: ProgressRowFragment[] = progress ? [progress, ...progress.children] : [];
  const uom = progress?.indicator.unitOfMeasure ?? indicator?.unitOfMeasure ?? '';
  const isRate = (progress?.indicator.measure ?? indicator?.measure) === 'RATE';

  function drill(row: ProgressRowFragment) {
    if (!progress || row.unit.id === progress.unit.id) return;
    setTrail((tr) => [...tr, { id: progress.unit.id, name: progress.unit.name }]);
    setFocusUnit(row.unit.id);
    update({ unitId: row.unit.id }, true);
  }

  function back(i: number) {
    const u = trail[i];
    setTrail(trail.slice(0, i));
    setFocusUnit(u.id);
    update({ unitId: u.id }, true);
  }

  const xlsx = useDownload();
  function exportXlsx() {
    if (!plan || !indicator || !unitId) return;
    const query = new URLSearchParams({ planId: plan.id, indicatorId: indicator.id, unitId, period });
    void xlsx.download(`/export/progress.xlsx?${query}`, `${t('progress.csvFile')}-${period}.xlsx`);
  }

  function exportCsv() {
    const csv = progressCsv(
      rows,
      {
        headers: [
          t('common.unit'),
          t('progress.col.target'),
          t('progress.col.b'),
          t('progress.col.a'),
          t('progress.col.value'),
          t('progress.col.status'),
          t('progress.col.gap'),
          t('progress.col.rank'),
        ],
        status: (s) => t(`status.${s}`),
        comparator: (c) => t(`comparator.symbol.${c as 'AT_LEAST'}`),
      },
      locale,
    );
    downloadText(`${t('progress.csvFile')}-${progress?.unit.name ?? ''}-${period}.csv`, csv);
  }

  if (plansQ.loading) return <Loading />;
  if (plansQ.error) return <ErrorState error={plansQ.error} onRetry={() => void plansQ.refetch()} />;
  if (!plans.length) return <EmptyState>{t('plans.empty')}</EmptyState>;

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('progress.title')}
          </Typography.Title>
        }
      >
        {/* On a phone the pickers stack, each as wide as the card. */}
        <Form layout={phone ? 'vertical' : 'inline'} style={{ rowGap: 8 }}>
          <PlanIndicatorItems
            plans={plans}
            planId={plan?.id}
            onPlan={(v) => update({ planId: v, indicatorId: null, period: null })}
            indicators={indicators}
            indicatorId={indicator?.id}
            onIndicator={(v) => update({ indicatorId: v })}
            loading={planQ.loading}
            labels={{ plan: t('common.plan'), indicator: t('common.indicator') }}
            widths={{ plan: 300, indicator: 340 }}
          />
          <Form.Item label={t('progress.period')}>
            <Select
              style={{ width: 160 }}
              showSearch={{ optionFilterProp: 'label' }}
              value={period}
              onChange={(v) => update({ period: v })}
              options={plan ? periodOptions(plan.year, t) : []}
              aria-label={t('progress.period')}
            />
          </Form.Item>
          <Form.Item>
            <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!rows.length}>
              {t('progress.export')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button icon={<FileExcelOutlined />} onClick={exportXlsx} disabled={!rows.length} loading={xlsx.busy}>
              {t('export.progress')}
            </Button>
          </Form.Item>
        </Form>
      </Card>

      <Card
        title={
          <Breadcrumb
            items={[
              ...trail.map((u, i) => ({
                // A button: reachable by Tab, pressed with Enter or Space.
                title: (
                  <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => back(i)}>
                    {u.name}
                  </Button>
                ),
              })),
              {
                title: (
                  <span ref={here} tabIndex={-1} aria-current="page" data-current-unit>
                    {progress?.unit.name ?? '…'}
                  </span>
                ),
              },
            ]}
          />
        }
        extra={<Typography.Text type="secondary">{t('progress.drill')}</Typography.Text>}
      >
        {!indicator ? (
          planQ.loading ? (
            <Loading />
          ) : (
            <EmptyState>{t('progress.pickFirst')}</EmptyState>
          )
        ) : progressQ.error ? (
          <ErrorState error={progressQ.error} onRetry={() => void progressQ.refetch()} />
        ) : (
          <Table<ProgressRowFragment>
            rowKey={(r) => r.unit.id}
            size="small"
            loading={progressQ.loading}
            dataSource={rows}
            pagination={false}
            sticky
            // Narrower than its columns (a phone): it scrolls inside its card, not the page.
            scroll={{ x: 'max-content' }}
            // Progress rows have a `children` field of their own: not a tree for the table.
            expandable={{ childrenColumnName: 'noNestedRows' }}
            onRow={(r, i) => ({
              onClick: () => drill(r),
              style: i === 0 ? { fontWeight: 600, background: '#fafafa' } : { cursor: 'pointer' },
            })}
            locale={{ emptyText: <EmptyState>{t('progress.noChildren')}</EmptyState> }}
            columns={[
              {
                title: t('common.unit'),
                key: 'unit',
                // The viewed unit heads the table; each child's name drills into it (Tab, then Enter or Space).
                render: (_, r, i) =>
                  i === 0 ? (
                    r.unit.name
                  ) : (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                      aria-label={t('progress.drillInto', { unit: r.unit.name })}
                      onClick={(e) => {
                        e.stopPropagation();
                        drill(r);
                      }}
                    >
                      {r.unit.name}
                    </Button>
                  ),
              },
              {
                title: t('progress.col.target'),
                key: 'target',
                width: 110,
                render: (_, r) => (r.target ? `${t(`comparator.symbol.${r.target.comparator}`)} ${fmt(r.target.value, uom)}` : '—'),
              },
              ...(isRate
                ? [
                    { title: t('progress.col.b'), key: 'b', width: 100, align: 'right' as const, render: (_: unknown, r: ProgressRowFragment) => num(r.rolledUp.numerator) },
                    { title: t('progress.col.a'), key: 'a', width: 100, align: 'right' as const, render: (_: unknown, r: ProgressRowFragment) => num(r.rolledUp.denominator) },
                  ]
                : []),
              {
                title: t('progress.col.value'),
                key: 'value',
                width: 110,
                align: 'right',
                render: (_, r) => (
                  <>
                    {fmt(r.rolledUp.value, uom)}{' '}
                    {r.rolledUp.fromPredecessors && (
                      <Tooltip title={t('progress.fromPredecessors')}>
                        <Tag bordered={false} color="purple" aria-label={t('progress.fromPredecessors')}>
                          {t('progress.fromPredecessorsShort')}
                        </Tag>
                      </Tooltip>
                    )}
                    {r.belowHardMinimum && (
                      <Tooltip title={t('progress.belowHardMinimum')}>
                        <WarningFilled style={{ color: '#cf1322' }} />
                      </Tooltip>
                    )}
                  </>
                ),
              },
              { title: t('progress.col.status'), key: 'status', width: 170, render: (_, r) => <StatusTag status={r.status} /> },
              {
                title: t('progress.col.gap'),
                key: 'gap',
                width: 130,
                align: 'right',
                render: (_, r) => (r.gap === null ? '—' : <Typography.Text type={r.gap < 0 ? 'danger' : 'success'}>{`${r.gap > 0 ? '+' : ''}${num(r.gap)}`}</Typography.Text>),
              },
              { title: t('progress.col.rank'), key: 'rank', width: 90, align: 'right', render: (_, r) => r.rank ?? '—' },
            ]}
          />
        )}
      </Card>

      {/* After the progress table has its answer: that table is what the page is opened for. */}
      {plan && indicator && unitId && progress && (
        <>
          {reportingPeriod && !scheduleQ.loading && (
            <CompletenessCard planId={plan.id} indicatorId={indicator.id} unitId={unitId} period={reportingPeriod} periodLabel={periodLabel(reportingPeriod, t)} />
          )}
          <AtRiskCard planId={plan.id} unitId={unitId} period={period} />
          <TrendCard planId={plan.id} indicatorId={indicator.id} unitId={unitId} year={plan.year} unitOfMeasure={uom} />
        </>
      )}

      {progress && progress.children.length > 0 && (
        <Card title={t('progress.chart')}>
          <Suspense fallback={<Loading />}>
            <ProgressChart rows={progress.children} target={progress.target?.value ?? null} unitOfMeasure={uom} />
          </Suspense>
        </Card>
      )}
    </Flex>
  );
}
