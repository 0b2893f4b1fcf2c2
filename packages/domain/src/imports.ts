/**
 * Spreadsheet imports (baselines, targets, results): the codes only an import raises, with their
 * messages, beside the API's own validation codes (validation.ts) which an import reports too.
 */

import { interpolate, issueMessage, type ErrorCode, type IssueCode, type Locale, type MessageParams, type Severity } from './validation';
import { foldVietnamese } from './units';

export type ImportKind = 'baselines' | 'targets' | 'results';
export const IMPORT_KINDS: readonly ImportKind[] = ['baselines', 'targets', 'results'];

/** Row issues an import adds to the API's codes. */
export type ImportIssueCode =
  | 'UNIT_NOT_FOUND'
  | 'UNIT_AMBIGUOUS'
  | 'UNIT_KIND_DIFFERS'
  | 'BAD_NUMBER'
  | 'MISSING_VALUE'
  | 'NO_VALUE'
  | 'DUPLICATE_ROW'
  | 'NO_TARGET'
  | 'RESULT_OUT_OF_RANGE'
  | 'BAD_PERIOD';

/** Whole-file refusals: the request is answered 4xx and nothing is read further. */
export type ImportFileErrorCode =
  | 'FILE_MISSING'
  | 'FILE_TOO_LARGE'
  | 'FILE_NOT_SPREADSHEET'
  | 'FILE_OLD_XLS'
  | 'FILE_NOT_UTF8'
  | 'FILE_NO_HEADER'
  | 'FILE_TOO_MANY_ROWS'
  | 'FILE_ROWS_OVER_LIMIT'
  | 'FILE_TOO_MANY_COLUMNS'
  | 'FILE_CELL_TOO_LONG'
  | 'FILE_ARCHIVE_TOO_LARGE'
  | 'FILE_ARCHIVE_SUSPICIOUS'
  | 'FILE_TOO_COMPLEX'
  | 'UNKNOWN_KIND'
  | 'MISSING_PARAMETER';

export const IMPORT_ISSUE_SEVERITY: Readonly<Record<ImportIssueCode, Severity>> = {
  UNIT_NOT_FOUND: 'ERROR',
  UNIT_AMBIGUOUS: 'ERROR',
  UNIT_KIND_DIFFERS: 'WARNING',
  BAD_NUMBER: 'ERROR',
  MISSING_VALUE: 'ERROR',
  NO_VALUE: 'WARNING',
  DUPLICATE_ROW: 'ERROR',
  NO_TARGET: 'ERROR',
  RESULT_OUT_OF_RANGE: 'ERROR',
  BAD_PERIOD: 'ERROR',
};

