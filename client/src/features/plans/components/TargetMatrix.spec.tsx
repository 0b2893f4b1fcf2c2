import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { SetTargetsMutation } from '../plans.graphql';
import { TargetMatrix, type MatrixIndicator, type MatrixTarget, type MatrixUnit } from './TargetMatrix';

const indicators: MatrixIndicator[] = [
  { id: 'i1', code: 'DLK22-DIGITIZATION', name: 'Tỷ lệ số hóa hồ sơ', measure: 'RATE', unitOfMeasure: '%', position: '1', floors: [] },
  { id: 'i2', code: 'DLK22-ONLINE-RATE', name: 'Tỷ lệ hồ sơ trực tuyến', measure: 'RATE', unitOfMeasure: '%', position: '2', floors: [] },
];
const units: MatrixUnit[] = [
  { id: 'u1', code: '000.01', name: 'Sở Nội vụ', kind: 'PROVINCIAL_AGENCY' },
  { id: 'u2', code: '655', name: 'Huyện Krông A Na', kind: 'DISTRICT' },
];
const target = (unitId: string, indicatorId: string, value: number, extra: Partial<MatrixTarget> = {}): MatrixTarget =>
  ({
    __typename: 'Target',
    id: `${unitId}-${indicatorId}`,
    value,
    comparator: 'AT_LEAST',
    baseline: null,
    baselineSource: null,
    origin: 'RULE',
    version: 1,
    late: false,
    note: null,
    updatedAt: '2022-05-20T00:00:00.000Z',
    unit: { __typename: 'Unit', id: unitId },
    indicator: { __typename: 'Indicator', id: indicatorId },
    ...extra,
  }) as MatrixTarget;
const targets = [target('u1', 'i2', 87, { baseline: 92.57, baselineSource: 'iGate 2021', origin: 'MANUAL', version: 3 }), target('u2', 'i2', 60)];

function writeResult(issues: { code: string; message: string; severity: 'ERROR' | 'WARNING'; unitId: string }[], applied: boolean) {
  return {
    data: {
      setTargets: {
        __typename: 'TargetWriteResult',
        applied,
        created: 0,
        updated: applied ? 1 : 0,
        issues: issues.map((i) => ({ __typename: 'ValidationIssue', ...i })),
        targets: [],
      },
    },
  };
}

/** Types a value and presses Enter (fireEvent: per-key typing re-renders the whole antd table each time). */
function type(input: HTMLElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter' });
}

describe('TargetMatrix', () => {
  it('shows values the Vietnamese way, with the baseline small beside them', () => {
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable={false} />);
    expect(screen.getByText('87%')).toBeTruthy();
    expect(screen.getByText('năm trước 92,57')).toBeTruthy();
    expect(screen.getByText('Sở Nội vụ')).toBeTruthy();
    expect(screen.queryByLabelText(/Sửa chỉ tiêu/)).toBeNull();
  });

  it('saves an edited cell with setTargets and the version it was read at', async () => {
    const result = vi.fn(() => writeResult([{ code: 'BELOW_BASELINE', message: 'Chỉ tiêu 87,5 thấp hơn kết quả năm trước 92,57', severity: 'WARNING', unitId: 'u1' }], true));
    const onChanged = vi.fn();
    const mocks = [
      {
        request: {
          query: SetTargetsMutation,
          variables: { input: { planId: 'p1', indicatorId: 'i2', targets: [{ unitId: 'u1', value: 87.5, expectedVersion: 3 }] } },
        },
        result,
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable onChanged={onChanged} />, { mocks });

    fireEvent.click(screen.getByLabelText('Sửa chỉ tiêu 2 của Sở Nội vụ'));
    const input = screen.getByLabelText('Sửa chỉ tiêu 2 của Sở Nội vụ');
    expect((input as HTMLInputElement).value).toBe('87');
    type(input, '87,5');

    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    // the warning is shown beside the row
    expect(await screen.findByText(/thấp hơn kết quả năm trước 92,57/)).toBeTruthy();
    // Named as a warning in words; the code only for machines (data-issue) and the tooltip, never as text.
    const shown = document.querySelector('[data-issue="BELOW_BASELINE"]') as HTMLElement;
    expect(within(shown).getByText('Cảnh báo').getAttribute('title')).toBe('BELOW_BASELINE');
    expect(screen.queryByText('BELOW_BASELINE')).toBeNull();
  });

  it('a new target is written with expectedVersion 0', async () => {
    const result = vi.fn(() => writeResult([], true));
    const mocks = [
      {
        request: {
          query: SetTargetsMutation,
          variables: { input: { planId: 'p1', indicatorId: 'i1', targets: [{ unitId: 'u2', value: 40, expectedVersion: 0 }] } },
        },
        result,
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable />, { mocks });
    fireEvent.click(screen.getByLabelText('Sửa chỉ tiêu 1 của Huyện Krông A Na'));
    type(screen.getByLabelText('Sửa chỉ tiêu 1 của Huyện Krông A Na'), '40');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  });

  it('says clearly when someone else changed the target first (VERSION_CONFLICT)', async () => {
    const onChanged = vi.fn();
    const mocks = [
      {
        request: {
          query: SetTargetsMutation,
          variables: { input: { planId: 'p1', indicatorId: 'i2', targets: [{ unitId: 'u2', value: 65, expectedVersion: 1 }] } },
        },
        result: writeResult([{ code: 'VERSION_CONFLICT', message: 'Phiên bản mong đợi 1, hiện tại 2.', severity: 'ERROR', unitId: 'u2' }], false),
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable onChanged={onChanged} />, { mocks });
    fireEvent.click(screen.getByLabelText('Sửa chỉ tiêu 2 của Huyện Krông A Na'));
    const input = screen.getByLabelText('Sửa chỉ tiêu 2 của Huyện Krông A Na');
    type(input, '65');

    expect(await screen.findByText('Xung đột phiên bản: chỉ tiêu của Huyện Krông A Na vừa được người khác sửa')).toBeTruthy();
    expect(screen.getAllByText(/Phiên bản mong đợi 1, hiện tại 2/).length).toBeGreaterThan(0);
    expect(onChanged).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('Tải lại'));
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('refuses text that is not a number without calling the server', async () => {
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable />);
    fireEvent.click(screen.getByLabelText('Sửa chỉ tiêu 2 của Huyện Krông A Na'));
    const input = screen.getByLabelText('Sửa chỉ tiêu 2 của Huyện Krông A Na');
    type(input, 'abc');
    expect(await screen.findByText(/Giá trị “abc” không phải là số/)).toBeTruthy();
  });
});
