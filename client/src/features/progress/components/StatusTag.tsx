import { Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { ProgressStatus } from '../../../gql/graphql';

const COLORS: Record<ProgressStatus, string> = {
  ACHIEVED: 'green',
  NOT_ACHIEVED: 'red',
  NOT_APPLICABLE: 'blue',
  NO_DATA: 'default',
  NO_TARGET: 'default',
};

/** Đạt / Không đạt / Không phát sinh hồ sơ / Chưa có số liệu / Chưa giao chỉ tiêu. */
export function StatusTag({ status }: { status: ProgressStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} variant={status === 'NO_DATA' || status === 'NO_TARGET' ? 'outlined' : 'filled'}>
      {t(`status.${status}`)}
    </Tag>
  );
}
