import { useNavigate } from 'react-router';
import { Badge, Button, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { useUnreadCount } from '../useUnreadCount';

/** The header's bell: the unread count, a click away from the inbox (one link, no button inside it). */
export function NotificationBell() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const count = useUnreadCount();
  const label = t('notifications.bell', { count });
  return (
    <Tooltip title={label}>
      <Badge count={count} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined />}
          href="/notifications"
          aria-label={label}
          data-testid="notification-bell"
          onClick={(e) => {
            e.preventDefault();
            void navigate('/notifications');
          }}
        />
      </Badge>
    </Tooltip>
  );
}
