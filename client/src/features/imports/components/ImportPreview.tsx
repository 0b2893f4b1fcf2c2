import { useMemo, useState } from 'react';
import { Alert, Checkbox, Flex, Space, Table, Tag, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { PHONE_TABLE, usePhone } from '../../../app/components/usePhone';
import { problemsFirst, type ImportOutcome, type ImportRow, type ImportStatus } from '../imports.api';
import { ONCE_PER_WRITE, perRow } from '../../plans/components/issues';

const STATUS_COLOR: Record<ImportStatus, string> = {
  created: 'green',
  updated: 'blue',
  unchanged: 'default',
  skipped: 'orange',
  invalid: 'red',
};

const SUMMARY_KEYS = ['rows', 'matched', 'errors', 'warnings', 'created', 'updated', 'unchanged', 'skipped'] as const;

/** What a check (or a commit) found: the counts, then every line, those with issues first, each issue with its message. */
export function ImportPreview({ answer, unitOfMeasure }: { answer: ImportOutcome; unitOfMeasure?: string | null }) {
  const { t, num, value } = useI18n();
  const phone = usePhone();
  const [onlyProblems, setOnlyProblems] = useState(false);
  const { rows, once } = useMemo(() => {
    const once = answer.rows.flatMap((r) => r.issues).find((i) => ONCE_PER_WRITE.has(i.code));
    const own = answer.rows.map((r) => ({ ...r, issues: perRow(r.issues) }));
    const sorted = problemsFirst(own);
    return { rows: onlyProblems ? sorted.filter((r) => r.issues.length) : sorted, once };
  }, [answer.rows, onlyProblems]);

  const figures = (r: ImportRow) => {
    const v = r.values;
    const parts: string[] = [];
    if (v.target !== undefined) parts.push(`${t('import.value.target')} ${value(v.target, unitOfMeasure)}`);
    if (v.baseline !== undefined) parts.push(`${t('import.value.baseline')} ${v.baseline === null ? t('import.value.noDossier') : value(v.baseline, unitOfMeasure)}`);
    if (v.denominator === 0 && v.numerator === 0) parts.push(t('import.value.noDossier'));
    else {
      if (v.numerator !== undefined) parts.push(`${t('import.value.numerator')} = ${num(v.numerator)}`);
      if (v.denominator !== undefined) parts.push(`${t('import.value.denominator')} = ${num(v.denominator)}`);
    }
    if (v.value !== undefined) parts.push(`${t('import.value.value')} ${value(v.value, unitOfMeasure)}`);
    return parts.join(' · ') || '—';
  };

  const s = answer.summary;
  return (
    <Flex vertical gap={12}>
      <Space wrap size={[16, 8]} data-testid="import-summary">
        {SUMMARY_KEYS.map((k) => (
          <Typography.Text key={k}>
            {t(`import.summary.${k}` as MessageKey)}: <strong>{s[k]}</strong>
          </Typography.Text>
        ))}
      </Space>
      {s.dryRun ? (
        <Alert type="info" showIcon title={t('import.dryRunNote')} />
      ) : s.applied ? (
        <Alert type="success" showIcon title={t('import.applied', { created: s.created, updated: s.updated, unchanged: s.unchanged })} />
      ) : (
        <Alert type="error" showIcon title={t('import.notApplied')} />
      )}
      {once && <Alert type="warning" showIcon title={`${t('import.warning')}: ${once.message}`} data-code={once.code} />}
      {answer.issues.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('import.fileIssues')}
          description={answer.issues.map((i) => (
            <div key={i.message}>{i.message}</div>
          ))}
        />
      )}
      <Checkbox checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)}>
        {t('import.onlyProblems')}
      </Checkbox>
      <Table<ImportRow>
        size="small"
        rowKey="line"
        dataSource={rows}
        pagination={rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        // On a phone as wide as a small laptop's, its text wrapped as there: it scrolls inside its card, not the page.
        scroll={{ x: phone ? PHONE_TABLE : true }}
        columns={[
          { title: t('import.col.line'), dataIndex: 'line', width: 70 },
          { title: t('import.col.name'), render: (_, r) => r.name || r.code },
          {
            title: t('import.col.unit'),
            render: (_, r) => (r.unit ? `${r.unit.name}${r.unit.code ? ` (${r.unit.code})` : ''}` : <Typography.Text type="secondary">{t('import.noUnit')}</Typography.Text>),
          },
          { title: t('import.col.values'), render: (_, r) => figures(r) },
          { title: t('import.col.status'), width: 110, render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`import.status.${r.status}` as MessageKey)}</Tag> },
          {
            title: t('import.col.issues'),
            render: (_, r) => (
              <Flex vertical gap={2}>
                {r.issues.map((i, k) => (
                  <Typography.Text key={k} type={i.severity === 'ERROR' ? 'danger' : 'warning'} data-code={i.code}>
                    {i.message}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
