import { describe, it, expect } from 'vitest';
import type { Comparator, Measure } from './figures';
import {
  DomainError,
  ERROR_CODES,
  ISSUE_CODES,
  ISSUE_SEVERITY,
  LOCALES,
  MESSAGES,
  FIGURE_SCOPES,
  checkImpliedAggregate,
  comparesWithParent,
  formatNumber,
  hasErrors,
  impliedAggregate,
  isDomainError,
  issueMessage,
  makeIssue,
  validateTargetValue,
  type ErrorCode,
  type IssueCode,
  type Locale,
} from './index';

type Args = Parameters<typeof validateTargetValue>[0];
const base: Args = {
  unitId: 'u1',
  measure: 'RATE',
  value: 80,
  floor: null,
  baseline: null,
  parentValue: null,
  notBelowParent: false,
  pastDeadline: false,
};
const codes = (args: Partial<Args>) => validateTargetValue({ ...base, ...args }).map((i) => `${i.code}:${i.severity}`);

describe('ISSUE_SEVERITY', () => {
  it.each<[IssueCode, string]>([
    ['OUT_OF_RANGE', 'ERROR'],
    ['BELOW_FLOOR', 'ERROR'],
    ['NOT_IN_SCOPE', 'ERROR'],
    ['PLAN_NOT_EDITABLE', 'ERROR'],
    ['VERSION_CONFLICT', 'ERROR'],
    ['BELOW_BASELINE', 'WARNING'],
    ['BELOW_PARENT', 'WARNING'],
    ['PAST_DEADLINE', 'WARNING'],
    ['IMPLIED_AGGREGATE_SHORT', 'WARNING'],
    ['REACH_PARENT_UNREACHABLE', 'WARNING'],
    ['REACH_PARENT_NO_TARGET', 'WARNING'],
  ])('%s is %s', (code, severity) => {
    expect(ISSUE_SEVERITY[code]).toBe(severity);
  });

  it('covers exactly the eleven codes', () => {
    expect(ISSUE_CODES).toHaveLength(11);
  });
});

describe('validateTargetValue', () => {
  it.each<[string, Partial<Args>, string[]]>([
    ['a clean value', {}, []],
    ['rate 0 and 100 are in range', { value: 0 }, []],
    ['rate 100', { value: 100 }, []],
    ['rate above 100', { value: 100.5 }, ['OUT_OF_RANGE:ERROR']],
    ['rate below 0', { value: -1 }, ['OUT_OF_RANGE:ERROR']],
    ['score above 100', { measure: 'SCORE', value: 150 }, ['OUT_OF_RANGE:ERROR']],
    ['score 50', { measure: 'SCORE', value: 50 }, []],
    ['count above 100 is fine', { measure: 'COUNT', value: 250 }, []],
    ['negative count', { measure: 'COUNT', value: -2 }, ['OUT_OF_RANGE:ERROR']],
    ['NaN', { value: Number.NaN }, ['OUT_OF_RANGE:ERROR']],
    ['Infinity, even for a count', { measure: 'COUNT', value: Number.POSITIVE_INFINITY }, ['OUT_OF_RANGE:ERROR']],
    ['below the floor', { value: 39, floor: 40 }, ['BELOW_FLOOR:ERROR']],
    ['at the floor', { value: 40, floor: 40 }, []],
    ['floor 0', { value: 0, floor: 0 }, []],
    ['below the baseline', { value: 87, baseline: 92.57 }, ['BELOW_BASELINE:WARNING']],
    ['at the baseline', { value: 97, baseline: 97 }, []],
    ['below the parent, allowed', { value: 50, parentValue: 60 }, ['BELOW_PARENT:WARNING']],
    ['below the parent, not allowed', { value: 50, parentValue: 60, notBelowParent: true }, ['BELOW_PARENT:ERROR']],
    ['at the parent, not allowed', { value: 60, parentValue: 60, notBelowParent: true }, []],
    ['past the deadline', { pastDeadline: true, deadline: '2022-06-30' }, ['PAST_DEADLINE:WARNING']],
    [
      'everything at once, in a stable order',
      { value: 30, floor: 40, baseline: 35, parentValue: 60, pastDeadline: true },
      ['BELOW_FLOOR:ERROR', 'BELOW_BASELINE:WARNING', 'BELOW_PARENT:WARNING', 'PAST_DEADLINE:WARNING'],
    ],
    ['out of range and below the floor', { value: -5, floor: 40 }, ['OUT_OF_RANGE:ERROR', 'BELOW_FLOOR:ERROR']],
    ['NaN skips the comparisons but not the deadline', { value: Number.NaN, floor: 40, pastDeadline: true }, ['OUT_OF_RANGE:ERROR', 'PAST_DEADLINE:WARNING']],
  ])('%s', (_label, args, expected) => {
    expect(codes(args)).toEqual(expected);
  });

  it('carries the unit and the parameters the messages need', () => {
    const issues = validateTargetValue({
      ...base,
      unitId: 'xa-ea-tu',
      value: 35,
      floor: 40,
      floorSetBy: 'UBND tỉnh Đắk Lắk',
      baseline: 36.5,
      parentValue: 60,
      pastDeadline: true,
      deadline: '2022-06-30',
    });
    expect(issues.every((i) => i.unitId === 'xa-ea-tu')).toBe(true);
    expect(issues[0].params).toMatchObject({ value: 35, floor: 40, floorSetBy: 'UBND tỉnh Đắk Lắk' });
    expect(issues[1].params).toMatchObject({ value: 35, baseline: 36.5 });
    expect(issues[2].params).toMatchObject({ value: 35, parent: 60 });
    expect(issues[3].params).toMatchObject({ deadline: '2022-06-30' });
    expect(hasErrors(issues)).toBe(true);
    expect(hasErrors(issues.filter((i) => i.severity === 'WARNING'))).toBe(false);
  });
});

