import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { PROVINCE_ADMIN, renderWithProviders } from '../../../test/render';
import { MatrixTargetsQuery, MatrixUnitsQuery, PlanQuery } from '../plans.graphql';
import { PlanPage } from './PlanPage';

const unit = (id: string, code: string, name: string, kind: string, level: number) => ({ __typename: 'Unit', id, code, name, kind, level });

function plan(id: string, year: number, status: 'DRAFT' | 'ISSUED') {
  return {
    __typename: 'Plan',
    id,
    year,
    title: `Kế hoạch năm ${year}`,
    documentNumber: null,
    documentDate: null,
    status,
    subAssignmentDeadline: null,
    legalBasis: null,
    documentKind: 'DECISION',
    signer: null,
    recipients: [],
    headings: [],
    issuer: { __typename: 'Unit', id: '66', name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE' },
    indicators: [
      {
        __typename: 'PlanIndicator',
        id: 'pi2',
        section: null,
        position: '2',
        scope: 'SUBTREE',
        legalBasis: null,
        note: null,
        factLabels: [],
        lead: [],
        coordinating: [],
        floors: [],
        indicator: {
          __typename: 'Indicator',
          id: 'i2',
          code: 'ONLINE',
          name: 'Tỷ lệ hồ sơ trực tuyến',
          measure: 'RATE',
          comparator: 'AT_LEAST',
          unitOfMeasure: '%',
          hardMinimum: null,
          numeratorLabel: null,
          denominatorLabel: null,
        },
      },
    ],
    tasks: [],
  };
}

/** The province's children on a day: the districts before the 2025 reform, the communes after. */
const CHILDREN: Record<string, ReturnType<typeof unit>[]> = {
  '2022-01-01': [unit('189', '655', 'Huyện Krông A Na', 'DISTRICT', 2), unit('2', '66.SNV', 'Sở Nội vụ', 'PROVINCIAL_AGENCY', 1)],
  '2026-01-01': [unit('430', '24538', 'Xã Krông Ana', 'COMMUNE', 2), unit('2', '66.SNV', 'Sở Nội vụ', 'PROVINCIAL_AGENCY', 1)],
};

function mocks(planId: string, year: number, status: 'DRAFT' | 'ISSUED') {
  return [
    { request: { query: PlanQuery, variables: { id: planId } }, result: { data: { plan: plan(planId, year, status) } } },
    // Only the plan's own structure answers: asked for today's tree (or none), the page would show an error.
    ...Object.entries(CHILDREN).map(([at, children]) => ({
      request: { query: MatrixUnitsQuery, variables: { unitId: '66', at } },
      result: { data: { unit: { ...unit('66', '66', 'Tỉnh Đắk Lắk', 'PROVINCE', 1), children } } },
    })),
    { request: { query: MatrixTargetsQuery, variables: { planId, unitId: '66' } }, result: { data: { targets: [] } } },
  ];
}

const renderPlan = (planId: string, year: number, status: 'DRAFT' | 'ISSUED') =>
  renderWithProviders(
    <Routes>
      <Route path="/plans/:planId" element={<PlanPage />} />
    </Routes>,
    { user: PROVINCE_ADMIN, route: `/plans/${planId}`, mocks: mocks(planId, year, status) },
  );

describe('PlanPage', () => {
  it('shows a 2022 plan in the tree of 1 January 2022: its districts, whatever the tree is today', async () => {
    renderPlan('p22', 2022, 'ISSUED');
    expect(await screen.findByText('Huyện Krông A Na')).toBeTruthy();
    expect(screen.getByText('Sở Nội vụ')).toBeTruthy();
    expect(screen.queryByText('Xã Krông Ana')).toBeNull();
    expect(screen.getByText('Kế hoạch đã ban hành: các chỉ tiêu do đơn vị ban hành giao đã được khóa.')).toBeTruthy();
  });

  it('shows a 2026 plan in the tree of 1 January 2026: the communes under the province', async () => {
    renderPlan('p26', 2026, 'DRAFT');
    expect(await screen.findByText('Xã Krông Ana')).toBeTruthy();
    expect(screen.queryByText('Huyện Krông A Na')).toBeNull();
    // A draft of its own: what is still to assign.
    expect(screen.getByText('2. Tỷ lệ hồ sơ trực tuyến: còn 2/2 đơn vị chưa được giao (Xã Krông Ana, Sở Nội vụ)')).toBeTruthy();
  });
});
