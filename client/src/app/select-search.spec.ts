import { describe, expect, it } from 'vitest';
import { startsFirst } from './select-search';

describe('startsFirst', () => {
  it('puts the labels that start with what was typed first, ignoring case and diacritics', () => {
    const kinds = ['Thành phố thuộc tỉnh', 'Thị xã', 'Phường', 'Thị trấn', 'Xã'];
    expect([...kinds].sort((a, b) => startsFirst(a, b, 'xa'))).toEqual(['Xã', 'Thành phố thuộc tỉnh', 'Thị xã', 'Phường', 'Thị trấn']);
    expect([...kinds].sort((a, b) => startsFirst(a, b, 'THI'))).toEqual(['Thị xã', 'Thị trấn', 'Thành phố thuộc tỉnh', 'Phường', 'Xã']);
  });
});
