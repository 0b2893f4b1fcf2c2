import { describe, it, expect } from 'vitest';
import { bindingFloor, resolveCascade, suggestFromBaseline, valueForKind, type CascadeChildInput, type CascadeRuleInput, type KindValue } from './cascade';
import type { UnitKind } from './units';

describe('bindingFloor', () => {
  const communeFloors: KindValue[] = [
    { kind: 'WARD', value: 80 },
    { kind: 'TOWNSHIP', value: 60 },
    { kind: 'COMMUNE', value: 40 },
  ];

  it.each<[string, UnitKind, (KindValue[] | null | undefined)[], number | null]>([
    ['one list', 'TOWNSHIP', [communeFloors], 60],
    ['kind not listed', 'DISTRICT', [communeFloors], null],
    ['no lists', 'WARD', [], null],
    ['null and undefined lists', 'WARD', [null, undefined], null],
    ['the province floor binds a lower district floor', 'COMMUNE', [[{ kind: 'COMMUNE', value: 30 }], communeFloors], 40],
    ['a higher district floor wins', 'COMMUNE', [communeFloors, [{ kind: 'COMMUNE', value: 45 }]], 45],
    [
      'repeats within one list',
      'WARD',
      [
        [
          { kind: 'WARD', value: 70 },
          { kind: 'WARD', value: 85 },
        ],
      ],
      85,
    ],
    ['a floor of 0 is a floor', 'WARD', [[{ kind: 'WARD', value: 0 }]], 0],
  ])('%s', (_label, kind, lists, expected) => {
    expect(bindingFloor(kind, ...lists)).toBe(expected);
  });
});

describe('valueForKind', () => {
  it('finds the first value given for a kind', () => {
    const list: KindValue[] = [
      { kind: 'WARD', value: 85 },
      { kind: 'WARD', value: 90 },
    ];
    expect(valueForKind(list, 'WARD')).toBe(85);
    expect(valueForKind(list, 'COMMUNE')).toBeNull();
    expect(valueForKind(null, 'COMMUNE')).toBeNull();
  });
});

describe('suggestFromBaseline', () => {
  const policy = { uplift: 1, cap: 99 };
  it.each<[number | null, number | null, { uplift: number; cap?: number | null }, number]>([
    [92.23, 50, policy, 94], // ceil(92.23) + 1
    [97, 50, policy, 98], // a whole baseline is not raised by ceil
    [37.15, 50, policy, 50], // below the floor → floor
    [99.96, 50, policy, 99], // capped
    [100, 50, policy, 99],
    [null, 50, policy, 50], // no baseline → floor
    [null, null, policy, 0], // no baseline, no floor → 0
    [31.81, null, policy, 33], // no floor → 0 stands for it
    [99.5, 50, { uplift: 1 }, 101], // no cap → no upper bound
    [99.5, 50, { uplift: 1, cap: null }, 101],
    [60.2, 40, { uplift: 0, cap: 99 }, 61],
    [60.2, 40, { uplift: 2.5, cap: 99 }, 63.5],
    [0, 40, policy, 40],
  ])('baseline %s, floor %s, %j → %s', (baseline, floor, p, expected) => {
    expect(suggestFromBaseline(baseline, floor, p)).toBe(expected);
  });
});

