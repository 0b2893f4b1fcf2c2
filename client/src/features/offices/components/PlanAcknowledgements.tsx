import { Alert, Flex, List, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { PlanOfficesQuery } from '../offices.graphql';
import { dateTime, who } from '../refetch';
import { AcknowledgeButton } from './AcknowledgeButton';

interface UnitRef {
  id: string;
  name: string;
}

/**
 * The plan page's "Tiếp nhận": a receiving unit's own state and button, and for the assigner each
 * unit below that holds targets — acknowledged (when, by whom) or not yet.
 */
export function PlanAcknowledgements({
  plan,
  own,
  holders,
  canAcknowledge,
}: {
  plan: { id: string; status: 'DRAFT' | 'ISSUED' };
  /** The viewer's unit, when it holds targets in this plan. */
  own: UnitRef | null;
  /** The units below the viewer holding targets in this plan. */
  holders: readonly UnitRef[];
  canAcknowledge: boolean;
}) {
  const { t } = useI18n();
  const { data, loading, error, refetch } = useQuery(PlanOfficesQuery, { variables: { planId: plan.id }, skip: plan.status !== 'ISSUED', fetchPolicy: 'cache-and-network' });
  if (plan.status !== 'ISSUED') return <Alert type="info" showIcon title={t('offices.ack.draft')} />;
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const locale = t('history.intlLocale');
  const ackOf = new Map(data.acknowledgements.map((a) => [a.unit.id, a]));
  const ownAck = own ? ackOf.get(own.id) : undefined;
  const done = holders.filter((h) => ackOf.has(h.id)).length;

  return (
    <Flex vertical gap={16}>
      {own && (
        <Flex gap={12} wrap align="center" data-testid="own-acknowledgement">
          <Typography.Text strong>{t('offices.ack.own', { unit: own.name })}:</Typography.Text>
          {ownAck ? (
            <Tag color="green">{t('offices.ack.doneAt', { at: dateTime(ownAck.at, locale), by: who(ownAck.by) })}</Tag>
          ) : (
            <>
              <Tag color="orange">{t('offices.ack.notYet')}</Tag>
              {canAcknowledge && <AcknowledgeButton planId={plan.id} unit={own} />}
            </>
          )}
        </Flex>
      )}
      {(holders.length > 0 || !own) && (
        <List
          header={<Typography.Text strong>{t('offices.ack.units', { done, total: holders.length })}</Typography.Text>}
          dataSource={[...holders]}
          locale={{ emptyText: <EmptyState>{t('offices.ack.noUnits')}</EmptyState> }}
          renderItem={(u) => {
            const a = ackOf.get(u.id);
            return (
              <List.Item key={u.id} data-testid={`ack-${u.id}`}>
                <Flex gap={8} wrap align="center" justify="space-between" style={{ width: '100%' }}>
                  <Typography.Text>{u.name}</Typography.Text>
                  {a ? (
                    <Tag color="green" style={{ whiteSpace: 'normal' }}>
                      {t('offices.ack.doneAt', { at: dateTime(a.at, locale), by: who(a.by) })}
                    </Tag>
                  ) : (
                    <Tag color="orange">{t('offices.ack.notYet')}</Tag>
                  )}
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Flex>
  );
}
