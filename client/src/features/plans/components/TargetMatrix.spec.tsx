import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { SetSheetTargetsMutation } from '../plans.graphql';
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

const cell = (unitId: string, columnKey: string) => document.querySelector(`[data-cell="${unitId}|${columnKey}"]`) as HTMLElement;
/** A double click opens a cell's editor (a single click selects it). */
const openEditor = (unitId: string, columnKey: string) => fireEvent.doubleClick(cell(unitId, columnKey));

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
          query: SetSheetTargetsMutation,
          variables: { input: { planId: 'p1', indicatorId: 'i2', targets: [{ unitId: 'u1', value: 87.5, expectedVersion: 3 }] } },
        },
        result,
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable onChanged={onChanged} />, { mocks });

    openEditor('u1', 'i2');
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
          query: SetSheetTargetsMutation,
          variables: { input: { planId: 'p1', indicatorId: 'i1', targets: [{ unitId: 'u2', value: 40, expectedVersion: 0 }] } },
        },
        result,
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable />, { mocks });
    openEditor('u2', 'i1');
    type(screen.getByLabelText('Sửa chỉ tiêu 1 của Huyện Krông A Na'), '40');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  });

  it('says clearly when someone else changed the target first (VERSION_CONFLICT)', async () => {
    const onChanged = vi.fn();
    const mocks = [
      {
        request: {
          query: SetSheetTargetsMutation,
          variables: { input: { planId: 'p1', indicatorId: 'i2', targets: [{ unitId: 'u2', value: 65, expectedVersion: 1 }] } },
        },
        result: writeResult([{ code: 'VERSION_CONFLICT', message: 'Phiên bản mong đợi 1, hiện tại 2.', severity: 'ERROR', unitId: 'u2' }], false),
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable onChanged={onChanged} />, { mocks });
    openEditor('u2', 'i2');
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
    openEditor('u2', 'i2');
    const input = screen.getByLabelText('Sửa chỉ tiêu 2 của Huyện Krông A Na');
    type(input, 'abc');
    expect(await screen.findByText(/Giá trị “abc” không phải là số/)).toBeTruthy();
  });

  it('moves one focus with the arrows; typing starts editing with that character; Escape cancels', () => {
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable />);
    expect(screen.getByRole('grid')).toBeTruthy();
    fireEvent.click(cell('u1', 'i1'));
    expect(cell('u1', 'i1').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(cell('u1', 'i1'), { key: 'ArrowRight' });
    expect(cell('u1', 'i2').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(cell('u1', 'i2'));
    fireEvent.keyDown(cell('u1', 'i2'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cell('u2', 'i2'));
    // Only the focused cell is in the Tab order.
    expect(document.querySelectorAll('[role="gridcell"][tabindex="0"]')).toHaveLength(1);
    fireEvent.keyDown(cell('u2', 'i2'), { key: '6' });
    const input = screen.getByLabelText('Sửa chỉ tiêu 2 của Huyện Krông A Na') as HTMLInputElement;
    expect(input.value).toBe('6');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByLabelText('Sửa chỉ tiêu 2 của Huyện Krông A Na')).toBeNull();
    expect(document.activeElement).toBe(cell('u2', 'i2'));
  });

  it('Enter saves and moves the focus to the cell below, in the grid', async () => {
    const result = vi.fn(() => writeResult([], true));
    const mocks = [
      {
        request: { query: SetSheetTargetsMutation, variables: { input: { planId: 'p1', indicatorId: 'i1', targets: [{ unitId: 'u1', value: 40, expectedVersion: 0 }] } } },
        result,
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable />, { mocks });
    fireEvent.click(cell('u1', 'i1'));
    fireEvent.keyDown(cell('u1', 'i1'), { key: 'Enter' });
    type(screen.getByLabelText('Sửa chỉ tiêu 1 của Sở Nội vụ'), '40');
    expect(document.activeElement).toBe(cell('u2', 'i1'));
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
  });

  it('groups the rows as the annex and finds units ignoring diacritics', () => {
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={[...units].reverse()} targets={targets} editable />);
    const headings = [...document.querySelectorAll('[data-group]')].map((r) => r.textContent);
    expect(headings).toEqual(['I. Sở, ban, ngành', 'II. UBND các huyện']);
    fireEvent.change(screen.getByLabelText('Tìm đơn vị'), { target: { value: 'krong a' } });
    expect(screen.queryByText('Sở Nội vụ')).toBeNull();
    expect(screen.getByText('Huyện Krông A Na')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Tìm đơn vị'), { target: { value: 'zzz' } });
    expect(screen.getByText('Không có đơn vị nào khớp “zzz”.')).toBeTruthy();
  });

  it('says a late assignment once above the grid, not on every row', async () => {
    const late = 'Đã quá hạn phân bổ chỉ tiêu (30/06/2022); chỉ tiêu vẫn được lưu nhưng bị đánh dấu phân bổ trễ hạn';
    const mocks = [
      {
        request: { query: SetSheetTargetsMutation, variables: { input: { planId: 'p1', indicatorId: 'i2', targets: [{ unitId: 'u2', value: 65, expectedVersion: 1 }] } } },
        result: writeResult([{ code: 'PAST_DEADLINE', message: late, severity: 'WARNING', unitId: 'u2' }], true),
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable />, { mocks });
    openEditor('u2', 'i2');
    type(screen.getByLabelText('Sửa chỉ tiêu 2 của Huyện Krông A Na'), '65');
    expect(await screen.findByText('Đã quá hạn giao chỉ tiêu — đã lưu, được đánh dấu trễ (1 chỉ tiêu).')).toBeTruthy();
    expect(screen.getAllByText(late)).toHaveLength(1);
    expect(screen.queryByText('PAST_DEADLINE')).toBeNull();
  });

  it('undoes the last change with Ctrl+Z by writing the previous value back', async () => {
    const write = vi.fn(() => writeResult([], true));
    const undo = vi.fn(() => writeResult([], true));
    const mocks = [
      {
        request: { query: SetSheetTargetsMutation, variables: { input: { planId: 'p1', indicatorId: 'i2', targets: [{ unitId: 'u1', value: 90, expectedVersion: 3 }] } } },
        result: write,
      },
      {
        request: { query: SetSheetTargetsMutation, variables: { input: { planId: 'p1', indicatorId: 'i2', targets: [{ unitId: 'u1', value: 87, expectedVersion: 3 }] } } },
        result: undo,
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable />, { mocks });
    openEditor('u1', 'i2');
    type(screen.getByLabelText('Sửa chỉ tiêu 2 của Sở Nội vụ'), '90');
    await waitFor(() => expect(write).toHaveBeenCalledTimes(1));
    await waitFor(() => expect((screen.getByRole('button', { name: /Hoàn tác/ }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.keyDown(document.activeElement!, { key: 'z', ctrlKey: true });
    await waitFor(() => expect(undo).toHaveBeenCalledTimes(1));
  });

  it('cannot undo a first target (targets are not deleted) and says why', async () => {
    const mocks = [
      {
        request: { query: SetSheetTargetsMutation, variables: { input: { planId: 'p1', indicatorId: 'i1', targets: [{ unitId: 'u2', value: 40, expectedVersion: 0 }] } } },
        result: writeResult([], true),
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable />, { mocks });
    openEditor('u2', 'i1');
    type(screen.getByLabelText('Sửa chỉ tiêu 1 của Huyện Krông A Na'), '40');
    expect(await screen.findByText(/Không hoàn tác được chỉ tiêu 1 của Huyện Krông A Na/)).toBeTruthy();
    expect((screen.getByRole('button', { name: /Hoàn tác/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('edits a baseline in its own column with the target value, and asks for the target first where there is none', async () => {
    const result = vi.fn(() => writeResult([], true));
    const mocks = [
      {
        request: {
          query: SetSheetTargetsMutation,
          variables: { input: { planId: 'p1', indicatorId: 'i2', targets: [{ unitId: 'u1', value: 87, baseline: 93, expectedVersion: 3 }] } },
        },
        result,
      },
    ];
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable />, { mocks });
    fireEvent.click(screen.getByLabelText('Hiện giá trị cơ sở và cột bổ sung'));
    expect(cell('u1', 'i2:baseline').textContent).toBe('92,57');
    openEditor('u1', 'i2:baseline');
    type(screen.getByLabelText('Sửa giá trị cơ sở 2 của Sở Nội vụ'), '93');
    await waitFor(() => expect(result).toHaveBeenCalledTimes(1));
    openEditor('u2', 'i1:baseline');
    expect(await screen.findByText('Hãy giao chỉ tiêu cho Huyện Krông A Na trước, rồi mới nhập giá trị cơ sở hoặc cột bổ sung.')).toBeTruthy();
  });

  it('Ctrl+V on a chosen cell opens the block paste with the clipboard text; Delete refuses to delete', async () => {
    renderWithProviders(<TargetMatrix planId="p1" indicators={indicators} units={units} targets={targets} editable />);
    fireEvent.click(cell('u1', 'i2'));
    fireEvent.keyDown(cell('u1', 'i2'), { key: 'Delete' });
    expect(await screen.findByText('Chỉ tiêu đã giao không xóa được: hãy gõ giá trị mới để thay.')).toBeTruthy();
    fireEvent.paste(cell('u1', 'i2'), { clipboardData: { getData: () => 'Sở Nội vụ\t91' } });
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByRole('textbox') as HTMLTextAreaElement).value).toBe('Sở Nội vụ\t91');
  });
});
