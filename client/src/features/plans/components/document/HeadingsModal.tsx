import { useState } from 'react';
import { Alert, App, Button, Flex, Input, Modal, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useI18n } from '../../../../app/i18n';
import type { PlanDocumentFragment } from '../../../../gql/graphql';
import { SetPlanHeadingsMutation } from '../../plans.graphql';

interface Heading {
  key: number;
  position: string;
  text: string;
}

let nextKey = 1;
const withKey = (h: { position: string; text: string }): Heading => ({ key: nextKey++, position: h.position, text: h.text });

/** What is wrong with the headings as typed, if anything: a blank, or a position used twice. */
export function headingsProblem(headings: readonly { position: string; text: string }[]): { key: 'headings.required' } | { key: 'headings.duplicate'; position: string } | null {
  if (headings.some((h) => !h.position.trim() || !h.text.trim())) return { key: 'headings.required' };
  const seen = new Set<string>();
  for (const h of headings) {
    const p = h.position.trim();
    if (seen.has(p)) return { key: 'headings.duplicate', position: p };
    seen.add(p);
  }
  return null;
}

/** The plan's headings: position as written and text of any length; added, removed, moved, saved together. */
export function HeadingsModal({ plan, onClose }: { plan: PlanDocumentFragment; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // The headings when the editor opens; a later answer about the plan does not undo what is being typed.
  const [rows, setRows] = useState<Heading[]>(() => plan.headings.map(withKey));
  const [problem, setProblem] = useState<string | null>(null);
  const [setHeadings, { loading }] = useMutation(SetPlanHeadingsMutation);

  const change = (key: number, patch: Partial<Heading>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) =>
    setRows((rs) => {
      const next = [...rs];
      [next[i], next[i + by]] = [next[i + by], next[i]];
      return next;
    });

  async function save() {
    const found = headingsProblem(rows);
    if (found) return setProblem(found.key === 'headings.duplicate' ? t(found.key, { position: found.position }) : t(found.key));
    setProblem(null);
    const headings = rows.map((r) => ({ position: r.position.trim(), text: r.text.trim() }));
    const { data } = await setHeadings({ variables: { planId: plan.id, headings } }).catch(() => ({ data: undefined }));
    if (!data) return;
    message.success(t('headings.saved', { count: headings.length }));
    onClose();
  }

  return (
    <Modal
      open
      width={860}
      title={t('headings.edit')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={loading}
      onOk={() => void save()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('headings.help')}</Typography.Paragraph>
      <Flex vertical gap={8}>
        {rows.map((r, i) => (
          <Flex key={r.key} gap={8} align="start">
            <Input aria-label={t('headings.positionOf', { n: i + 1 })} value={r.position} onChange={(e) => change(r.key, { position: e.target.value })} style={{ width: 80 }} />
            <Input.TextArea
              aria-label={t('headings.textOf', { n: i + 1 })}
              value={r.text}
              onChange={(e) => change(r.key, { text: e.target.value })}
              autoSize={{ minRows: 1, maxRows: 6 }}
              style={{ flex: 1 }}
            />
            <Button icon={<ArrowUpOutlined />} aria-label={t('headings.upOf', { n: i + 1 })} disabled={i === 0} onClick={() => move(i, -1)} />
            <Button icon={<ArrowDownOutlined />} aria-label={t('headings.downOf', { n: i + 1 })} disabled={i === rows.length - 1} onClick={() => move(i, 1)} />
            <Button icon={<DeleteOutlined />} aria-label={t('headings.removeOf', { n: i + 1 })} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} />
          </Flex>
        ))}
        <Button icon={<PlusOutlined />} style={{ alignSelf: 'start' }} onClick={() => setRows((rs) => [...rs, withKey({ position: '', text: '' })])}>
          {t('headings.add')}
        </Button>
        {problem && <Alert type="error" showIcon title={problem} />}
      </Flex>
    </Modal>
  );
}