describe('makeIssue (codes the server adds)', () => {
  it.each<[IssueCode, string]>([
    ['NOT_IN_SCOPE', 'ERROR'],
    ['PLAN_NOT_EDITABLE', 'ERROR'],
    ['VERSION_CONFLICT', 'ERROR'],
    ['BELOW_PARENT', 'WARNING'],
  ])('%s defaults to %s', (code, severity) => {
    expect(makeIssue('u', code, { expected: 1, actual: 2 })).toEqual({ unitId: 'u', code, severity, params: { expected: 1, actual: 2 } });
  });

  it('takes an explicit severity', () => {
    expect(makeIssue('u', 'BELOW_PARENT', {}, 'ERROR').severity).toBe('ERROR');
    expect(makeIssue('u', 'PAST_DEADLINE').params).toEqual({});
  });
});

describe('impliedAggregate', () => {
  it.each<[string, { value: number; weight: number | null }[], number | null]>([
    ['no children', [], null],
    [
      'equal weights when none is given',
      [
        { value: 40, weight: null },
        { value: 80, weight: null },
      ],
      60,
    ],
    [
      "weighted by last year's denominators",
      [
        { value: 40, weight: 300 },
        { value: 80, weight: 100 },
      ],
      50,
    ],
    [
      'equal weights when one child lacks a weight',
      [
        { value: 40, weight: 300 },
        { value: 80, weight: null },
      ],
      60,
    ],
    [
      'equal weights when one weight is 0',
      [
        { value: 40, weight: 300 },
        { value: 80, weight: 0 },
      ],
      60,
    ],
    [
      'a district told 60 gives every commune 40',
      [
        { value: 40, weight: 120 },
        { value: 40, weight: 30 },
        { value: 40, weight: 50 },
      ],
      40,
    ],
    ['one child', [{ value: 72.5, weight: 9 }], 72.5],
  ])('%s', (_label, children, expected) => {
    expect(impliedAggregate(children)).toBe(expected);
  });
});

