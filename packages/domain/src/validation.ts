/**
 * Validation codes shown next to each row, error codes, and their messages in Vietnamese and
 * English.
 */

import { meetsTarget, EQUAL_EPSILON, type Comparator, type Measure } from './figures';
import { isUnitKind, UNIT_KIND_LABELS } from './units';
import { figureRange, inFigureRange } from './numbers';

export type IssueCode =
  | 'OUT_OF_RANGE'
  | 'BELOW_FLOOR'
  | 'NOT_IN_SCOPE'
  | 'PLAN_NOT_EDITABLE'
  | 'VERSION_CONFLICT'
  | 'BELOW_BASELINE'
  | 'BELOW_PARENT'
  | 'PAST_DEADLINE'
  | 'IMPLIED_AGGREGATE_SHORT';

export type Severity = 'ERROR' | 'WARNING';

/** Errors: nothing is saved. Warnings: saved and shown. BELOW_PARENT is an ERROR only with notBelowParent. */
export const ISSUE_SEVERITY: Readonly<Record<IssueCode, Severity>> = {
  OUT_OF_RANGE: 'ERROR',
  BELOW_FLOOR: 'ERROR',
  NOT_IN_SCOPE: 'ERROR',
  PLAN_NOT_EDITABLE: 'ERROR',
  VERSION_CONFLICT: 'ERROR',
  BELOW_BASELINE: 'WARNING',
  BELOW_PARENT: 'WARNING',
  PAST_DEADLINE: 'WARNING',
  IMPLIED_AGGREGATE_SHORT: 'WARNING',
};

export const ISSUE_CODES: readonly IssueCode[] = Object.keys(ISSUE_SEVERITY) as IssueCode[];

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INVALID_PERIOD'
  | 'INVALID_CREDENTIALS'
  | 'INTERNAL'
  | 'INVALID_PARENT_KIND'
  | 'INVALID_SCORE'
  | 'QUERY_TOO_COMPLEX'
  | 'SERVICE_UNAVAILABLE'
  | 'UNIT_NOT_VALID'
  | 'PERIOD_OUT_OF_RANGE';

export const ERROR_CODES: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'INVALID_PERIOD',
  'INVALID_CREDENTIALS',
  'INTERNAL',
  'INVALID_PARENT_KIND',
  'INVALID_SCORE',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  'UNIT_NOT_VALID',
  'PERIOD_OUT_OF_RANGE',
];

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

export type MessageParams = Record<string, string | number | null | undefined>;

export interface ValidationIssue {
  unitId: string;
  code: IssueCode;
  severity: Severity;
  params: Record<string, string | number | null>;
}

/*
 * Templates. {name} is replaced by a parameter; a [bracketed part] is dropped when any
 * parameter in it is missing, null or empty. "{x}%" prints the unit after a number: "%" by
 * default, " điểm"/" points" when params.measure is SCORE, nothing for COUNT, or
 * params.unitOfMeasure when given.
 */
