import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithProviders } from '../../../test/render';
import { MatrixTargetsQuery, MatrixUnitsQuery } from '../../plans/plans.graphql';
import type { MatrixIndicator } from '../../plans/components/TargetMatrix';
import { CascadeTargetsMutation } from '../cascade.graphql';
import { CascadeWizard } from './CascadeWizard';

const indicators: MatrixIndicator[] = [
  {
    id: 'i2',
    code: 'DLK22-ONLINE-RATE',
    name: 'Tỷ lệ hồ sơ trực tuyến',
    measure: 'RATE',
    unitOfMeasure: '%',
    position: '2',
    floors: [
      { kind: 'WARD', value: 80 },
      { kind: 'TOWNSHIP', value: 60 },
      { kind: 'COMMUNE', value: 40 },
    ],
  },
];

const unit = (id: string, name: string, kind: string, level: number) => ({ __typename: 'Unit', id, code: null, name, kind, level });
const target = (unitId: string, value: number, version: number, baseline: number | null) => ({
  __typename: 'Target',
  id: `t-${unitId}`,
  value,
  comparator: 'AT_LEAST',
  baseline,
  baselineSource: null,
  origin: 'RULE',
  version,
  late: false,
  note: null,
  updatedAt: '2022-06-01T00:00:00.000Z',
  unit: { __typename: 'Unit', id: unitId },
  indicator: { __typename: 'Indicator', id: 'i2' },
});

const baseMocks = [
  {
    request: { query: MatrixUnitsQuery, variables: { unitId: 'd1', at: '2022-01-01' } },
    result: {
      data: {
        unit: { ...unit('d1', 'Huyện Krông A Na', 'DISTRICT', 2), children: [unit('c1', 'Thị trấn Buôn Trấp', 'TOWNSHIP', 3), unit('c2', 'Xã Ea Bông', 'COMMUNE', 3)] },
      },
    },
  },
  {
    request: { query: MatrixTargetsQuery, variables: { planId: 'p1', unitId: 'd1' } },
    result: { data: { targets: [target('d1', 60, 1, null), target('c1', 65, 2, 70)] } },
    maxUsageCount: 5,
  },
];

type Issue = { code: string; message: string; severity: 'ERROR' | 'WARNING'; unitId: string };
type Summary = { uplift: number | null; impliedAggregate: number | null; parentTarget: number | null };
// (71 + 40) / 2 = 55,5 against the district's 60.
const SHORT: Summary = { uplift: 1, impliedAggregate: 55.5, parentTarget: 60 };
const writeResult = (
  applied: boolean,
  issues: Issue[],
  rows: { unitId: string; name: string; kind: string; value: number; origin: string; baseline: number | null }[],
  summary: Summary = SHORT,
) => ({
  data: {
    cascadeTargets: {
      __typename: 'TargetWriteResult',
      applied,
      ...summary,
      created: applied ? 1 : 0,
      updated: applied ? 1 : 0,
      issues: issues.map((i) => ({ __typename: 'ValidationIssue', ...i })),
      targets: rows.map((r) => ({
        __typename: 'Target',
        value: r.value,
        origin: r.origin,
        baseline: r.baseline,
        baselineSource: null,
        version: 0,
        unit: { __typename: 'Unit', id: r.unitId, name: r.name, kind: r.kind },
      })),
    },
  },
});

const proposed = [
  { unitId: 'c1', name: 'Thị trấn Buôn Trấp', kind: 'TOWNSHIP', value: 71, origin: 'RULE', baseline: 70 },
  { unitId: 'c2', name: 'Xã Ea Bông', kind: 'COMMUNE', value: 40, origin: 'RULE', baseline: null },
];

const short: Issue = { code: 'IMPLIED_AGGREGATE_SHORT', message: 'Chỉ tiêu giao cho các đơn vị cấp dưới chỉ đạt bình quân 55,5%', severity: 'WARNING', unitId: 'd1' };

