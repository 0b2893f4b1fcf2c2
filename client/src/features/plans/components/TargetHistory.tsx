import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Divider, Drawer, Timeline, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { can } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { TargetHistoryQuery } from '../plans.graphql';
import { PlanOfficesQuery } from '../../offices/offices.graphql';
import { AdjustmentList } from '../../offices/components/AdjustmentList';
import { ProposeAdjustmentModal, type ProposableTarget } from '../../offices/components/ProposeAdjustmentModal';

/** The value a snapshot in the audit log held ("before"/"after" are JSON). */
export function snapshotValue(json: string | null): number | null {
  if (!json) return null;
  try {
    const v = (JSON.parse(json) as { value?: unknown }).value;
    return typeof v === 'number' ? v : null;
  } catch {
    return null;
  }
}

/** The target's adjustment proposals (issue #15), on both sides: the unit that holds it and the one that assigned it. */
function TargetAdjustments({ planId, targetId, own }: { planId: string; targetId: string; own?: ProposableTarget }) {
  const { t } = useI18n();
  const user = useUser();
  const [proposing, setProposing] = useState(false);
  const { data, error, refetch } = useQuery(PlanOfficesQuery, { variables: { planId } });
  const mine = (data?.adjustments ?? []).filter((a) => a.target.id === targetId);
  const pending = mine.some((a) => a.state === 'PENDING');
  return (
    <>
      <Divider titlePlacement="start">{t('offices.adj.list')}</Divider>
      {own && can(user.role, 'results.enter') && !pending && (
        <Button icon={<EditOutlined />} onClick={() => setProposing(true)}>
          {t('offices.adj.propose')}
        </Button>
      )}
      {error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <AdjustmentList adjustments={mine} showIndicator={false} />}
      {proposing && own && <ProposeAdjustmentModal target={own} onClose={() => setProposing(false)} />}
    </>
  );
}

/** Who changed a target, when, from what to what (the audit log), and its adjustment proposals. */
export function TargetHistory({
  targetId,
  title,
  unitOfMeasure,
  onClose,
  planId: givenPlanId,
  own,
}: {
  targetId: string;
  title: string;
  unitOfMeasure: string;
  onClose(): void;
  /** The target's plan; the route's when omitted (the plan page). */
  planId?: string;
  /** The viewer's unit's own target: it may propose an adjustment. */
  own?: ProposableTarget;
}) {
  const { t, value } = useI18n();
  const user = useUser();
  const params = useParams();
  const planId = givenPlanId ?? params.planId;
  // A commune's reporter does not read the audit log: it still sees its proposals.
  const readsAudit = can(user.role, 'audit.view');
  const { data, loading, error, refetch } = useQuery(TargetHistoryQuery, { variables: { entityId: targetId }, fetchPolicy: 'network-only', skip: !readsAudit });
  const dateTime = (iso: string) => new Date(iso).toLocaleString(t('history.intlLocale'));
  return (
    <Drawer open title={`${t('matrix.history')} — ${title}`} size={440} onClose={onClose}>
      {!readsAudit ? null : loading ? (
        <Loading />
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : !data?.auditLog.length ? (
        <EmptyState>{t('history.empty')}</EmptyState>
      ) : (
        <Timeline
          items={data.auditLog.map((e) => {
            const before = snapshotValue(e.before);
            const after = snapshotValue(e.after);
            return {
              key: e.id,
              content: (
                <>
                  <Typography.Text strong>
                    {before === null
                      ? t('history.created', { value: value(after, unitOfMeasure) })
                      : t('history.changed', { before: value(before, unitOfMeasure), after: value(after, unitOfMeasure) })}
                  </Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dateTime(e.at)} · {e.user?.displayName ?? e.user?.username ?? t('history.system')}
                  </Typography.Text>
                </>
              ),
            };
          })}
        />
      )}
      {planId && <TargetAdjustments planId={planId} targetId={targetId} own={own} />}
    </Drawer>
  );
}
