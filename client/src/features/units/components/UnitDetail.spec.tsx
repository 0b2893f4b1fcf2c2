import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { UnitDetailQuery } from '../units.graphql';
import { UnitDetail } from './UnitDetail';

const link = (id: string, name: string, kind: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Unit',
  id,
  code: null,
  name,
  kind,
  level: 3,
  validFrom: null,
  validTo: null,
  parent: { __typename: 'Unit', id: '189', name: 'Huyện Krông A Na' },
  ancestors: [
    { __typename: 'Unit', id: '1' },
    { __typename: 'Unit', id: '189' },
  ],
  ...extra,
});

const buonTrap = {
  __typename: 'Unit',
  id: '190',
  code: '24538',
  name: 'Thị trấn Buôn Trấp',
  kind: 'TOWNSHIP',
  level: 3,
  validFrom: null,
  validTo: '2025-06-30',
  parent: { __typename: 'Unit', id: '189', name: 'Huyện Krông A Na' },
  ancestors: [
    { __typename: 'Unit', id: '1' },
    { __typename: 'Unit', id: '189' },
  ],
  children: [],
  predecessors: [],
  successors: [
    link('430', 'Xã Krông Ana', 'COMMUNE', {
      code: '24538',
      validFrom: '2025-07-01',
      parent: { __typename: 'Unit', id: '1', name: 'Tỉnh Đắk Lắk' },
      ancestors: [{ __typename: 'Unit', id: '1' }],
    }),
  ],
};

const krongAna = {
  __typename: 'Unit',
  id: '430',
  code: '24538',
  name: 'Xã Krông Ana',
  kind: 'COMMUNE',
  level: 3,
  validFrom: '2025-07-01',
  validTo: null,
  parent: { __typename: 'Unit', id: '1', name: 'Tỉnh Đắk Lắk' },
  ancestors: [{ __typename: 'Unit', id: '1' }],
  children: [],
  predecessors: [
    link('190', 'Thị trấn Buôn Trấp', 'TOWNSHIP', { code: '24538', validTo: '2025-06-30' }),
    link('196', 'Xã Bình Hòa', 'COMMUNE', { code: '24574', validTo: '2025-06-30' }),
  ],
  successors: [],
};

const district = {
  ...buonTrap,
  id: '189',
  code: '655',
  name: 'Huyện Krông A Na',
  kind: 'DISTRICT',
  level: 2,
  parent: { __typename: 'Unit', id: '1', name: 'Tỉnh Đắk Lắk' },
  ancestors: [{ __typename: 'Unit', id: '1' }],
  successors: [],
  children: [
    { __typename: 'Unit', id: '190', kind: 'TOWNSHIP' },
    { __typename: 'Unit', id: '191', kind: 'COMMUNE' },
    { __typename: 'Unit', id: '192', kind: 'COMMUNE' },
  ],
};

const mock = (id: string, at: string, unit: unknown) => ({ request: { query: UnitDetailQuery, variables: { id, at } }, result: { data: { unit } } });

describe('UnitDetail', () => {
  it('a unit that ended: its validity, and what it became — shown on the successor’s first day', async () => {
    const onShow = vi.fn();
    renderWithProviders(<UnitDetail unitId="190" at="2022-06-01" today="2026-11-23" onShow={onShow} />, { mocks: [mock('190', '2022-06-01', buonTrap)] });
    expect(await screen.findByRole('heading', { name: 'Thị trấn Buôn Trấp' })).toBeTruthy();
    expect(screen.getByText('Đã hết hiệu lực')).toBeTruthy();
    expect(screen.getByText('30/06/2025')).toBeTruthy();
    expect(screen.getByText('không ghi nhận (có từ trước)')).toBeTruthy();
    expect(screen.getByText('Huyện Krông A Na')).toBeTruthy();

    const formedFrom = screen.getByRole('region', { name: 'Hình thành từ' });
    expect(within(formedFrom).getByText('Không có đơn vị tiền thân được ghi nhận.')).toBeTruthy();
    const became = screen.getByRole('region', { name: 'Trở thành' });
    expect(within(became).getByText(/Xã · thuộc Tỉnh Đắk Lắk · mã 24538 · từ 01\/07\/2025/)).toBeTruthy();
    fireEvent.click(within(became).getByRole('button', { name: 'Xem Xã Krông Ana trên cây ngày 01/07/2025' }));
    expect(onShow).toHaveBeenCalledWith(expect.objectContaining({ id: '430', ancestors: [expect.objectContaining({ id: '1' })] }), '2025-07-01');
  });

  it('a unit formed in the reform: in force, formed from its predecessors — each shown on its last day', async () => {
    const onShow = vi.fn();
    renderWithProviders(<UnitDetail unitId="430" at="2026-01-01" today="2026-11-23" onShow={onShow} />, { mocks: [mock('430', '2026-01-01', krongAna)] });
    expect(await screen.findByRole('heading', { name: 'Xã Krông Ana' })).toBeTruthy();
    expect(screen.getByText('Đang hiệu lực')).toBeTruthy();
    expect(screen.getByText('01/07/2025')).toBeTruthy();
    expect(screen.getByText('không giới hạn')).toBeTruthy();
    const formedFrom = screen.getByRole('region', { name: 'Hình thành từ' });
    expect(
      within(formedFrom)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Thị trấn Buôn Trấp', 'Xã Bình Hòa']);
    expect(within(formedFrom).getAllByText(/thuộc Huyện Krông A Na · mã \d+ · đến hết 30\/06\/2025/)).toHaveLength(2);
    expect(within(screen.getByRole('region', { name: 'Trở thành' })).getByText('Chưa sắp xếp, sáp nhập vào đơn vị nào.')).toBeTruthy();
    fireEvent.click(within(formedFrom).getByRole('button', { name: 'Xem Xã Bình Hòa trên cây ngày 30/06/2025' }));
    expect(onShow).toHaveBeenCalledWith(expect.objectContaining({ id: '196' }), '2025-06-30');
  });

  it('counts the children of the day shown, by kind', async () => {
    renderWithProviders(<UnitDetail unitId="189" at="2022-06-01" today="2022-06-01" />, { mocks: [mock('189', '2022-06-01', district)] });
    expect(await screen.findByText('3: 1 Thị trấn · 2 Xã')).toBeTruthy();
    expect(screen.getByText('Đơn vị trực thuộc ngày 01/06/2022')).toBeTruthy();
    // on 2022-06-01 the district was in force
    expect(screen.getByText('Đang hiệu lực')).toBeTruthy();
  });
});
