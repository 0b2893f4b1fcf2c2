import { describe, it, expect } from 'vitest';
import type { Figure, Measure } from './figures';
import {
  containingPeriods,
  isPeriodKey,
  monthPeriod,
  parsePeriod,
  periodContains,
  periodRange,
  quarterPeriod,
  resolvePeriodFigure,
  subPeriods,
  yearPeriod,
  type Period,
} from './periods';
import { DomainError } from './errors';

const keys = (ps: Period[]): string[] => ps.map((p) => p.key);

describe('parsePeriod', () => {
  it.each<[string, Period]>([
    ['2024', { kind: 'YEAR', year: 2024, key: '2024' }],
    ['2024-Q1', { kind: 'QUARTER', year: 2024, quarter: 1, key: '2024-Q1' }],
    ['2024-Q4', { kind: 'QUARTER', year: 2024, quarter: 4, key: '2024-Q4' }],
    ['2024-01', { kind: 'MONTH', year: 2024, month: 1, quarter: 1, key: '2024-01' }],
    ['2024-05', { kind: 'MONTH', year: 2024, month: 5, quarter: 2, key: '2024-05' }],
    ['2024-12', { kind: 'MONTH', year: 2024, month: 12, quarter: 4, key: '2024-12' }],
    ['1900', { kind: 'YEAR', year: 1900, key: '1900' }],
    ['2999-Q2', { kind: 'QUARTER', year: 2999, quarter: 2, key: '2999-Q2' }],
  ])('%j is valid', (input, expected) => {
    expect(parsePeriod(input)).toEqual(expected);
    expect(isPeriodKey(input)).toBe(true);
  });

  it.each([
    [''],
    ['24'],
    ['20245'],
    ['2024-Q0'],
    ['2024-Q5'],
    ['2024-q2'],
    ['2024Q2'],
    ['2024-00'],
    ['2024-13'],
    ['2024-5'],
    ['2024-005'],
    ['2024-05-01'],
    [' 2024'],
    ['2024 '],
    ['1899'],
    ['3000'],
    ['0000-Q1'],
    ['Q2-2024'],
    ['05/2024'],
    ['Quý II'],
    ['２０２４'],
  ])('%j throws INVALID_PERIOD', (input) => {
    expect(isPeriodKey(input)).toBe(false);
    try {
      parsePeriod(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('INVALID_PERIOD');
      expect((e as DomainError).params).toEqual({ period: input });
    }
  });

  it('rejects non-strings from untyped callers', () => {
    expect(() => parsePeriod(2024 as unknown as string)).toThrow(DomainError);
    expect(() => parsePeriod(null as unknown as string)).toThrow(DomainError);
  });

  it('constructors check their parts', () => {
    expect(yearPeriod(2024).key).toBe('2024');
    expect(quarterPeriod(2024, 3).key).toBe('2024-Q3');
    expect(monthPeriod(2024, 7).key).toBe('2024-07');
    expect(() => quarterPeriod(2024, 5)).toThrow(DomainError);
    expect(() => monthPeriod(2024, 0)).toThrow(DomainError);
    expect(() => yearPeriod(1800)).toThrow(DomainError);
    expect(() => yearPeriod(2024.5)).toThrow(DomainError);
  });
});

describe('subPeriods', () => {
  it.each([
    ['2024', ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']],
    ['2024-Q1', ['2024-01', '2024-02', '2024-03']],
    ['2024-Q2', ['2024-04', '2024-05', '2024-06']],
    ['2024-Q4', ['2024-10', '2024-11', '2024-12']],
    ['2024-05', []],
  ])('%s → %j', (p, expected) => {
    expect(keys(subPeriods(parsePeriod(p)))).toEqual(expected);
  });
});

describe('containingPeriods', () => {
  it.each([
    ['2024-05', ['2024-Q2', '2024']],
    ['2024-12', ['2024-Q4', '2024']],
    ['2024-01', ['2024-Q1', '2024']],
    ['2024-Q3', ['2024']],
    ['2024', []],
  ])('%s → %j', (p, expected) => {
    expect(keys(containingPeriods(parsePeriod(p)))).toEqual(expected);
  });

  it.each([
    ['2024', '2024-05', true],
    ['2024-Q2', '2024-05', true],
    ['2024-Q3', '2024-05', false],
    ['2024-05', '2024-05', true],
    ['2024-05', '2024', false],
    ['2023', '2024-Q1', false],
  ])('periodContains(%s, %s) → %s', (outer, inner, expected) => {
    expect(periodContains(parsePeriod(outer), parsePeriod(inner))).toBe(expected);
  });
});

describe('periodRange', () => {
  it.each([
    ['2024', '2024-01-01', '2024-12-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2024-Q2', '2024-04-01', '2024-06-30'],
    ['2024-Q3', '2024-07-01', '2024-09-30'],
    ['2024-Q4', '2024-10-01', '2024-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'], // leap year
    ['2023-02', '2023-02-01', '2023-02-28'],
    ['1900-02', '1900-02-01', '1900-02-28'], // not a leap year
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2024-04', '2024-04-01', '2024-04-30'],
    ['2024-12', '2024-12-01', '2024-12-31'],
  ])('%s → %s..%s', (p, from, to) => {
    expect(periodRange(parsePeriod(p))).toEqual({ from, to });
  });
});

describe('resolvePeriodFigure', () => {
  const rate = (numerator: number, denominator: number): Figure => ({
    numerator,
    denominator,
    value: denominator === 0 ? null : (100 * numerator) / denominator,
  });
  const val = (value: number): Figure => ({ numerator: null, denominator: null, value });
  const resolve = (measure: Measure, period: string, recorded: Record<string, Figure>) => resolvePeriodFigure(measure, parsePeriod(period), new Map(Object.entries(recorded)));

  it('returns the recorded figure of the period itself', () => {
    const f = rate(8, 10);
    expect(resolve('RATE', '2024-05', { '2024-05': f })).toBe(f);
  });

  it('prefers a recorded year over its quarters and months', () => {
    expect(resolve('RATE', '2024', { '2024': rate(1, 2), '2024-Q1': rate(9, 10), '2024-01': rate(3, 3) })).toEqual(rate(1, 2));
  });

  it('builds a year from its quarters, and quarters from their months (RATE: Σb/Σa)', () => {
    const recorded = {
      '2024-01': rate(10, 20),
      '2024-02': rate(20, 20),
      '2024-03': rate(30, 60),
      '2024-Q2': rate(40, 100),
    };
    expect(resolve('RATE', '2024-Q1', recorded)).toEqual({ numerator: 60, denominator: 100, value: 60 });
    expect(resolve('RATE', '2024', recorded)).toEqual({ numerator: 100, denominator: 200, value: 50 });
  });

  it('lets a recorded quarter win over its own months, so nothing is counted twice', () => {
    const recorded = {
      '2024-Q1': rate(50, 100),
      '2024-01': rate(10, 30), // inside Q1, already in the Q1 figure
      '2024-02': rate(10, 30),
      '2024-04': rate(30, 50), // Q2 has no recorded figure: built from its months
      '2024-05': rate(20, 50),
    };
    expect(resolve('RATE', '2024-Q1', recorded)).toEqual(rate(50, 100));
    expect(resolve('RATE', '2024-Q2', recorded)).toEqual({ numerator: 50, denominator: 100, value: 50 });
    expect(resolve('RATE', '2024', recorded)).toEqual({ numerator: 100, denominator: 200, value: 50 });
  });

  it('is year-to-date when only the first months are in', () => {
    expect(resolve('RATE', '2024', { '2024-01': rate(5, 10), '2024-02': rate(10, 10) })).toEqual({
      numerator: 15,
      denominator: 20,
      value: 75,
    });
  });

  it('gives a figure with a null value when every month had a = 0 (not applicable, not missing)', () => {
    expect(resolve('RATE', '2024-Q1', { '2024-01': rate(0, 0), '2024-02': rate(0, 0) })).toEqual({
      numerator: 0,
      denominator: 0,
      value: null,
    });
  });

  it.each(['RATE', 'SCORE', 'COUNT'] as const)('%s: null when nothing inside the period is recorded', (measure) => {
    expect(resolve(measure, '2024', {})).toBeNull();
    expect(resolve(measure, '2024', { '2023-12': val(1), '2023': val(2), '2025-Q1': val(3) })).toBeNull();
    expect(resolve(measure, '2024-05', { '2024-Q2': val(4) })).toBeNull(); // a month is not built from its quarter
  });

  it('COUNT: sums the sub-periods, numerator and denominator null', () => {
    const recorded = { '2024-Q1': val(5), '2024-04': val(2), '2024-06': val(3), '2024-Q4': val(10) };
    expect(resolve('COUNT', '2024-Q2', recorded)).toEqual({ numerator: null, denominator: null, value: 5 });
    expect(resolve('COUNT', '2024', recorded)).toEqual({ numerator: null, denominator: null, value: 20 });
  });

  it('SCORE: the latest sub-period with a figure stands for the period (not a mean)', () => {
    const recorded = { '2024-01': val(0), '2024-02': val(50), '2024-Q3': val(100), '2024-08': val(0) };
    expect(resolve('SCORE', '2024-Q1', recorded)).toEqual(val(50));
    expect(resolve('SCORE', '2024', recorded)).toEqual(val(100)); // Q3 recorded; Q4 empty
    expect(resolve('SCORE', '2024', { '2024-01': val(0), '2024-11': val(50), '2024-Q2': val(100) })).toEqual(val(50));
  });

  const resolveAs = (measure: Measure, period: string, recorded: Record<string, Figure>) =>
    resolvePeriodFigure(measure, parsePeriod(period), new Map(Object.entries(recorded)), 'CUMULATIVE');

  it('CUMULATIVE: a quarter and a year are their latest running total, never a sum', () => {
    const recorded = { '2024-01': rate(10, 20), '2024-02': rate(25, 40), '2024-03': rate(30, 60) };
    expect(resolveAs('RATE', '2024-Q1', recorded)).toEqual(rate(30, 60));
    expect(resolveAs('RATE', '2024', recorded)).toEqual(rate(30, 60));
    expect(resolveAs('RATE', '2024-02', recorded)).toEqual(rate(25, 40));
    // The same figures read as periodic add up.
    expect(resolve('RATE', '2024-Q1', recorded)).toEqual(rate(65, 120));
  });

  it('CUMULATIVE: the latest of a recorded quarter and later months; a recorded period still wins', () => {
    const recorded = { '2024-Q1': rate(30, 60), '2024-02': rate(1, 1), '2024-04': rate(40, 80), '2024-05': rate(55, 100) };
    expect(resolveAs('RATE', '2024-Q1', recorded)).toEqual(rate(30, 60));
    expect(resolveAs('RATE', '2024', recorded)).toEqual(rate(55, 100));
    expect(resolveAs('COUNT', '2024', { '2024-01': val(3), '2024-Q3': val(9), '2024-08': val(7) })).toEqual(val(9));
    expect(resolveAs('RATE', '2024', { ...recorded, '2024': rate(70, 100) })).toEqual(rate(70, 100));
    expect(resolveAs('RATE', '2024-Q3', recorded)).toBeNull();
  });

  it('PERCENT: like SCORE, the latest sub-period with a figure stands for the period', () => {
    const recorded = { '2024-01': val(80), '2024-02': val(90), '2024-Q3': val(70) };
    expect(resolve('PERCENT', '2024-Q1', recorded)).toEqual(val(90));
    expect(resolve('PERCENT', '2024', recorded)).toEqual(val(70));
  });
});
