import { App, Button } from 'antd';
import { CheckCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useI18n } from '../../../app/i18n';
import { AcknowledgeTargetsMutation } from '../offices.graphql';
import { OFFICE_QUERIES } from '../refetch';

/** "Xác nhận tiếp nhận": the receiving unit confirms, once, that it has the targets of an issued plan. */
export function AcknowledgeButton({ planId, unit }: { planId: string; unit: { id: string; name: string } }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [acknowledge, { loading }] = useMutation(AcknowledgeTargetsMutation, { refetchQueries: OFFICE_QUERIES, awaitRefetchQueries: true });
  return (
    <Button
      type="primary"
      icon={<CheckCircleOutlined />}
      loading={loading}
      onClick={() =>
        void modal.confirm({
          title: t('offices.ack.button'),
          content: t('offices.ack.confirm', { unit: unit.name }),
          okText: t('offices.ack.button'),
          cancelText: t('common.cancel'),
          onOk: async () => {
            try {
              await acknowledge({ variables: { planId, unitId: unit.id } });
              message.success(t('offices.ack.success'));
            } catch {
              // the error link has shown the server's reason
            }
          },
        })
      }
    >
      {t('offices.ack.button')}
    </Button>
  );
}
