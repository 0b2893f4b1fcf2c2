import { describe, expect, it } from 'vitest';
import { openingPlan, plansOfUnit, reportedRows, startedPeriods, validInPeriod } from './reporter-choices';
import { defaultPeriod } from './periods';

// Krông A Na, a district merged away by the 2025 reform (its last day 30 June 2025), and a commune made by it.
const DISSOLVED = { validFrom: null, validTo: '2025-06-30' };
const NEW_COMMUNE = { validFrom: '2025-07-01', validTo: null };
const plans = [2027, 2026, 2025, 2022].map((year) => ({ id: String(year), year }));
const TODAY = new Date('2026-12-04T08:00:00Z');

describe('what a reporter is offered', () => {
  it('plans of the years the unit existed on 1 January of', () => {
    expect(plansOfUnit(plans, DISSOLVED).map((p) => p.year)).toEqual([2025, 2022]);
    expect(plansOfUnit(plans, NEW_COMMUNE).map((p) => p.year)).toEqual([2027, 2026]);
    expect(plansOfUnit(plans, { validFrom: null, validTo: null })).toHaveLength(4);
  });

  it('opens on the newest plan of a year under way, not on one still to come', () => {
    expect(openingPlan(plans, TODAY)?.year).toBe(2026);
    expect(openingPlan(plansOfUnit(plans, DISSOLVED), TODAY)?.year).toBe(2025);
    expect(openingPlan([{ id: 'x', year: 2027 }], TODAY)?.year).toBe(2027);
  });

  it('a unit only in the periods it existed in (the server refuses the others)', () => {
    expect(validInPeriod(DISSOLVED, '2025-06')).toBe(true);
    expect(validInPeriod(DISSOLVED, '2025-07')).toBe(false);
    expect(validInPeriod(DISSOLVED, '2025-Q3')).toBe(false);
    expect(validInPeriod(DISSOLVED, '2025')).toBe(true);
    expect(validInPeriod(NEW_COMMUNE, '2025-06')).toBe(false);
    expect(validInPeriod(NEW_COMMUNE, '2025-Q3')).toBe(true);
  });

  it('only the rows the unit holds a target on, or all when it holds none', () => {
    const rows = ['a', 'b', 'c'].map((id) => ({ indicator: { id } }));
    expect(reportedRows(rows, new Set(['b'])).map((r) => r.indicator.id)).toEqual(['b']);
    expect(reportedRows(rows, new Set(['z'])).map((r) => r.indicator.id)).toEqual(['a', 'b', 'c']);
  });

  it('periods that have started, and the period it opens on is the last one ended', () => {
    const months = Array.from({ length: 12 }, (_, i) => ({ value: `2026-${String(i + 1).padStart(2, '0')}` }));
    expect(startedPeriods(months, TODAY).map((c) => c.value)).toHaveLength(12);
    expect(startedPeriods([{ value: '2027-01' }, { value: '2026-12' }], TODAY).map((c) => c.value)).toEqual(['2026-12']);
    expect(defaultPeriod(2026, 'MONTHLY', TODAY)).toBe('2026-11');
    expect(defaultPeriod(2025, 'MONTHLY', TODAY)).toBe('2025-12');
    expect(defaultPeriod(2026, 'QUARTERLY', TODAY)).toBe('2026-Q3');
    expect(defaultPeriod(2027, 'MONTHLY', TODAY)).toBe('2027-01');
  });
});