export const MESSAGES: Readonly<Record<IssueCode | ErrorCode, Readonly<Record<Locale, string>>>> = {
  OUT_OF_RANGE: {
    vi: 'Chỉ tiêu {value}% nằm ngoài giới hạn cho phép[ (từ {min}% đến {max}%)][ (không được nhỏ hơn {minOnly})]',
    en: 'Target {value}% is out of range[ ({min}% to {max}%)][ (must not be below {minOnly})]',
  },
  BELOW_FLOOR: {
    vi: 'Chỉ tiêu {value}% thấp hơn mức sàn {floor}%[ do {floorSetBy} quy định]',
    en: 'Target {value}% is below the floor of {floor}%[ set by {floorSetBy}]',
  },
  NOT_IN_SCOPE: {
    vi: 'Đơn vị[ {unitName}] không thuộc phạm vi giao chỉ tiêu của đơn vị bạn',
    en: 'Unit[ {unitName}] is outside the units you may assign targets to',
  },
  PLAN_NOT_EDITABLE: {
    vi: 'Kế hoạch[ {plan}] đã ban hành, không thể sửa chỉ tiêu này; muốn thay đổi phải ban hành văn bản điều chỉnh',
    en: 'Plan[ {plan}] has been issued and this target can no longer be changed; it takes a formal amendment',
  },
  VERSION_CONFLICT: {
    vi: 'Chỉ tiêu vừa được người khác cập nhật[ (phiên bản hiện tại {actual}, bạn sửa từ phiên bản {expected})]; vui lòng tải lại rồi nhập lại',
    en: 'This target was changed by someone else[ (now version {actual}, you edited version {expected})]; reload and try again',
  },
  BELOW_BASELINE: {
    vi: 'Chỉ tiêu {value}% thấp hơn kết quả thực hiện năm trước {baseline}%',
    en: "Target {value}% is below last year's actual result of {baseline}%",
  },
  BELOW_PARENT: {
    vi: 'Chỉ tiêu {value}% thấp hơn chỉ tiêu cấp trên được giao {parent}%',
    en: "Target {value}% is below the parent unit's target of {parent}%",
  },
  PAST_DEADLINE: {
    vi: 'Đã quá hạn phân bổ chỉ tiêu[ ({deadline})]; chỉ tiêu vẫn được lưu nhưng bị đánh dấu phân bổ trễ hạn',
    en: 'Past the sub-assignment deadline[ ({deadline})]; the target is saved but flagged as late',
  },
  IMPLIED_AGGREGATE_SHORT: {
    vi: 'Chỉ tiêu giao cho các đơn vị cấp dưới chỉ đạt bình quân {implied}%, không bảo đảm chỉ tiêu {target}% được giao cho đơn vị',
    en: "The children's targets imply an aggregate of {implied}%, which does not meet the unit's own target of {target}%",
  },
  UNAUTHENTICATED: {
    vi: 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại',
    en: 'You are not signed in or your session has expired; please sign in again',
  },
  FORBIDDEN: {
    vi: 'Tài khoản của bạn không có quyền thực hiện thao tác này',
    en: 'Your account is not allowed to do this',
  },
  BAD_USER_INPUT: {
    vi: 'Dữ liệu nhập không hợp lệ[: {reason}]',
    en: 'Invalid input[: {reason}]',
  },
  NOT_FOUND: {
    vi: 'Không tìm thấy[ {entity}] hoặc bạn không có quyền xem',
    en: 'Not found[: {entity}], or you may not see it',
  },
  CONFLICT: {
    vi: 'Dữ liệu bị trùng hoặc đã bị thay đổi[: {reason}]',
    en: 'Conflict with existing data[: {reason}]',
  },
  TOO_MANY_REQUESTS: {
    vi: 'Bạn đã thử quá nhiều lần; vui lòng thử lại sau[ {retryAfter} giây]',
    en: 'Too many attempts; please try again later[ (in {retryAfter} s)]',
  },
  INVALID_PERIOD: {
    vi: 'Kỳ báo cáo “{period}” không hợp lệ; dùng năm (2024), quý (2024-Q2) hoặc tháng (2024-05)',
    en: 'Invalid period “{period}”; use a year (2024), a quarter (2024-Q2) or a month (2024-05)',
  },
  INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
  },
  INTERNAL: {
    vi: 'Hệ thống gặp lỗi; vui lòng thử lại sau',
    en: 'Something went wrong on our side; please try again later',
  },
  INVALID_PARENT_KIND: {
    vi: 'Đơn vị cấp {kind} không thể trực thuộc[ {parentKind}]',
    en: 'A {kind} cannot be placed under[ a {parentKind}]',
  },
  INVALID_SCORE: {
    vi: 'Điểm {value} không có trong thang điểm của chỉ tiêu[ (được chấm: {options})]',
    en: 'Score {value} is not one the rule allows[ (allowed: {options})]',
  },
  QUERY_TOO_COMPLEX: {
    vi: 'Truy vấn quá sâu hoặc quá phức tạp; vui lòng thu hẹp truy vấn',
    en: 'The query is too deep or too costly; please narrow it',
  },
  /** The database connection dropped mid-request: the transaction was rolled back, so sending it again is safe. */
  SERVICE_UNAVAILABLE: {
    vi: 'Mất kết nối tới cơ sở dữ liệu; thao tác chưa được lưu, vui lòng thử lại',
    en: 'Lost the connection to the database; nothing was saved, please try again',
  },
  /** A result for a unit that did not exist during the period (merged away in a reform, or not yet founded). */
  UNIT_NOT_VALID: {
    vi: 'Đơn vị[ {unitName}] không tồn tại trong kỳ báo cáo {period}[ (đã giải thể, sáp nhập từ {validTo})][ (chỉ có từ {validFrom})]; không thể ghi nhận kết quả',
    en: 'Unit[ {unitName}] did not exist during the period {period}[ (dissolved or merged as of {validTo})][ (exists only from {validFrom})]; no result can be recorded for it',
  },
  /** A result for a period not yet started, or long past with no target that year. */
  PERIOD_OUT_OF_RANGE: {
    vi: 'Không thể ghi nhận kết quả cho kỳ {period}[: {why}]',
    en: 'No result can be recorded for the period {period}[: {why}]',
  },
};

