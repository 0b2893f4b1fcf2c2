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
const writeResult = (applied: boolean, issues: Issue[], rows: { unitId: string; name: string; kind: string; value: number; origin: string; baseline: number | null }[]) => ({
  data: {
    cascadeTargets: {
      __typename: 'TargetWriteResult',
      applied,
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

function dryRunMock(issues: Issue[]) {
  const result = vi.fn(() => writeResult(false, issues, proposed));
  return { mock: { request: { query: CascadeTargetsMutation, variables: (v: { input: { dryRun: boolean } }) => v.input.dryRun === true }, result, maxUsageCount: 5 }, result };
}

async function runDryRun(mocks: unknown[]) {
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
  fireEvent.click(screen.getByText('Chạy thử'));
  await screen.findByText('71%');
}

const applyButton = () => screen.getByText('Áp dụng').closest('button') as HTMLButtonElement;

describe('CascadeWizard', () => {
  it('dry run: every child with its proposed value, origin, baseline and issues; apply refused while there are errors', async () => {
    const { mock, result } = dryRunMock([
      { code: 'BELOW_FLOOR', message: 'Chỉ tiêu 35% thấp hơn mức sàn 40% do UBND tỉnh Đắk Lắk quy định', severity: 'ERROR', unitId: 'c2' },
      { code: 'BELOW_BASELINE', message: 'Chỉ tiêu 65% thấp hơn kết quả thực hiện năm trước 70%', severity: 'WARNING', unitId: 'c1' },
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
          baselinePolicy: { uplift: 1, cap: 99, baselineYear: 2021 }, // missing baselines from last year's results
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
    expect(screen.getByText('1 lỗi, 1 cảnh báo')).toBeTruthy();
    expect(applyButton().disabled).toBe(true);
    // the implied aggregate, computed here: (71 + 40) / 2 = 55,5 against the district's 60
    expect(screen.getByText('55,5% so với chỉ tiêu 60% của đơn vị giao')).toBeTruthy();
    expect(screen.getByText('Không đủ để đạt chỉ tiêu của đơn vị giao')).toBeTruthy();
  });

  it('warnings only: apply is enabled, writes, and shows the summary', async () => {
    const warning: Issue = { code: 'IMPLIED_AGGREGATE_SHORT', message: 'Chỉ tiêu giao cho các đơn vị cấp dưới chỉ đạt bình quân 55,5%', severity: 'WARNING', unitId: 'd1' };
    const { mock } = dryRunMock([warning]);
    const apply = vi.fn(() => writeResult(true, [warning], proposed));
    await runDryRun([mock, { request: { query: CascadeTargetsMutation, variables: (v: { input: { dryRun: boolean } }) => v.input.dryRun === false }, result: apply }]);

    expect(screen.getByText(/chỉ đạt bình quân 55,5%/)).toBeTruthy();
    await waitFor(() => expect(applyButton().disabled).toBe(false));
    fireEvent.click(applyButton());
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
});
