import { describe, expect, it } from 'vitest';
import { DomainError } from '@chitieu/domain';
import { checkProposedValue, indicatorLabel } from './adjustment-rules';
import { isUniqueViolation } from '../../common/retry';
import { MAX_NOTE_LENGTH as MAX_ADJUSTMENT_TEXT, requiredText } from '../../common/errors';

describe('adjustment rules', () => {
  it('recognises a duplicate key from MySQL and SQLite, wrapped or not', () => {
    expect(isUniqueViolation({ code: 'ER_DUP_ENTRY' })).toBe(true);
    expect(isUniqueViolation({ errno: 1062 })).toBe(true);
    expect(isUniqueViolation({ driverError: { code: 'SQLITE_CONSTRAINT_UNIQUE' } })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT', message: 'UNIQUE constraint failed: acknowledgement.planId' })).toBe(true);
    expect(isUniqueViolation({ code: 'SQLITE_CONSTRAINT', message: 'NOT NULL constraint failed' })).toBe(false);
    expect(isUniqueViolation(new Error('boom'))).toBe(false);
  });

  it('names the indicator by the plan row’s position when it has one, else by its code', () => {
    expect(indicatorLabel({ code: 'DLK22-ONLINE-RATE', name: 'Tỷ lệ trực tuyến' }, null)).toBe('DLK22-ONLINE-RATE Tỷ lệ trực tuyến');
    expect(indicatorLabel({ code: 'DLK22-ONLINE-RATE', name: 'Tỷ lệ trực tuyến' }, ' 2.1 ')).toBe('2.1 Tỷ lệ trực tuyến');
  });

  it('trims a reason and refuses an empty or overlong one', () => {
    expect(requiredText('  vì sao  ', 'reason')).toBe('vì sao');
    const params = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof DomainError ? { code: e.code, ...e.params } : null;
      }
      return null;
    };
    expect(params(() => requiredText('   ', 'reason'))).toEqual({ code: 'BAD_USER_INPUT', reason: 'required', field: 'reason' });
    expect(params(() => requiredText(null, 'note'))).toEqual({ code: 'BAD_USER_INPUT', reason: 'required', field: 'note' });
    expect(params(() => requiredText('x'.repeat(MAX_ADJUSTMENT_TEXT + 1), 'reason'))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'tooLong', max: MAX_ADJUSTMENT_TEXT });
    expect(requiredText('x'.repeat(MAX_ADJUSTMENT_TEXT), 'reason')).toHaveLength(MAX_ADJUSTMENT_TEXT);
  });

  it('checks a proposed value as a target is checked (OUT_OF_RANGE)', () => {
    expect(() => checkProposedValue(1, 'RATE', 100)).not.toThrow();
    expect(() => checkProposedValue(1, 'RATE', 100.5)).toThrow(DomainError);
    expect(() => checkProposedValue(1, 'COUNT', -1)).toThrow(DomainError);
    expect(() => checkProposedValue(1, 'COUNT', 5000)).not.toThrow();
    try {
      checkProposedValue(1, 'RATE', 150);
    } catch (e) {
      expect((e as DomainError).code).toBe('OUT_OF_RANGE');
      expect((e as DomainError).params).toMatchObject({ value: 150, measure: 'RATE' });
    }
  });
});