function dryRunMock(issues: Issue[], rows = proposed, summary: Summary = SHORT) {
  const result = vi.fn((_v: unknown) => writeResult(false, issues, rows, summary));
  return { mock: { request: { query: CascadeTargetsMutation, variables: (v: { input: { dryRun: boolean } }) => v.input.dryRun === true }, result, maxUsageCount: 5 }, result };
}

async function runDryRun(mocks: unknown[], beforeRun: () => void = () => {}, firstValue = '71%') {
  renderWithProviders(
    <CascadeWizard
      planId="p1"
      issuerName="UBND tỉnh Đắk Lắk"
      asOf="2022-01-01"
      indicators={indicators}
      parents={[{ id: 'd1', name: 'Huyện Krông A Na' }]}
      initialIndicatorId="i2"
      initialParentId="d1"
    />,
    { mocks: [...baseMocks, ...(mocks as typeof baseMocks)] },
  );
  expect(await screen.findByText('2 đơn vị trực thuộc')).toBeTruthy();
  fireEvent.click(screen.getByText('Tiếp tục'));
  // floors prefilled from the plan for the children's kinds
  expect((screen.getByLabelText('Mức sàn theo loại đơn vị Thị trấn') as HTMLInputElement).value).toBe('60');
  expect((screen.getByLabelText('Mức sàn theo loại đơn vị Xã') as HTMLInputElement).value).toBe('40');
  // and the defaults with them: nothing the plan says is typed again
  expect((screen.getByLabelText('Giá trị mặc định theo loại đơn vị Thị trấn') as HTMLInputElement).value).toBe('60');
  expect((screen.getByLabelText('Giá trị mặc định theo loại đơn vị Xã') as HTMLInputElement).value).toBe('40');
  beforeRun();
  fireEvent.click(screen.getByText('Chạy thử'));
  await screen.findByText(firstValue);
}

const applyButton = () => screen.getByText('Áp dụng').closest('button') as HTMLButtonElement;

