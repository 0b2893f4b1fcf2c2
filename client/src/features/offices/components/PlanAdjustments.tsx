import { useEffect, useRef, useState } from 'react';
import { Button, Flex, List, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { ErrorState, Loading } from '../../../app/components/States';
import { PlanOfficesQuery } from '../offices.graphql';
import { AdjustmentList } from './AdjustmentList';
import { AdjustmentStateTag } from './AdjustmentStateTag';
import { ProposeAdjustmentModal, type ProposableTarget } from './ProposeAdjustmentModal';

/**
 * The plan page's "Điều chỉnh": the viewer's own targets, each with "Đề xuất điều chỉnh", then every
 * adjustment of the plan the viewer may read, with the assigner's accept / reject.
 */
export function PlanAdjustments({
  planId,
  own,
  ownTargets,
  canPropose,
  scrollIntoView = false,
}: {
  planId: string;
  own: { name: string } | null;
  ownTargets: readonly (ProposableTarget & { indicator: { code: string } })[];
  canPropose: boolean;
  /** Opened from a link to the adjustments (?view=adjustments): bring this part into view. */
  scrollIntoView?: boolean;
}) {
  const { t, value } = useI18n();
  const [proposing, setProposing] = useState<ProposableTarget | null>(null);
  const { data, loading, error, refetch } = useQuery(PlanOfficesQuery, { variables: { planId }, fetchPolicy: 'cache-and-network' });
  const ref = useRef<HTMLDivElement>(null);
  const ready = !!data;
  useEffect(() => {
    if (scrollIntoView && ready) ref.current?.scrollIntoView({ block: 'start' });
  }, [scrollIntoView, ready]);
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const pendingOf = new Set(data.adjustments.filter((a) => a.state === 'PENDING').map((a) => a.target.id));

  return (
    <Flex vertical gap={16} ref={ref}>
      {own && ownTargets.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('offices.adj.ownTargets', { unit: own.name })}</Typography.Text>}
          dataSource={[...ownTargets]}
          renderItem={(tg) => (
            <List.Item key={tg.id} data-testid={`own-target-${tg.id}`}>
              <Flex gap={8} wrap align="center" justify="space-between" style={{ width: '100%' }}>
                <Typography.Text style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {`${tg.indicator.code} — ${tg.indicator.name}: `}
                  <Typography.Text strong>
                    {t(`comparator.symbol.${tg.comparator}`)} {value(tg.value, tg.indicator.unitOfMeasure)}
                  </Typography.Text>
                </Typography.Text>
                {pendingOf.has(tg.id) ? (
                  <AdjustmentStateTag state="PENDING" />
                ) : (
                  canPropose && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setProposing(tg)}>
                      {t('offices.adj.propose')}
                    </Button>
                  )
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      <div>
        <Typography.Text strong>{t('offices.adj.list')}</Typography.Text>
        <AdjustmentList adjustments={data.adjustments} />
      </div>
      {proposing && <ProposeAdjustmentModal target={proposing} onClose={() => setProposing(null)} />}
    </Flex>
  );
}
