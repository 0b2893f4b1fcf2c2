import { useState } from 'react';
import { Button, Descriptions, Empty, Flex, List, Typography } from 'antd';
import { EditOutlined, OrderedListOutlined } from '@ant-design/icons';
import { useI18n } from '../../../../app/i18n';
import type { PlanDocumentFragment } from '../../../../gql/graphql';
import { DocumentFormModal } from './DocumentFormModal';
import { HeadingsModal } from './HeadingsModal';

/** Lines as written (legal basis, signer block). */
function Lines({ text }: { text: string | null }) {
  const { t } = useI18n();
  if (!text) return <>{t('common.none')}</>;
  return <span style={{ whiteSpace: 'pre-line' }}>{text}</span>;
}

/** The plan as a document: its fields and its headings, editable in a draft by who writes it. */
export function DocumentPanel({ plan, editable }: { plan: PlanDocumentFragment; editable: boolean }) {
  const { t, date } = useI18n();
  const [editing, setEditing] = useState<'fields' | 'headings' | null>(null);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('doc.tab')}
        </Typography.Title>
        {editable && (
          <Button icon={<EditOutlined />} onClick={() => setEditing('fields')}>
            {t('doc.edit')}
          </Button>
        )}
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'title', label: t('doc.title'), children: plan.title, span: 2 },
          { key: 'kind', label: t('doc.kind'), children: plan.documentKind ? t(`docKind.${plan.documentKind}`) : t('common.none') },
          { key: 'number', label: t('doc.number'), children: plan.documentNumber ?? t('common.none') },
          { key: 'date', label: t('doc.date'), children: date(plan.documentDate) },
          { key: 'deadline', label: t('doc.deadline'), children: plan.subAssignmentDeadline ? date(plan.subAssignmentDeadline) : t('home.noDeadline') },
          { key: 'basis', label: t('doc.legalBasis'), children: <Lines text={plan.legalBasis} />, span: 2 },
          { key: 'signer', label: t('doc.signer'), children: <Lines text={plan.signer} /> },
          {
            key: 'recipients',
            label: t('doc.recipients'),
            children: plan.recipients.length ? (
              <ul aria-label={t('doc.recipients')} style={{ margin: 0, paddingInlineStart: 18 }}>
                {plan.recipients.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            ) : (
              t('common.none')
            ),
          },
        ]}
      />
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('headings.title')}
        </Typography.Title>
        {editable && (
          <Button icon={<OrderedListOutlined />} onClick={() => setEditing('headings')}>
            {t('headings.edit')}
          </Button>
        )}
      </Flex>
      {plan.headings.length ? (
        <List
          size="small"
          bordered
          aria-label={t('headings.title')}
          dataSource={plan.headings}
          renderItem={(h) => (
            <List.Item>
              <Typography.Text>
                <Typography.Text strong>{h.position}</Typography.Text> <span>{h.text}</span>
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('headings.empty')} />
      )}
      {editable && (
        <>
          {editing === 'fields' && <DocumentFormModal plan={plan} onClose={() => setEditing(null)} />}
          {editing === 'headings' && <HeadingsModal plan={plan} onClose={() => setEditing(null)} />}
        </>
      )}
    </Flex>
  );
}