describe('checkImpliedAggregate', () => {
  const target = (value: number, comparator: Comparator = 'AT_LEAST') => ({ value, comparator });
  const every40 = [
    { value: 40, weight: 120 },
    { value: 40, weight: 30 },
    { value: 40, weight: 50 },
  ];

  it('flags a district told 60% that gives every commune 40%', () => {
    expect(checkImpliedAggregate({ parentUnitId: 'huyen', parentTarget: target(60), children: every40 })).toEqual({
      unitId: 'huyen',
      code: 'IMPLIED_AGGREGATE_SHORT',
      severity: 'WARNING',
      params: { implied: 40, target: 60, comparator: 'AT_LEAST' },
    });
  });

  it.each<[string, { value: number; comparator: Comparator } | null, { value: number; weight: number | null }[], boolean]>([
    ['no parent target', null, every40, false],
    ['no children', target(60), [], false],
    [
      'weighted mean meets the target',
      target(60),
      [
        { value: 80, weight: 100 },
        { value: 40, weight: 100 },
      ],
      false,
    ],
    [
      'weights make the difference',
      target(60),
      [
        { value: 80, weight: 100 },
        { value: 40, weight: 300 },
      ],
      true,
    ],
    ['exactly at AT_LEAST', target(40), every40, false],
    ['exactly at GREATER_THAN is short', target(40, 'GREATER_THAN'), every40, true],
    ['AT_MOST: above it is short', target(30, 'AT_MOST'), every40, true],
    ['AT_MOST: below it is fine', target(50, 'AT_MOST'), every40, false],
    ['EQUAL met', target(40, 'EQUAL'), every40, false],
    ['EQUAL missed', target(41, 'EQUAL'), every40, true],
    [
      'float noise in the weighted mean is not a shortfall',
      target(70.1),
      [
        { value: 70.1, weight: 0.1 },
        { value: 70.1, weight: 0.2 },
        { value: 70.1, weight: 0.7 },
      ],
      false,
    ],
  ])('%s → %s', (_label, parentTarget, children, short) => {
    const issue = checkImpliedAggregate({ parentUnitId: 'p', parentTarget, children });
    expect(issue !== null).toBe(short);
  });

  it('passes the measure on to the message', () => {
    const issue = checkImpliedAggregate({ parentUnitId: 'p', parentTarget: target(100), children: [{ value: 50, weight: null }], measure: 'SCORE' });
    expect(issue?.params.measure).toBe('SCORE');
    expect(issueMessage('IMPLIED_AGGREGATE_SHORT', issue!.params, 'vi')).toContain('50 điểm');
  });
});

describe('comparesWithParent', () => {
  it('compares a child with its parent on SUBTREE rows only: an OWN row judges each level on its own dossiers', () => {
    expect(FIGURE_SCOPES.map((scope) => [scope, comparesWithParent(scope)])).toEqual([
      ['SUBTREE', true],
      ['OWN', false],
    ]);
  });
});

