import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../../test/render';
import { PlanChecklistView } from './PlanChecklistView';
import { hasProblems, type Checklist } from './summary';

const unit = (id: string, name: string) => ({ id, name });
const CHILDREN = [unit('1', 'Sở Nội vụ'), unit('2', 'Sở Tư pháp'), unit('3', 'Huyện Krông A Na'), unit('4', 'Huyện Buôn Đôn'), unit('5', 'Thị xã Buôn Hồ')];
const indicator = (id: string, name: string) => ({ id, code: id.toUpperCase(), name });

function checklist(rows: Checklist['rows'], warnings: string[] = []): Checklist {
  return { planId: '7', units: CHILDREN.length, warnings, children: CHILDREN, rows };
}
const row = (id: string, name: string, missing: typeof CHILDREN, issues: Checklist['rows'][number]['issues'] = [], late = 0): Checklist['rows'][number] => ({
  id,
  position: id,
  late,
  indicator: indicator(`i${id}`, name),
  missing,
  issues,
});

describe('PlanChecklistView', () => {
  it('a complete plan: one green line with the count', () => {
    const c = checklist([row('1', 'Tỷ lệ hồ sơ trực tuyến', [])]);
    expect(hasProblems(c)).toBe(false);
    renderWithProviders(<PlanChecklistView checklist={c} />);
    expect(screen.getByText('Đủ chỉ tiêu cho 5/5 đơn vị, không có lỗi hay cảnh báo.')).toBeTruthy();
  });

  it('per row: the missing units (three named, then how many more), issues worded with their unit, late ones; plan-level gaps', () => {
    const issue = { unitId: '3', code: 'BELOW_FLOOR', severity: 'ERROR' as const, message: 'Chỉ tiêu 65% thấp hơn mức sàn 70%' };
    const c = checklist([row('1', 'Tỷ lệ hồ sơ trực tuyến', CHILDREN.slice(0, 4), [issue], 2), row('2', 'Tỷ lệ số hóa', [])], ['NO_DOCUMENT_DATE']);
    expect(hasProblems(c)).toBe(true);
    renderWithProviders(<PlanChecklistView checklist={c} />);
    const [first, second] = screen.getAllByRole('listitem');
    expect(first.textContent).toContain('1. Tỷ lệ hồ sơ trực tuyến');
    expect(first.textContent).toContain('Thiếu chỉ tiêu: 4/5 đơn vị (Sở Nội vụ, Sở Tư pháp, Huyện Krông A Na, và 1 đơn vị khác)');
    expect(first.textContent).toContain('2 chỉ tiêu giao xuống cấp dưới sau hạn');
    expect(first.querySelector('[data-issue="BELOW_FLOOR"]')!.textContent).toBe('LỗiHuyện Krông A Na: Chỉ tiêu 65% thấp hơn mức sàn 70%');
    // Codes are never read out.
    expect(first.textContent).not.toContain('BELOW_FLOOR');
    expect(second.textContent).toContain('Đủ chỉ tiêu cho 5/5 đơn vị');
    expect(screen.getByText('Chưa có ngày ban hành văn bản.')).toBeTruthy();
  });
});
