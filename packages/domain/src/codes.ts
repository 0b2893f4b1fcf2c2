/**
 * Every code the API and the imports report, with its severity: the keys of the message
 * catalogues (messages/). Codes are part of the public contract — never rename one.
 */

/** Validation codes shown next to each row of a target or result. */
export type IssueCode =
  | 'OUT_OF_RANGE'
  | 'BELOW_FLOOR'
  | 'NOT_IN_SCOPE'
  | 'PLAN_NOT_EDITABLE'
  | 'VERSION_CONFLICT'
  | 'BELOW_BASELINE'
  | 'BELOW_PARENT'
  | 'PAST_DEADLINE'
  | 'IMPLIED_AGGREGATE_SHORT'
  | 'REACH_PARENT_UNREACHABLE'
  | 'REACH_PARENT_NO_TARGET';

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
  // cascadeTargets with reachParent: the proposal is still made (at the caps / the uplift asked for).
  REACH_PARENT_UNREACHABLE: 'WARNING',
  REACH_PARENT_NO_TARGET: 'WARNING',
};

export const ISSUE_CODES: readonly IssueCode[] = Object.keys(ISSUE_SEVERITY) as IssueCode[];

/** Error codes a request fails with (extensions.code, or extensions.reason under a broader code). */
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

/** Row issues a spreadsheet import adds to the API's codes. */
export type ImportIssueCode =
  'UNIT_NOT_FOUND' | 'UNIT_AMBIGUOUS' | 'UNIT_KIND_DIFFERS' | 'BAD_NUMBER' | 'MISSING_VALUE' | 'NO_VALUE' | 'DUPLICATE_ROW' | 'NO_TARGET' | 'RESULT_OUT_OF_RANGE' | 'BAD_PERIOD';

/** Whole-file refusals of an import: the request is answered 4xx and nothing is read further. */
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
  | 'MISSING_PARAMETER'
  // The mapping step's refusals: columns the request cannot read without a person's choice.
  | 'AMBIGUOUS_COLUMNS'
  | 'MAPPING_INVALID'
  | 'MAPPING_NO_INDICATOR'
  | 'MAPPING_MISSING_ROLE'
  | 'NO_UNIT_COLUMN';

export const IMPORT_ISSUE_SEVERITY: Readonly<Record<ImportIssueCode, Severity>> = {
  UNIT_NOT_FOUND: 'ERROR',
  UNIT_AMBIGUOUS: 'ERROR',
  UNIT_KIND_DIFFERS: 'ERROR',
  BAD_NUMBER: 'ERROR',
  MISSING_VALUE: 'ERROR',
  NO_VALUE: 'WARNING',
  DUPLICATE_ROW: 'ERROR',
  NO_TARGET: 'ERROR',
  RESULT_OUT_OF_RANGE: 'ERROR',
  BAD_PERIOD: 'ERROR',
};

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];

export type MessageParams = Record<string, string | number | null | undefined>;

export interface ValidationIssue {
  unitId: string;
  code: IssueCode;
  severity: Severity;
  params: Record<string, string | number | null>;
}
