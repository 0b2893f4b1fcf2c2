import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import { useUser } from '../../../app/session';
import type { DocumentKind } from '../../../gql/graphql';
import { UnitPicker } from '../../accounts/components/UnitPicker';
import { CopyPlanMutation, CreatePlanMutation } from '../plans.graphql';
import { DocumentHeadFields } from './document/DocumentHeadFields';
import { forgetPlanLists } from '../plan-cache';
import type { PlanRow } from './PlansTable';

interface Values {
  mode: 'blank' | 'copy';
  issuerId?: string | null;
  year: number;
  title?: string;
  documentKind?: DocumentKind | null;
  documentNumber?: string;
  documentDate?: string;
  legalBasis?: string;
  subAssignmentDeadline?: string;
  sourceId?: string;
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** "Tạo kế hoạch": a new document, or a copy of a plan for another year; on success, the new plan's page. */
export function CreatePlanModal({ open, plans, onClose }: { open: boolean; plans: readonly PlanRow[]; onClose(): void }) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const [error, setError] = useState<string | null>(null);
  const [createPlan, created] = useMutation(CreatePlanMutation, { update: forgetPlanLists });
  const [copyPlan, copied] = useMutation(CopyPlanMutation, { update: forgetPlanLists });
  // A unit's manager issues for its own unit; an administrator for any unit of its subtree.
  const fixedIssuer = user.role === 'UNIT_MANAGER';
  const thisYear = new Date().getFullYear();

  useEffect(() => {
    if (open) {
      setError(null);
      form.resetFields();
    }
  }, [open, form]);

  async function submit(v: Values) {
    setError(null);
    try {
      let plan: { id: string; title: string } | undefined;
      if (v.mode === 'copy') {
        const { data } = await copyPlan({ variables: { id: v.sourceId!, year: v.year, issuerId: v.issuerId ?? null } });
        plan = data?.copyPlan;
      } else {
        const issuerId = (fixedIssuer ? user.unit?.id : v.issuerId) ?? '';
        const { data } = await createPlan({
          variables: {
            input: {
              issuerId,
              year: v.year,
              title: v.title!.trim(),
              documentKind: v.documentKind ?? null,
              documentNumber: blank(v.documentNumber),
              documentDate: blank(v.documentDate),
              legalBasis: blank(v.legalBasis),
              subAssignmentDeadline: blank(v.subAssignmentDeadline),
            },
          },
        });
        plan = data?.createPlan;
      }
      if (!plan) return;
      message.success(t('plans.created', { title: plan.title }));
      onClose();
      navigate(`/plans/${plan.id}`);
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  return (
    <Modal
      open={open}
      width={720}
      title={t('plans.form.title')}
      okText={mode === 'copy' ? t('plans.form.copySubmit') : t('plans.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={created.loading || copied.loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form<Values>
        name="createPlan"
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ mode: 'blank', year: thisYear, issuerId: user.unit?.id ?? null, documentKind: 'PLAN' }}
      >
        <Form.Item label={t('plans.form.mode')} name="mode">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'blank', label: t('plans.form.mode.blank') },
              { value: 'copy', label: t('plans.form.mode.copy') },
            ]}
          />
        </Form.Item>
        {mode === 'copy' ? (
          <>
            <Form.Item label={t('plans.form.source')} name="sourceId" rules={[{ required: true, message: t('plans.form.sourceRequired') }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={plans.map((p) => ({ value: p.id, label: `${p.year} — ${p.title}` }))}
                popupMatchSelectWidth={false}
                // A plan is most often copied to the year after its own.
                onChange={(id: string) => {
                  const source = plans.find((p) => p.id === id);
                  if (source) form.setFieldValue('year', source.year + 1);
                }}
              />
            </Form.Item>
            <Form.Item label={t('plans.form.newYear')} name="year" rules={[{ required: true, type: 'integer', min: 2000, max: 2100, message: t('plans.form.yearRequired') }]}>
              <InputNumber style={{ width: 140 }} />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('plans.form.copyHelp')}</Typography.Paragraph>
          </>
        ) : (
          <>
            <Row gutter={12}>
              <Col xs={24} md={16}>
                {fixedIssuer ? (
                  <Form.Item label={t('plans.form.issuer')}>
                    <Input value={user.unit?.name ?? ''} disabled />
                  </Form.Item>
                ) : (
                  <Form.Item label={t('plans.form.issuer')} name="issuerId" rules={[{ required: true, message: t('plans.form.issuerRequired') }]}>
                    <UnitPicker />
                  </Form.Item>
                )}
              </Col>
              <Col xs={24} md={8}>
                <Form.Item label={t('plans.form.year')} name="year" rules={[{ required: true, type: 'integer', min: 2000, max: 2100, message: t('plans.form.yearRequired') }]}>
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            <DocumentHeadFields />
            <Form.Item label={t('doc.deadline')} name="subAssignmentDeadline">
              <Input type="date" style={{ width: 200 }} />
            </Form.Item>
          </>
        )}
        {error && <Alert type="error" showIcon title={t('plans.form.failed')} description={error} />}
      </Form>
    </Modal>
  );
}
