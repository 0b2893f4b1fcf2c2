import { useMemo, useState } from 'react';
import { App, Button, Col, Divider, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { FREQUENCIES, MAX_DUE_DAY, UNIT_KINDS } from '@chitieu/domain';
import { canKeepCatalogue } from '../../../../app/access';
import { startsFirst } from '../../../../app/select-search';
import { useI18n } from '../../../../app/i18n';
import { useUser } from '../../../../app/session';
import type { PlanDocumentFragment } from '../../../../gql/graphql';
import { addToCatalogue } from '../../../indicators/catalogue-cache';
import { IndicatorFields } from '../../../indicators/components/IndicatorFields';
import { CreateIndicatorMutation, IndicatorsQuery } from '../../../indicators/indicators.graphql';
import { NEW_INDICATOR, toIndicatorInput, type IndicatorValues } from '../../../indicators/indicator-values';
import { AddPlanIndicatorMutation, UpdatePlanIndicatorMutation } from '../../plans.graphql';
import { structureDate } from '../../structure';
import { ResponsiblePicker } from './ResponsiblePicker';
import { fromRow, NEW_ROW, toRowInput, type PlanRowData, type RowSchedule, type RowValues } from './row-values';

interface Values extends RowValues {
  source: 'pick' | 'create';
  indicatorId?: string;
  newIndicator: IndicatorValues;
}

/**
 * Adds a row to a draft (an indicator of the catalogue, or one created here first) or edits one:
 * heading, position, whose figure it is judged on, floors per kind, who leads and coordinates,
 * legal basis, note, extra annex columns.
 */
export function RowFormModal({
  plan,
  row,
  schedule,
  ownerId,
  onClose,
}: {
  plan: PlanDocumentFragment;
  row: PlanRowData | null;
  /** The row's reporting frequency and due day as stored. */
  schedule?: RowSchedule | null;
  ownerId: string | null;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const source = Form.useWatch('source', form);
  // Only who keeps a catalogue may add to it; the others pick from what they see.
  const user = useUser();
  const mayCreate = canKeepCatalogue(user.role, user.unit);
  const catalogue = useQuery(IndicatorsQuery, { skip: !!row });
  const [createIndicator, creating] = useMutation(CreateIndicatorMutation, { update: (cache, { data }) => data && addToCatalogue(cache, data.createIndicator) });
  const [addRow, adding] = useMutation(AddPlanIndicatorMutation);
  const [updateRow, updating] = useMutation(UpdatePlanIndicatorMutation);
  const at = structureDate(plan.year);

  // The row when the form opens; a later answer about the plan does not overwrite what is being typed.
  const [initial] = useState<Values>(() =>
    row ? { ...fromRow(row, schedule), source: 'pick', indicatorId: row.indicator.id, newIndicator: NEW_INDICATOR } : { ...NEW_ROW, source: 'pick', newIndicator: NEW_INDICATOR },
  );

  const inPlan = useMemo(() => new Set(plan.indicators.map((r) => r.indicator.id)), [plan.indicators]);
  const choices = (catalogue.data?.indicators ?? []).filter((i) => !inPlan.has(i.id));

  async function submit(v: Values) {
    try {
      let indicatorId = row?.indicator.id ?? v.indicatorId;
      let name = row?.indicator.name ?? choices.find((i) => i.id === v.indicatorId)?.name ?? '';
      if (!row && v.source === 'create') {
        const { data } = await createIndicator({ variables: { input: toIndicatorInput(v.newIndicator, ownerId) } });
        if (!data) return;
        // Created: from here on it is a catalogue indicator, so a failed row below is retried from the list.
        indicatorId = data.createIndicator.id;
        name = data.createIndicator.name;
        form.setFieldsValue({ source: 'pick', indicatorId });
      }
      const input = toRowInput(plan.id, indicatorId!, v);
      const { data } = row ? await updateRow({ variables: { input } }) : await addRow({ variables: { input } });
      if (!data) return;
      message.success(t(row ? 'rows.saved' : 'rows.added', { name }));
      onClose();
    } catch {
      // the error link has shown why; the form keeps what was typed
    }
  }

  return (
    <Modal
      open
      width={900}
      title={row ? t('rows.editTitle', { name: row.indicator.name }) : t('rows.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={creating.loading || adding.loading || updating.loading}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values> name="planRow" form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={initial}>
        {!row && (
          <>
            <Form.Item label={t('rows.source')} name="source" hidden={!mayCreate}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'pick', label: t('rows.source.pick') },
                  { value: 'create', label: t('rows.source.create') },
                ]}
              />
            </Form.Item>
            {source === 'create' ? (
              <IndicatorFields form={form} prefix={['newIndicator']} inline />
            ) : (
              <Form.Item label={t('rows.indicator')} name="indicatorId" rules={[{ required: true, message: t('rows.indicatorRequired') }]}>
                <Select
                  loading={catalogue.loading}
                  showSearch={{ optionFilterProp: 'label' }}
                  popupMatchSelectWidth={false}
                  options={choices.map((i) => ({ value: i.id, label: `${i.code} — ${i.name}` }))}
                />
              </Form.Item>
            )}
            <Divider style={{ margin: '8px 0 16px' }} />
          </>
        )}
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item label={t('rows.section')} name="section">
              <Select<string | null>
                options={[{ value: null, label: t('rows.noSection') }, ...plan.headings.map((h) => ({ value: h.position, label: `${h.position} ${h.text}`, title: h.text }))]}
                popupMatchSelectWidth={false}
                popupRender={(menu) => <div style={{ maxWidth: 720 }}>{menu}</div>}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('rows.position')} name="position">
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('rows.scope')} name="scope">
          <Radio.Group options={(['SUBTREE', 'OWN'] as const).map((s) => ({ value: s, label: t(`scope.${s}`), title: t(`scope.help.${s}`) }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={t('rows.frequency')} name="frequency">
              <Select<string | null>
                aria-label={t('rows.frequency')}
                options={[{ value: null, label: t('frequency.none') }, ...FREQUENCIES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('rows.dueDay')} name="dueDay" extra={t('rows.dueDayHelp')}>
              <InputNumber aria-label={t('rows.dueDay')} min={0} max={MAX_DUE_DAY} precision={0} placeholder="5" style={{ width: 140 }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('rows.floors')}>
          <Form.List name="floors">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f, i) => (
                  <Flex key={f.key} gap={8} align="start">
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: t('rows.floorRequired') }]} style={{ margin: 0, width: 260 }}>
                      <Select
                        aria-label={t('rows.floorKindOf', { n: i + 1 })}
                        // A dozen kinds: typed ("xã") rather than scrolled to; the kind that starts with it first (Xã before Thị xã).
                        showSearch={{ optionFilterProp: 'label', filterSort: (a, b, { searchValue }) => startsFirst(a.label, b.label, searchValue) }}
                        options={UNIT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'value']} rules={[{ required: true, message: t('rows.floorRequired') }]} style={{ margin: 0 }}>
                      <InputNumber aria-label={t('rows.floorValueOf', { n: i + 1 })} decimalSeparator="," style={{ width: 140 }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('rows.removeFloorOf', { n: i + 1 })} onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'start' }}>
                  {t('rows.addFloor')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={t('rows.lead')} name="lead" extra={t('rows.responsibleHelp')}>
              <ResponsiblePicker at={at} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('rows.coordinating')} name="coordinating">
              <ResponsiblePicker at={at} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={t('rows.legalBasis')} name="legalBasis">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('rows.note')} name="note">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('rows.factLabels')} name="factLabels" extra={t('rows.factLabelsHelp')}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