describe('messages', () => {
  const allCodes: (IssueCode | ErrorCode)[] = [...ISSUE_CODES, ...ERROR_CODES];
  const sampleParams = {
    value: 39.5,
    floor: 40,
    floorSetBy: 'UBND tỉnh',
    baseline: 92.57,
    parent: 60,
    deadline: '2022-06-30',
    implied: 46.6667,
    target: 60,
    expected: 3,
    actual: 4,
    period: '2024-13',
    reason: 'x',
    entity: 'plan',
    retryAfter: 30,
    kind: 'TOWNSHIP',
    parentKind: 'PROVINCE',
    options: '100, 50, 0',
    unitName: 'Xã Ea Tu',
    plan: '629/QĐ-UBND',
    min: 0,
    max: 100,
    minOnly: null,
  };

  it('the required error codes exist', () => {
    for (const code of ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS', 'INVALID_PERIOD', 'INVALID_CREDENTIALS', 'INTERNAL']) {
      expect(ERROR_CODES).toContain(code);
    }
    expect(Object.keys(MESSAGES).sort()).toEqual([...allCodes].sort());
  });

  it.each(allCodes.flatMap((code) => LOCALES.map((locale) => [code, locale] as [IssueCode | ErrorCode, Locale])))('%s has a %s message, fully filled', (code, locale) => {
    const text = issueMessage(code, sampleParams, locale);
    expect(text.length).toBeGreaterThan(10);
    expect(text).not.toMatch(/[{}[\]]/);
    expect(text).not.toContain('—');
    expect(text).not.toContain('undefined');
    expect(text).not.toContain('null');
  });

  it.each(allCodes)('%s reads differently in Vietnamese and English', (code) => {
    expect(issueMessage(code, sampleParams, 'vi')).not.toBe(issueMessage(code, sampleParams, 'en'));
  });

  it.each(allCodes)('%s survives missing parameters', (code) => {
    for (const locale of LOCALES) {
      const text = issueMessage(code, {}, locale);
      expect(text).not.toMatch(/[{}[\]]/);
      expect(text).not.toContain('undefined');
    }
  });

  it.each<[IssueCode | ErrorCode, Record<string, string | number | null>, Locale, string]>([
    ['BELOW_FLOOR', { value: 39.5, floor: 40, floorSetBy: 'UBND tỉnh Đắk Lắk' }, 'vi', 'Chỉ tiêu 39,5% thấp hơn mức sàn 40% do UBND tỉnh Đắk Lắk quy định'],
    ['BELOW_FLOOR', { value: 39.5, floor: 40 }, 'vi', 'Chỉ tiêu 39,5% thấp hơn mức sàn 40%'],
    ['BELOW_FLOOR', { value: 39.5, floor: 40, floorSetBy: null }, 'vi', 'Chỉ tiêu 39,5% thấp hơn mức sàn 40%'],
    ['BELOW_FLOOR', { value: 39.5, floor: 40, floorSetBy: 'UBND tỉnh Đắk Lắk' }, 'en', 'Target 39.5% is below the floor of 40% set by UBND tỉnh Đắk Lắk'],
    ['BELOW_FLOOR', { value: 39.5, floor: 40 }, 'en', 'Target 39.5% is below the floor of 40%'],
    ['BELOW_BASELINE', { value: 99, baseline: 99.96 }, 'vi', 'Chỉ tiêu 99% thấp hơn kết quả thực hiện năm trước 99,96%'],
    ['BELOW_BASELINE', { value: 99, baseline: 99.96 }, 'en', "Target 99% is below last year's actual result of 99.96%"],
    ['BELOW_PARENT', { value: 50, parent: 60 }, 'vi', 'Chỉ tiêu 50% thấp hơn chỉ tiêu cấp trên được giao 60%'],
    ['OUT_OF_RANGE', { value: 120, min: 0, max: 100 }, 'vi', 'Chỉ tiêu 120% nằm ngoài giới hạn cho phép (từ 0% đến 100%)'],
    ['OUT_OF_RANGE', { value: -3, measure: 'COUNT', minOnly: 0 }, 'en', 'Target -3 is out of range (must not be below 0)'],
    ['PAST_DEADLINE', { deadline: '2022-06-30' }, 'vi', 'Đã quá hạn phân bổ chỉ tiêu (30/06/2022); chỉ tiêu vẫn được lưu nhưng bị đánh dấu phân bổ trễ hạn'],
    ['PAST_DEADLINE', { deadline: '2022-06-30' }, 'en', 'Past the sub-assignment deadline (2022-06-30); the target is saved but flagged as late'],
    ['PAST_DEADLINE', {}, 'en', 'Past the sub-assignment deadline; the target is saved but flagged as late'],
    ['IMPLIED_AGGREGATE_SHORT', { implied: 40, target: 60 }, 'vi', 'Chỉ tiêu giao cho các đơn vị cấp dưới chỉ đạt bình quân 40%, không bảo đảm chỉ tiêu 60% được giao cho đơn vị'],
    ['NOT_FOUND', { entity: 'plan' }, 'vi', 'Không tìm thấy kế hoạch hoặc bạn không có quyền xem'],
    ['INVALID_PARENT_KIND', { kind: 'TOWNSHIP', parentKind: 'PROVINCE' }, 'vi', 'Đơn vị cấp thị trấn không thể trực thuộc tỉnh'],
    ['INVALID_PERIOD', { period: '2024-13' }, 'en', 'Invalid period “2024-13”; use a year (2024), a quarter (2024-Q2) or a month (2024-05)'],
  ])('%s %j (%s)', (code, params, locale, expected) => {
    expect(issueMessage(code, params, locale)).toBe(expected);
  });

  it('uses the words a province officer uses', () => {
    const vi = (code: IssueCode | ErrorCode) => issueMessage(code, sampleParams, 'vi');
    expect(vi('BELOW_FLOOR')).toContain('mức sàn');
    expect(vi('PAST_DEADLINE')).toContain('hạn phân bổ');
    expect(vi('PLAN_NOT_EDITABLE')).toContain('Kế hoạch');
    expect(vi('NOT_IN_SCOPE')).toContain('Đơn vị');
    expect(vi('BELOW_PARENT')).toContain('chỉ tiêu cấp trên');
  });

  it('tells a user whose database was busy or unreachable that nothing was saved and to try again', () => {
    expect(ERROR_CODES).toContain('SERVICE_UNAVAILABLE');
    expect(issueMessage('SERVICE_UNAVAILABLE', {}, 'vi')).toBe('Cơ sở dữ liệu đang bận hoặc mất kết nối; thao tác chưa được lưu, vui lòng thử lại');
    expect(issueMessage('SERVICE_UNAVAILABLE', {}, 'en')).toBe('The database is busy or the connection was lost; nothing was saved, please try again');
  });

  it.each<[number, string, string]>([
    [99.96, '99,96', '99.96'],
    [80, '80', '80'],
    [0.5, '0,5', '0.5'],
    [100 / 3, '33,33', '33.33'],
    [2024, '2024', '2024'],
    [1234567.891, '1234567,89', '1234567.89'],
    [-2.5, '-2,5', '-2.5'],
    [-0.001, '0', '0'],
  ])('formatNumber(%s) → vi %s, en %s', (n, vi, en) => {
    expect(formatNumber(n, 'vi')).toBe(vi);
    expect(formatNumber(n, 'en')).toBe(en);
  });

  it.each<[Measure | undefined, string | undefined, string, string]>([
    ['RATE', undefined, 'Chỉ tiêu 39,5% thấp hơn mức sàn 40%', 'Target 39.5% is below the floor of 40%'],
    ['SCORE', undefined, 'Chỉ tiêu 39,5 điểm thấp hơn mức sàn 40 điểm', 'Target 39.5 points is below the floor of 40 points'],
    ['COUNT', undefined, 'Chỉ tiêu 39,5 thấp hơn mức sàn 40', 'Target 39.5 is below the floor of 40'],
    ['COUNT', 'dịch vụ', 'Chỉ tiêu 39,5 dịch vụ thấp hơn mức sàn 40 dịch vụ', 'Target 39.5 dịch vụ is below the floor of 40 dịch vụ'],
  ])('unit after numbers: measure %s, unitOfMeasure %s', (measure, unitOfMeasure, vi, en) => {
    const params = { value: 39.5, floor: 40, measure: measure ?? null, unitOfMeasure: unitOfMeasure ?? null };
    expect(issueMessage('BELOW_FLOOR', params, 'vi')).toBe(vi);
    expect(issueMessage('BELOW_FLOOR', params, 'en')).toBe(en);
  });

  it('every issue validateTargetValue produces has a filled message', () => {
    const issues = validateTargetValue({ ...base, value: 120, floor: 130, baseline: 125, parentValue: 121, pastDeadline: true });
    for (const issue of issues) {
      for (const locale of LOCALES) expect(issueMessage(issue.code, issue.params, locale)).not.toContain('—');
    }
  });
});

describe('DomainError', () => {
  it('carries a code, parameters and the English message', () => {
    const e = new DomainError('INVALID_PERIOD', { period: '2024-13' });
    expect(e).toBeInstanceOf(Error);
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(e.name).toBe('DomainError');
    expect(e.code).toBe('INVALID_PERIOD');
    expect(e.params).toEqual({ period: '2024-13' });
    expect(e.message).toBe(issueMessage('INVALID_PERIOD', { period: '2024-13' }, 'en'));
    expect(e.messageIn('vi')).toContain('Kỳ báo cáo “2024-13” không hợp lệ');
  });

  it('accepts issue codes and no parameters', () => {
    const e = new DomainError('PLAN_NOT_EDITABLE');
    expect(e.params).toEqual({});
    expect(e.message).toMatch(/^Plan has been issued/);
  });
});
