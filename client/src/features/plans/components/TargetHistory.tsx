import { Drawer, Timeline, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { EmptyState, ErrorState, Loading } from '../../../app/components/States';
import { TargetHistoryQuery } from '../plans.graphql';

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

/** Who changed a target, when, from what to what (the audit log). */
export function TargetHistory({ targetId, title, unitOfMeasure, onClose }: { targetId: string; title: string; unitOfMeasure: string; onClose(): void }) {
  const { t, value } = useI18n();
  const { data, loading, error, refetch } = useQuery(TargetHistoryQuery, { variables: { entityId: targetId }, fetchPolicy: 'network-only' });
  const dateTime = (iso: string) => new Date(iso).toLocaleString(t('history.intlLocale'));
  return (
    <Drawer open title={`${t('matrix.history')} — ${title}`} size={440} onClose={onClose}>
      {loading ? (
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
    </Drawer>
  );
}
