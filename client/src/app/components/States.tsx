import type { ReactNode } from 'react';
import { Alert, Button, Empty, Flex, Spin } from 'antd';
import { useI18n } from '../i18n';
import { describeError } from '../errors';

/** Loading, error and empty states that say what is happening and what to do. */
export function Loading({ tip }: { tip?: string }) {
  const { t } = useI18n();
  return (
    <Flex justify="center" align="center" style={{ padding: 48 }} role="status">
      <Spin description={tip ?? t('common.loading')}>
        <div style={{ width: 120, height: 40 }} />
      </Spin>
    </Flex>
  );
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={title ?? t('common.errorTitle')}
      description={describeError(error, t)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}

export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={children}>
      {action}
    </Empty>
  );
}
