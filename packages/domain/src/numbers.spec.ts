import { describe, expect, it } from 'vitest';
import { parseDecimal } from './numbers';

describe('numbers as people type them', () => {
  it.each([
    ['99,96', 99.96],
    ['99.96', 99.96],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    [' 80 % ', 80],
    ['99,96%', 99.96],
    ['0', 0],
    ['\u00a040', 40],
    ['1.200', 1200],
    ['1.000', 1000],
  ])('%j → %d', (text, n) => expect(parseDecimal(text)).toBe(n));

  it.each([
    ['1.200', 1.2],
    ['1,234.5', 1234.5],
    ['99,96', 99.96],
    ['1,200', 1200],
  ])('in English %j → %d', (text, n) => expect(parseDecimal(text, 'en')).toBe(n));

  it.each([['abc'], ['1,2,3'], ['9x']])('%j is not a number', (text) => expect(parseDecimal(text)).toBeNaN());

  it('an empty cell is no value', () => expect(parseDecimal('  ')).toBeNull());
});
