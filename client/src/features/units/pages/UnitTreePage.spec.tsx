import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { PROVINCE_ADMIN, renderWithProviders } from '../../../test/render';
import { UnitChildrenQuery } from '../units.graphql';
import { todayIso } from '../dates';
import { UnitTreePage } from './UnitTreePage';

const unit = (id: string, code: string, name: string, kind: string, level: number) => ({ __typename: 'Unit', id, code, name, kind, level });
const province = unit('1', '66', 'Tỉnh Đắk Lắk', 'PROVINCE', 1);

function children(parentId: string | null, at: string, units: unknown[]) {
  const result = vi.fn(() => ({ data: { units } }));
  return { mock: { request: { query: UnitChildrenQuery, variables: { parentId, at } }, result, maxUsageCount: 5 }, result };
}

describe('UnitTreePage', () => {
  it('shows the tree of a chosen day: roots and opened branches are read as they stood then', async () => {
    const today = children(null, todayIso(), [province]);
    const then = children(null, '2022-06-01', [province]);
    const districts2022 = children('1', '2022-06-01', [unit('189', '655', 'Huyện Krông A Na', 'DISTRICT', 2), unit('2', '66.SNV', 'Sở Nội vụ', 'PROVINCIAL_AGENCY', 1)]);
    renderWithProviders(<UnitTreePage />, { user: PROVINCE_ADMIN, mocks: [today.mock, then.mock, districts2022.mock] });

    expect(await screen.findByText('Tỉnh Đắk Lắk (66)')).toBeTruthy();
    const day = screen.getByLabelText('Cây đơn vị tại ngày') as HTMLInputElement;
    expect(day.value).toBe(todayIso());
    expect(screen.queryByText(/không phải hôm nay/)).toBeNull();
    expect((screen.getByText('Hôm nay').closest('button') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(day, { target: { value: '2022-06-01' } });
    expect(await screen.findByText('Đang xem cây đơn vị như tại ngày 01/06/2022, không phải hôm nay.')).toBeTruthy();
    await waitFor(() => expect(then.result).toHaveBeenCalled());
    expect(await screen.findByText('Tỉnh Đắk Lắk (66)')).toBeTruthy();

    // Opening the province reads its children on that day.
    fireEvent.click(document.querySelector('.ant-tree-switcher') as HTMLElement);
    expect(await screen.findByText('Huyện Krông A Na (655)')).toBeTruthy();
    expect(districts2022.result).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByText('Hôm nay'));
    await waitFor(() => expect(screen.queryByText(/không phải hôm nay/)).toBeNull());
    expect(day.value).toBe(todayIso());
  });

  it('ignores a half-typed date', async () => {
    const today = children(null, todayIso(), [province]);
    renderWithProviders(<UnitTreePage />, { user: PROVINCE_ADMIN, mocks: [today.mock] });
    expect(await screen.findByText('Tỉnh Đắk Lắk (66)')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Cây đơn vị tại ngày'), { target: { value: '2022-02-31' } });
    expect(screen.queryByText(/không phải hôm nay/)).toBeNull();
    expect(screen.getByText('Tỉnh Đắk Lắk (66)')).toBeTruthy();
  });
});
