import { describe, expect, it } from 'vitest';
import { figureOf, type Figure } from './figures';
import { monthPeriod, quarterPeriod, yearPeriod } from './periods';
import { leastSquaresAt, projectionAtRisk, projectionMonths, projectionShortfall, projectYearEnd, type MonthFigure } from './projection';

const rate = (month: number, b: number, a: number): MonthFigure => ({ month, figure: figureOf('RATE', { numerator: b, denominator: a }) });
const val = (month: number, value: number | null): MonthFigure => ({ month, figure: { numerator: null, denominator: null, value } as Figure });

/** Weighted least squares by the normal equations, written out: b = (ΣwΣwxy − ΣwxΣwy) / (ΣwΣwx² − (Σwx)²), a = (Σwy − bΣwx)/Σw. */
function direct(points: { x: number; y: number; w: number }[], at: number): number {
  const S = (f: (p: { x: number; y: number; w: number }) => number) => points.reduce((s, p) => s + f(p), 0);
  const sw = S((p) => p.w);
  const swx = S((p) => p.w * p.x);
  const swy = S((p) => p.w * p.y);
  const swxx = S((p) => p.w * p.x * p.x);
  const swxy = S((p) => p.w * p.x * p.y);
  const b = (sw * swxy - swx * swy) / (sw * swxx - swx * swx);
  const a = (swy - b * swx) / sw;
  return a + b * at;
}

describe('leastSquaresAt', () => {
  it('reads a straight line exactly', () => {
    // y = 2 + 3x through x = 1, 2, 3 → 38 at 12.
    expect(
      leastSquaresAt(
        [1, 2, 3].map((x) => ({ x, y: 2 + 3 * x })),
        12,
      ),
    ).toBeCloseTo(38, 9);
  });

  it('is null for one x or no weight', () => {
    expect(
      leastSquaresAt(
        [
          { x: 4, y: 1 },
          { x: 4, y: 2 },
        ],
        12,
      ),
    ).toBeNull();
    expect(
      leastSquaresAt(
        [
          { x: 1, y: 1, w: 0 },
          { x: 2, y: 2, w: 0 },
        ],
        12,
      ),
    ).toBeNull();
  });
});

describe('projectYearEnd, RATE: trend of the monthly rates weighted by their denominators', () => {
  it('agrees with the normal equations on a small series', () => {
    const months = [rate(1, 70, 100), rate(2, 148, 200), rate(3, 36, 50), rate(4, 300, 400)];
    // Rates 70, 74, 72, 75 with weights 100, 200, 50, 400.
    const want = direct(
      [
        { x: 1, y: 70, w: 100 },
        { x: 2, y: 74, w: 200 },
        { x: 3, y: 72, w: 50 },
        { x: 4, y: 75, w: 400 },
      ],
      12,
    );
    expect(want).toBeGreaterThan(75);
    expect(want).toBeLessThan(100);
    expect(projectYearEnd({ measure: 'RATE' }, months)).toBeCloseTo(want, 9);
    // The weights matter: unweighted the line is a different one.
    const unweighted = direct(
      [70, 74, 72, 75].map((y, i) => ({ x: i + 1, y, w: 1 })),
      12,
    );
    expect(Math.abs(unweighted - want)).toBeGreaterThan(0.1);
  });

  it('clamps to 0..100', () => {
    expect(projectYearEnd({ measure: 'RATE' }, [rate(1, 60, 100), rate(2, 80, 100), rate(3, 100, 100)])).toBe(100);
    expect(projectYearEnd({ measure: 'RATE' }, [rate(1, 40, 100), rate(2, 20, 100), rate(3, 0, 100)])).toBe(0);
  });

  it('is null with fewer than three months with a denominator', () => {
    expect(projectYearEnd({ measure: 'RATE' }, [rate(1, 50, 100), rate(2, 60, 100)])).toBeNull();
    // A month without dossiers (a = 0) has no rate: it does not count.
    expect(projectYearEnd({ measure: 'RATE' }, [rate(1, 50, 100), rate(2, 60, 100), rate(3, 0, 0)])).toBeNull();
    expect(projectYearEnd({ measure: 'RATE' }, [])).toBeNull();
  });

  it('fits a CUMULATIVE rate’s running rates the same way', () => {
    const months = [rate(1, 10, 20), rate(2, 30, 50), rate(3, 60, 90)];
    const want = direct(
      [
        { x: 1, y: 50, w: 20 },
        { x: 2, y: 60, w: 50 },
        { x: 3, y: (100 * 60) / 90, w: 90 },
      ],
      12,
    );
    expect(projectYearEnd({ measure: 'RATE', accumulation: 'CUMULATIVE' }, months)).toBeCloseTo(Math.min(100, want), 9);
  });
});

