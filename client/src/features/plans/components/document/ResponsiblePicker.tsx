import { useMemo, useRef, useState } from 'react';
import { Select } from 'antd';
import { useApolloClient } from '@apollo/client/react';
import { translate, useI18n } from '../../../../app/i18n';
import { UnitSearchQuery } from '../../../units/units.graphql';
import { RESPONSIBLE_GROUPS, responsibleKey, type ResponsibleValue } from './responsible';

interface FoundUnit {
  id: string;
  name: string;
  parent: { name: string } | null;
}

export interface ResponsiblePickerProps {
  id?: string;
  value?: ResponsibleValue[];
  onChange?(value: ResponsibleValue[]): void;
  /** The tree the plan works on (its year's 1 January): units are searched as they stood then. */
  at: string | null;
  'aria-label'?: string;
}

/**
 * Who leads or coordinates: units found by name, the groups documents name ("Các sở, ban,
 * ngành"), or the document's own words typed and kept as written. A group is stored in the
 * document's language whatever the screen's.
 */
export function ResponsiblePicker({ id, value = [], onChange, at, 'aria-label': ariaLabel }: ResponsiblePickerProps) {
  const { t } = useI18n();
  const client = useApolloClient();
  const [found, setFound] = useState<FoundUnit[]>([]);
  const [searching, setSearching] = useState(false);
  const latest = useRef('');

  async function search(text: string) {
    latest.current = text;
    if (text.trim().length < 2) return setFound([]);
    setSearching(true);
    try {
      const { data } = await client.query({ query: UnitSearchQuery, variables: { search: text.trim(), at } });
      if (latest.current === text) setFound(data?.units ?? []);
    } catch {
      // the error link has said why; the picker still takes typed words
    } finally {
      if (latest.current === text) setSearching(false);
    }
  }

  const groups = useMemo(() => RESPONSIBLE_GROUPS.map((g) => ({ ...g, text: translate('vi', g.key), label: t(g.key) })), [t]);
  const chosen = new Map(value.map((v) => [responsibleKey(v), v]));

  const groupOptions = groups.map((g) => ({ value: responsibleKey({ text: g.text, unitId: null, kinds: g.kinds }), label: g.label })).filter((o) => !chosen.has(o.value));
  const unitOptions = found.map((u) => ({ value: `unit:${u.id}`, label: u.name, title: u.parent ? `${u.name} — ${u.parent.name}` : u.name })).filter((o) => !chosen.has(o.value));
  const options = [
    ...value.map((v) => ({ value: responsibleKey(v), label: v.text })),
    ...(groupOptions.length ? [{ label: t('responsible.groups'), title: t('responsible.groups'), options: groupOptions }] : []),
    ...(unitOptions.length ? [{ label: t('responsible.units'), title: t('responsible.units'), options: unitOptions }] : []),
  ];

  function change(keys: string[]) {
    const next: ResponsibleValue[] = [];
    for (const raw of keys) {
      const key = raw.trim();
      if (!key) continue;
      const known = chosen.get(key);
      const unit = key.startsWith('unit:') ? found.find((u) => `unit:${u.id}` === key) : undefined;
      const group = groups.find((g) => responsibleKey({ text: g.text, unitId: null, kinds: g.kinds }) === key);
      if (known) next.push(known);
      else if (unit) next.push({ text: unit.name, unitId: unit.id, kinds: [] });
      else if (group) next.push({ text: group.text, unitId: null, kinds: group.kinds });
      else next.push({ text: key, unitId: null, kinds: [] });
    }
    setFound([]);
    onChange?.(next);
  }

  return (
    <Select<string[]>
      id={id}
      aria-label={ariaLabel}
      mode="tags"
      value={value.map(responsibleKey)}
      options={options}
      onSearch={(text) => void search(text)}
      onChange={change}
      filterOption={false}
      loading={searching}
      tokenSeparators={[';']}
      style={{ width: '100%' }}
    />
  );
}
