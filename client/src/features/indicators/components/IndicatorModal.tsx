import { useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { describeError } from '../../../app/errors';
import { useI18n } from '../../../app/i18n';
import type { IndicatorFieldsFragment } from '../../../gql/graphql';
import { addToCatalogue } from '../catalogue-cache';
import { CreateIndicatorMutation, UpdateIndicatorMutation } from '../indicators.graphql';
import { fromIndicator, NEW_INDICATOR, toIndicatorInput, type IndicatorValues } from '../indicator-values';
import { IndicatorFields } from './IndicatorFields';

export interface IndicatorModalProps {
  /** The indicator edited; none: a new one. */
  indicator: IndicatorFieldsFragment | null;
  /** A new indicator's catalogue, when the viewer names one (a district's manager: its district). */
  ownerId?: string | null;
  /** Whose catalogue a new indicator joins, said above the form. */
  ownerName: string;
  onClose(): void;
}

/** Creates an indicator in the viewer's catalogue, or edits one of a catalogue the viewer keeps. */
export function IndicatorModal({ indicator, ownerId, ownerName, onClose }: IndicatorModalProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<IndicatorValues>();
  const [error, setError] = useState<string | null>(null);
  const [create, created] = useMutation(CreateIndicatorMutation, { update: (cache, { data }) => data && addToCatalogue(cache, data.createIndicator) });
  const [update, updated] = useMutation(UpdateIndicatorMutation);

  const [initial] = useState<IndicatorValues>(() => (indicator ? fromIndicator(indicator) : NEW_INDICATOR));

  async function submit(values: IndicatorValues) {
    setError(null);
    try {
      if (indicator) {
        const { data } = await update({ variables: { id: indicator.id, input: toIndicatorInput(values) } });
        if (data) message.success(t('indicators.saved', { name: data.updateIndicator.name }));
      } else {
        const { data } = await create({ variables: { input: toIndicatorInput(values, ownerId) } });
        if (data) message.success(t('indicators.created', { name: data.createIndicator.name }));
      }
      onClose();
    } catch (e) {
      setError(describeError(e, t));
    }
  }

  return (
    <Modal
      open
      width={760}
      title={indicator ? t('indicators.form.editTitle', { code: indicator.code }) : t('indicators.form.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={created.loading || updated.loading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {!indicator && <Typography.Paragraph type="secondary">{t('indicators.form.ownerNote', { owner: ownerName })}</Typography.Paragraph>}
      <Form<IndicatorValues> name="indicator" form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={initial}>
        <IndicatorFields form={form} />
        {error && <Alert type="error" showIcon title={t('indicators.form.failed')} description={error} />}
      </Form>
    </Modal>
  );
}
