import { describe, expect, it } from 'vitest';
import { figureAcross, periodsBefore } from './history';
import { parsePeriod, periodContains } from './periods';
import type { Figure } from './figures';

const rate = (numerator: number, denominator: number): Figure => ({ numerator, denominator, value: (100 * numerator) / denominator });
const months = (year: number, from: number, to: number, f: (m: number) => Figure) =>
  new Map(Array.from({ length: to - from + 1 }, (_, i) => [`${year}-${String(from + i).padStart(2, '0')}`, f(from + i)]));

describe('figureAcross: figures across a reorganisation', () => {
  // Two old communes merged into one new commune on 2025-07-01.
  const oldA = months(2025, 1, 6, () => rate(30, 40));
  const oldB = months(2025, 1, 6, () => rate(10, 20));
  const newOwn = months(2025, 7, 12, () => rate(50, 60));

  it('joins the predecessors’ January–June with the unit’s own July–December for the year', () => {
    const { figure, fromPredecessors } = figureAcross('RATE', parsePeriod('2025'), '2025-07-01', newOwn, [oldA, oldB]);
    const b = 6 * (30 + 10) + 6 * 50;
    const a = 6 * (40 + 20) + 6 * 60;
    expect(figure).toEqual({ numerator: b, denominator: a, value: (100 * b) / a });
    expect(fromPredecessors).toBe(true);
  });

  it('takes a period wholly before the reorganisation from the predecessors alone (Σb/Σa, not a mean of rates)', () => {
    const { figure, fromPredecessors } = figureAcross('RATE', parsePeriod('2025-Q1'), '2025-07-01', newOwn, [oldA, oldB]);
    expect(figure).toEqual({ numerator: 120, denominator: 180, value: (100 * 120) / 180 });
    expect(fromPredecessors).toBe(true);
  });

  it('takes a period wholly after it from the unit alone', () => {
    const { figure, fromPredecessors } = figureAcross('RATE', parsePeriod('2025-Q4'), '2025-07-01', newOwn, [oldA, oldB]);
    expect(figure).toEqual(rate(150, 180));
    expect(fromPredecessors).toBe(false);
  });

  it('uses the unit’s own rule when it was never reorganised or has no predecessors', () => {
    expect(figureAcross('RATE', parsePeriod('2025'), null, oldA, []).figure).toEqual(rate(180, 240));
    expect(figureAcross('RATE', parsePeriod('2025'), '2025-07-01', newOwn, []).figure).toEqual(rate(300, 360));
  });

  it.each([['COUNT', { numerator: null, denominator: null, value: 2 }, { numerator: null, denominator: null, value: 3 }, 6 * 2 + 6 * 3 + 6 * 3]] as const)(
    'sums %s across predecessors and months',
    (measure, fa, fb, expected) => {
      const a = months(2025, 1, 6, () => fa);
      const b = months(2025, 1, 6, () => fb);
      const own = months(2025, 7, 12, () => fb);
      expect(figureAcross(measure, parsePeriod('2025'), '2025-07-01', own, [a, b]).figure?.value).toBe(expected);
    },
  );

  it('means the predecessors’ scores before the reorganisation and takes the latest after it', () => {
    const s = (value: number): Figure => ({ numerator: null, denominator: null, value });
    const a = new Map([['2025-Q1', s(100)]]);
    const b = new Map([['2025-Q1', s(50)]]);
    expect(figureAcross('SCORE', parsePeriod('2025-Q1'), '2025-07-01', new Map(), [a, b]).figure?.value).toBe(75);
    const own = new Map([['2025-Q4', s(0)]]);
    expect(figureAcross('SCORE', parsePeriod('2025'), '2025-07-01', own, [a, b]).figure?.value).toBe(0);
  });

  it('is null with nothing recorded on either side', () => {
    expect(figureAcross('RATE', parsePeriod('2025'), '2025-07-01', new Map(), [new Map()])).toEqual({ figure: null, fromPredecessors: false });
  });
});

describe('periodsBefore: the part of a period predecessors stand for', () => {
  const keys = (p: string, since: string) => periodsBefore(parsePeriod(p), since).map((x) => x.key);
  it('splits a year at a reorganisation on the first of a quarter into the quarters before it', () => {
    expect(keys('2025', '2025-07-01')).toEqual(['2025-Q1', '2025-Q2']);
  });
  it('goes down to months when the reorganisation falls inside a quarter', () => {
    expect(keys('2025', '2025-08-01')).toEqual(['2025-Q1', '2025-Q2', '2025-07']);
    expect(keys('2025-Q3', '2025-09-15')).toEqual(['2025-07', '2025-08']);
  });
  it('is the whole period before the reorganisation and nothing after it', () => {
    expect(keys('2024', '2025-07-01')).toEqual(['2024']);
    expect(keys('2025-Q3', '2025-07-01')).toEqual([]);
    expect(keys('2026', '2025-07-01')).toEqual([]);
  });
  it('leaves a straddled month to the unit itself', () => {
    expect(keys('2025-07', '2025-07-15')).toEqual([]);
  });
  it('agrees with figureAcross on what the predecessors contribute', () => {
    const pred = months(2025, 1, 12, (m) => rate(m, 10));
    for (const since of ['2025-04-01', '2025-07-01', '2025-08-01', '2025-11-01']) {
      const { figure } = figureAcross('RATE', parsePeriod('2025'), since, new Map(), [pred]);
      const pieces = periodsBefore(parsePeriod('2025'), since);
      const inside = [...pred.keys()].filter((k) => pieces.some((p) => periodContains(p, parsePeriod(k))));
      const b = inside.reduce((s, k) => s + pred.get(k)!.numerator!, 0);
      expect(figure?.numerator).toBe(b);
    }
  });

  it('CUMULATIVE: sums the predecessors’ latest running totals before the reorganisation, takes the unit’s latest after it', () => {
    const a = months(2025, 1, 6, (m) => rate(10 * m, 20 * m));
    const b = months(2025, 1, 6, (m) => rate(5 * m, 10 * m));
    const own = months(2025, 7, 9, (m) => rate(m, 10));
    const h1 = figureAcross('RATE', parsePeriod('2025-Q2'), '2025-07-01', own, [a, b], 'CUMULATIVE');
    expect(h1).toEqual({ figure: { numerator: 60 + 30, denominator: 120 + 60, value: (100 * 90) / 180 }, fromPredecessors: true });
    expect(figureAcross('RATE', parsePeriod('2025'), '2025-07-01', own, [a, b], 'CUMULATIVE').figure).toEqual(rate(9, 10));
  });
});
