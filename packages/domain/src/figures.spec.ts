import { describe, it, expect } from 'vitest';
import {
  EMPTY_FIGURE,
  MEASURES,
  aggregateFigures,
  belowHardMinimum,
  figureOf,
  isAllowedScore,
  judgedFigure,
  latestStandsForPeriod,
  meanAcrossUnits,
  meetsTarget,
  progressGap,
  progressStatus,
  rankByComparator,
  rankGroup,
  rankInGroups,
  rateValue,
  scoreFromRule,
  scoreOptions,
  type Comparator,
  type Figure,
  type ProgressStatus,
  type ScoreStep,
} from './figures';

const rate = (numerator: number | null, denominator: number | null): Figure => figureOf('RATE', { numerator, denominator });
const val = (value: number | null): Figure => ({ numerator: null, denominator: null, value });

describe('rateValue', () => {
  it.each<[number | null, number | null, number | null]>([
    [800, 1000, 80], // the 2022 decision's worked example
    [0, 1000, 0],
    [1000, 1000, 100],
    [1, 4, 25],
    [3, 0, null], // a = 0: no dossier arose, not applicable (not 0%)
    [0, 0, null],
    [null, 10, null],
    [10, null, null],
  ])('b=%s a=%s → %s', (b, a, expected) => {
    expect(rateValue(b, a)).toBe(expected);
  });

  it('does not round', () => {
    expect(rateValue(1, 3)).toBeCloseTo(33.333333333, 8);
    expect(rateValue(2, 3)).not.toBe(66.67);
  });

  it('gives an exact value for an exact ratio of whole counts', () => {
    expect(rateValue(7, 35)).toBe(20);
    expect(rateValue(29, 145)).toBe(20);
  });
});

describe('figureOf', () => {
  it.each([
    ['RATE', { numerator: 800, denominator: 1000 }, { numerator: 800, denominator: 1000, value: 80 }],
    ['RATE', { numerator: 0, denominator: 0 }, { numerator: 0, denominator: 0, value: null }],
    ['RATE', {}, { numerator: null, denominator: null, value: null }],
    ['RATE', { numerator: 5, denominator: 10, value: 99 }, { numerator: 5, denominator: 10, value: 50 }],
    ['SCORE', { value: 50 }, { numerator: null, denominator: null, value: 50 }],
    ['COUNT', { value: 20 }, { numerator: null, denominator: null, value: 20 }],
    ['COUNT', { numerator: 3, denominator: 4 }, { numerator: null, denominator: null, value: null }],
  ] as const)('%s %j → %j', (measure, input, expected) => {
    expect(figureOf(measure, input)).toEqual(expected);
  });
});

describe('aggregateFigures', () => {
  it('RATE is Σb/Σa, not the mean of the percentages', () => {
    // A busy unit at 90% (900/1000) and a quiet one at 10% (1/10).
    const figures = [rate(900, 1000), rate(1, 10)];
    const agg = aggregateFigures('RATE', figures);
    expect(agg).toEqual({ numerator: 901, denominator: 1010, value: (100 * 901) / 1010 });
    const meanOfPercentages = (90 + 10) / 2;
    expect(agg.value).toBeCloseTo(89.2079, 4);
    expect(agg.value).not.toBeCloseTo(meanOfPercentages, 0);
  });

  it.each<[string, Figure[], Figure]>([
    ['two units', [rate(800, 1000), rate(200, 1000)], { numerator: 1000, denominator: 2000, value: 50 }],
    ['a unit with a = 0 adds nothing but does not void the rest', [rate(0, 0), rate(40, 50)], { numerator: 40, denominator: 50, value: 80 }],
    ['all a = 0 → not applicable', [rate(0, 0), rate(0, 0)], { numerator: 0, denominator: 0, value: null }],
    ['figures without a denominator are left out', [rate(5, null), rate(1, 2)], { numerator: 1, denominator: 2, value: 50 }],
    ['no figure with a denominator', [rate(5, null), EMPTY_FIGURE], { numerator: null, denominator: null, value: null }],
    ['a missing numerator counts as 0', [rate(null, 10), rate(10, 10)], { numerator: 10, denominator: 20, value: 50 }],
  ])('RATE: %s', (_label, figures, expected) => {
    expect(aggregateFigures('RATE', figures)).toEqual(expected);
  });

  it.each<[string, Figure[], number | null]>([
    ['mean of scores', [val(100), val(50), val(0)], 50],
    ['units without a score are left out', [val(100), val(null), val(50)], 75],
    ['no score at all', [val(null)], null],
  ])('SCORE: %s', (_label, figures, expected) => {
    expect(aggregateFigures('SCORE', figures)).toEqual({ numerator: null, denominator: null, value: expected });
  });

  it.each<[string, Figure[], number | null]>([
    ['sum of counts', [val(12), val(8), val(0)], 20],
    ['missing counts are left out', [val(12), val(null)], 12],
    ['no count at all', [val(null), val(null)], null],
  ])('COUNT: %s', (_label, figures, expected) => {
    expect(aggregateFigures('COUNT', figures)).toEqual({ numerator: null, denominator: null, value: expected });
  });

  it.each(['RATE', 'SCORE', 'COUNT'] as const)('%s of nothing is the empty figure', (measure) => {
    expect(aggregateFigures(measure, [])).toEqual(EMPTY_FIGURE);
  });

  it('returns a fresh object, never the shared empty figure', () => {
    const agg = aggregateFigures('COUNT', []);
    expect(agg).not.toBe(EMPTY_FIGURE);
    expect(Object.isFrozen(EMPTY_FIGURE)).toBe(true);
  });
});

