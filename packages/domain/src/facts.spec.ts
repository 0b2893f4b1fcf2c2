import { describe, expect, it } from 'vitest';
import { factsProblem, sameFacts, storedFacts } from './index';

const LEVEL_34 = 'Số lượng TTHC mức độ 3, 4';
const TOTAL = 'Tổng số TTHC';

describe('factsProblem', () => {
  it('takes the labels the row declares, in any order and any subset', () => {
    expect(factsProblem([], [LEVEL_34, TOTAL])).toBeNull();
    expect(
      factsProblem(
        [
          { label: TOTAL, value: 120 },
          { label: LEVEL_34, value: null },
        ],
        [LEVEL_34, TOTAL],
      ),
    ).toBeNull();
  });

  it('refuses a label the row does not declare, naming it', () => {
    expect(
      factsProblem(
        [
          { label: TOTAL, value: 1 },
          { label: 'Số cán bộ', value: 3 },
        ],
        [TOTAL],
      ),
    ).toEqual({ reason: 'factLabel', label: 'Số cán bộ' });
  });

  it('takes any label on a row that declares none', () => {
    expect(factsProblem([{ label: 'Số cán bộ', value: 3 }], [])).toBeNull();
  });

  it('refuses a label given twice, with or without declared labels', () => {
    const twice = [
      { label: TOTAL, value: 1 },
      { label: TOTAL, value: 2 },
    ];
    expect(factsProblem(twice, [])).toEqual({ reason: 'duplicateFactLabel', label: TOTAL });
    expect(factsProblem(twice, [TOTAL])).toEqual({ reason: 'duplicateFactLabel', label: TOTAL });
  });
});

describe('storedFacts and sameFacts', () => {
  it('stores an empty list as none, and a missing value as null', () => {
    expect(storedFacts([])).toBeNull();
    expect(storedFacts(null)).toBeNull();
    expect(storedFacts(undefined)).toBeNull();
    expect(storedFacts([{ label: TOTAL, value: undefined as unknown as null }])).toEqual([{ label: TOTAL, value: null }]);
  });

  it('tells equal lists (null and [] alike) from lists that differ in a label, a value or the order', () => {
    const a = [
      { label: TOTAL, value: 120 },
      { label: LEVEL_34, value: 80 },
    ];
    expect(
      sameFacts(
        a,
        a.map((f) => ({ ...f })),
      ),
    ).toBe(true);
    expect(sameFacts(null, [])).toBe(true);
    expect(sameFacts(a, null)).toBe(false);
    expect(sameFacts(a, [a[0], { ...a[1], value: 81 }])).toBe(false);
    expect(sameFacts(a, [a[0], { ...a[1], label: 'x' }])).toBe(false);
    expect(sameFacts(a, [a[1], a[0]])).toBe(false);
  });
});
