import { useCallback, useEffect, useState } from 'react';
import { TreeSelect } from 'antd';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { isAgency, isCommuneLevel } from '@chitieu/domain';
import type { UnitChildrenQuery as UnitsResult } from '../../../gql/graphql';
import { UnitChildrenQuery } from '../../units/units.graphql';

type UnitRow = UnitsResult['units'][number];
interface Option {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const option = (u: UnitRow, parentId: string | null): Option => ({
  id: u.id,
  pId: parentId,
  value: u.id,
  title: `${u.name}${u.code ? ` (${u.code})` : ''}`,
  isLeaf: isCommuneLevel(u.kind) || isAgency(u.kind),
});

export interface UnitPickerProps {
  id?: string;
  value?: string | null;
  onChange?(unitId: string | null): void;
  placeholder?: string;
  allowClear?: boolean;
  'aria-label'?: string;
  style?: React.CSSProperties;
}

/**
 * A unit from the caller's subtree, as the tree stands today: its own unit (or, for a system
 * administrator, the provinces) at the top, children loaded as branches open.
 */
export function UnitPicker({ id, value, onChange, placeholder, allowClear, style, 'aria-label': ariaLabel }: UnitPickerProps) {
  const client = useApolloClient();
  const roots = useQuery(UnitChildrenQuery, { variables: { parentId: null, at: null } });
  const [options, setOptions] = useState<Option[]>([]);

  useEffect(() => {
    if (roots.data) setOptions((prev) => [...roots.data.units.map((u) => option(u, null)), ...prev.filter((o) => o.pId !== null)]);
  }, [roots.data]);

  const load = useCallback(
    async (parentId: string) => {
      const { data } = await client.query({ query: UnitChildrenQuery, variables: { parentId, at: null } });
      setOptions((prev) => {
        const known = new Set(prev.map((o) => o.id));
        return [...prev, ...(data?.units ?? []).filter((u) => !known.has(u.id)).map((u) => option(u, parentId))];
      });
    },
    [client],
  );

  return (
    <TreeSelect<string>
      id={id}
      aria-label={ariaLabel}
      style={style ?? { width: '100%' }}
      treeDataSimpleMode
      treeData={options}
      loadData={(node) => load(String(node.value))}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={placeholder}
      allowClear={allowClear}
      loading={roots.loading}
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
    />
  );
}
