/**
 * The Đắk Lắk 2022 decision (online-rate annex): the baseline policy reproduces the province's
 * own table, and validation flags the rows the province set below their 2021 result.
 */
import { describe, it, expect } from 'vitest';
import { DAKLAK_2022_ONLINE_RATE as ROWS } from './__fixtures__/daklak-2022';
import { resolveCascade, suggestFromBaseline, type CascadeChildInput, type KindValue } from './cascade';
import { splitKindPrefix } from './units';
import { validateTargetValue } from './validation';

const policy = { uplift: 1, cap: 99 };
const floors: KindValue[] = [
  { kind: 'PROVINCIAL_AGENCY', value: 50 },
  { kind: 'DISTRICT', value: 40 },
  { kind: 'TOWN', value: 40 },
  { kind: 'PROVINCIAL_CITY', value: 40 },
];
const kindOf = (row: (typeof ROWS)[number]) => (row.group === 'AGENCY' ? 'PROVINCIAL_AGENCY' : (splitKindPrefix(row.name).kind ?? 'DISTRICT'));
const floorOf = (row: (typeof ROWS)[number]) => (row.group === 'AGENCY' ? 50 : 40);

describe('Đắk Lắk 2022 online-rate targets', () => {
  it('has the 33 rows: 18 agencies and 15 district-level units', () => {
    expect(ROWS).toHaveLength(33);
    expect(ROWS.filter((r) => r.group === 'AGENCY')).toHaveLength(18);
    expect(ROWS.filter((r) => r.group === 'DISTRICT')).toHaveLength(15);
    expect(
      ROWS.filter((r) => r.group === 'DISTRICT')
        .map(kindOf)
        .sort(),
    ).toEqual([...Array<string>(13).fill('DISTRICT'), 'PROVINCIAL_CITY', 'TOWN']);
  });

  it('uplift 1, cap 99, floor 50 (agencies) / 40 (districts) reproduces 29 of 33; four were typed by hand', () => {
    const differing = ROWS.filter((r) => suggestFromBaseline(r.baseline2021, floorOf(r), policy) !== r.target2022).map((r) => ({
      name: r.name,
      suggested: suggestFromBaseline(r.baseline2021, floorOf(r), policy),
      actual: r.target2022,
    }));
    expect(ROWS.length - differing.length).toBe(29);
    expect(differing).toEqual([
      { name: 'Sở Nội vụ', suggested: 94, actual: 87 },
      { name: 'Sở Thông tin và Truyền thông', suggested: 99, actual: 98 },
      { name: 'Sở Y tế', suggested: 99, actual: 98 },
      { name: 'UBND thành phố Buôn Ma Thuột', suggested: 80, actual: 79 },
    ]);
  });

  it('resolveCascade gives the same proposals as the policy, all BASELINE_POLICY / RULE', () => {
    const children: CascadeChildInput[] = ROWS.map((r, i) => ({
      unitId: String(i),
      kind: kindOf(r),
      existing: { value: 0, baseline: r.baseline2021, origin: 'RULE' },
      override: null,
    }));
    const proposals = resolveCascade({ floors, baselinePolicy: policy, keepManual: true }, children);
    const reproduced = proposals.filter((p, i) => p.value === ROWS[i].target2022);
    expect(reproduced).toHaveLength(29);
    expect(proposals.every((p) => p.source === 'BASELINE_POLICY' && p.origin === 'RULE')).toBe(true);
    expect(proposals.find((p, i) => ROWS[i].baseline2021 === null)).toMatchObject({ value: 50, floor: 50 });
  });

  it('with the four hand-typed values as overrides, the cascade reproduces the whole table', () => {
    const handTyped = new Set(['Sở Nội vụ', 'Sở Thông tin và Truyền thông', 'Sở Y tế', 'UBND thành phố Buôn Ma Thuột']);
    const children: CascadeChildInput[] = ROWS.map((r, i) => ({
      unitId: String(i),
      kind: kindOf(r),
      existing: { value: 0, baseline: r.baseline2021, origin: 'RULE' },
      override: handTyped.has(r.name) ? { value: r.target2022 } : null,
    }));
    const proposals = resolveCascade({ floors, baselinePolicy: policy, keepManual: true }, children);
    expect(proposals.map((p) => p.value)).toEqual(ROWS.map((r) => r.target2022));
    expect(proposals.filter((p) => p.source === 'OVERRIDE')).toHaveLength(4);
  });

  it("the province's actual targets raise BELOW_BASELINE on exactly eight rows, and nothing else", () => {
    const flagged = ROWS.flatMap((r, i) => {
      const issues = validateTargetValue({
        unitId: String(i),
        measure: 'RATE',
        value: r.target2022,
        floor: floorOf(r),
        baseline: r.baseline2021,
        parentValue: null,
        notBelowParent: false,
        pastDeadline: false,
      });
      return issues.map((issue) => ({ name: r.name, code: issue.code, severity: issue.severity, value: r.target2022, baseline: r.baseline2021 }));
    });
    expect(flagged.every((f) => f.code === 'BELOW_BASELINE' && f.severity === 'WARNING')).toBe(true);
    // Six capped at 99 against a 99.94–100 baseline, Sở Y tế at 98 against 98.06 (hand-typed,
    // not capped), and the striking one, Sở Nội vụ at 87 against 92.57.
    expect(flagged.map(({ name, value, baseline }) => [name, value, baseline])).toEqual([
      ['Sở Công Thương', 99, 99.96],
      ['Sở Ngoại vụ', 99, 100],
      ['Sở Nông nghiệp và Phát triển nông thôn', 99, 100],
      ['Sở Nội vụ', 87, 92.57],
      ['Sở Tài chính', 99, 100],
      ['Sở Văn hóa, Thể thao và Du lịch', 99, 100],
      ['Sở Y tế', 98, 98.06],
      ['Công an tỉnh', 99, 99.94],
    ]);
    expect(flagged).toHaveLength(8);
  });
});
