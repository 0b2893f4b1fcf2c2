import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { PROVINCE_ADMIN, renderWithProviders } from '../../../test/render';
import { PlanQuery, PlansQuery } from '../../plans/plans.graphql';
import { AtRiskQuery, ProgressQuery, TrendHalfQuery, YearOutlookQuery } from '../progress.graphql';
import { ReportingPlanQuery, ReportingQuery } from '../../results/results.graphql';
import { DashboardPage } from './DashboardPage';

const PROVINCE = { __typename: 'Unit', id: '66', name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE' };
const DISTRICT = { __typename: 'Unit', id: '189', name: 'Huyện Krông A Na', kind: 'DISTRICT' };
const COMMUNE = { __typename: 'Unit', id: '430', name: 'Thị trấn Buôn Trấp', kind: 'TOWNSHIP' };
const INDICATOR = {
  __typename: 'Indicator',
  id: 'i1',
  code: 'ONLINE',
  name: 'Tỷ lệ hồ sơ trực tuyến',
  measure: 'RATE',
  comparator: 'AT_LEAST',
  unitOfMeasure: '%',
  hardMinimum: null,
  numeratorLabel: null,
  denominatorLabel: null,
};
const header = {
  __typename: 'Plan',
  id: 'p22',
  year: 2022,
  title: 'Kế hoạch năm 2022',
  documentNumber: null,
  documentDate: null,
  status: 'ISSUED',
  subAssignmentDeadline: null,
  issuer: { __typename: 'Unit', id: '66', name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE' },
};
const plan = {
  ...header,
  legalBasis: null,
  documentKind: 'DECISION',
  signer: null,
  recipients: [],
  headings: [],
  tasks: [],
  indicators: [
    {
      __typename: 'PlanIndicator',
      id: 'pi1',
      section: null,
      position: '1',
      scope: 'SUBTREE',
      legalBasis: null,
      note: null,
      factLabels: [],
      lead: [],
      coordinating: [],
      floors: [],
      indicator: INDICATOR,
    },
  ],
};
const row = (unit: typeof PROVINCE) => ({
  __typename: 'Progress',
  period: '2022',
  status: 'NO_DATA',
  gap: null,
  rank: null,
  belowHardMinimum: false,
  unit,
  target: null,
  rolledUp: { __typename: 'Figure', numerator: null, denominator: null, value: null, fromPredecessors: false },
});
const progress = (unit: typeof PROVINCE, children: (typeof PROVINCE)[]) => ({
  request: { query: ProgressQuery, variables: { planId: 'p22', indicatorId: 'i1', unitId: unit.id, period: '2022' } },
  result: {
    data: {
      progress: {
        ...row(unit),
        indicator: { __typename: 'Indicator', id: 'i1', name: INDICATOR.name, measure: 'RATE', comparator: 'AT_LEAST', unitOfMeasure: '%' },
        children: children.map(row),
      },
    },
  },
});

/** The page's first answers take a few seconds in jsdom (antd's table, the lazy chart). */
const WAIT = { timeout: 10_000 };

/** The reporting panels beside the table (completeness, at risk, trend): empty answers, whatever the unit. */
const point = (period: string) => ({ __typename: 'Progress', period, rolledUp: { __typename: 'Figure', value: null } });
const any = () => true;
const panels = [
  {
    request: { query: ReportingPlanQuery, variables: { id: 'p22' } },
    result: { data: { plan: { __typename: 'Plan', id: 'p22', year: 2022, title: header.title, status: 'ISSUED', indicators: [] } } },
    maxUsageCount: 10,
  },
  { request: { query: ReportingQuery, variables: any }, result: { data: { reporting: [] } }, maxUsageCount: 10 },
  { request: { query: AtRiskQuery, variables: any }, result: { data: { atRisk: [] } }, maxUsageCount: 10 },
  {
    request: { query: TrendHalfQuery, variables: any },
    result: { data: Object.fromEntries([1, 2, 3, 4, 5, 6].map((m) => [`m${m}`, point(`2022-0${m}`)])) },
    maxUsageCount: 20,
  },
  {
    request: { query: YearOutlookQuery, variables: any },
    result: {
      data: { progress: { __typename: 'Progress', period: '2022', projected: null, atRisk: false, target: null, rolledUp: { __typename: 'Figure', value: null }, unit: PROVINCE } },
    },
    maxUsageCount: 10,
  },
];

const mocks = () => [
  ...panels,
  { request: { query: PlansQuery, variables: {} }, result: { data: { plans: [header] } } },
  { request: { query: PlanQuery, variables: { id: 'p22' } }, result: { data: { plan } } },
  progress(PROVINCE, [DISTRICT]),
  progress(DISTRICT, [COMMUNE]),
  progress(PROVINCE, [DISTRICT]),
];

describe('DashboardPage by keyboard', () => {
  it('Tab reaches a child, Enter drills into it with the focus on the unit shown, Space on the breadcrumb goes back', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/progress" element={<DashboardPage />} />
      </Routes>,
      { user: PROVINCE_ADMIN, route: '/progress', mocks: mocks() },
    );
    const drill = await screen.findByRole('button', { name: 'Xem chi tiết cấp dưới của Huyện Krông A Na' }, WAIT);
    // Only the children drill: the unit shown heads the table as plain text.
    expect(screen.queryByRole('button', { name: /Tỉnh Đắk Lắk$/ })).toBeNull();
    // From the unit shown (the breadcrumb's last item), the next Tab stop is the first child's name.
    (document.querySelector('[data-current-unit]') as HTMLElement).focus();
    await user.tab();
    expect(document.activeElement).toBe(drill);
    await user.keyboard('{Enter}');
    await screen.findByRole('button', { name: 'Xem chi tiết cấp dưới của Thị trấn Buôn Trấp' }, WAIT);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Huyện Krông A Na'), WAIT);
    expect(document.activeElement?.getAttribute('aria-current')).toBe('page');

    await user.tab({ shift: true });
    expect(document.activeElement?.textContent).toBe('Tỉnh Đắk Lắk');
    await user.keyboard(' ');
    await screen.findByRole('button', { name: 'Xem chi tiết cấp dưới của Huyện Krông A Na' }, WAIT);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Tỉnh Đắk Lắk'), WAIT);
  }, 60_000);
});
