import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { ResultForm, type ResultIndicator, type ResultUnit } from './ResultForm';

const rate: ResultIndicator = {
  id: 'i2',
  name: 'Tỷ lệ hồ sơ trực tuyến',
  measure: 'RATE',
  unitOfMeasure: '%',
  numeratorLabel: 'Số hồ sơ trực tuyến',
  denominatorLabel: 'Tổng số hồ sơ',
};
const units: ResultUnit[] = [
  { id: 'c1', name: 'Thị trấn Buôn Trấp', kind: 'TOWNSHIP' },
  { id: 'c2', name: 'Xã Ea Bông', kind: 'COMMUNE' },
];
const b = (unit: string) => screen.getByLabelText(`Tử số (b) — ${unit}`);
const a = (unit: string) => screen.getByLabelText(`Mẫu số (a) — ${unit}`);
const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe('ResultForm', () => {
  it('computes the rate b/a as the user types (800 of 1.000 → 80%)', () => {
    renderWithProviders(<ResultForm indicator={rate} units={units} onSubmit={() => {}} />);
    type(b('Thị trấn Buôn Trấp'), '800');
    expect(screen.queryByTestId('rate-c1')).toBeNull();
    type(a('Thị trấn Buôn Trấp'), '1000');
    expect(screen.getByTestId('rate-c1').textContent).toBe('80%');
    type(a('Thị trấn Buôn Trấp'), '801');
    expect(screen.getByTestId('rate-c1').textContent).toBe('99,88%');
  });

  it('a = 0 reads “Không phát sinh hồ sơ”, not 0%', () => {
    renderWithProviders(<ResultForm indicator={rate} units={units} onSubmit={() => {}} />);
    type(b('Xã Ea Bông'), '0');
    type(a('Xã Ea Bông'), '0');
    expect(screen.getByText('Không phát sinh hồ sơ')).toBeTruthy();
    expect(screen.queryByTestId('rate-c2')).toBeNull();
  });

  it('b above a is refused beside the row and blocks the submit', () => {
    const onSubmit = vi.fn();
    renderWithProviders(<ResultForm indicator={rate} units={units} onSubmit={onSubmit} />);
    type(b('Xã Ea Bông'), '12');
    type(a('Xã Ea Bông'), '10');
    expect(screen.getByText('Tử số (b) không được lớn hơn mẫu số (a).')).toBeTruthy();
    expect((screen.getByText('Ghi nhận kết quả').closest('button') as HTMLButtonElement).disabled).toBe(true);
  });

  it('submits numerators and denominators of the rows filled in, Vietnamese decimals accepted', () => {
    const onSubmit = vi.fn();
    renderWithProviders(<ResultForm indicator={rate} units={units} recorded={new Map([['c2', { numerator: 5, denominator: 10, value: 50 }]])} onSubmit={onSubmit} />);
    expect((b('Xã Ea Bông') as HTMLInputElement).value).toBe('5');
    type(b('Thị trấn Buôn Trấp'), '1.200');
    type(a('Thị trấn Buôn Trấp'), '1.500');
    fireEvent.click(screen.getByText('Ghi nhận kết quả'));
    expect(onSubmit).toHaveBeenCalledWith([
      { unitId: 'c1', numerator: 1200, denominator: 1500 },
      { unitId: 'c2', numerator: 5, denominator: 10 },
    ]);
  });

  it('a COUNT indicator takes one value per unit', () => {
    const onSubmit = vi.fn();
    renderWithProviders(<ResultForm indicator={{ ...rate, measure: 'COUNT', unitOfMeasure: 'dịch vụ' }} units={units.slice(0, 1)} onSubmit={onSubmit} />);
    type(screen.getByLabelText('Số lượng — Thị trấn Buôn Trấp'), '20');
    expect(screen.getByText('20 dịch vụ')).toBeTruthy();
    fireEvent.click(screen.getByText('Ghi nhận kết quả'));
    expect(onSubmit).toHaveBeenCalledWith([{ unitId: 'c1', value: 20 }]);
  });
});
