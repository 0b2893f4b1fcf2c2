import { useNavigate } from 'react-router';
import { App, Badge, Button, Card, Flex, List, Typography, theme } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { ErrorState, Loading, EmptyState } from '../../../app/components/States';
import type { NotificationsQuery as Result } from '../../../gql/graphql';
import { MarkNotificationsReadMutation, NotificationsQuery } from '../notifications.graphql';
import { relativeTime } from '../time';

type Item = Result['notifications'][number];
// The bell and this list both change once something is marked read.
const REFETCH = ['UnreadNotifications', 'Notifications'];

/** The inbox: newest first, unread ones highlighted; opening one marks it read and follows its link. */
export function NotificationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const { data, loading, error, refetch } = useQuery(NotificationsQuery, { variables: { limit: 100 }, fetchPolicy: 'cache-and-network' });
  const [markRead, { loading: marking }] = useMutation(MarkNotificationsReadMutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const locale = t('history.intlLocale');

  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const items = [...data.notifications].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const unread = items.filter((n) => !n.readAt).map((n) => n.id);

  async function open(n: Item) {
    if (!n.readAt) {
      try {
        await markRead({ variables: { ids: [n.id] } });
      } catch {
        // still follow the link: the error link has said why it stayed unread
      }
    }
    if (n.link) void navigate(n.link);
  }

  async function markAll() {
    try {
      const { data: done } = await markRead({ variables: { ids: unread } });
      message.success(t('notifications.markedAll', { count: done?.markNotificationsRead ?? unread.length }));
    } catch {
      // the error link has shown it
    }
  }

  return (
    <Flex vertical gap={16} style={{ minWidth: 0 }}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('notifications.title')}
        </Typography.Title>
        <Button icon={<CheckOutlined />} disabled={!unread.length} loading={marking} onClick={() => void markAll()}>
          {t('notifications.markAll')}
        </Button>
      </Flex>
      <Card size="small">
        <List
          dataSource={items}
          locale={{ emptyText: <EmptyState>{t('notifications.empty')}</EmptyState> }}
          renderItem={(n) => {
            const ago = relativeTime(n.createdAt, locale);
            const at = new Date(n.createdAt).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short' });
            return (
              <List.Item
                key={n.id}
                data-testid={`notification-${n.id}`}
                data-unread={n.readAt ? undefined : 'true'}
                style={{ paddingInline: 12, background: n.readAt ? undefined : token.colorPrimaryBg, borderRadius: token.borderRadius }}
              >
                {/* A link (keyboard and screen readers): opening it marks it read first. */}
                <a
                  href={n.link ?? '/notifications'}
                  onClick={(e) => {
                    e.preventDefault();
                    void open(n);
                  }}
                  style={{ display: 'flex', gap: 12, alignItems: 'start', width: '100%', minWidth: 0, color: 'inherit' }}
                >
                  <span title={n.readAt ? undefined : t('notifications.unread')} style={{ paddingTop: 2 }}>
                    <Badge status={n.readAt ? 'default' : 'processing'} />
                  </span>
                  <Flex vertical style={{ minWidth: 0 }}>
                    <Typography.Text strong={!n.readAt} style={{ overflowWrap: 'anywhere' }}>
                      {n.message}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} title={at}>
                      {ago ? `${ago} · ${at}` : seconds(n.createdAt) < 60 ? `${t('notifications.justNow')} · ${at}` : at}
                    </Typography.Text>
                  </Flex>
                </a>
              </List.Item>
            );
          }}
        />
      </Card>
    </Flex>
  );
}

const seconds = (iso: string) => (Date.now() - new Date(iso).getTime()) / 1000;