describe('projectYearEnd, other measures', () => {
  it('PERIODIC COUNT: the months so far × 12 / the last month recorded', () => {
    // 10 + 20 + 30 over months 1, 2, 4 (March blank) → 60 × 12 / 4 = 180.
    expect(projectYearEnd({ measure: 'COUNT' }, [val(1, 10), val(2, 20), val(4, 30)])).toBe(180);
    expect(projectYearEnd({ measure: 'COUNT' }, [val(1, 10), val(2, 20)])).toBeNull();
  });

  it('CUMULATIVE COUNT: the trend of the running totals to December', () => {
    // 10, 25, 35 at months 1..3: slope 12.5, mean 23.33 at x 2 → 23.33 + 12.5 × 10.
    const want = direct(
      [10, 25, 35].map((y, i) => ({ x: i + 1, y, w: 1 })),
      12,
    );
    expect(projectYearEnd({ measure: 'COUNT', accumulation: 'CUMULATIVE' }, [val(1, 10), val(2, 25), val(3, 35)])).toBeCloseTo(want, 9);
    expect(want).toBeCloseTo(70 / 3 + 125, 9);
  });

  it('SCORE and PERCENT: the trend of the monthly values, clamped to 0..100', () => {
    const want = direct(
      [80, 70, 75, 60].map((y, i) => ({ x: i + 3, y, w: 1 })),
      12,
    );
    expect(projectYearEnd({ measure: 'SCORE' }, [val(3, 80), val(4, 70), val(5, 75), val(6, 60)])).toBeCloseTo(Math.max(0, want), 9);
    expect(projectYearEnd({ measure: 'PERCENT' }, [val(1, 90), val(2, 95), val(3, 99)])).toBe(100);
    // A month with no value does not count.
    expect(projectYearEnd({ measure: 'PERCENT' }, [val(1, 90), val(2, null), val(3, 99)])).toBeNull();
  });
});

describe('projectionMonths', () => {
  const today = new Date(Date.UTC(2026, 6, 15)); // July 2026
  it('reads up to the end of a month or quarter, to December for a past year, to this month for this year', () => {
    expect(projectionMonths(monthPeriod(2024, 5), today)).toEqual([1, 2, 3, 4, 5]);
    expect(projectionMonths(quarterPeriod(2024, 3), today)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(projectionMonths(yearPeriod(2024), today)).toHaveLength(12);
    expect(projectionMonths(yearPeriod(2026), today)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('projectionAtRisk and projectionShortfall', () => {
  it('follows the target’s comparator', () => {
    expect(projectionAtRisk(79, { value: 80, comparator: 'AT_LEAST' })).toBe(true);
    expect(projectionAtRisk(80, { value: 80, comparator: 'AT_LEAST' })).toBe(false);
    expect(projectionAtRisk(80, { value: 80, comparator: 'GREATER_THAN' })).toBe(true);
    expect(projectionAtRisk(12, { value: 10, comparator: 'AT_MOST' })).toBe(true);
    expect(projectionAtRisk(10, { value: 10, comparator: 'EQUAL' })).toBe(false);
    expect(projectionAtRisk(null, { value: 10, comparator: 'AT_LEAST' })).toBe(false);
    expect(projectionAtRisk(5, null)).toBe(false);
  });

  it('measures the miss relative to the target, 0 when there is none', () => {
    expect(projectionShortfall(60, { value: 80, comparator: 'AT_LEAST' })).toBeCloseTo(0.25, 12);
    expect(projectionShortfall(15, { value: 10, comparator: 'AT_MOST' })).toBeCloseTo(0.5, 12);
    expect(projectionShortfall(90, { value: 80, comparator: 'AT_LEAST' })).toBe(0);
    expect(projectionShortfall(3, { value: 0, comparator: 'AT_MOST' })).toBe(3);
  });
});
