import { Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { ResultState } from '../../../gql/graphql';

/** A unit's figure for a period as reporting sees it, with the reason it came back when returned. */
export interface UnitReporting {
  state: ResultState | null;
  reason?: string | null;
  late?: boolean;
  missing?: boolean;
}

const COLORS: Record<ResultState, string> = { DRAFT: 'default', SUBMITTED: 'blue', APPROVED: 'green', RETURNED: 'orange' };

/** Nháp / Đã gửi / Đã duyệt / Bị trả lại (and why), late or missing beside it. */
export function StateTag({ reporting }: { reporting: UnitReporting }) {
  const { t } = useI18n();
  const { state, reason, late, missing } = reporting;
  return (
    <Flex vertical gap={2} align="start">
      <Flex wrap gap={4}>
        <Tag color={state ? COLORS[state] : 'default'} variant={state ? 'filled' : 'outlined'}>
          {t(`reporting.state.${state ?? 'NONE'}`)}
        </Tag>
        {late && <Tag color="gold">{t('reporting.late')}</Tag>}
        {missing && <Tag color="red">{t('reporting.missing')}</Tag>}
      </Flex>
      {state === 'RETURNED' && reason && (
        <Typography.Text type="warning" style={{ fontSize: 12 }}>
          {t('reporting.reason', { reason })}
        </Typography.Text>
      )}
    </Flex>
  );
}
