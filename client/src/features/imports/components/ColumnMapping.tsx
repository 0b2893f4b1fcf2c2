import { Select, Table, Typography } from 'antd';
import { FIGURE_ROLES } from '@chitieu/domain';
import { useI18n, type MessageKey } from '../../../app/i18n';
import { PHONE_TABLE, usePhone } from '../../../app/components/usePhone';
import type { ImportColumn, ImportColumnRole, ImportColumns, ImportKind } from '../imports.api';

/** The roles a kind of import reads, in the order the Select lists them. */
const KIND_ROLES: Record<ImportKind, { unit: ImportColumnRole[]; figures: ImportColumnRole[] }> = {
  targets: { unit: ['code', 'name'], figures: ['target', 'baseline'] },
  baselines: { unit: ['code', 'name'], figures: ['baseline'] },
  results: { unit: ['code', 'name', 'period'], figures: ['numerator', 'denominator', 'value'] },
};

/** A column's choice as the Select holds it: "name", "ignore", or "target:<indicatorId>". */
export const choiceOf = (c: Pick<ImportColumn, 'role' | 'indicatorId'>): string | undefined =>
  FIGURE_ROLES.includes(c.role) ? (c.indicatorId ? `${c.role}:${c.indicatorId}` : undefined) : c.role;

export function fromChoice(choice: string): Pick<ImportColumn, 'role' | 'indicatorId'> {
  const [role, indicatorId] = choice.split(':');
  return { role: role as ImportColumnRole, indicatorId: indicatorId || null };
}

/** A figure column whose indicator is not known yet: the user must choose before the check. */
export const undecided = (columns: readonly ImportColumn[]) => columns.filter((c) => choiceOf(c) === undefined);

/**
 * The mapping step: each column of the file with its header, a few of its values and what it
 * holds — detected by the server, changeable here ("Chỉ tiêu — <chỉ tiêu>", "Bỏ qua", …).
 */
export function ColumnMapping({
  kind,
  found,
  columns,
  onChange,
}: {
  kind: ImportKind;
  found: ImportColumns;
  /** The columns as chosen so far (found.columns at first). */
  columns: ImportColumn[];
  onChange: (columns: ImportColumn[]) => void;
}) {
  const { t } = useI18n();
  const phone = usePhone();
  const roles = KIND_ROLES[kind];
  const options = [
    ...roles.unit.map((r) => ({ value: r, label: t(`import.role.${r}` as MessageKey) })),
    ...found.indicators.flatMap((i) => roles.figures.map((r) => ({ value: `${r}:${i.id}`, label: `${t(`import.role.${r}` as MessageKey)} — ${i.name}` }))),
    { value: 'fact', label: t('import.role.fact') },
    { value: 'ignore', label: t('import.role.ignore') },
  ];
  const change = (index: number, choice: string) => onChange(columns.map((c) => (c.index === index ? { ...c, ...fromChoice(choice) } : c)));
  return (
    <Table<ImportColumn>
      size="small"
      rowKey="index"
      dataSource={columns}
      pagination={false}
      // On a phone as wide as a small laptop's, its text wrapped as there: it scrolls inside its card, not the page.
      scroll={{ x: phone ? PHONE_TABLE : true }}
      data-testid="column-mapping"
      columns={[
        { title: t('import.map.column'), dataIndex: 'label', render: (label: string, c) => label || <Typography.Text type="secondary">#{c.index + 1}</Typography.Text> },
        { title: t('import.map.samples'), render: (_, c) => <Typography.Text type="secondary">{c.samples.join(' · ') || '—'}</Typography.Text> },
        {
          title: t('import.map.role'),
          width: 420,
          render: (_, c) => (
            <Select
              style={{ width: 400 }}
              value={choiceOf(c)}
              status={choiceOf(c) === undefined ? 'error' : undefined}
              placeholder={t('import.map.chooseIndicator')}
              onChange={(v: string) => change(c.index, v)}
              options={options}
              popupMatchSelectWidth={false}
              aria-label={t('import.map.roleOf', { column: c.label || `#${c.index + 1}` })}
            />
          ),
        },
      ]}
    />
  );
}
