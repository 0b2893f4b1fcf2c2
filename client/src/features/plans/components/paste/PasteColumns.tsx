import { Flex, Select, Typography } from 'antd';
import type { PasteLayout, PasteRole } from '@chitieu/domain';
import { useI18n } from '../../../../app/i18n';
import type { MatrixIndicator } from '../matrix.types';
import { indicatorLabel, roleKey, roleOf } from './roles';

/**
 * The pasted block's columns, left to right as in Excel: the unit column named, every other one
 * with a Select of its role (target or baseline of an indicator, or skip).
 */
export function PasteColumns({
  layout,
  roles,
  indicators,
  onChange,
}: {
  layout: PasteLayout;
  roles: readonly PasteRole[];
  indicators: readonly MatrixIndicator[];
  onChange(column: number, role: PasteRole): void;
}) {
  const { t } = useI18n();
  const options = [
    { value: 'skip', label: t('paste.roleSkip') },
    ...indicators.flatMap((ind) => [
      { value: roleKey({ kind: 'target', indicatorId: ind.id }), label: t('paste.roleTarget', { indicator: indicatorLabel(ind) }) },
      { value: roleKey({ kind: 'baseline', indicatorId: ind.id }), label: t('paste.roleBaseline', { indicator: indicatorLabel(ind) }) },
    ]),
  ];
  return (
    <Flex gap={8} wrap data-testid="paste-columns">
      {layout.columns.map((kind, c) => {
        const n = c + 1;
        const caption = layout.header?.[c]?.trim() || layout.lines[0]?.cells[c]?.trim() || '';
        return (
          <Flex key={c} vertical gap={2} style={{ width: 200 }}>
            <Typography.Text type="secondary" ellipsis={{ tooltip: caption }} style={{ fontSize: 12 }}>
              {t('paste.column', { n })}
              {caption ? `: ${caption}` : ''}
            </Typography.Text>
            {c === layout.unitColumn ? (
              <Typography.Text strong>{t(kind === 'unitCode' ? 'paste.columnUnitCode' : 'paste.columnUnitName')}</Typography.Text>
            ) : (
              <Select
                size="small"
                aria-label={t('paste.columnRole', { n })}
                value={roleKey(roles[c] ?? { kind: 'skip' })}
                options={options}
                popupMatchSelectWidth={false}
                onChange={(v: string) => onChange(c, roleOf(v))}
              />
            )}
          </Flex>
        );
      })}
    </Flex>
  );
}
