import { Alert, Button, Flex, List, Tag, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { useOffline } from '../../../app/offline/status';
import { useUser } from '../../../app/session';
import { discard, flush, keepMine, type Figure, type QueuedFigure, type QueuedWrite } from '../offline-queue';
import { periodLabel } from '../periods';

/** "45/100" for a rate's b/a, else the value; "trống" when nothing was recorded. */
function useFigureText() {
  const { t, num: n } = useI18n();
  return (f: Figure | null | undefined) => {
    if (!f || (f.numerator == null && f.denominator == null && f.value == null)) return t('offline.empty');
    if (f.numerator != null || f.denominator != null) return `${f.numerator == null ? '—' : n(f.numerator)}/${f.denominator == null ? '—' : n(f.denominator)}`;
    return n(f.value);
  };
}

/** Above the results screen when the server cannot be reached. */
export function OfflineBanner() {
  const { t } = useI18n();
  const offline = useOffline();
  return offline ? <Alert type="warning" showIcon title={t('offline.banner')} data-testid="offline-banner" /> : null;
}

/**
 * What a unit's row shows of a figure typed offline: "Chưa gửi"; a conflict (someone changed the
 * figure meanwhile) with both figures and the reporter's choice; or why the server refused it.
 */
export function QueuedNote({ entry, figure, current }: { entry: QueuedWrite; figure: QueuedFigure; current: Figure | undefined }) {
  const { t, date, locale } = useI18n();
  const at = `${date(entry.queuedAt)} ${new Date(entry.queuedAt).toLocaleTimeString(locale === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' })}`;
  const user = useUser();
  const client = useApolloClient();
  const text = useFigureText();
  const concerned = !entry.problem?.unitId || entry.problem.unitId === figure.unitId;
  if (entry.status === 'pending' || !concerned) {
    return (
      <Tag color="orange" icon={<CloudUploadOutlined aria-hidden />} title={t('offline.notSentAt', { at })} data-testid={`queued-${figure.unitId}`}>
        {t('offline.notSent')}
      </Tag>
    );
  }
  const conflict = entry.status === 'conflict';
  return (
    <Alert
      type={conflict ? 'warning' : 'error'}
      showIcon
      data-testid={`${entry.status}-${figure.unitId}`}
      title={conflict ? t('offline.conflictTitle') : t('offline.refusedTitle')}
      description={
        <Flex vertical gap={8}>
          <Typography.Text>{entry.problem?.message}</Typography.Text>
          {conflict && (
            <>
              <Typography.Text>{t('offline.current', { figure: text(current) })}</Typography.Text>
              <Typography.Text>{t('offline.mine', { figure: text(figure) })}</Typography.Text>
            </>
          )}
          <Flex wrap gap={8}>
            {conflict && (
              <Button type="primary" style={{ minHeight: 44 }} onClick={() => void keepMine(entry.id).then(() => flush(client, user.id))}>
                {t('offline.keepMine')}
              </Button>
            )}
            <Button style={{ minHeight: 44 }} onClick={() => void discard(entry.id)}>
              {conflict ? t('offline.useCurrent') : t('offline.discard')}
            </Button>
          </Flex>
        </Flex>
      }
    />
  );
}

/** Every entry still on the device, each opening its indicator and period. */
export function QueuedList({ entries, onOpen }: { entries: readonly QueuedWrite[]; onOpen(entry: QueuedWrite): void }) {
  const { t } = useI18n();
  if (!entries.length) return null;
  return (
    <List
      size="small"
      bordered
      data-testid="queued-list"
      header={<Typography.Text strong>{t('offline.listTitle', { count: entries.length })}</Typography.Text>}
      dataSource={entries as QueuedWrite[]}
      renderItem={(e) => (
        <List.Item
          data-testid="queued-entry"
          actions={[
            <Button key="open" type="link" style={{ minHeight: 44 }} onClick={() => onOpen(e)}>
              {t('offline.open')}
            </Button>,
          ]}
        >
          <Flex vertical>
            <Typography.Text>{e.indicatorName}</Typography.Text>
            <Typography.Text type="secondary">
              {periodLabel(e.period, t)} · {e.results.map((r) => r.unitName).join(', ')} ·{' '}
              {e.status === 'pending' ? t('offline.notSent') : e.status === 'conflict' ? t('offline.conflictTitle') : t('offline.refusedTitle')}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