describe('CascadeWizard', () => {
  it('dry run: every child with its proposed value, origin, baseline and issues; apply refused while there are errors', async () => {
    const { mock, result } = dryRunMock([
      { code: 'BELOW_FLOOR', message: 'Chỉ tiêu 35% thấp hơn mức sàn 40% do UBND tỉnh Đắk Lắk quy định', severity: 'ERROR', unitId: 'c2' },
      { code: 'BELOW_BASELINE', message: 'Chỉ tiêu 65% thấp hơn kết quả thực hiện năm trước 70%', severity: 'WARNING', unitId: 'c1' },
      short,
    ]);
    await runDryRun([mock]);

    expect(result).toHaveBeenCalledWith(
      expect.objectContaining({
        input: expect.objectContaining({
          planId: 'p1',
          indicatorId: 'i2',
          parentUnitId: 'd1',
          dryRun: true,
          floors: [
            { kind: 'TOWNSHIP', value: 60 },
            { kind: 'COMMUNE', value: 40 },
          ],
          defaults: [
            { kind: 'TOWNSHIP', value: 60 },
            { kind: 'COMMUNE', value: 40 },
          ],
          baselinePolicy: { uplift: 1, cap: 99, baselineYear: 2021 }, // missing baselines from last year's results
          reachParent: false,
          keepManual: true,
        }),
      }),
    );
    const row = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;
    expect(within(row('Thị trấn Buôn Trấp')).getByText('71%')).toBeTruthy();
    expect(within(row('Thị trấn Buôn Trấp')).getByText('Theo quy tắc')).toBeTruthy();
    expect(within(row('Thị trấn Buôn Trấp')).getByText('70')).toBeTruthy();
    expect(within(row('Thị trấn Buôn Trấp')).getByText('Cảnh báo').closest('[data-issue]')?.getAttribute('data-issue')).toBe('BELOW_BASELINE');
    expect(screen.queryByText('BELOW_BASELINE')).toBeNull();
    expect(within(row('Xã Ea Bông')).getByText(/thấp hơn mức sàn 40% do UBND tỉnh Đắk Lắk quy định/)).toBeTruthy();
    expect(screen.getByText('1 lỗi, 2 cảnh báo')).toBeTruthy();
    expect(applyButton().disabled).toBe(true);
    // the implied aggregate as the server weighed it, against the district's 60, and the uplift used
    expect(screen.getByText('55,5% so với chỉ tiêu 60% của đơn vị giao')).toBeTruthy();
    expect(screen.getByText('Mức tăng áp dụng: +1 điểm')).toBeTruthy();
    expect(screen.getByText('Không đủ để đạt chỉ tiêu của đơn vị giao')).toBeTruthy();
  });

  it('warnings only: apply is enabled, asks to confirm while short of the parent, writes, and shows the summary', async () => {
    const warning = short;
    const { mock } = dryRunMock([warning]);
    const apply = vi.fn(() => writeResult(true, [warning], proposed));
    await runDryRun([mock, { request: { query: CascadeTargetsMutation, variables: (v: { input: { dryRun: boolean } }) => v.input.dryRun === false }, result: apply }]);

    expect(screen.getByText(/chỉ đạt bình quân 55,5%/)).toBeTruthy();
    await waitFor(() => expect(applyButton().disabled).toBe(false));
    fireEvent.click(applyButton());
    expect(await screen.findByText(/chưa bảo đảm chỉ tiêu của đơn vị giao. Vẫn áp dụng\?/)).toBeTruthy();
    expect(apply).not.toHaveBeenCalled();
    fireEvent.click(screen.getByText('Vẫn áp dụng'));
    expect(await screen.findByText('Đã áp dụng: 1 chỉ tiêu tạo mới, 1 chỉ tiêu cập nhật.')).toBeTruthy();
    expect(apply).toHaveBeenCalledTimes(1);
    expect(screen.getByText('1 cảnh báo (đã lưu):')).toBeTruthy();
  });

  it('a typed value below the floor is refused in place, saying the floor and who set it', async () => {
    const { mock } = dryRunMock([]);
    await runDryRun([mock]);
    await waitFor(() => expect(applyButton().disabled).toBe(false));

    fireEvent.change(screen.getByLabelText('Giá trị nhập tay Xã Ea Bông'), { target: { value: '35' } });
    expect(await screen.findByText(/Chỉ tiêu 35% thấp hơn mức sàn 40% do UBND tỉnh Đắk Lắk quy định/)).toBeTruthy();
    expect(applyButton().disabled).toBe(true);
  });

  it("reach the parent's target: asks the server, shows the uplift it used, lists the changing rows first", async () => {
    // c1 goes 65 → 74 (+3 over 70, raised from 1); c2 is not given anything new.
    const rows = [{ ...proposed[0], value: 74 }];
    const { mock, result } = dryRunMock([], rows, { uplift: 3, impliedAggregate: 60.5, parentTarget: 60 });
    await runDryRun([mock], () => fireEvent.click(screen.getByText('Đạt chỉ tiêu của cấp trên')), '74%');
    expect(result).toHaveBeenCalledWith(
      expect.objectContaining({ input: expect.objectContaining({ reachParent: true, baselinePolicy: { uplift: 1, cap: 99, baselineYear: 2021 } }) }),
    );
    expect(screen.getByText('Mức tăng áp dụng: +3 điểm (đã nâng từ 1 để đạt chỉ tiêu của đơn vị giao)')).toBeTruthy();
    expect(screen.getByText('60,5% so với chỉ tiêu 60% của đơn vị giao')).toBeTruthy();
    expect(screen.getByText('Đủ để đạt chỉ tiêu của đơn vị giao')).toBeTruthy();
    // The changing row first, the unchanged one after it; "changed" narrows to the first.
    const keys = () => [...document.querySelectorAll('tbody tr[data-row-key]')].map((tr) => tr.getAttribute('data-row-key'));
    expect(screen.getByText('Tất cả (2)')).toBeTruthy();
    expect(keys()).toEqual(['c1', 'c2']);
    fireEvent.click(screen.getByText('Thay đổi (1)'));
    await waitFor(() => expect(keys()).toEqual(['c1']));
    expect(screen.queryByText('Xã Ea Bông')).toBeNull();
    await waitFor(() => expect(applyButton().disabled).toBe(false));
  });
});
