import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../../test/render';
import { UnitSearchQuery } from '../../../units/units.graphql';
import { ResponsiblePicker } from './ResponsiblePicker';
import type { ResponsibleValue } from './responsible';

const AT = '2030-01-01';
const place = (id: string, name: string, kind: string) => ({
  __typename: 'Unit',
  id,
  code: `66.${id}`,
  name,
  kind,
  level: 2,
  parent: { __typename: 'Unit', id: '66', name: 'Tỉnh Đắk Lắk' },
  ancestors: [{ __typename: 'Unit', id: '66' }],
});
const search = (text: string, units: ReturnType<typeof place>[]) => ({
  request: { query: UnitSearchQuery, variables: { search: text, at: AT } },
  result: { data: { units } },
});

function Harness({ seen }: { seen: ResponsibleValue[][] }) {
  const [value, setValue] = useState<ResponsibleValue[]>([]);
  return (
    <ResponsiblePicker
      aria-label="Chủ trì"
      at={AT}
      value={value}
      onChange={(v) => {
        seen.push(v);
        setValue(v);
      }}
    />
  );
}

const input = () => screen.getByLabelText('Chủ trì');
const option = (text: string) =>
  waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((o) => o.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found as HTMLElement;
  });

describe('ResponsiblePicker', () => {
  it('keeps a unit found by name, a group by its kinds (in the document language) and typed words as written', async () => {
    const seen: ResponsibleValue[][] = [];
    renderWithProviders(<Harness seen={seen} />, { mocks: [search('Thông tin', [place('14', 'Sở Thông tin và Truyền thông', 'PROVINCIAL_AGENCY')])], locale: 'en' });

    fireEvent.mouseDown(input());
    fireEvent.change(input(), { target: { value: 'Thông tin' } });
    fireEvent.click(await option('Sở Thông tin và Truyền thông'));
    await waitFor(() => expect(seen.at(-1)).toEqual([{ text: 'Sở Thông tin và Truyền thông', unitId: '14', kinds: [] }]));

    // The screen is in English; the document keeps the Vietnamese words of the group.
    fireEvent.mouseDown(input());
    fireEvent.click(await option("Districts', towns' and cities' people's committees"));
    await waitFor(() => expect(seen.at(-1)?.[1]).toEqual({ text: 'UBND các huyện, thị xã, thành phố', unitId: null, kinds: ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY'] }));

    fireEvent.change(input(), { target: { value: 'Công an tỉnh' } });
    fireEvent.keyDown(input(), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(seen.at(-1)?.[2]).toEqual({ text: 'Công an tỉnh', unitId: null, kinds: [] }));
    expect(seen.at(-1)).toHaveLength(3);
    // What is chosen shows as the document's words.
    expect(screen.getAllByText('Sở Thông tin và Truyền thông').length).toBeGreaterThan(0);
    expect(screen.getAllByText('UBND các huyện, thị xã, thành phố').length).toBeGreaterThan(0);
  });
});
