import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import type { Comparator } from '../../../gql/graphql';
import { useI18n } from '../../../app/i18n';
import { RequestAdjustmentMutation } from '../offices.graphql';
import { OFFICE_QUERIES } from '../refetch';

export interface ProposableTarget {
  id: string;
  value: number;
  comparator: Comparator;
  indicator: { name: string; unitOfMeasure?: string | null };
}

interface Values {
  proposedValue: number;
  reason: string;
}

/** "Đề xuất điều chỉnh": the unit asks the one that assigned its target for another value, with a reason. */
export function ProposeAdjustmentModal({ target, onClose }: { target: ProposableTarget; onClose(): void }) {
  const { t, value } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [request, { loading }] = useMutation(RequestAdjustmentMutation, { refetchQueries: OFFICE_QUERIES, awaitRefetchQueries: true });

  async function submit(v: Values) {
    try {
      await request({ variables: { targetId: target.id, proposedValue: v.proposedValue, reason: v.reason.trim() } });
    } catch {
      return; // the error link has shown the server's reason
    }
    message.success(t('offices.adj.sent'));
    onClose();
  }

  return (
    <Modal
      open
      title={t('offices.adj.proposeTitle', { indicator: target.indicator.name })}
      okText={t('offices.adj.send')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {t('offices.adj.current')}:{' '}
        <Typography.Text strong>
          {t(`comparator.symbol.${target.comparator}`)} {value(target.value, target.indicator.unitOfMeasure)}
        </Typography.Text>
      </Typography.Paragraph>
      <Form<Values> name="proposeAdjustment" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('offices.adj.proposedValue')}
          name="proposedValue"
          rules={[
            { required: true, message: t('offices.adj.valueRequired') },
            { validator: (_, v: number | null) => (v === target.value ? Promise.reject(new Error(t('offices.adj.sameValue'))) : Promise.resolve()) },
          ]}
        >
          <InputNumber style={{ width: '100%', maxWidth: 240 }} />
        </Form.Item>
        <Form.Item label={t('offices.adj.reason')} name="reason" rules={[{ required: true, whitespace: true, message: t('offices.adj.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
