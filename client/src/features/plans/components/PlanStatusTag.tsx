import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { PlanStatus } from '../../../gql/graphql';

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return <Tag color={status === 'ISSUED' ? 'green' : 'gold'}>{t(`planStatus.${status}`)}</Tag>;
}
