import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError, issueMessage, type Locale, type MessageParams } from '@chitieu/domain';
import type { Logger } from 'pino';
import type { RequestContext } from './context';

export { DomainError };

/** Codes a client may branch on; anything else is reported as INTERNAL without details. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE', 'INVALID_CREDENTIALS',
]);

/** Domain codes that reach the client under a broader GraphQL code. */
const CODE_FAMILY: Record<string, string> = {
  INVALID_PERIOD: 'BAD_USER_INPUT',
  INVALID_CREDENTIALS: 'UNAUTHENTICATED',
  OUT_OF_RANGE: 'BAD_USER_INPUT',
  // An issued plan is a state the request conflicts with (amendments come later), not a missing right.
  PLAN_NOT_EDITABLE: 'CONFLICT',
};

/**
 * Driver errors that mean the database connection went away mid-request (killed, reset, server
 * restarting) or SQLite stayed locked past its busy timeout. The transaction was rolled back —
 * nothing was saved — so the client may simply send the same request again.
 */
const CONNECTION_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE',
  'ETIMEDOUT', 'ER_CONNECTION_KILLED', 'ER_QUERY_INTERRUPTED', 'ER_SERVER_SHUTDOWN', 'ER_CLIENT_INTERACTION_TIMEOUT',
  'SQLITE_BUSY', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_TIMEOUT',
]);
/** MySQL/MariaDB errnos: 1927 connection killed, 1317 query interrupted, 1053 server shutdown, 2006 gone away, 2013 lost during query, 4031 idle timeout. */
const CONNECTION_ERRNOS = new Set([1927, 1317, 1053, 2006, 2013, 4031]);
const CONNECTION_MESSAGES = /Connection lost|connection is in closed state|Pool is closed|server has gone away|Lost connection to/i;

/** Whether an error (or the driver error it wraps) is a lost database connection. */
export function isConnectionError(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const x = e as { code?: unknown; errno?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof x.code === 'string' && CONNECTION_CODES.has(x.code)) return true;
    if (typeof x.errno === 'number' && CONNECTION_ERRNOS.has(x.errno)) return true;
    if (typeof x.message === 'string' && CONNECTION_MESSAGES.test(x.message)) return true;
    e = x.driverError ?? x.cause;
  }
  return false;
}

export function notFound(entity: string, id?: unknown): DomainError {
  return new DomainError('NOT_FOUND', { entity, id: id === undefined ? null : String(id) });
}

/** The reasons services give for BAD_USER_INPUT and CONFLICT, said the way a user reads them. */
const REASONS: Record<string, Record<Locale, string>> = {
  limit: { vi: 'mỗi trang tối đa {max} dòng', en: 'at most {max} rows a page' },
  offset: { vi: 'vị trí bắt đầu không được âm', en: 'the offset cannot be negative' },
  duplicateUnit: { vi: 'một đơn vị xuất hiện hơn một lần', en: 'a unit appears more than once' },
  passwordLength: { vi: 'mật khẩu phải có ít nhất {min} ký tự', en: 'the password needs at least {min} characters' },
  username: { vi: 'tên đăng nhập gồm 3–64 chữ không dấu, số, dấu chấm hoặc gạch', en: 'a username has 3–64 letters, digits, dots or dashes' },
  unitId: { vi: 'đơn vị của tài khoản không phù hợp với vai trò', en: "the account's unit does not fit its role" },
  parentKind: { vi: 'loại đơn vị {kind} không thể trực thuộc {parentKind}', en: 'a {kind} cannot sit under {parentKind}' },
  name: { vi: 'tên không được để trống', en: 'the name cannot be empty' },
  code: { vi: 'mã đã được dùng: {code}', en: 'the code is taken: {code}' },
  usernameTaken: { vi: 'tên đăng nhập đã có người dùng: {username}', en: 'the username is taken: {username}' },
  indicatorCode: { vi: 'mã chỉ tiêu đã có trong danh mục: {code}', en: 'the catalogue already has the code {code}' },
  scoring: { vi: 'điểm của thang chấm phải từ 0 đến 100', en: 'scores of a rule go from 0 to 100' },
  floors: { vi: 'mức sàn không hợp lệ', en: 'invalid floors' },
  subAssignmentDeadline: { vi: 'hạn phân bổ không được trước ngày ban hành', en: 'the deadline cannot precede the document date' },
  alreadyIssued: { vi: 'kế hoạch đã được ban hành', en: 'the plan is already issued' },
  // Why a result figure is refused (checkResultValues).
  notANumber: { vi: 'không phải là số', en: 'not a number' },
  rateNeedsBoth: { vi: 'cần cả số hồ sơ trực tuyến (b) và tổng số hồ sơ (a)', en: 'both b and a are needed' },
  rateRange: { vi: 'b và a không được âm và b không được lớn hơn a', en: 'b and a cannot be negative and b cannot exceed a' },
  valueMissing: { vi: 'thiếu giá trị', en: 'the value is missing' },
  valueRange: { vi: 'giá trị nằm ngoài giới hạn (điểm từ 0 đến 100, số lượng không âm)', en: 'out of range (scores 0 to 100, counts not negative)' },
};

