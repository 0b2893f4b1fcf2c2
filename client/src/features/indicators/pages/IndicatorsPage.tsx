import { useMemo, useState } from 'react';
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { canEditIndicator, canKeepCatalogue } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState, ErrorState } from '../../../app/components/States';
import type { IndicatorFieldsFragment } from '../../../gql/graphql';
import { IndicatorsQuery } from '../indicators.graphql';
import { IndicatorModal } from '../components/IndicatorModal';

const NATIONAL = 'national';

/** Folds case and Vietnamese marks, so "so hoa" finds "Số hóa". */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** The catalogues the viewer sees (national and own), filtered; the ones it keeps, created and edited here. */
export function IndicatorsPage() {
  const { t } = useI18n();
  const user = useUser();
  const { data, loading, error, refetch } = useQuery(IndicatorsQuery);
  const [search, setSearch] = useState('');
  const [owner, setOwner] = useState<string | null>(null);
  const [editing, setEditing] = useState<IndicatorFieldsFragment | 'new' | null>(null);

  const all = useMemo(() => data?.indicators ?? [], [data]);
  const owners = useMemo(() => [...new Map(all.filter((i) => i.owner).map((i) => [i.owner!.id, i.owner!.name])).entries()], [all]);
  const shown = useMemo(() => {
    const q = fold(search.trim());
    return all.filter((i) => (owner === null || (owner === NATIONAL ? !i.owner : i.owner?.id === owner)) && (!q || fold(`${i.code} ${i.name}`).includes(q)));
  }, [all, owner, search]);

  // A district's manager adds to its district's catalogue; administrators to the one the server gives them.
  const mayCreate = canKeepCatalogue(user.role, user.unit);
  const ownerId = user.role === 'UNIT_MANAGER' ? (user.unit?.id ?? null) : null;
  const ownerName = user.role === 'SYSTEM_ADMIN' ? t('indicators.national') : (user.unit?.name ?? '');

  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('indicators.title')}
        </Typography.Title>
      }
      extra={
        mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('indicators.create')}
          </Button>
        )
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center">
          <Input.Search
            allowClear
            placeholder={t('indicators.search')}
            aria-label={t('indicators.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 320 }}
          />
          <Select<string | null>
            aria-label={t('indicators.ownerFilter')}
            value={owner}
            onChange={setOwner}
            style={{ width: 260 }}
            options={[
              { value: null, label: t('indicators.allOwners') },
              { value: NATIONAL, label: t('indicators.national') },
              ...owners.map(([id, name]) => ({ value: id, label: name })),
            ]}
          />
          {!loading && <Typography.Text type="secondary">{t('indicators.count', { count: shown.length })}</Typography.Text>}
        </Flex>
        {error ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<IndicatorFieldsFragment>
            rowKey="id"
            size="small"
            loading={loading}
            dataSource={shown}
            pagination={shown.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 900 }}
            locale={{ emptyText: <EmptyState>{t('indicators.empty')}</EmptyState> }}
            columns={[
              { title: t('indicators.col.code'), key: 'code', width: 160, render: (_, i) => <Typography.Text code>{i.code}</Typography.Text> },
              { title: t('indicators.col.name'), dataIndex: 'name' },
              {
                title: t('indicators.col.measure'),
                key: 'measure',
                width: 170,
                render: (_, i) =>
                  `${t(`measure.${i.measure}`)}, ${t(`comparator.symbol.${i.comparator}`)} ${t(`comparator.${i.comparator}`)}${i.unitOfMeasure ? ` (${i.unitOfMeasure})` : ''}`,
              },
              { title: t('indicators.col.accumulation'), key: 'acc', width: 90, render: (_, i) => t(`accumulation.${i.accumulation}`) },
              {
                title: t('indicators.col.owner'),
                key: 'owner',
                width: 150,
                render: (_, i) => (i.owner ? <Tag color="blue">{i.owner.name}</Tag> : <Tag>{t('indicators.national')}</Tag>),
              },
              {
                title: t('indicators.col.actions'),
                key: 'actions',
                width: 70,
                render: (_, i) =>
                  canEditIndicator(user.role, user.unit, i.owner) && (
                    <Button size="small" icon={<EditOutlined />} aria-label={t('indicators.editOf', { code: i.code })} onClick={() => setEditing(i)} />
                  ),
              },
            ]}
          />
        )}
      </Flex>
      {editing !== null && <IndicatorModal indicator={editing === 'new' ? null : editing} ownerId={ownerId} ownerName={ownerName} onClose={() => setEditing(null)} />}
    </Card>
  );
}
