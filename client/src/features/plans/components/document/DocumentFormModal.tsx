import { useState } from 'react';
import { App, Col, Form, Input, Modal, Row } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useI18n } from '../../../../app/i18n';
import type { DocumentKind, PlanDocumentFragment } from '../../../../gql/graphql';
import { UpdatePlanMutation } from '../../plans.graphql';
import { DocumentHeadFields } from './DocumentHeadFields';

interface Values {
  title: string;
  documentKind: DocumentKind | null;
  documentNumber: string;
  documentDate: string;
  legalBasis: string;
  signer: string;
  recipients: string;
  subAssignmentDeadline: string;
}

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);
/** Recipients are typed one per line; blank lines are dropped. */
export const recipientLines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** "Thông tin văn bản": title, kind, number, date, legal basis, signer (several lines), recipients (one per line), deadline. */
export function DocumentFormModal({ plan, onClose }: { plan: PlanDocumentFragment; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [updatePlan, { loading }] = useMutation(UpdatePlanMutation);

  // What the plan says when the form opens; a later answer about the plan does not overwrite what is being typed.
  const [initial] = useState<Values>(() => ({
    title: plan.title,
    documentKind: plan.documentKind,
    documentNumber: plan.documentNumber ?? '',
    documentDate: plan.documentDate ?? '',
    legalBasis: plan.legalBasis ?? '',
    signer: plan.signer ?? '',
    recipients: plan.recipients.join('\n'),
    subAssignmentDeadline: plan.subAssignmentDeadline ?? '',
  }));

  async function submit(v: Values) {
    // Failures are shown by the error link; the form stays open with what was typed.
    const { data } = await updatePlan({
      variables: {
        id: plan.id,
        input: {
          title: v.title.trim(),
          documentKind: v.documentKind ?? null,
          documentNumber: orNull(v.documentNumber),
          documentDate: orNull(v.documentDate),
          legalBasis: orNull(v.legalBasis),
          // The signature block keeps its lines as typed, only the blank edges trimmed.
          signer: v.signer?.replace(/^\s*\n|\n\s*$/g, '').trimEnd() || null,
          recipients: recipientLines(v.recipients),
          subAssignmentDeadline: orNull(v.subAssignmentDeadline),
        },
      },
    }).catch(() => ({ data: undefined }));
    if (!data) return;
    message.success(t('doc.saved'));
    onClose();
  }

  return (
    <Modal open width={760} title={t('doc.tab')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={loading} onOk={() => form.submit()} onCancel={onClose}>
      <Form<Values> name="planDocument" form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={initial}>
        <DocumentHeadFields legalBasisRows={8} />
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={t('doc.signer')} name="signer" extra={t('doc.signerHelp')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('doc.recipients')} name="recipients" extra={t('doc.recipientsHelp')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label={t('doc.deadline')}
          name="subAssignmentDeadline"
          dependencies={['documentDate']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: string) => {
                const date = getFieldValue('documentDate') as string;
                return v && date && v < date ? Promise.reject(new Error(t('doc.deadlineBeforeDate'))) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input type="date" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