/** A reason key (BAD_USER_INPUT, OUT_OF_RANGE of a result) in the user's language; the key itself when unknown. */
export function reasonMessage(key: string, locale: Locale): string {
  return REASONS[key]?.[locale] ?? key;
}

function reasonText(params: MessageParams, locale: Locale): MessageParams {
  const key = typeof params.reason === 'string' ? params.reason : undefined;
  const template = key ? REASONS[key]?.[locale] : undefined;
  if (!template) return params;
  return { ...params, reason: template.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? '')) };
}

export function badInput(reason: string, params: Record<string, string | number | null> = {}): DomainError {
  return new DomainError('BAD_USER_INPUT', { reason, ...params });
}

function localeOf(headers: { get(name: string): string | undefined } | undefined): Locale {
  const lang = headers?.get('accept-language') ?? '';
  return /^\s*en\b/i.test(lang) ? 'en' : 'vi';
}

export function requestLocale(headers: { get(name: string): string | undefined } | undefined): Locale {
  return localeOf(headers);
}

/**
 * The one place errors are shaped for clients: domain codes become `extensions.code` with a
 * message in the caller's language; class-validator failures become BAD_USER_INPUT; anything
 * unexpected (driver errors, bugs) becomes INTERNAL with no stack, SQL or driver text.
 */
export function shapeError(formatted: GraphQLFormattedError, error: unknown, locale: Locale, log?: Logger): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const path = formatted.path;
  if (original instanceof DomainError) {
    const code = CODE_FAMILY[original.code] ?? original.code;
    return {
      message: issueMessage(original.code, reasonText(original.params, locale), locale),
      path,
      extensions: { code, ...(code !== original.code ? { reason: original.code } : {}), params: original.params },
    };
  }
  if (isConnectionError(original)) {
    log?.warn({ err: original }, 'database connection lost during a request');
    return { message: issueMessage('SERVICE_UNAVAILABLE', {}, locale), path, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } };
  }
  const ext = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  // TypeGraphQL's argument validation (class-validator)
  if (original instanceof ArgumentValidationError) {
    const details = original.extensions.validationErrors.flatMap(function flat(e): { property: string; constraints?: Record<string, string> }[] {
      return [...(e.constraints ? [e] : []), ...(e.children ?? []).flatMap(flat)];
    });
    return {
      message: issueMessage('BAD_USER_INPUT', { reason: details.map((d) => d.property).join(', ') || 'input' }, locale),
      path,
      extensions: { code: 'BAD_USER_INPUT', fields: details.map((d) => ({ field: d.property, problems: Object.values(d.constraints ?? {}) })) },
    };
  }
  if (code && PUBLIC_CODES.has(code)) {
    // graphql-js suggests field names ("Did you mean …?"): that maps the schema for a stranger.
    const own = formatted.message.replace(/ Did you mean .*\?$/, '');
    // graphql-armor's refusals (depth, aliases, tokens, cost) in the caller's language.
    if (/limit of \d+ exceeded|cost limit|^Validation aborted/i.test(own)) {
      return { message: issueMessage('QUERY_TOO_COMPLEX', {}, locale), path, extensions: { code, limit: own } };
    }
    const message = code === 'BAD_USER_INPUT' || code.startsWith('GRAPHQL_') || code === 'BAD_REQUEST' ? own : issueMessage(code as never, {}, locale);
    return { message, locations: formatted.locations, path, extensions: { code } };
  }
  log?.error({ err: original }, 'unexpected error');
  return { message: issueMessage('INTERNAL', {}, locale), path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Apollo's formatError has no request context, so errors are shaped here where the caller's
 * language is known.
 */
export function errorShapingPlugin(log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, errors }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const originals = errors ?? [];
          const locale = contextValue?.locale ?? 'vi';
          response.body.singleResult.errors = response.body.singleResult.errors.map((formatted, i) =>
            shapeError(formatted, originals[i], locale, log),
          );
        },
      };
    },
  };
}
