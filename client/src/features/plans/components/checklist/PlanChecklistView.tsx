import { Alert, Flex, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useI18n } from '../../../../app/i18n';
import { IssueList } from '../issues';
import { hasProblems, namesAndRest, type Checklist } from './summary';

/** The checklist as read before issuing: plan-level gaps, then per row what is missing or wrong. */
export function PlanChecklistView({ checklist }: { checklist: Checklist }) {
  const { t } = useI18n();
  const total = checklist.units;
  const nameOf = new Map(checklist.children.map((u) => [u.id, u.name]));
  if (!hasProblems(checklist)) {
    return <Alert type="success" showIcon title={t('checklist.allComplete', { total })} data-checklist="complete" />;
  }
  return (
    <Flex vertical gap={12}>
      <Alert type="warning" showIcon title={t('checklist.problems')} />
      {checklist.warnings.map((w) => (
        <Typography.Text key={w} type="warning" data-checklist-warning={w}>
          {t(`checklist.warning.${w}` as Parameters<typeof t>[0])}
        </Typography.Text>
      ))}
      <Flex vertical gap={10} role="list" aria-label={t('checklist.rows')}>
        {checklist.rows.map((row) => {
          const { names, rest } = namesAndRest(row.missing);
          const units = rest ? `${names.join(', ')}, ${t('checklist.andMore', { count: rest })}` : names.join(', ');
          return (
            <div role="listitem" key={row.id} data-indicator={row.indicator.code} data-missing={row.missing.length}>
              <Typography.Text strong>{`${row.position ? `${row.position}. ` : ''}${row.indicator.name}`}</Typography.Text>
              <div>
                {row.missing.length ? (
                  <Typography.Text type="danger">{t('checklist.missing', { missing: row.missing.length, total, units })}</Typography.Text>
                ) : (
                  <Typography.Text type="success">
                    <CheckCircleFilled /> {t('checklist.rowComplete', { total })}
                  </Typography.Text>
                )}
              </div>
              {row.late > 0 && <Typography.Text type="warning">{t('checklist.late', { count: row.late })}</Typography.Text>}
              <IssueList issues={row.issues.map((i) => ({ ...i, label: nameOf.get(i.unitId) }))} />
            </div>
          );
        })}
      </Flex>
    </Flex>
  );
}
