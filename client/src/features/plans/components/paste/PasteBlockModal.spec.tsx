import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderWithProviders } from '../../../../test/render';
import { SetTargetsMutation } from '../../plans.graphql';
import type { MatrixIndicator, MatrixTarget, MatrixUnit } from '../matrix.types';
import { PasteBlockModal } from './PasteBlockModal';

const indicators: MatrixIndicator[] = [
  { id: 'i1', code: 'DLK22-DIGITIZATION', name: 'Tỷ lệ số hóa hồ sơ', measure: 'RATE', unitOfMeasure: '%', position: '1', floors: [] },
  { id: 'i2', code: 'DLK22-ONLINE-RATE', name: 'Tỷ lệ hồ sơ trực tuyến', measure: 'RATE', unitOfMeasure: '%', position: '2', floors: [] },
];
// Districts first, as the matrix lists them; the decision lists agencies first.
const units: MatrixUnit[] = [
  { id: 'u2', code: '655', name: 'Huyện Krông A Na', kind: 'DISTRICT' },
  { id: 'u1', code: '66.SNV', name: 'Sở Nội vụ', kind: 'PROVINCIAL_AGENCY' },
];
const target = (unitId: string, indicatorId: string, value: number, version: number): MatrixTarget =>
  ({
    __typename: 'Target',
    id: `${unitId}-${indicatorId}`,
    value,
    comparator: 'AT_LEAST',
    baseline: null,
    baselineSource: null,
    origin: 'MANUAL',
    version,
    late: false,
    note: null,
    updatedAt: '2022-05-20T00:00:00.000Z',
    unit: { __typename: 'Unit', id: unitId },
    indicator: { __typename: 'Indicator', id: indicatorId },
  }) as MatrixTarget;
const targets = [target('u1', 'i2', 87, 3), target('u2', 'i2', 60, 1)];

const result = (applied: boolean) => ({ data: { setTargets: { __typename: 'TargetWriteResult', applied, created: 0, updated: applied ? 2 : 0, issues: [], targets: [] } } });
const writes = [
  { unitId: 'u1', value: 88, expectedVersion: 3 },
  { unitId: 'u2', value: 53, expectedVersion: 1 },
];

describe('PasteBlockModal', () => {
  it('matches lines by name, shows current → new, checks, then applies', async () => {
    const dry = vi.fn(() => result(false));
    const wet = vi.fn(() => result(true));
    const mocks = [
      { request: { query: SetTargetsMutation, variables: { input: { planId: 'p1', indicatorId: 'i2', dryRun: true, targets: writes } } }, result: dry },
      { request: { query: SetTargetsMutation, variables: { input: { planId: 'p1', indicatorId: 'i2', dryRun: false, targets: writes } } }, result: wet },
    ];
    const onApplied = vi.fn();
    const onClose = vi.fn();
    renderWithProviders(
      <PasteBlockModal
        planId="p1"
        indicators={indicators}
        units={units}
        targets={targets}
        initialText={'Sở Nội vụ\t88\r\nUBND huyện Krông Ana\t53\r\nBan Dân tộc\t50\r\n'}
        startIndicatorId="i2"
        onClose={onClose}
        onApplied={onApplied}
      />,
      { mocks },
    );
    expect(screen.getByText('Các dòng được khớp theo tên đơn vị (cột 1), không theo thứ tự.')).toBeTruthy();
    expect(screen.getByText('dán: “UBND huyện Krông Ana”')).toBeTruthy();
    expect(screen.getByText('Không có đơn vị “Ban Dân tộc” trong bảng.')).toBeTruthy();
    const changed = [...document.querySelectorAll('[data-changed]')].map((e) => e.textContent);
    expect(changed).toEqual(['87% → 88%', '60% → 53%']);
    const apply = () => screen.getByRole('button', { name: 'Áp dụng' });
    expect(apply().hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await waitFor(() => expect(dry).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(apply().hasAttribute('disabled')).toBe(false));
    fireEvent.click(apply());
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(wet).toHaveBeenCalledTimes(1);
    expect(onApplied).toHaveBeenCalledWith([{ indicatorId: 'i2', issues: [] }]);
  });

  it('without unit names, matches by position only once the order is confirmed', async () => {
    const dry = vi.fn(() => result(false));
    const byOrder = [
      { unitId: 'u2', value: 41, expectedVersion: 0 },
      { unitId: 'u1', value: 50, expectedVersion: 0 },
    ];
    const mocks = [{ request: { query: SetTargetsMutation, variables: { input: { planId: 'p1', indicatorId: 'i1', dryRun: true, targets: byOrder } } }, result: dry }];
    renderWithProviders(
      <PasteBlockModal planId="p1" indicators={indicators} units={units} targets={targets} initialText={'41\n50'} startIndicatorId="i1" onClose={() => {}} onApplied={() => {}} />,
      { mocks },
    );
    expect(screen.getByText(/không có cột tên hay mã đơn vị/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await waitFor(() => expect(dry).toHaveBeenCalledTimes(1));
    const apply = () => screen.getByRole('button', { name: 'Áp dụng' });
    await screen.findByText(/Kiểm tra không có lỗi/);
    expect(apply().hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('Thứ tự dòng khớp với bảng'));
    expect(apply().hasAttribute('disabled')).toBe(false);
  });
});
