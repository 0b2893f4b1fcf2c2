import { describe, expect, it } from 'vitest';
import { completenessCounts, completenessOf } from './completeness';

describe('completeness', () => {
  it('sorts each unit into on time, late, missing or not yet due', () => {
    expect(completenessOf({ state: 'APPROVED', late: false, missing: false })).toBe('onTime');
    expect(completenessOf({ state: 'SUBMITTED', late: true, missing: false })).toBe('late');
    expect(completenessOf({ state: 'DRAFT', late: false, missing: true })).toBe('missing');
    expect(completenessOf({ state: null, late: false, missing: false })).toBe('notDue');
    // A returned figure is not sent: before the due date it is simply not due yet.
    expect(completenessOf({ state: 'RETURNED', late: false, missing: false })).toBe('notDue');
  });

  it('counts them', () => {
    const rows = [
      { state: 'APPROVED' as const, late: false, missing: false },
      { state: 'SUBMITTED' as const, late: true, missing: false },
      { state: null, late: false, missing: true },
      { state: null, late: false, missing: true },
    ];
    expect(completenessCounts(rows)).toEqual({ onTime: 1, late: 1, missing: 2, notDue: 0 });
  });
});
