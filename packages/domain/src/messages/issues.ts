/**
 * Messages of the issue and error codes (codes.ts) in Vietnamese and English, and the words
 * their parameters print as. Rendered by issueMessage (catalogue.ts).
 */

import type { ErrorCode, IssueCode, Locale } from '../codes';

export type LocalizedText = Readonly<Record<Locale, string>>;

/*
 * Templates. {name} is replaced by a parameter; a [bracketed part] is dropped when any
 * parameter in it is missing, null or empty. "{x}%" prints the unit after a number: "%" by
 * default, " điểm"/" points" when params.measure is SCORE, nothing for COUNT, or
 * params.unitOfMeasure when given.
 */
export const MESSAGES: Readonly<Record<IssueCode | ErrorCode, LocalizedText>> = {
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
  REACH_PARENT_UNREACHABLE: {
    vi: 'Kể cả khi mọi đơn vị cấp dưới được giao tới mức trần, bình quân chỉ đạt {implied}%, chưa đạt chỉ tiêu {target}% của đơn vị',
    en: "Even with every child at the cap, the implied aggregate is only {implied}%, short of the unit's own target of {target}%",
  },
  REACH_PARENT_NO_TARGET: {
    vi: 'Đơn vị chưa được giao chỉ tiêu này nên không tính được mức tăng để đạt chỉ tiêu của cấp trên',
    en: 'The unit has no target for this indicator, so no uplift to reach it can be computed',
  },
  UNAUTHENTICATED: {
    vi: 'Bạn chưa đăng nhập hoặc phiên đăng nhập đã hết hạn; vui lòng đăng nhập lại',
    en: 'You are not signed in or your session has expired; please sign in again',
  },
  FORBIDDEN: {
    vi: 'Tài khoản của bạn không có quyền thực hiện thao tác này[: {reason}]',
    en: 'Your account is not allowed to do this[: {reason}]',
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
    vi: 'Cơ sở dữ liệu đang bận hoặc mất kết nối; thao tác chưa được lưu, vui lòng thử lại',
    en: 'The database is busy or the connection was lost; nothing was saved, please try again',
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
export const PERIOD_REASONS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
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
export const VARIANTS: Readonly<Record<string, LocalizedText>> = {
  'OUT_OF_RANGE:baseline': {
    vi: 'Kết quả năm trước (mức cơ sở) {value}% nằm ngoài giới hạn cho phép[ (từ {min}% đến {max}%)][ (không được nhỏ hơn {minOnly})]',
    en: "Last year's actual (baseline) {value}% is out of range[ ({min}% to {max}%)][ (must not be below {minOnly})]",
  },
  'OUT_OF_RANGE:result': {
    vi: 'Kết quả thực hiện[ của {unit}] không hợp lệ[: {reason}]',
    en: 'The result[ of {unit}] is not acceptable[: {reason}]',
  },
};

/** Names of records, for {entity} in NOT_FOUND. */
export const ENTITY_LABELS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  vi: {
    unit: 'đơn vị',
    plan: 'kế hoạch',
    adjustment: 'đề xuất điều chỉnh',
    indicator: 'chỉ tiêu',
    target: 'chỉ tiêu được giao',
    result: 'kết quả thực hiện',
    user: 'tài khoản',
  },
  en: { unit: 'unit', plan: 'plan', indicator: 'indicator', target: 'target', result: 'result', user: 'account', adjustment: 'adjustment proposal' },
};