/** Why a period is out of range (PERIOD_OUT_OF_RANGE's {why}). */
const PERIOD_REASONS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  vi: {
    future: 'kỳ này chưa bắt đầu',
    noTarget: 'đơn vị không có chỉ tiêu được giao trong năm này và kỳ đã qua hơn 12 tháng',
  },
  en: {
    future: 'the period has not started yet',
    noTarget: 'the unit has no target that year and the period ended more than twelve months ago',
  },
};

/**
 * Wordings of a code that depend on what is out of range (params.field): a baseline is last
 * year's actual, not a target; a recorded result names its reason. Same code, same parameters.
 */
const VARIANTS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  'OUT_OF_RANGE:baseline': {
    vi: 'Kết quả năm trước (mức cơ sở) {value}% nằm ngoài giới hạn cho phép[ (từ {min}% đến {max}%)][ (không được nhỏ hơn {minOnly})]',
    en: "Last year's actual (baseline) {value}% is out of range[ ({min}% to {max}%)][ (must not be below {minOnly})]",
  },
  'OUT_OF_RANGE:result': {
    vi: 'Kết quả thực hiện[ của {unit}] không hợp lệ[: {reason}]',
    en: 'The result[ of {unit}] is not acceptable[: {reason}]',
  },
};

/**
 * A number as a reader expects it: at most two decimals, no grouping (a year stays "2024");
 * decimal comma in Vietnamese (99,96), point in English (99.96).
 */
export function formatNumber(n: number, locale: Locale): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 100) / 100;
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return locale === 'vi' ? text.replace('.', ',') : text;
}

/** Names of records, for {entity} in NOT_FOUND. */
const ENTITY_LABELS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  vi: {
    unit: 'đơn vị',
    plan: 'kế hoạch',
    indicator: 'chỉ tiêu',
    target: 'chỉ tiêu được giao',
    result: 'kết quả thực hiện',
    user: 'tài khoản',
  },
  en: { unit: 'unit', plan: 'plan', indicator: 'indicator', target: 'target', result: 'result', user: 'account' },
};

/** An ISO date as the locale writes it: 30/06/2022 in Vietnamese, 2022-06-30 in English. */
function formatParamString(s: string, key: string, locale: Locale): string {
  if (locale === 'vi') {
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (d) return `${d[3]}/${d[2]}/${d[1]}`;
  }
  if ((key === 'kind' || key === 'parentKind') && isUnitKind(s)) return UNIT_KIND_LABELS[locale][s];
  if (key === 'entity') return ENTITY_LABELS[locale][s.toLowerCase()] ?? s;
  if (key === 'why') return PERIOD_REASONS[locale][s] ?? s;
  return s;
}

