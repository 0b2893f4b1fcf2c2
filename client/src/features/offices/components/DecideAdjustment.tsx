import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import type { AdjustmentFieldsFragment } from '../../../gql/graphql';
import { useI18n } from '../../../app/i18n';
import { DecideAdjustmentMutation } from '../offices.graphql';
import { OFFICE_QUERIES } from '../refetch';

/** Accept (after a confirmation that says what the target becomes) or reject with a note. */
export function DecideAdjustment({ adjustment }: { adjustment: AdjustmentFieldsFragment }) {
  const { t, value } = useI18n();
  const { message, modal } = App.useApp();
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ note: string }>();
  const [decide, { loading }] = useMutation(DecideAdjustmentMutation, { refetchQueries: OFFICE_QUERIES, awaitRefetchQueries: true });
  const { target } = adjustment;
  const uom = target.indicator.unitOfMeasure;

  async function send(accept: boolean, note: string | null): Promise<boolean> {
    try {
      await decide({ variables: { id: adjustment.id, accept, note } });
    } catch {
      return false; // the error link has shown the server's reason
    }
    message.success(t(accept ? 'offices.adj.accepted' : 'offices.adj.rejected'));
    return true;
  }

  return (
    <Space wrap>
      <Button
        type="primary"
        size="small"
        icon={<CheckOutlined />}
        loading={loading}
        onClick={() =>
          void modal.confirm({
            title: t('offices.adj.accept'),
            content: t('offices.adj.acceptConfirm', { unit: target.unit.name, from: value(target.value, uom), to: value(adjustment.proposedValue, uom) }),
            okText: t('offices.adj.accept'),
            cancelText: t('common.cancel'),
            onOk: () => send(true, null),
          })
        }
      >
        {t('offices.adj.accept')}
      </Button>
      <Button size="small" icon={<CloseOutlined />} disabled={loading} onClick={() => setRejecting(true)}>
        {t('offices.adj.reject')}
      </Button>
      {rejecting && (
        <Modal
          open
          title={t('offices.adj.rejectTitle', { unit: target.unit.name })}
          okText={t('offices.adj.reject')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          confirmLoading={loading}
          onOk={() => form.submit()}
          onCancel={() => setRejecting(false)}
        >
          <Form name="rejectAdjustment" form={form} layout="vertical" onFinish={(v) => void send(false, v.note.trim()).then((ok) => ok && setRejecting(false))}>
            <Form.Item label={t('offices.adj.note')} name="note" rules={[{ required: true, whitespace: true, message: t('offices.adj.noteRequired') }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Space>
  );
}