export const IMPORT_MESSAGES: Readonly<Record<ImportIssueCode | ImportFileErrorCode, Readonly<Record<Locale, string>>>> = {
  UNIT_NOT_FOUND: {
    vi: 'Không tìm thấy đơn vị “{name}” trong kế hoạch[ (mã {code})]',
    en: 'No unit “{name}” in the plan[ (code {code})]',
  },
  UNIT_AMBIGUOUS: {
    vi: 'Tên “{name}” khớp với nhiều đơn vị ({candidates}); ghi rõ loại đơn vị hoặc thêm cột mã',
    en: '“{name}” matches several units ({candidates}); write the kind of unit or add a code column',
  },
  UNIT_KIND_DIFFERS: {
    vi: '“{name}” được ghép với {unitName} (khác loại đơn vị)',
    en: '“{name}” was matched to {unitName}, a unit of another kind',
  },
  BAD_NUMBER: {
    vi: 'Cột “{column}”: “{text}” không phải là số',
    en: 'Column “{column}”: “{text}” is not a number',
  },
  MISSING_VALUE: {
    vi: 'Thiếu giá trị ở cột “{column}”',
    en: 'Column “{column}” is empty',
  },
  NO_VALUE: {
    vi: 'Dòng không có số liệu; bỏ qua',
    en: 'No figures on this line; skipped',
  },
  DUPLICATE_ROW: {
    vi: 'Đơn vị này đã có ở dòng {firstLine}',
    en: 'This unit already appears on line {firstLine}',
  },
  NO_TARGET: {
    vi: 'Đơn vị chưa được giao chỉ tiêu này trong kế hoạch; hãy giao chỉ tiêu trước hoặc nhập chỉ tiêu kèm cột kết quả năm trước',
    en: 'The unit has no target for this indicator in the plan yet; assign targets first, or import targets with a baseline column',
  },
  RESULT_OUT_OF_RANGE: {
    vi: 'Số liệu không hợp lệ: {reason}',
    en: 'Invalid figures: {reason}',
  },
  BAD_PERIOD: {
    vi: 'Kỳ báo cáo “{period}” không hợp lệ; dùng năm (2024), quý (2024-Q2) hoặc tháng (2024-05)',
    en: 'Invalid period “{period}”; use a year (2024), a quarter (2024-Q2) or a month (2024-05)',
  },
  FILE_MISSING: {
    vi: 'Chưa có tệp: gửi tệp XLSX hoặc CSV trong trường “file”',
    en: 'No file: send an XLSX or CSV file in the “file” field',
  },
  FILE_TOO_LARGE: {
    vi: 'Tệp quá lớn (tối đa {maxMb} MB)',
    en: 'The file is too large (at most {maxMb} MB)',
  },
  FILE_NOT_SPREADSHEET: {
    vi: 'Tệp không phải bảng tính XLSX hoặc CSV',
    en: 'The file is not an XLSX or CSV spreadsheet',
  },
  FILE_OLD_XLS: {
    vi: 'Không đọc được tệp .xls (Excel 97–2003); hãy lưu lại dưới dạng .xlsx hoặc CSV UTF-8',
    en: 'Old .xls workbooks are not read; save it as .xlsx or CSV UTF-8',
  },
  FILE_NOT_UTF8: {
    vi: 'Tệp CSV không ở mã UTF-8; hãy lưu dưới dạng “CSV UTF-8” hoặc .xlsx',
    en: 'The CSV file is not UTF-8; save it as “CSV UTF-8” or as .xlsx',
  },
  FILE_NO_HEADER: {
    vi: 'Không tìm thấy dòng tiêu đề trong 15 dòng đầu; cần các cột: {expected}',
    en: 'No header row in the first 15 lines; expected the columns {expected}',
  },
  FILE_TOO_MANY_ROWS: {
    vi: 'Tệp có {rows} dòng số liệu; mỗi lần nhập tối đa {max} dòng',
    en: 'The file has {rows} data lines; one import takes at most {max}',
  },
  FILE_ROWS_OVER_LIMIT: {
    vi: 'Tệp có hơn {max} dòng, vượt giới hạn đọc; hãy chia thành các tệp nhỏ hơn',
    en: 'The file has more than {max} lines, over the reading limit; split it into smaller files',
  },
  FILE_TOO_MANY_COLUMNS: {
    vi: 'Dòng {line} có hơn {max} cột; hãy chỉ giữ các cột của biểu mẫu',
    en: 'Line {line} has more than {max} columns; keep only the columns of the template',
  },
  FILE_CELL_TOO_LONG: {
    vi: 'Dòng {line} có ô dài hơn {max} ký tự',
    en: 'Line {line} has a cell longer than {max} characters',
  },
  FILE_ARCHIVE_TOO_LARGE: {
    vi: 'Tệp XLSX khi giải nén lớn hơn {maxMb} MB; hãy bỏ hình ảnh, các trang tính thừa hoặc chia nhỏ tệp',
    en: 'The XLSX file inflates to more than {maxMb} MB; remove pictures and extra sheets, or split it',
  },
  FILE_ARCHIVE_SUSPICIOUS: {
    vi: 'Tệp XLSX có cấu trúc bất thường (nén quá mức, quá nhiều thành phần hoặc kích thước khai báo sai) nên không được đọc; hãy mở bằng Excel và lưu lại',
    en: 'The XLSX file has an abnormal structure (over-compressed, too many parts or false sizes) and was not read; open it in Excel and save it again',
  },
  FILE_TOO_COMPLEX: {
    vi: 'Không đọc xong tệp trong thời gian và bộ nhớ cho phép; hãy chia thành các tệp nhỏ hơn',
    en: 'The file could not be read within the allowed time and memory; split it into smaller files',
  },
  UNKNOWN_KIND: {
    vi: 'Loại dữ liệu “{kind}” không có; chọn baselines, targets hoặc results',
    en: 'Unknown import “{kind}”; use baselines, targets or results',
  },
  MISSING_PARAMETER: {
    vi: 'Thiếu tham số: {names}',
    en: 'Missing parameter: {names}',
  },
};

/** The message of an import code, or of an API code (validation.ts) an import reports. */
export function importMessage(code: ImportIssueCode | ImportFileErrorCode | IssueCode | ErrorCode, params: MessageParams | null | undefined, locale: Locale): string {
  const own = (IMPORT_MESSAGES as Record<string, Readonly<Record<Locale, string>> | undefined>)[code];
  if (own) return interpolate(own[locale] ?? own.en, params ?? {}, locale);
  return issueMessage(code as IssueCode | ErrorCode, params, locale);
}

/**
 * "Không có hồ sơ phát sinh" (no dossier arose) and its short forms, as documents write it in a
 * figure's cell: a = 0, not a missing figure.
 */
export function isNoDossierText(text: string): boolean {
  const f = foldVietnamese(text).replace(/[^a-z ]/g, '').trim();
  return /^(khong (co )?(ho so )?phat sinh|khong co ho so|kps|no dossiers?( arose)?)$/.test(f);
}

/** What an import answers (POST /import/{kind}): the server builds it, the SPA shows it. */
export type ImportRowStatus = 'created' | 'updated' | 'unchanged' | 'skipped' | 'invalid';

export interface ImportLineValues {
  target?: number;
  /** null: "Không có hồ sơ phát sinh" (no baseline). */
  baseline?: number | null;
  numerator?: number;
  denominator?: number;
  value?: number;
}

export interface ImportRowIssue {
  code: ImportIssueCode | IssueCode;
  severity: Severity;
  message: string;
}

export interface ImportRow {
  line: number;
  /** The unit as the file names it. */
  name: string;
  code: string | null;
  unit: { id: string; code: string | null; name: string } | null;
  period?: string;
  values: ImportLineValues;
  issues: ImportRowIssue[];
  status: ImportRowStatus;
}

export interface ImportSummary {
  rows: number;
  matched: number;
  /** Lines with at least one error, with at least one warning. */
  errors: number;
  warnings: number;
  /** Would change (dry run) or changed (commit). */
  created: number;
  updated: number;
  unchanged: number;
  /** Lines left out: errors (with skipInvalid) and lines without figures. */
  skipped: number;
  /** Whether the commit wrote (false for a dry run and for a refused commit). */
  applied: boolean;
  dryRun: boolean;
}

export interface ImportOutcome {
  rows: ImportRow[];
  summary: ImportSummary;
  /** Issues about no line in particular (a parent's IMPLIED_AGGREGATE_SHORT). */
  issues: ImportRowIssue[];
}
