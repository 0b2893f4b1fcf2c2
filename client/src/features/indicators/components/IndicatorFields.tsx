import { Button, Col, Flex, Form, Input, InputNumber, Radio, Row, Select, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { ACCUMULATIONS, COMPARATORS, MEASURES } from '../indicator-values';

/**
 * The fields of an indicator, for the catalogue's form and for one created inline in a plan.
 * `prefix` nests them in a larger form (["newIndicator"]); `inline` leaves out the legal basis and
 * notes (a plan's row has its own; the catalogue page edits the indicator's).
 */
export function IndicatorFields({ form, prefix = [], inline = false }: { form: FormInstance; prefix?: string[]; inline?: boolean }) {
  const { t } = useI18n();
  const name = (n: string) => [...prefix, n];
  const measure = Form.useWatch(name('measure'), form);

  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item
            label={t('indicators.form.code')}
            name={name('code')}
            extra={t('indicators.form.codeHelp')}
            rules={[{ required: true, whitespace: true, message: t('indicators.form.codeRequired') }]}
          >
            <Input spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item label={t('indicators.form.name')} name={name('name')} rules={[{ required: true, whitespace: true, message: t('indicators.form.nameRequired') }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('indicators.form.measure')} name={name('measure')}>
        <Radio.Group options={MEASURES.map((m) => ({ value: m, label: t(`measure.${m}`), title: t(`measure.help.${m}`) }))} optionType="button" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('indicators.form.comparator')} name={name('comparator')}>
            <Select options={COMPARATORS.map((c) => ({ value: c, label: `${t(`comparator.symbol.${c}`)} ${t(`comparator.${c}`)}` }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('indicators.form.unitOfMeasure')} name={name('unitOfMeasure')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('indicators.form.hardMinimum')} name={name('hardMinimum')} tooltip={t('indicators.form.hardMinimumHelp')}>
            <InputNumber style={{ width: '100%' }} decimalSeparator="," />
          </Form.Item>
        </Col>
      </Row>
      {measure === 'RATE' && (
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label={t('indicators.form.numeratorLabel')} name={name('numeratorLabel')}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('indicators.form.denominatorLabel')} name={name('denominatorLabel')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item label={t('indicators.form.accumulation')} name={name('accumulation')}>
        <Radio.Group options={ACCUMULATIONS.map((a) => ({ value: a, label: t(`accumulation.help.${a}`) }))} />
      </Form.Item>
      {measure === 'SCORE' && <ScoreSteps prefix={prefix} />}
      {!inline && (
        <>
          <Form.Item label={t('indicators.form.legalBasis')} name={name('legalBasis')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
          <Form.Item label={t('indicators.form.notes')} name={name('notes')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </>
      )}
    </>
  );
}

/** The SCORE steps: "when" → score, added, removed, kept in the order written. */
function ScoreSteps({ prefix }: { prefix: string[] }) {
  const { t } = useI18n();
  return (
    <Form.Item label={t('indicators.form.scoring')} extra={t('indicators.form.scoringHelp')}>
      <Form.List name={[...prefix, 'scoring']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={8} align="start">
                <Form.Item name={[f.name, 'when']} rules={[{ required: true, whitespace: true, message: t('indicators.form.stepRequired') }]} style={{ flex: 1, margin: 0 }}>
                  <Input aria-label={t('indicators.form.whenOf', { n: i + 1 })} />
                </Form.Item>
                <Form.Item name={[f.name, 'score']} rules={[{ required: true, message: t('indicators.form.stepRequired') }]} style={{ margin: 0 }}>
                  <InputNumber aria-label={t('indicators.form.scoreOf', { n: i + 1 })} min={0} max={100} style={{ width: 100 }} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} aria-label={t('indicators.form.removeStepOf', { n: i + 1 })} onClick={() => remove(f.name)} />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ when: '', score: 100 })} style={{ alignSelf: 'start' }}>
              {t('indicators.form.addStep')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}
