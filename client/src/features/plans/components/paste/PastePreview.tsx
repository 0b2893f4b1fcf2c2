import { Table, Typography } from 'antd';
import { readPasteCell, type PasteLine, type PasteRole } from '@chitieu/domain';
import { useI18n } from '../../../../app/i18n';
import { IssueList, type RowIssue } from '../issues';
import type { MatrixIndicator, MatrixTarget, MatrixUnit } from '../matrix.types';

const CHANGED = { background: '#fff1b8', padding: '0 4px', borderRadius: 2 };

/**
 * What the paste changes, line by line as pasted: the unit it matched (and the text pasted when
 * it differs), per mapped column the current value → the new one (changes highlighted), and why
 * a line is not written or what the check found.
 */
export function PastePreview({
  lines,
  roles,
  indicators,
  targets,
  issuesOf,
}: {
  lines: readonly PasteLine<MatrixUnit>[];
  roles: readonly PasteRole[];
  indicators: readonly MatrixIndicator[];
  targets: readonly MatrixTarget[];
  issuesOf(line: PasteLine<MatrixUnit>): RowIssue[];
}) {
  const { t, locale, value: fmt } = useI18n();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const stored = new Map(targets.map((tg) => [`${tg.indicator.id}|${tg.unit.id}`, tg]));
  const mapped = roles.flatMap((role, column) => (role.kind === 'skip' || !byId.has(role.indicatorId) ? [] : [{ role, column, indicator: byId.get(role.indicatorId)! }]));

  return (
    <Table<PasteLine<MatrixUnit>>
      rowKey="line"
      size="small"
      pagination={false}
      scroll={{ y: 360, x: 360 + mapped.length * 150 }}
      dataSource={lines.filter((l) => !l.heading)}
      rowClassName={(l) => (l.errors.length ? 'paste-line-error' : '')}
      columns={[
        { title: t('paste.line'), key: 'line', width: 64, render: (_, l) => l.line },
        {
          title: t('paste.unit'),
          key: 'unit',
          width: 240,
          render: (_, l) => (
            <>
              {l.unit ? <Typography.Text strong>{l.unit.name}</Typography.Text> : '—'}
              {l.pasted && l.pasted !== l.unit?.name && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('paste.pastedAs', { text: l.pasted })}
                  </Typography.Text>
                </div>
              )}
            </>
          ),
        },
        ...mapped.map(({ role, column, indicator }) => ({
          title: `${indicator.position ?? indicator.code} — ${t(role.kind === 'target' ? 'paste.target' : 'paste.baseline')}`,
          key: `c${column}`,
          width: 150,
          render: (_: unknown, l: PasteLine<MatrixUnit>) => {
            const now = l.unit ? stored.get(`${indicator.id}|${l.unit.id}`) : undefined;
            const current = role.kind === 'target' ? now?.value : now?.baseline;
            const cell = readPasteCell(l.cells[column], locale);
            const shownNow = fmt(current, indicator.unitOfMeasure);
            if (cell.kind === 'empty' || (cell.kind === 'noDossier' && role.kind === 'target')) return <Typography.Text type="secondary">{shownNow}</Typography.Text>;
            if (cell.kind === 'text') return <Typography.Text type="danger">{cell.text}</Typography.Text>;
            const next = cell.kind === 'number' ? cell.value : null;
            const changed = !!l.unit && !l.errors.length && next !== (current ?? null);
            const shownNext = next === null ? t('paste.noValue') : fmt(next, indicator.unitOfMeasure);
            return (
              <span data-changed={changed || undefined}>
                <Typography.Text type="secondary">{shownNow}</Typography.Text> →{' '}
                <Typography.Text strong={changed} style={changed ? CHANGED : undefined}>
                  {shownNext}
                </Typography.Text>
              </span>
            );
          },
        })),
        { title: t('paste.issues'), key: 'issues', render: (_, l) => <IssueList issues={issuesOf(l)} /> },
      ]}
    />
  );
}
