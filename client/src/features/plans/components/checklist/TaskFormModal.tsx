import { App, Form, Input, Modal } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useI18n } from '../../../../app/i18n';
import { AddPlanTaskMutation } from '../../checklist.graphql';
import { ResponsiblePicker } from '../document/ResponsiblePicker';
import { toResponsibleInput, type ResponsibleValue } from '../document/responsible';

interface Values {
  position?: string;
  content: string;
  lead?: ResponsibleValue[];
  coordinating?: ResponsibleValue[];
  timeFrame?: string;
  deliverable?: string;
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** "Thêm nhiệm vụ": one row of a DRAFT plan's task table; the plan on screen is asked again once saved. */
export function TaskFormModal({ planId, at, onClose }: { planId: string; at: string | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // The plan page lists tasks from its Plan query: refetch it (by name) so the new row shows at once.
  const [addTask, { loading }] = useMutation(AddPlanTaskMutation, { refetchQueries: ['Plan'], awaitRefetchQueries: true });

  async function submit(v: Values) {
    const lead = (v.lead ?? []).map(toResponsibleInput);
    const coordinating = (v.coordinating ?? []).map(toResponsibleInput);
    const { data } = await addTask({
      variables: {
        input: {
          planId,
          position: blank(v.position),
          content: v.content.trim(),
          lead,
          coordinating,
          timeFrame: blank(v.timeFrame),
          deliverable: blank(v.deliverable),
        },
      },
    });
    if (!data) return;
    message.success(t('checklist.task.added'));
    onClose();
  }

  return (
    <Modal open title={t('checklist.task.title')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={loading} onOk={() => form.submit()} onCancel={onClose}>
      <Form<Values> name="planTask" form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item label={t('plan.task.position')} name="position">
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={t('plan.task.content')} name="content" rules={[{ required: true, whitespace: true, message: t('checklist.task.contentRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label={t('plan.task.leads')} name="lead">
          <ResponsiblePicker at={at} />
        </Form.Item>
        <Form.Item label={t('plan.task.coordinators')} name="coordinating">
          <ResponsiblePicker at={at} />
        </Form.Item>
        <Form.Item label={t('plan.task.timeFrame')} name="timeFrame">
          <Input />
        </Form.Item>
        <Form.Item label={t('plan.task.deliverable')} name="deliverable">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
