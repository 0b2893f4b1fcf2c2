import { describe, expect, it } from 'vitest';
import { floorSetBy } from './floors';

describe('floorSetBy', () => {
  const setters = { issuer: 'UBND tỉnh Đắk Lắk', assigner: 'UBND huyện Krông A Na' };
  it.each<[string, number | null, number | null, string]>([
    ['only the plan sets a floor', 40, null, setters.issuer],
    ['the plan floor is higher', 40, 30, setters.issuer],
    ['equal floors: the plan binds', 40, 40, setters.issuer],
    ['the assigning unit sets a higher floor', 40, 45, setters.assigner],
    ['only the assigning unit sets a floor', null, 45, setters.assigner],
    ['no floor at all', null, null, setters.assigner],
    ['a plan floor of 0 is a floor', 0, null, setters.issuer],
  ])('%s', (_label, planFloor, requestFloor, expected) => {
    expect(floorSetBy(planFloor, requestFloor, setters)).toBe(expected);
  });
});