describe('meetsTarget', () => {
  it.each<[Comparator, number, number, boolean]>([
    ['AT_LEAST', 80, 80, true],
    ['AT_LEAST', 80.0001, 80, true],
    ['AT_LEAST', 79.9999, 80, false],
    ['GREATER_THAN', 80, 80, false], // "> 80%": exactly 80 is not enough
    ['GREATER_THAN', 80.0001, 80, true],
    ['GREATER_THAN', 79, 80, false],
    ['AT_MOST', 5, 5, true],
    ['AT_MOST', 4, 5, true],
    ['AT_MOST', 5.0001, 5, false],
    ['EQUAL', 100, 100, true],
    ['EQUAL', 100 + 1e-10, 100, true],
    ['EQUAL', 0.1 + 0.2, 0.3, true],
    ['EQUAL', 99.999, 100, false],
  ])('%s: %s vs %s → %s', (comparator, value, target, expected) => {
    expect(meetsTarget(comparator, value, target)).toBe(expected);
  });
});

describe('progressStatus', () => {
  const target = { value: 80, comparator: 'AT_LEAST' as Comparator };
  it.each<[string, Parameters<typeof progressStatus>[0], ProgressStatus]>([
    ['no target wins over everything', { target: null, hasData: false, figure: EMPTY_FIGURE }, 'NO_TARGET'],
    ['no target even with data', { target: null, hasData: true, figure: rate(90, 100) }, 'NO_TARGET'],
    ['nothing recorded', { target, hasData: false, figure: EMPTY_FIGURE }, 'NO_DATA'],
    ['NO_DATA comes before NOT_APPLICABLE', { target, hasData: false, figure: rate(0, 0) }, 'NO_DATA'],
    ['recorded, a = 0', { target, hasData: true, figure: rate(0, 0) }, 'NOT_APPLICABLE'],
    ['achieved', { target, hasData: true, figure: rate(80, 100) }, 'ACHIEVED'],
    ['not achieved', { target, hasData: true, figure: rate(79, 100) }, 'NOT_ACHIEVED'],
    ['> 80 at exactly 80', { target: { value: 80, comparator: 'GREATER_THAN' }, hasData: true, figure: rate(80, 100) }, 'NOT_ACHIEVED'],
    ['AT_MOST met', { target: { value: 10, comparator: 'AT_MOST' }, hasData: true, figure: rate(5, 100) }, 'ACHIEVED'],
    ['AT_MOST missed', { target: { value: 10, comparator: 'AT_MOST' }, hasData: true, figure: rate(11, 100) }, 'NOT_ACHIEVED'],
    ['score', { target: { value: 100, comparator: 'AT_LEAST' }, hasData: true, figure: val(50) }, 'NOT_ACHIEVED'],
  ])('%s → %s', (_label, args, expected) => {
    expect(progressStatus(args)).toBe(expected);
  });
});

describe('progressGap', () => {
  it.each<[ProgressStatus, Figure, { value: number } | number | null, number | null]>([
    ['ACHIEVED', rate(90, 100), { value: 80 }, 10],
    ['NOT_ACHIEVED', rate(70, 100), { value: 80 }, -10],
    ['NOT_ACHIEVED', rate(70, 100), 80, -10],
    ['ACHIEVED', rate(1, 3), { value: 30 }, 100 / 3 - 30],
    ['NO_DATA', EMPTY_FIGURE, { value: 80 }, null],
    ['NOT_APPLICABLE', rate(0, 0), { value: 80 }, null],
    ['NO_TARGET', rate(90, 100), null, null],
  ])('%s %j vs %j → %s', (status, figure, target, expected) => {
    expect(progressGap(status, figure, target)).toBe(expected);
  });
});

describe('belowHardMinimum', () => {
  it.each<[number | null | undefined, number | null, boolean]>([
    [95, 94.99, true],
    [95, 95, false],
    [95, 98, false],
    [95, null, false],
    [null, 10, false],
    [undefined, 10, false],
    [0, 0, false],
  ])('minimum %s, value %s → %s', (min, value, expected) => {
    expect(belowHardMinimum(min, value)).toBe(expected);
  });
});