describe('resolveCascade', () => {
  const child = (unitId: string, kind: UnitKind, existing: CascadeChildInput['existing'] = null, override: CascadeChildInput['override'] = null): CascadeChildInput => ({
    unitId,
    kind,
    existing,
    override,
  });

  const rule: CascadeRuleInput = {
    floors: [{ kind: 'COMMUNE', value: 40 }],
    planFloors: [
      { kind: 'WARD', value: 80 },
      { kind: 'COMMUNE', value: 30 },
    ],
    defaults: [
      { kind: 'WARD', value: 85 },
      { kind: 'COMMUNE', value: 45 },
    ],
    baselinePolicy: { uplift: 1, cap: 99 },
    keepManual: true,
  };

  it('override > kept manual > baseline policy (precedence)', () => {
    const [a, b, c, d] = resolveCascade(rule, [
      child('a', 'COMMUNE', { value: 70, baseline: 60.5, origin: 'MANUAL' }, { value: 55 }),
      child('b', 'COMMUNE', { value: 70, baseline: 60.5, origin: 'MANUAL' }),
      child('c', 'COMMUNE', { value: 70, baseline: 60.5, origin: 'RULE' }),
      child('d', 'WARD', null, { value: 90 }),
    ]);
    expect(a).toEqual({ unitId: 'a', value: 55, origin: 'MANUAL', source: 'OVERRIDE', floor: 40, baseline: 60.5 });
    expect(b).toEqual({ unitId: 'b', value: 70, origin: 'MANUAL', source: 'KEPT_MANUAL', floor: 40, baseline: 60.5 });
    expect(c).toEqual({ unitId: 'c', value: 62, origin: 'RULE', source: 'BASELINE_POLICY', floor: 40, baseline: 60.5 });
    expect(d).toEqual({ unitId: 'd', value: 90, origin: 'MANUAL', source: 'OVERRIDE', floor: 80, baseline: null });
  });

  it('without keepManual, a manual target is recomputed by the rule', () => {
    const [p] = resolveCascade({ ...rule, keepManual: false }, [child('b', 'COMMUNE', { value: 70, baseline: 60.5, origin: 'MANUAL' })]);
    expect(p).toMatchObject({ value: 62, origin: 'RULE', source: 'BASELINE_POLICY' });
  });

  it('an override below the floor is still proposed (validation reports it)', () => {
    const [p] = resolveCascade(rule, [child('a', 'COMMUNE', null, { value: 10 })]);
    expect(p).toMatchObject({ value: 10, source: 'OVERRIDE', floor: 40 });
  });

  it('baseline policy: no baseline (or no existing target) → the binding floor', () => {
    const [a, b, c] = resolveCascade(rule, [child('a', 'COMMUNE'), child('b', 'WARD', { value: 70, baseline: null, origin: 'RULE' }), child('c', 'TOWNSHIP')]);
    expect(a).toMatchObject({ value: 40, source: 'BASELINE_POLICY', origin: 'RULE', floor: 40 });
    expect(b).toMatchObject({ value: 80, source: 'BASELINE_POLICY', floor: 80 });
    expect(c).toMatchObject({ value: 0, source: 'BASELINE_POLICY', floor: null }); // 0 stands for a missing floor
  });

  it("baseline policy: a recorded baseline (last year's actual) stands in where the target has none, never over a stored one", () => {
    const [a, b, c] = resolveCascade(rule, [
      { ...child('a', 'COMMUNE'), recordedBaseline: 72.4 },
      { ...child('b', 'WARD', { value: 70, baseline: 90, origin: 'RULE' }), recordedBaseline: 50 },
      { ...child('c', 'WARD', { value: 70, baseline: null, origin: 'RULE' }), recordedBaseline: 99.5 },
    ]);
    expect(a).toMatchObject({ value: 74, baseline: 72.4, source: 'BASELINE_POLICY' });
    expect(b).toMatchObject({ value: 91, baseline: 90 });
    expect(c).toMatchObject({ value: 99, baseline: 99.5 }); // capped
  });

  it('default per kind when there is no baseline policy', () => {
    const [a, b, c] = resolveCascade({ ...rule, baselinePolicy: null }, [
      child('a', 'WARD', { value: 70, baseline: 99, origin: 'RULE' }),
      child('b', 'COMMUNE'),
      child('c', 'TOWNSHIP', { value: 65, baseline: null, origin: 'RULE' }),
    ]);
    expect(a).toEqual({ unitId: 'a', value: 85, origin: 'RULE', source: 'DEFAULT', floor: 80, baseline: 99 });
    expect(b).toEqual({ unitId: 'b', value: 45, origin: 'RULE', source: 'DEFAULT', floor: 40, baseline: null });
    // nothing yields a value: left untouched
    expect(c).toEqual({ unitId: 'c', value: null, origin: null, source: 'NONE', floor: null, baseline: null });
  });

  it('kept manual wins over a default', () => {
    const [p] = resolveCascade({ ...rule, baselinePolicy: null }, [child('a', 'WARD', { value: 82, baseline: null, origin: 'MANUAL' })]);
    expect(p).toMatchObject({ value: 82, origin: 'MANUAL', source: 'KEPT_MANUAL' });
  });

  it('an empty rule yields nothing but overrides and kept manual targets', () => {
    const proposals = resolveCascade({ keepManual: true }, [
      child('a', 'COMMUNE'),
      child('b', 'COMMUNE', { value: 50, baseline: 40, origin: 'MANUAL' }),
      child('c', 'COMMUNE', { value: 50, baseline: 40, origin: 'RULE' }),
      child('d', 'COMMUNE', null, { value: 61 }),
    ]);
    expect(proposals.map((p) => [p.unitId, p.source, p.value, p.floor])).toEqual([
      ['a', 'NONE', null, null],
      ['b', 'KEPT_MANUAL', 50, null],
      ['c', 'NONE', null, null],
      ['d', 'OVERRIDE', 61, null],
    ]);
  });

  it('keeps the children order and handles no children', () => {
    expect(resolveCascade(rule, [])).toEqual([]);
    const ids = resolveCascade(rule, [child('z', 'WARD'), child('a', 'WARD'), child('m', 'WARD')]).map((p) => p.unitId);
    expect(ids).toEqual(['z', 'a', 'm']);
  });

  it('takes the largest of the cascade floors and the plan floors', () => {
    const [p] = resolveCascade({ floors: [{ kind: 'WARD', value: 70 }], planFloors: [{ kind: 'WARD', value: 80 }], baselinePolicy: { uplift: 1 }, keepManual: true }, [
      child('w', 'WARD', { value: 75, baseline: 50.5, origin: 'RULE' }),
    ]);
    expect(p).toMatchObject({ floor: 80, value: 80 });
  });
});
