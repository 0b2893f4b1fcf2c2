import { useState } from 'react';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { UserAddOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState } from '../../../app/components/States';
import type { AccountRowFragment, Role } from '../../../gql/graphql';
import { UsersQuery } from '../accounts.graphql';
import { CreateAccountModal } from '../components/CreateAccountModal';
import { UnitPicker } from '../components/UnitPicker';

const ROLE_COLOR: Record<Role, string> = {
  SYSTEM_ADMIN: 'magenta',
  PROVINCE_ADMIN: 'volcano',
  UNIT_MANAGER: 'blue',
  UNIT_REPORTER: 'green',
  ANALYST: 'purple',
};

/** Accounts of the administrator's subtree (or of one unit in it), and creating one. */
export function AccountsPage() {
  const { t } = useI18n();
  const user = useUser();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { data, loading, error, refetch } = useQuery(UsersQuery, { variables: { unitId } });
  const users = data?.users ?? [];

  return (
    <Card
      title={<Typography.Title level={3} style={{ margin: 0 }}>{t('accounts.title')}</Typography.Title>}
      extra={
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => setCreating(true)}>
          {t('accounts.create')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <label htmlFor="accounts-unit">{t('accounts.filterUnit')}</label>
          <UnitPicker id="accounts-unit" value={unitId} onChange={setUnitId} allowClear placeholder={t('accounts.allUnits')} style={{ width: 360 }} />
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
            locale={{ emptyText: <EmptyState>{t('accounts.empty')}</EmptyState> }}
            columns={[
              { title: t('accounts.col.username'), key: 'username', render: (_, u) => <Typography.Text strong>{u.username}</Typography.Text> },
              { title: t('accounts.col.displayName'), key: 'displayName', render: (_, u) => u.displayName ?? '—' },
              { title: t('accounts.col.role'), key: 'role', width: 200, render: (_, u) => <Tag color={ROLE_COLOR[u.role]}>{t(`role.${u.role}`)}</Tag> },
              { title: t('accounts.col.unit'), key: 'unit', render: (_, u) => u.unit?.name ?? <Typography.Text type="secondary">{t('accounts.noUnit')}</Typography.Text> },
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
