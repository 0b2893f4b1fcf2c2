import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { structureDate } from '../structure';
import { MissingTargets } from './MissingTargets';
import type { MatrixIndicator, MatrixUnit } from './TargetMatrix';

const indicators: MatrixIndicator[] = [
  { id: 'i1', code: 'DLK22-DIGITIZATION', name: 'Số hóa hồ sơ', measure: 'RATE', unitOfMeasure: '%', position: '1', floors: [] },
  { id: 'i2', code: 'DLK22-ONLINE-RATE', name: 'Tỷ lệ hồ sơ trực tuyến', measure: 'RATE', unitOfMeasure: '%', position: '2', floors: [] },
];
const names = ['Thị trấn Buôn Trấp', 'Xã Dray Sáp', 'Xã Ea Na', 'Xã Ea Bông', 'Xã Băng A Drênh', 'Xã Dur KMăl'];
const units: MatrixUnit[] = names.map((name, i) => ({ id: `c${i}`, code: null, name, kind: i ? 'COMMUNE' : 'TOWNSHIP' }));
const has = (unitId: string, indicatorId: string) => ({ unit: { id: unitId }, indicator: { id: indicatorId } });

describe('MissingTargets', () => {
  it('per indicator, the children still without a target; past the deadline it says they will be flagged', () => {
    renderWithProviders(<MissingTargets indicators={indicators} units={units} targets={units.map((u) => has(u.id, 'i2'))} deadline="2022-06-30" today="2022-07-15" />);
    expect(screen.getByText(/^Hạn giao xuống cấp dưới: 30\/06\/2022 — đã quá hạn/)).toBeTruthy();
    const items = screen.getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      '1. Số hóa hồ sơ: còn 6/6 đơn vị chưa được giao (Thị trấn Buôn Trấp, Xã Dray Sáp, Xã Ea Na, Xã Ea Bông và 2 đơn vị khác)',
      '2. Tỷ lệ hồ sơ trực tuyến: đã giao đủ 6 đơn vị',
    ]);
  });

  it('before the deadline: the days left', () => {
    renderWithProviders(<MissingTargets indicators={indicators} units={units.slice(0, 2)} targets={[has('c0', 'i1')]} deadline="2022-06-30" today="2022-06-20" />);
    expect(screen.getByText('Hạn giao xuống cấp dưới: 30/06/2022 — còn 10 ngày')).toBeTruthy();
    expect(screen.getAllByRole('listitem')[0].textContent).toBe('1. Số hóa hồ sơ: còn 1/2 đơn vị chưa được giao (Xã Dray Sáp)');
  });

  it('all assigned; no deadline', () => {
    const all = units.flatMap((u) => indicators.map((i) => has(u.id, i.id)));
    renderWithProviders(<MissingTargets indicators={indicators} units={units} targets={all} deadline={null} />);
    expect(screen.getByText('Kế hoạch không quy định hạn giao xuống cấp dưới.')).toBeTruthy();
    expect(screen.getByText('Đã giao đủ mọi chỉ tiêu cho 6 đơn vị trực thuộc.')).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('a plan is read in the structure of its 1 January', () => {
    expect(structureDate(2022)).toBe('2022-01-01');
    expect(structureDate(2026)).toBe('2026-01-01');
  });
});
