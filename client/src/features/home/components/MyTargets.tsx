import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { EmptyState, ErrorState } from '../../../app/components/States';
import type { MyTargetsQuery } from '../../../gql/graphql';
import { StatusTag } from '../../progress/components/StatusTag';
import type { PlanRow } from '../../plans/components/PlansTable';
import { ProposeAdjustmentModal } from '../../offices/components/ProposeAdjustmentModal';
import { MyTargetProgressQuery, MyTargetsQuery as MyTargetsDoc } from '../home.graphql';

type TargetRow = MyTargetsQuery['targets'][number];

function ResultSoFar({ planId, unitId, target, period }: { planId: string; unitId: string; target: TargetRow; period: string }) {
  const { t, value, num } = useI18n();
  const { data, loading, error } = useQuery(MyTargetProgressQuery, { variables: { planId, unitId, indicatorId: target.indicator.id, period } });
  if (loading) return <Typography.Text type="secondary">…</Typography.Text>;
  if (error || !data) return <Typography.Text type="danger">{t('common.errorTitle')}</Typography.Text>;
  const p = data.progress;
  return (
    <Flex gap={8} align="center" wrap>
      <StatusTag status={p.status} />
      {p.rolledUp.value !== null && <Typography.Text strong>{value(p.rolledUp.value, target.indicator.unitOfMeasure)}</Typography.Text>}
      {target.indicator.measure === 'RATE' && p.rolledUp.denominator !== null && (
        <Typography.Text type="secondary">{t('home.figure', { b: num(p.rolledUp.numerator), a: num(p.rolledUp.denominator) })}</Typography.Text>
      )}
    </Flex>
  );
}

/** "Chỉ tiêu của tôi": every target of the reporter's unit in a plan, with the year's result so far. */
export function MyTargets({ plans, unit }: { plans: readonly PlanRow[]; unit: { id: string; name: string } }) {
  const { t, value } = useI18n();
  const sorted = useMemo(() => [...plans].sort((a, b) => b.year - a.year || Number(b.status === 'ISSUED') - Number(a.status === 'ISSUED')), [plans]);
  const [planId, setPlanId] = useState<string | undefined>(sorted[0]?.id);
  const [picked, setPicked] = useState(false);
  const [proposing, setProposing] = useState<TargetRow | null>(null);
  const plan = sorted.find((p) => p.id === planId);
  const { data, loading, error, refetch } = useQuery(MyTargetsDoc, { variables: { planId: planId!, unitId: unit.id }, skip: !planId });

  // Until the user picks one, land on the most recent plan that assigns something to this unit.
  useEffect(() => {
    if (picked || loading || !data || data.targets.length) return;
    const next = sorted[sorted.findIndex((p) => p.id === planId) + 1];
    if (next) setPlanId(next.id);
  }, [picked, loading, data, planId, sorted]);

  if (!sorted.length)
    return (
      <Card title={t('home.myTargets')}>
        <EmptyState>{t('home.noPlans')}</EmptyState>
      </Card>
    );
  return (
    <Card title={t('home.myTargetsOf', { unit: unit.name })} styles={{ title: { whiteSpace: 'normal' } }}>
      {/* In the body rather than the header: on a phone the picker takes the card's width. */}
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ flex: '1 1 240px', maxWidth: 380, minWidth: 0 }}
          value={planId}
          onChange={(id) => {
            setPicked(true);
            setPlanId(id);
          }}
          aria-label={t('home.pickPlan')}
          options={sorted.map((p) => ({ value: p.id, label: `${p.year} — ${p.title}` }))}
          popupMatchSelectWidth={false}
        />
        <Link to="/results">
          <Button type="primary">{t('home.enterResults')}</Button>
        </Link>
      </Flex>
      {error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<TargetRow>
          scroll={{ x: 'max-content' }}
          rowKey="id"
          loading={loading}
          dataSource={data?.targets ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState>{t('home.noTargets')}</EmptyState> }}
          columns={[
            {
              title: t('common.indicator'),
              key: 'indicator',
              render: (_, r) => (
                <>
                  <Typography.Text>{r.indicator.name}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.indicator.code}
                  </Typography.Text>
                </>
              ),
            },
            {
              title: t('progress.col.target'),
              key: 'value',
              width: 140,
              render: (_, r) => (
                <Typography.Text strong>
                  {t(`comparator.symbol.${r.comparator}`)} {value(r.value, r.indicator.unitOfMeasure)}
                </Typography.Text>
              ),
            },
            {
              title: t('home.resultSoFar'),
              key: 'result',
              width: 340,
              render: (_, r) => plan && <ResultSoFar planId={plan.id} unitId={unit.id} target={r} period={String(plan.year)} />,
            },
            // A unit asks the one that assigned its target for another value once the plan is issued.
            ...(plan?.status === 'ISSUED'
              ? [
                  {
                    title: '',
                    key: 'propose',
                    width: 60,
                    render: (_: unknown, r: TargetRow) => (
                      <Button size="small" icon={<EditOutlined />} title={t('offices.adj.propose')} aria-label={t('offices.adj.propose')} onClick={() => setProposing(r)} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {proposing && <ProposeAdjustmentModal target={proposing} onClose={() => setProposing(null)} />}
    </Card>
  );
}
