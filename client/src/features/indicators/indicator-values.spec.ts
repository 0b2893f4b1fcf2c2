import { describe, expect, it } from 'vitest';
import { fromIndicator, NEW_INDICATOR, toIndicatorInput } from './indicator-values';

describe('the indicator form values', () => {
  it('send counts only for a RATE and steps only for a SCORE', () => {
    const base = {
      ...NEW_INDICATOR,
      code: ' DLK-1 ',
      name: ' Tỷ lệ ',
      numeratorLabel: 'đúng hạn',
      denominatorLabel: 'đã giải quyết',
      scoring: [{ when: ' ban hành ', score: 100 }],
    };
    expect(toIndicatorInput(base)).toMatchObject({ code: 'DLK-1', name: 'Tỷ lệ', numeratorLabel: 'đúng hạn', denominatorLabel: 'đã giải quyết', scoring: null });
    expect(toIndicatorInput({ ...base, measure: 'PERCENT' })).toMatchObject({ measure: 'PERCENT', numeratorLabel: null, denominatorLabel: null, scoring: null });
    expect(toIndicatorInput({ ...base, measure: 'SCORE' }).scoring).toEqual([{ when: 'ban hành', score: 100 }]);
  });

  it('name the catalogue only when one is given', () => {
    expect(toIndicatorInput(NEW_INDICATOR)).not.toHaveProperty('ownerId');
    expect(toIndicatorInput(NEW_INDICATOR, '189').ownerId).toBe('189');
  });

  it('read an indicator back as it was written', () => {
    const indicator = {
      __typename: 'Indicator' as const,
      id: '1',
      code: 'C',
      name: 'N',
      measure: 'SCORE' as const,
      comparator: 'AT_LEAST' as const,
      unitOfMeasure: 'điểm',
      numeratorLabel: null,
      denominatorLabel: null,
      hardMinimum: 50,
      legalBasis: 'QĐ 1',
      notes: null,
      accumulation: 'CUMULATIVE' as const,
      scoring: [{ __typename: 'ScoreStep' as const, when: 'đúng hạn', score: 100 }],
      owner: null,
    };
    const values = fromIndicator(indicator);
    expect(toIndicatorInput(values)).toEqual({
      code: 'C',
      name: 'N',
      measure: 'SCORE',
      comparator: 'AT_LEAST',
      unitOfMeasure: 'điểm',
      numeratorLabel: null,
      denominatorLabel: null,
      accumulation: 'CUMULATIVE',
      hardMinimum: 50,
      legalBasis: 'QĐ 1',
      notes: null,
      scoring: [{ when: 'đúng hạn', score: 100 }],
    });
  });
});