function unitSuffix(params: MessageParams, locale: Locale): string {
  const uom = params.unitOfMeasure;
  if (typeof uom === 'string' && uom.trim() !== '') return uom.trim() === '%' ? '%' : ` ${uom.trim()}`;
  if (params.measure === 'SCORE') return locale === 'vi' ? ' điểm' : ' points';
  if (params.measure === 'COUNT') return '';
  return '%';
}

function renderParam(key: string, params: MessageParams, locale: Locale): string | null {
  const v = params[key];
  if (v === null || v === undefined || v === '') return null;
  return typeof v === 'number' ? formatNumber(v, locale) : formatParamString(String(v), key, locale);
}

/** Fills a template (see MESSAGES). A missing parameter outside brackets prints as "—". */
export function interpolate(template: string, params: MessageParams, locale: Locale): string {
  const fill = (part: string): { text: string; missing: boolean } => {
    let missing = false;
    const text = part.replace(/\{(\w+)\}(%?)/g, (_m, key: string, pct: string) => {
      const value = renderParam(key, params, locale);
      if (value === null) {
        missing = true;
        return '—';
      }
      return pct ? value + unitSuffix(params, locale) : value;
    });
    return { text, missing };
  };
  return template
    .split(/(\[[^\]]*\])/)
    .map((seg) => {
      if (!(seg.startsWith('[') && seg.endsWith(']'))) return fill(seg).text;
      const inner = fill(seg.slice(1, -1));
      return inner.missing ? '' : inner.text;
    })
    .join('');
}

/** The message of an issue or error code in `locale` (unknown codes print as themselves). */
export function issueMessage(code: IssueCode | ErrorCode, params: MessageParams | null | undefined, locale: Locale): string {
  const variant = params && typeof params.field === 'string' ? VARIANTS[`${code}:${params.field}`] : undefined;
  const templates = variant ?? (MESSAGES as Record<string, Readonly<Record<Locale, string>> | undefined>)[code];
  if (!templates) return String(code);
  return interpolate(templates[locale] ?? templates.en, params ?? {}, locale);
}

/** A domain failure with a code; `message` is the English text, `messageIn` any locale. */
export class DomainError extends Error {
  readonly code: ErrorCode | IssueCode;
  readonly params: Record<string, string | number | null>;

  constructor(code: ErrorCode | IssueCode, params: Record<string, string | number | null> = {}) {
    super(issueMessage(code, params, 'en'));
    this.name = 'DomainError';
    this.code = code;
    this.params = params;
  }

