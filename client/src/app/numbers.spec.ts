import { describe, expect, it } from 'vitest';
import { parseDecimal } from './numbers';
import { formatNumber, formatValue } from './i18n';
import { parsePastedColumn } from '../features/plans/components/paste';

describe('numbers as people type them', () => {
  // parseDecimal's cases are in packages/domain/src/numbers.spec.ts; here, that the client still reads through it.
  it('reads through the domain reader', () => expect(parseDecimal('99,96')).toBe(99.96));

  it('formats like the reader writes', () => {
    expect(formatValue('vi', 99.96, '%')).toBe('99,96%');
    expect(formatValue('en', 99.96, '%')).toBe('99.96%');
    expect(formatNumber('vi', 1234.5)).toBe('1.234,5');
    expect(formatNumber('vi', null)).toBe('—');
  });

  it('reads a column pasted from Excel', () => {
    expect(parsePastedColumn('99,96\r\n98\r\n\r\n87,5\tx\r\n')).toEqual([99.96, 98, null, 87.5]);
    expect(parsePastedColumn('')).toEqual([]);
  });
});
