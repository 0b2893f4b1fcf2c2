import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { cascade, demo, issueTriples, record, setTargets, sortTriples, targets, valuesByCode, type Demo } from '../../support/documents';

/**
 * Huyện Krông A Na (655) sub-assigns the province's ISSUED 2022 decision to its communes: one
 * township (Buôn Trấp, 24538) and seven communes. The province set floors TOWNSHIP 60 and
 * COMMUNE 40 on the online-rate row and gave the district 53; the deadline 2022-06-30 is past.
 */
const TOWNSHIP = '24538';
const COMMUNES = ['24556', '24559', '24565', '24568', '24571', '24574', '24577'];
const CHILDREN = [TOWNSHIP, ...COMMUNES];
const DISTRICT_TARGET = 53;
const DEFAULTS = [
  { kind: 'TOWNSHIP', value: 60 },
  { kind: 'COMMUNE', value: 40 },
];

describe.each(await testDatabases())('a district sub-assigning in the issued 2022 plan on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let huyen: string;
  let plan: string;
  let online: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    huyen = await s.login('huyen.krongana');
    plan = d.plan(2022);
    online = d.indicator('DLK22-ONLINE-RATE');
  });
  afterAll(async () => s?.close());

  const base = (extra: Record<string, unknown> = {}) => ({ planId: plan, indicatorId: online, parentUnitId: d.unit('655'), ...extra });
  const each = (codes: string[], code: string, severity: string) => codes.map((c) => [c, code, severity] as [string, string, string]);
  const errors = (issues: { unitId: string; code: string; severity: string }[]) =>
    sortTriples(issues.filter((i) => i.severity === 'ERROR').map((i) => [d.codeOf(i.unitId), i.code, i.severity]));

  it('previews the floors as defaults: late, below the district, and short of its 53 with equal weights', async () => {
    const res = await cascade(s, huyen, base({ defaults: DEFAULTS, dryRun: true }));
    expect(res).toMatchObject({ applied: false, created: 8, updated: 0 });
    expect(valuesByCode(res.targets)).toEqual({ [TOWNSHIP]: 60, ...Object.fromEntries(COMMUNES.map((c) => [c, 40])) });
    expect(issueTriples(res.issues, d)).toEqual(
      sortTriples([
        ...each(CHILDREN, 'PAST_DEADLINE', 'WARNING'),
        ...each(COMMUNES, 'BELOW_PARENT', 'WARNING'), // 40 < 53; the township's 60 is not
        ['655', 'IMPLIED_AGGREGATE_SHORT', 'WARNING'],
      ]),
    );
    // No 2021 results in the demo: equal weights, (60 + 7 × 40) / 8 = 42.5.
    const implied = res.issues.find((i) => i.code === 'IMPLIED_AGGREGATE_SHORT')!;
    expect(implied.message).toContain('42,5');
    expect(implied.message).toContain(String(DISTRICT_TARGET));
    expect(res.issues.find((i) => i.code === 'PAST_DEADLINE')!.message).toContain('30/06/2022');
    expect(await targets(s, huyen, { planId: plan, indicatorId: online, unitId: d.unit(TOWNSHIP) })).toEqual([]);
  });

  it.each([
    [
      'a commune below the province floor 40',
      {
        defaults: [
          { kind: 'TOWNSHIP', value: 60 },
          { kind: 'COMMUNE', value: 39 },
        ],
      },
      COMMUNES,
      'Tỉnh Đắk Lắk',
    ],
    [
      'the township below the province floor 60',
      {
        defaults: [
          { kind: 'TOWNSHIP', value: 59.5 },
          { kind: 'COMMUNE', value: 40 },
        ],
      },
      [TOWNSHIP],
      'Tỉnh Đắk Lắk',
    ],
    [
      'a lower district floor does not lift the province floor',
      {
        floors: [{ kind: 'COMMUNE', value: 30 }],
        defaults: [
          { kind: 'TOWNSHIP', value: 60 },
          { kind: 'COMMUNE', value: 35 },
        ],
      },
      COMMUNES,
      'Tỉnh Đắk Lắk',
    ],
    [
      "the district's own higher floor binds",
      {
        floors: [{ kind: 'COMMUNE', value: 45 }],
        defaults: [
          { kind: 'TOWNSHIP', value: 60 },
          { kind: 'COMMUNE', value: 42 },
        ],
      },
      COMMUNES,
      'Huyện Krông A Na',
    ],
    ['one override below the floor', { defaults: DEFAULTS, overrides: [{ unitId: '24556', value: 39.99 }] }, ['24556'], 'Tỉnh Đắk Lắk'],
  ])('BELOW_FLOOR blocks the cascade: %s', async (_label, rule, below, setBy) => {
    const input = { ...rule } as Record<string, unknown>;
    if (input.overrides) input.overrides = (input.overrides as { unitId: string; value: number }[]).map((o) => ({ ...o, unitId: d.unit(o.unitId) }));
    const res = await cascade(s, huyen, base(input));
    expect(res).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(errors(res.issues)).toEqual(each([...below].sort(), 'BELOW_FLOOR', 'ERROR'));
    for (const i of res.issues.filter((x) => x.code === 'BELOW_FLOOR')) expect(i.message).toContain(setBy);
    expect(await targets(s, huyen, { planId: plan, indicatorId: online, unitId: d.unit('655'), subtree: true })).toHaveLength(1);
  });

  it('BELOW_FLOOR blocks setTargets too', async () => {
    const res = await setTargets(s, huyen, {
      planId: plan,
      indicatorId: online,
      targets: [
        { unitId: d.unit('24559'), value: 39 },
        { unitId: d.unit(TOWNSHIP), value: 70 },
      ],
    });
    expect(res.applied).toBe(false);
    expect(errors(res.issues)).toEqual([['24559', 'BELOW_FLOOR', 'ERROR']]);
  });

  it.each([
    [true, 'ERROR'],
    [false, 'WARNING'],
  ])('notBelowParent %s makes BELOW_PARENT an %s', async (notBelowParent, severity) => {
    const res = await cascade(
      s,
      huyen,
      base({
        defaults: [
          { kind: 'TOWNSHIP', value: 60 },
          { kind: 'COMMUNE', value: 50 },
        ],
        notBelowParent,
      }),
    );
    const belowParent = res.issues.filter((i) => i.code === 'BELOW_PARENT');
    expect(sortTriples(belowParent.map((i) => [d.codeOf(i.unitId), i.code, i.severity]))).toEqual(each(COMMUNES, 'BELOW_PARENT', severity));
    expect(belowParent[0].message).toContain('53');
    expect(res.applied).toBe(!notBelowParent);
    expect(res.created).toBe(notBelowParent ? 0 : 8);
    if (!notBelowParent) {
      // Saved: reset to the floors for the next tests (the township keeps 60).
      const reset = await cascade(s, huyen, base({ defaults: DEFAULTS }));
      expect(reset).toMatchObject({ applied: true, created: 0, updated: 7 });
    }
  });

  it('saves late sub-assignments with PAST_DEADLINE warnings; re-running writes nothing', async () => {
    const saved = await targets(s, huyen, { planId: plan, indicatorId: online, unitId: d.unit('655'), subtree: true });
    expect(valuesByCode(saved)).toEqual({ '655': DISTRICT_TARGET, [TOWNSHIP]: 60, ...Object.fromEntries(COMMUNES.map((c) => [c, 40])) });
    for (const t of saved.filter((x) => x.unit.code !== '655')) expect(t).toMatchObject({ origin: 'RULE', assignedBy: { code: '655' } });
    const again = await cascade(s, huyen, base({ defaults: DEFAULTS }));
    expect(again).toMatchObject({ applied: true, created: 0, updated: 0 });
    expect(again.issues.filter((i) => i.code === 'PAST_DEADLINE')).toHaveLength(8);
    expect(again.issues.every((i) => i.severity === 'WARNING')).toBe(true);
  });

  it("weighs IMPLIED_AGGREGATE_SHORT by last year's denominators once 2021 results are recorded", async () => {
    const proposal = (township: number) =>
      cascade(
        s,
        huyen,
        base({
          defaults: [
            { kind: 'TOWNSHIP', value: township },
            { kind: 'COMMUNE', value: 40 },
          ],
          dryRun: true,
        }),
      );
    const implied = (issues: { code: string; unitId: string; message: string }[]) => issues.filter((i) => i.code === 'IMPLIED_AGGREGATE_SHORT');

    // Equal weights first: (80 + 7 × 40) / 8 = 45 < 53.
    const equal = await proposal(80);
    expect(implied(equal.issues).map((i) => [d.codeOf(i.unitId), i.message.includes('45')])).toEqual([['655', true]]);

    // 2021: the township handled 900 dossiers, each commune 100 (the district enters its communes' figures).
    const results = CHILDREN.map((c) => ({ unitId: d.unit(c), denominator: c === TOWNSHIP ? 900 : 100, numerator: c === TOWNSHIP ? 450 : 30 }));
    expect(await record(s, huyen, online, '2021', results)).toBe(8);

    // Weighted: (80 × 900 + 40 × 700) / 1600 = 62.5 ≥ 53: no warning.
    expect((80 * 900 + 40 * 700) / 1600).toBe(62.5);
    expect(implied((await proposal(80)).issues)).toEqual([]);
    // Weighted: (60 × 900 + 40 × 700) / 1600 = 51.25 < 53: warned, with the weighted figure.
    expect((60 * 900 + 40 * 700) / 1600).toBe(51.25);
    const short = implied((await proposal(60)).issues);
    expect(short.map((i) => d.codeOf(i.unitId))).toEqual(['655']);
    expect(short[0].message).toContain('51,25');
  });
});