  messageIn(locale: Locale): string {
    return issueMessage(this.code, this.params, locale);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** An issue with the code's default severity unless one is given (BELOW_PARENT → ERROR with notBelowParent). */
export function makeIssue(
  unitId: string,
  code: IssueCode,
  params: Record<string, string | number | null> = {},
  severity?: Severity,
): ValidationIssue {
  return { unitId, code, severity: severity ?? ISSUE_SEVERITY[code], params };
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'ERROR');
}

/**
 * Checks one target value. Errors: OUT_OF_RANGE (a rate or score outside 0..100, a count
 * outside 0..1e12, a non-finite number; the same for the baseline, with field 'baseline'), BELOW_FLOOR. Warnings: BELOW_BASELINE, BELOW_PARENT (an error
 * with notBelowParent), PAST_DEADLINE. The caller adds NOT_IN_SCOPE, PLAN_NOT_EDITABLE and
 * VERSION_CONFLICT with makeIssue.
 */
export function validateTargetValue(args: {
  unitId: string;
  measure: Measure;
  value: number;
  floor: number | null;
  floorSetBy?: string | null;
  baseline: number | null;
  parentValue: number | null;
  notBelowParent: boolean;
  pastDeadline: boolean;
  deadline?: string | null;
}): ValidationIssue[] {
  const { unitId, measure, value } = args;
  const issues: ValidationIssue[] = [];
  const common = { value: Number.isFinite(value) ? value : null, measure };

  // A baseline is last year's actual: it takes the same range as the target.
  const baseline = args.baseline;
  if (baseline !== null && baseline !== undefined && !inFigureRange(measure, baseline)) {
    const shown = Number.isFinite(baseline) ? baseline : null;
    issues.push(makeIssue(unitId, 'OUT_OF_RANGE', { value: shown, measure, field: 'baseline', ...rangeParams(measure, shown) }));
  }
  if (!Number.isFinite(value)) {
    issues.push(makeIssue(unitId, 'OUT_OF_RANGE', { ...common, ...rangeParams(measure, null) }));
  } else {
    if (!inFigureRange(measure, value)) {
      issues.push(makeIssue(unitId, 'OUT_OF_RANGE', { ...common, ...rangeParams(measure, value) }));
    }
    if (isNum(args.floor) && value < args.floor) {
      issues.push(makeIssue(unitId, 'BELOW_FLOOR', { ...common, floor: args.floor, floorSetBy: args.floorSetBy ?? null }));
    }
    if (isNum(args.baseline) && value < args.baseline) {
      issues.push(makeIssue(unitId, 'BELOW_BASELINE', { ...common, baseline: args.baseline }));
    }
    if (isNum(args.parentValue) && value < args.parentValue) {
      issues.push(
        makeIssue(unitId, 'BELOW_PARENT', { ...common, parent: args.parentValue }, args.notBelowParent ? 'ERROR' : 'WARNING'),
      );
    }
  }
  if (args.pastDeadline) {
    issues.push(makeIssue(unitId, 'PAST_DEADLINE', { ...common, deadline: args.deadline ?? null }));
  }
  return issues;
}

/** A negative count is told its floor of 0; anything else the whole range. */
function rangeParams(measure: Measure, value: number | null): Record<string, number | null> {
  const { min, max } = figureRange(measure);
  return measure === 'COUNT' && value !== null && value < 0 ? { min: null, max: null, minOnly: 0 } : { min, max, minOnly: null };
}

function isNum(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * The aggregate the children's targets imply: Σ(value·weight)/Σweight when every child has a
 * positive weight (its denominator a of the previous year), otherwise the plain mean; null for
 * no children. A district told 60 that gives every commune 40 implies 40.
 */
export function impliedAggregate(children: readonly { value: number; weight: number | null }[]): number | null {
  if (children.length === 0) return null;
  const weighted = children.every((c) => isNum(c.weight) && c.weight > 0);
  let sum = 0;
  let total = 0;
  for (const c of children) {
    const w = weighted ? (c.weight as number) : 1;
    sum += c.value * w;
    total += w;
  }
  return sum / total;
}

/**
 * IMPLIED_AGGREGATE_SHORT (a warning on the parent) when the children's implied aggregate does
 * not meet the parent's own target by its comparator (for AT_MOST: lies above it). A difference
 * within 1e-9 counts as equal, so float noise in the weighted mean raises nothing.
 */
export function checkImpliedAggregate(args: {
  parentUnitId: string;
  parentTarget: { value: number; comparator: Comparator } | null;
  children: readonly { value: number; weight: number | null }[];
  measure?: Measure;
}): ValidationIssue | null {
  const { parentTarget } = args;
  if (!parentTarget) return null;
  const implied = impliedAggregate(args.children);
  if (implied === null) return null;
  const compared = Math.abs(implied - parentTarget.value) <= EQUAL_EPSILON ? parentTarget.value : implied;
  if (meetsTarget(parentTarget.comparator, compared, parentTarget.value)) return null;
  return makeIssue(args.parentUnitId, 'IMPLIED_AGGREGATE_SHORT', {
    implied,
    target: parentTarget.value,
    comparator: parentTarget.comparator,
    ...(args.measure ? { measure: args.measure } : {}),
  });
}
