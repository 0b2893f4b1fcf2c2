import { describe, expect, it } from 'vitest';
import { parseDecimal } from './numbers';
import { formatNumber, formatValue } from './i18n';

describe('numbers as people type them', () => {
  // parseDecimal's cases are in packages/domain/src/numbers.spec.ts; here, that the client still reads through it.
  it('reads through the domain reader', () => expect(parseDecimal('99,96')).toBe(99.96));

  it('formats like the reader writes', () => {
    expect(formatValue('vi', 99.96, '%')).toBe('99,96%');
    expect(formatValue('en', 99.96, '%')).toBe('99.96%');
    expect(formatNumber('vi', 1234.5)).toBe('1.234,5');
    expect(formatNumber('vi', null)).toBe('—');
  });
});