describe('rankByComparator', () => {
  it.each<[Comparator, (number | null)[], (number | null)[]]>([
    ['AT_LEAST', [90, 95, 90, 80], [2, 1, 2, 4]],
    ['AT_LEAST', [95, 95, 90], [1, 1, 3]], // competition ranking: 1, 1, 3
    ['GREATER_THAN', [95, 95, 90], [1, 1, 3]],
    ['EQUAL', [10, 30, 20], [3, 1, 2]],
    ['AT_MOST', [10, 30, 20], [1, 3, 2]], // lower is better
    ['AT_MOST', [5, 5, 7, 3], [2, 2, 4, 1]],
    ['AT_LEAST', [null, 80, null, 90], [null, 2, null, 1]], // no value, no rank, no place taken
    ['AT_LEAST', [null, null], [null, null]],
    ['AT_LEAST', [], []],
    ['AT_LEAST', [0, 100, 0], [2, 1, 2]],
  ])('%s %j → %j', (comparator, values, expected) => {
    expect(rankByComparator(values, comparator)).toEqual(expected);
  });

  it('does not reorder or change its input', () => {
    const values = [3, 1, 2];
    rankByComparator(values, 'AT_LEAST');
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('SCORE rules', () => {
  const rule: ScoreStep[] = [
    { when: 'Ban hành văn bản triển khai trong phạm vi 15 ngày kể từ khi kế hoạch có hiệu lực', score: 100 },
    { when: 'Ban hành sau 30 ngày', score: 50 },
    { when: 'Còn lại', score: 0 },
  ];

  it('lists the allowed scores in the rule order, without repeats', () => {
    expect(scoreOptions(rule)).toEqual([100, 50, 0]);
    expect(scoreOptions([...rule, { when: 'Khác', score: 0 }])).toEqual([100, 50, 0]);
    expect(scoreOptions([])).toEqual([]);
  });

  it.each<[number | string | null | undefined, number | null]>([
    [0, 100],
    [1, 50],
    [2, 0],
    [3, null],
    [-1, null],
    [1.5, null],
    ['Ban hành sau 30 ngày', 50],
    ['  ban hanh SAU 30 ngay ', 50],
    ['Còn lại', 0],
    ['Không có', null],
    [null, null],
    [undefined, null],
  ])('step %j → %s', (step, expected) => {
    expect(scoreFromRule(rule, step)).toBe(expected);
  });

  it.each([
    [100, true],
    [50, true],
    [0, true],
    [75, false],
  ])('score %s allowed → %s', (score, expected) => {
    expect(isAllowedScore(rule, score)).toBe(expected);
  });
});

describe('how measures add up', () => {
  it('means SCORE and PERCENT across units, sums RATE (Σb/Σa) and COUNT', () => {
    expect(Object.fromEntries(MEASURES.map((m) => [m, meanAcrossUnits(m)]))).toEqual({ RATE: false, SCORE: true, COUNT: false, PERCENT: true });
    expect(aggregateFigures('PERCENT', [val(80), val(null), val(95)])).toEqual(val((80 + 95) / 2));
  });

  it('lets the latest figure stand for a period for SCORE, PERCENT and any CUMULATIVE indicator', () => {
    expect(latestStandsForPeriod('RATE')).toBe(false);
    expect(latestStandsForPeriod('COUNT', 'PERIODIC')).toBe(false);
    expect(latestStandsForPeriod('RATE', 'CUMULATIVE')).toBe(true);
    expect(latestStandsForPeriod('COUNT', 'CUMULATIVE')).toBe(true);
    expect(latestStandsForPeriod('SCORE')).toBe(true);
    expect(latestStandsForPeriod('PERCENT')).toBe(true);
  });
});

describe('judgedFigure', () => {
  it('judges an OWN row on the unit’s own figure and anything else on the rolled-up one', () => {
    const figures = { own: rate(85, 100), rolledUp: rate(62, 100) };
    expect(judgedFigure('OWN', figures)).toBe(figures.own);
    expect(judgedFigure('SUBTREE', figures)).toBe(figures.rolledUp);
    expect(judgedFigure(null, figures)).toBe(figures.rolledUp);
  });
});

describe('rankInGroups', () => {
  it('ranks agencies apart from territorial units, each group from 1 (competition ranking)', () => {
    const kinds = ['PROVINCIAL_AGENCY', 'DISTRICT', 'PROVINCIAL_AGENCY', 'TOWN', 'DISTRICT', 'PROVINCIAL_AGENCY'] as const;
    const values = [90, 70, 95, 80, 70, null];
    expect(kinds.map(rankGroup)).toEqual(['AGENCY', 'TERRITORIAL', 'AGENCY', 'TERRITORIAL', 'TERRITORIAL', 'AGENCY']);
    expect(rankInGroups(values, kinds.map(rankGroup), 'AT_LEAST')).toEqual([2, 2, 1, 1, 2, null]);
    expect(rankInGroups(values, kinds.map(rankGroup), 'AT_MOST')).toEqual([1, 1, 2, 3, 1, null]);
  });

  it('is rankByComparator when every unit is in one group', () => {
    const values = [3, 1, 3, null, 2];
    expect(
      rankInGroups(
        values,
        values.map(() => 'TERRITORIAL'),
        'AT_LEAST',
      ),
    ).toEqual(rankByComparator(values, 'AT_LEAST'));
  });
});
