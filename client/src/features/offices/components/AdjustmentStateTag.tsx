import { Tag } from 'antd';
import type { AdjustmentState } from '../../../gql/graphql';
import { useI18n } from '../../../app/i18n';

const COLOR: Record<AdjustmentState, string> = { PENDING: 'gold', ACCEPTED: 'green', REJECTED: 'red' };

export function AdjustmentStateTag({ state }: { state: AdjustmentState }) {
  const { t } = useI18n();
  return <Tag color={COLOR[state]}>{t(`offices.adj.state.${state}`)}</Tag>;
}
