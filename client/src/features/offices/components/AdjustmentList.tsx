import { Flex, List, Typography } from 'antd';
import type { AdjustmentFieldsFragment } from '../../../gql/graphql';
import { can, type Role } from '../../../app/access';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import { EmptyState } from '../../../app/components/States';
import { dateTime, who } from '../refetch';
import { AdjustmentStateTag } from './AdjustmentStateTag';
import { DecideAdjustment } from './DecideAdjustment';

/**
 * The assigner decides: the unit that assigned the target (a commune's district), by a writer of
 * targets; an administrator above it may too (the server checks the subtree), unless `assignerOnly`.
 */
export function canDecide(role: Role, unitId: string | null | undefined, a: AdjustmentFieldsFragment, assignerOnly = false): boolean {
  if (a.state !== 'PENDING' || !can(role, 'targets.edit')) return false;
  if (unitId && a.target.assignedBy.id === unitId) return true;
  return !assignerOnly && (role === 'SYSTEM_ADMIN' || role === 'PROVINCE_ADMIN') && a.target.unit.id !== unitId;
}

/** Proposals newest first: what changes, why, who asked and decided; the assigner's buttons on a pending one. */
export function AdjustmentList({
  adjustments,
  showIndicator = true,
  emptyText,
}: {
  adjustments: readonly AdjustmentFieldsFragment[];
  showIndicator?: boolean;
  emptyText?: string;
}) {
  const { t, value } = useI18n();
  const user = useUser();
  const locale = t('history.intlLocale');
  const sorted = [...adjustments].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  return (
    <List
      dataSource={sorted}
      locale={{ emptyText: <EmptyState>{emptyText ?? t('offices.adj.empty')}</EmptyState> }}
      renderItem={(a) => {
        const uom = a.target.indicator.unitOfMeasure;
        return (
          <List.Item key={a.id} data-testid={`adjustment-${a.id}`}>
            <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
              <Flex gap={8} wrap align="center">
                <AdjustmentStateTag state={a.state} />
                <Typography.Text strong>{a.target.unit.name}</Typography.Text>
                {showIndicator && <Typography.Text>{`${a.target.indicator.code} — ${a.target.indicator.name}`}</Typography.Text>}
              </Flex>
              <Typography.Text>
                {/* Once accepted the target holds the proposed value: the old one is in the target's history. */}
                {a.state === 'ACCEPTED'
                  ? `${t('offices.adj.proposedValue')}: ${value(a.proposedValue, uom)}`
                  : t('offices.adj.change', { from: `${t(`comparator.symbol.${a.target.comparator}`)} ${value(a.target.value, uom)}`, to: value(a.proposedValue, uom) })}
              </Typography.Text>
              <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                {t('offices.adj.reason')}: {a.reason}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('offices.adj.requested', { by: who(a.requestedBy), at: dateTime(a.requestedAt, locale) })}
              </Typography.Text>
              {a.decidedAt && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('offices.adj.decided', { by: who(a.decidedBy), at: dateTime(a.decidedAt, locale) })}
                </Typography.Text>
              )}
              {a.decisionNote && (
                <Typography.Text style={{ overflowWrap: 'anywhere' }}>
                  {t('offices.adj.note')}: {a.decisionNote}
                </Typography.Text>
              )}
              {canDecide(user.role, user.unit?.id, a) && <DecideAdjustment adjustment={a} />}
            </Flex>
          </List.Item>
        );
      }}
    />
  );
}
