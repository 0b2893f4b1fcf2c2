import { Col, Form, Input, Row, Select } from 'antd';
import { useI18n } from '../../../../app/i18n';
import type { DocumentKind } from '../../../../gql/graphql';

const DOCUMENT_KINDS: readonly DocumentKind[] = ['DECISION', 'PLAN'];

/** Title, kind, number, date and legal basis: the head of a plan's document, in the new-plan form and the document form alike. */
export function DocumentHeadFields({ legalBasisRows = 6 }: { legalBasisRows?: number }) {
  const { t } = useI18n();
  return (
    <>
      <Form.Item label={t('doc.title')} name="title" rules={[{ required: true, whitespace: true, message: t('doc.titleRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label={t('doc.kind')} name="documentKind">
            <Select allowClear options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`docKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('doc.number')} name="documentNumber">
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label={t('doc.date')} name="documentDate">
            <Input type="date" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('doc.legalBasis')} name="legalBasis" extra={t('doc.legalBasisHelp')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: legalBasisRows }} />
      </Form.Item>
    </>
  );
}
