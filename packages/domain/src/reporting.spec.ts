import { describe, expect, it } from 'vitest';
import { DEFAULT_DUE_DAY, MAX_DUE_DAY, dueDateOf, isSent, latenessOf, periodsOfYear } from './reporting';
import { parsePeriod } from './periods';

describe('dueDateOf', () => {
  it.each([
    // Month ends: 31, 30, 28 and 29 days, and December into the next year.
    ['2022-01', 5, '2022-02-05'],
    ['2022-04', 5, '2022-05-05'],
    ['2022-02', 0, '2022-02-28'],
    ['2024-02', 1, '2024-03-01'],
    ['2022-12', 10, '2023-01-10'],
    // Quarters: Q1 ends 31 March, Q4 into the next year; a long due day crosses two months.
    ['2022-Q1', 15, '2022-04-15'],
    ['2022-Q4', 20, '2023-01-20'],
    ['2022-Q2', MAX_DUE_DAY, '2022-08-29'],
    // A year: due in January of the next.
    ['2022', 31, '2023-01-31'],
    ['2023', 60, '2024-02-29'],
  ])('%s with due day %i is due on %s', (period, dueDay, expected) => {
    expect(dueDateOf(parsePeriod(period), dueDay)).toBe(expected);
  });

  it('uses DEFAULT_DUE_DAY when the row does not say', () => {
    expect(DEFAULT_DUE_DAY).toBe(5);
    expect(dueDateOf(parsePeriod('2022-03'), null)).toBe('2022-04-05');
    expect(dueDateOf(parsePeriod('2022-Q3'), undefined)).toBe('2022-10-05');
  });
});

describe('periodsOfYear', () => {
  it('lists the periods of a year by frequency', () => {
    expect(periodsOfYear('YEARLY', 2022).map((p) => p.key)).toEqual(['2022']);
    expect(periodsOfYear('QUARTERLY', 2022).map((p) => p.key)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
    expect(periodsOfYear('MONTHLY', 2022).map((p) => p.key)).toHaveLength(12);
  });
});

describe('latenessOf', () => {
  const due = '2022-04-05';
  it.each([
    // state, submitted day, today → late, missing
    [null, null, '2022-04-05', false, false], // due today: not missing yet
    [null, null, '2022-04-06', false, true],
    ['DRAFT', null, '2022-04-06', false, true],
    ['DRAFT', null, '2022-04-01', false, false],
    ['SUBMITTED', '2022-04-05', '2022-05-01', false, false], // on the due day is in time
    ['SUBMITTED', '2022-04-06', '2022-05-01', true, false],
    ['APPROVED', '2022-04-03', '2022-05-01', false, false],
    ['APPROVED', '2022-04-20', '2022-05-01', true, false],
    ['RETURNED', '2022-04-02', '2022-05-01', false, true], // sent in time, returned: missing again
    ['RETURNED', '2022-04-09', '2022-04-04', true, false],
  ] as const)('%s submitted %s, today %s → late %s, missing %s', (state, submitted, today, late, missing) => {
    expect(latenessOf(due, state, submitted, today)).toEqual({ late, missing });
  });

  it('counts SUBMITTED and APPROVED as sent', () => {
    expect([null, 'DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'].map((s) => isSent(s as never))).toEqual([false, false, true, true, false]);
  });
});
