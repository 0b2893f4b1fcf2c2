import { describe, expect, it } from 'vitest';
import { parseResultsLink, reasonOf, resultsLink, returnedFigures } from './reporting-links';

describe('reporting links', () => {
  it('reads back the link it writes', () => {
    const k = { planId: 'p1', indicatorId: 'i2', period: '2022-03', unitId: 'u9' };
    expect(parseResultsLink(resultsLink(k))).toEqual(k);
    expect(parseResultsLink('/plans/1')).toBeNull();
    expect(parseResultsLink(null)).toBeNull();
  });

  it('keeps the latest return of each figure with its reason', () => {
    const link = resultsLink({ planId: 'p', indicatorId: 'i', period: '2022-03', unitId: 'u' });
    const list = returnedFigures([
      { id: '1', kind: 'RESULTS_RETURNED', message: 'Số liệu X kỳ 2022-03 của Y bị trả lại. Lý do: cũ', link, createdAt: '2026-01-01T00:00:00Z' },
      { id: '2', kind: 'RESULTS_RETURNED', message: 'Số liệu X kỳ 2022-03 của Y bị trả lại. Lý do: thiếu hồ sơ tháng 3', link, createdAt: '2026-01-02T00:00:00Z' },
      { id: '3', kind: 'RESULTS_SUBMITTED', message: 'x', link, createdAt: '2026-01-03T00:00:00Z' },
    ]);
    expect(list.map((r) => [r.id, r.reason])).toEqual([['2', 'thiếu hồ sơ tháng 3']]);
    expect(reasonOf('The figures were returned. Reason: wrong month')).toBe('wrong month');
  });
});
