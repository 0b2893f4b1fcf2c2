import { useState } from 'react';
import { App, Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { LockOutlined, UnlockOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState } from '../../../app/components/States';
import type { AccountRowFragment, Role } from '../../../gql/graphql';
import { UnlockAccountMutation, UsersQuery } from '../accounts.graphql';
import { CreateAccountModal } from '../components/CreateAccountModal';
import { UnitPicker } from '../components/UnitPicker';

const ROLE_COLOR: Record<Role, string> = {
  SYSTEM_ADMIN: 'magenta',
  PROVINCE_ADMIN: 'volcano',
  UNIT_MANAGER: 'blue',
  UNIT_REPORTER: 'green',
  ANALYST: 'purple',
};

/** Accounts of the administrator's subtree (or of one unit in it), creating one, and unlocking one locked out by wrong passwords. */
export function AccountsPage() {
  const { t } = useI18n();
  const user = useUser();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(UsersQuery, { variables: { unitId } });
  const users = data?.users ?? [];
  const { message } = App.useApp();
  const [unlockAccount] = useMutation(UnlockAccountMutation);
  const [unlocking, setUnlocking] = useState<string | null>(null);

  async function unlock(username: string) {
    setUnlocking(username);
    try {
      await unlockAccount({ variables: { username } });
      message.success(t('accounts.unlocked', { username }));
      await refetch();
    } catch (e) {
      message.error(describeError(e, t));
    } finally {
      setUnlocking(null);
    }
  }

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('accounts.title')}
        </Typography.Title>
      }
      extra={
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          {t('accounts.create')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <label htmlFor="accounts-unit">{t('accounts.filterUnit')}</label>
          <UnitPicker id="accounts-unit" value={unitId} onChange={setUnitId} allowClear placeholder={t('accounts.allUnits')} style={{ width: 360, maxWidth: '100%' }} />
          {!loading && <Typography.Text type="secondary">{t('accounts.count', { count: users.length })}</Typography.Text>}
        </Flex>
        {error ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<AccountRowFragment>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={users}
            pagination={users.length > 50 ? { pageSize: 50 } : false}
            // Short cells on one line each; narrower than that (a phone), it scrolls inside its card, not the page.
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState>{t('accounts.empty')}</EmptyState> }}
            columns={[
              { title: t('accounts.col.username'), key: 'username', render: (_, u) => <Typography.Text strong>{u.username}</Typography.Text> },
              { title: t('accounts.col.displayName'), key: 'displayName', render: (_, u) => u.displayName ?? '—' },
              { title: t('accounts.col.role'), key: 'role', width: 200, render: (_, u) => <Tag color={ROLE_COLOR[u.role]}>{t(`role.${u.role}`)}</Tag> },
              { title: t('accounts.col.unit'), key: 'unit', render: (_, u) => u.unit?.name ?? <Typography.Text type="secondary">{t('accounts.noUnit')}</Typography.Text> },
              {
                title: t('accounts.col.status'),
                key: 'status',
                width: 300,
                // The server says until when (null: not locked); the browser's clock is not trusted for it.
                render: (_, u) =>
                  u.lockedUntil ? (
                    <Flex gap={8} align="center" wrap>
                      <Tooltip title={t('accounts.status.lockedHelp')}>
                        <Tag color="red" icon={<LockOutlined />}>
                          {t('accounts.status.locked', { time: new Date(u.lockedUntil).toLocaleString(t('history.intlLocale')) })}
                        </Tag>
                      </Tooltip>
                      <Button size="small" icon={<UnlockOutlined />} loading={unlocking === u.username} onClick={() => void unlock(u.username)}>
                        {t('accounts.unlock')}
                      </Button>
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">{t('accounts.status.open')}</Typography.Text>
                  ),
              },
            ]}
          />
        )}
      </Flex>
      <CreateAccountModal
        open={creating}
        creatorRole={user.role}
        defaultUnitId={unitId}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          void refetch();
        }}
      />
    </Card>
  );
}
