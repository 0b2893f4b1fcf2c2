import { Tooltip } from 'antd';
import { useI18n } from '../../../../app/i18n';
import type { UnitKind } from '../../../../gql/graphql';

/** Who leads or coordinates, in the document's words; what each names (a unit, a group) on hover. */
export function ResponsibleText({ list }: { list: readonly { text: string; kinds: readonly UnitKind[]; unit?: { name: string } | null }[] }) {
  const { t } = useI18n();
  if (!list.length) return <>—</>;
  return (
    <>
      {list.map((r, i) => {
        const tip = r.unit
          ? t('responsible.unitTip', { name: r.unit.name })
          : r.kinds.length
            ? t('responsible.kindsTip', { kinds: r.kinds.map((k) => t(`kind.${k}`)).join(', ') })
            : null;
        return (
          <span key={i}>
            {i > 0 && '; '}
            {tip ? (
              <Tooltip title={tip}>
                <span style={{ textDecoration: 'underline dotted' }}>{r.text}</span>
              </Tooltip>
            ) : (
              r.text
            )}
          </span>
        );
      })}
    </>
  );
}
