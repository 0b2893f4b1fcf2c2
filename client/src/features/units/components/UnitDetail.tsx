import { useNavigate } from 'react-router';
import { Button, Collapse, Descriptions, Flex, Tag, Typography } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { ErrorState, Loading } from '../../../app/components/States';
import type { UnitHistoryLinkFragment, UnitKind } from '../../../gql/graphql';
import { UnitDetailQuery } from '../units.graphql';
import { todayIso, validityOn } from '../dates';
import { UnitResponsibilities } from './UnitResponsibilities';

export type HistoryLink = UnitHistoryLinkFragment;

export interface UnitDetailProps {
  unitId: string;
  /** The day the tree is shown on: the children listed are those of that day. */
  at: string;
  /** Open a unit of the history in the tree, on a day it was in force. */
  onShow?(unit: { id: string; ancestors?: { id: string }[] }, day: string): void;
  today?: string;
}

const STATE_COLOR = { ACTIVE: 'green', ENDED: 'default', FUTURE: 'blue' } as const;
const STATE_KEY = { ACTIVE: 'units.detail.active', ENDED: 'units.detail.ended', FUTURE: 'units.detail.future' } as const;

/**
 * A unit's card: kind, code, parent, validity, its children on the shown day, and its history —
 * what it was formed from (predecessors) and what it became (successors) in a reorganisation.
 */
export function UnitDetail({ unitId, at, onShow, today = todayIso() }: UnitDetailProps) {
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(UnitDetailQuery, { variables: { id: unitId, at } });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const unit = data?.unit;
  if (!unit) return null;

  const state = validityOn(unit, today);
  const byKind = new Map<UnitKind, number>();
  for (const c of unit.children) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  const childrenText = unit.children.length ? `${unit.children.length}: ${[...byKind].map(([kind, n]) => `${n} ${t(`kind.${kind}`)}`).join(' · ')}` : t('units.detail.none');

  const history = (links: readonly HistoryLink[], direction: 'from' | 'to', empty: string, title: string) => (
    <section aria-label={title}>
      <Typography.Title level={5} style={{ margin: '4px 0' }}>
        {title}
      </Typography.Title>
      {links.length ? (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {links.map((u) => {
            // A predecessor is shown on its last day, a successor on its first.
            const day = direction === 'from' ? (u.validTo ?? at) : (u.validFrom ?? today);
            return (
              <li key={u.id} style={{ padding: '6px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}>
                <Flex vertical gap={0} align="start">
                  <Button
                    type="link"
                    style={{ padding: 0, height: 'auto', textAlign: 'start' }}
                    onClick={() => onShow?.(u, day)}
                    aria-label={t('units.detail.show', { name: u.name, date: date(day) })}
                  >
                    {u.name}
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`kind.${u.kind}`)}
                    {u.parent ? ` · ${t('units.in', { parent: u.parent.name })}` : ''}
                    {u.code ? ` · ${t('units.code', { code: u.code })}` : ''}
                    {direction === 'from' && u.validTo ? ` · ${t('units.detail.until', { date: date(u.validTo) })}` : ''}
                    {direction === 'to' && u.validFrom ? ` · ${t('units.detail.since', { date: date(u.validFrom) })}` : ''}
                  </Typography.Text>
                </Flex>
              </li>
            );
          })}
        </ul>
      ) : (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      )}
    </section>
  );

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {unit.name}
        </Typography.Title>
        <Tag color={STATE_COLOR[state]}>{t(STATE_KEY[state])}</Tag>
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'kind', label: t('common.kind'), children: t(`kind.${unit.kind}`) },
          { key: 'code', label: t('plan.ind.code'), children: unit.code ?? '—' },
          { key: 'parent', label: t('units.detail.parent'), children: unit.parent?.name ?? '—' },
          { key: 'from', label: t('units.detail.from'), children: unit.validFrom ? date(unit.validFrom) : t('units.detail.openStart') },
          { key: 'to', label: t('units.detail.to'), children: unit.validTo ? date(unit.validTo) : t('units.detail.open') },
          { key: 'children', label: t('units.detail.children', { date: date(at) }), children: childrenText },
        ]}
      />
      {history(unit.predecessors, 'from', t('units.detail.noPredecessors'), t('units.detail.formedFrom'))}
      {history(unit.successors, 'to', t('units.detail.noSuccessors'), t('units.detail.became'))}
      {/* Asked for only when opened: most visits to the tree are about the tree. */}
      <Collapse size="small" items={[{ key: 'resp', label: t('units.resp.title'), children: <UnitResponsibilities unitId={unit.id} /> }]} />
      <div>
        <Button icon={<BarChartOutlined />} onClick={() => navigate(`/progress?unitId=${unit.id}`)}>
          {t('plan.progress')}
        </Button>
      </div>
    </Flex>
  );
}
