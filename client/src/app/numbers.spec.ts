import { describe, expect, it } from 'vitest';
import { parseDecimal } from './numbers';
import { formatNumber, formatValue } from './i18n';
import { parsePastedColumn } from '../features/plans/components/paste';

describe('numbers as people type them', () => {
  it.each([
    ['99,96', 99.96],
    ['99.96', 99.96],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    [' 80 % ', 80],
    ['0', 0],
    ['\u00a040', 40],
    ['1.200', 1200],
  ])('%j → %d', (text, n) => expect(parseDecimal(text)).toBe(n));

  it.each([
    ['1.200', 1.2],
    ['1,234.5', 1234.5],
    ['99,96', 99.96],
    ['1,200', 1200],
  ])('in English %j → %d', (text, n) => expect(parseDecimal(text, 'en')).toBe(n));

  it.each([['abc'], ['1,2,3'], ['9x']])('%j is not a number', (text) => expect(parseDecimal(text)).toBeNaN());

  it('an empty cell is no value', () => expect(parseDecimal('  ')).toBeNull());

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
