import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { ArgumentValidationError } from 'type-graphql';
import { DomainError, REASON_MESSAGES, formatNumber, isReasonKey, issueMessage, reasonMessage as domainReasonMessage, type Locale, type MessageParams } from '@chitieu/domain';
import { FIGURE_CONSTRAINT } from './figure-input';
import type { Logger } from 'pino';
import type { RequestContext } from './context';
import { isConflictError } from './retry';

export { DomainError };

/** Codes a client may branch on; anything else is reported as INTERNAL without details. */
const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'INVALID_CREDENTIALS',
]);

/** Domain codes that reach the client under a broader GraphQL code. */
const CODE_FAMILY: Record<string, string> = {
  INVALID_PERIOD: 'BAD_USER_INPUT',
  INVALID_CREDENTIALS: 'UNAUTHENTICATED',
  OUT_OF_RANGE: 'BAD_USER_INPUT',
  UNIT_NOT_VALID: 'BAD_USER_INPUT',
  PERIOD_OUT_OF_RANGE: 'BAD_USER_INPUT',
  INVALID_SCORE: 'BAD_USER_INPUT',
  // An issued plan is a state the request conflicts with (amendments come later), not a missing right.
  PLAN_NOT_EDITABLE: 'CONFLICT',
};

/**
 * Driver errors that mean the database connection went away mid-request (killed, reset, server
 * restarting) or SQLite stayed locked past its busy timeout. The transaction was rolled back —
 * nothing was saved — so the client may simply send the same request again.
 */
const CONNECTION_CODES = new Set([
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
  'ER_SERVER_SHUTDOWN',
  'ER_CLIENT_INTERACTION_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_TIMEOUT',
]);
/**
 * MySQL/MariaDB errnos: 1927 connection killed, 1317 query interrupted, 1053 server shutdown, 2006 gone away, 2013 lost during
 * query, 4031 idle timeout, 1047 a Galera node out of the primary component ("WSREP has not yet prepared node").
 */
const CONNECTION_ERRNOS = new Set([1927, 1317, 1053, 2006, 2013, 4031, 1047]);
const CONNECTION_MESSAGES =
  /Connection lost|connection is in closed state|Pool is closed|server has gone away|Lost connection to|no database host answered|database node \S+ is not ready/i;

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

/**
 * A reason key (BAD_USER_INPUT, OUT_OF_RANGE of a result) in the user's language, without its
 * parameters; the key itself when unknown. The texts are the domain's catalogue (REASON_MESSAGES).
 */
export function reasonMessage(key: string, locale: Locale): string {
  return isReasonKey(key) ? REASON_MESSAGES[key][locale] : key;
}

/** params.reason spelt out when it is a reason key; a reason already written (or none) is left as it is. */
function reasonText(params: MessageParams, locale: Locale): MessageParams {
  if (!isReasonKey(params.reason)) return params;
  return { ...params, reason: domainReasonMessage(params.reason, params, locale) };
}

/** A domain error as a sentence in `locale`, its reason spelt out: for the CLI and start-up, where no client shapes it. */
export function domainErrorText(err: DomainError, locale: Locale): string {
  return issueMessage(err.code, reasonText(err.params, locale), locale);
}

/** The longest reason or note a user writes on a step between offices (a proposal, a decision, a return): a paragraph, not a document. */
export const MAX_NOTE_LENGTH = 2000;

/** A free text a step requires (a reason, a note): trimmed, not empty, at most `max` characters; BAD_USER_INPUT naming the field otherwise. */
export function requiredText(value: string | null | undefined, field: string, max = MAX_NOTE_LENGTH): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput('required', { field });
  if (text.length > max) throw badInput('tooLong', { field, max });
  return text;
}

export function badInput(reason: string, params: Record<string, string | number | null> = {}): DomainError {
  return new DomainError('BAD_USER_INPUT', { reason, ...params });
}

type ValidationNode = { property: string; constraints?: Record<string, string>; children?: ValidationNode[] };

/** class-validator's failed constraints, each with the path of its field ("results[3].value"). */
function leafErrors(e: ValidationNode, prefix: string): { field: string; constraints?: Record<string, string> }[] {
  const field = prefix === '' ? e.property : /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`;
  return [...(e.constraints ? [{ field, constraints: e.constraints }] : []), ...(e.children ?? []).flatMap((c) => leafErrors(c, field))];
}

/** IsFigure's default message carries its bounds: "<field> must be a finite number from <min> to <max>". */
const FIGURE_BOUNDS = / from (-?[\d.e+]+) to (-?[\d.e+]+)$/;

/**
 * graphql-js's variable coercion messages read back into the field they name and what is wrong
 * ('Variable "$i" got invalid value "PERCENT" at "i.measure"; Value "PERCENT" does not exist in
 * "Measure" enum.'); null for any other message.
 */
export function variableProblem(message: string): { field: string; reason: string; value?: string; problem: string } | null {
  const missing = /^Variable "\$([^"]+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\.$/.exec(message);
  if (missing) return { field: missing[1], reason: 'variableMissing', problem: message };
  const m = /^Variable "\$([^"]+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; ([\s\S]*)$/.exec(message);
  if (!m) return null;
  const at = m[2] ?? m[1];
  const problem = m[3].replace(/ Did you mean [\s\S]*\?$/, '');
  let x: RegExpExecArray | null;
  if ((x = /^Field "([^"]+)" is not defined by type/.exec(problem))) return { field: `${at}.${x[1]}`, reason: 'variableUnknown', problem };
  if ((x = /^Field "([^"]+)" of required type "[^"]+" was not provided/.exec(problem))) return { field: `${at}.${x[1]}`, reason: 'variableMissing', problem };
  if ((x = /^Value "([^"]*)" does not exist in "[^"]+" enum/.exec(problem))) return { field: at, reason: 'variableEnum', value: x[1], problem };
  if (/cannot represent non numeric value: -?(Infinity|NaN)$/.test(problem)) return { field: at, reason: 'variableNotFinite', problem };
  return { field: at, reason: 'variableType', problem };
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
  // A lost connection, or a deadlock / Galera certification conflict still lost after the
  // transaction retries (common/retry.ts): rolled back, so sending it again is safe.
  if (isConnectionError(original) || isConflictError(original)) {
    log?.warn({ err: original }, 'database connection lost or conflict during a request');
    return { message: issueMessage('SERVICE_UNAVAILABLE', {}, locale), path, extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } };
  }
  const ext = (formatted.extensions ?? {}) as Record<string, unknown>;
  const code = typeof ext.code === 'string' ? ext.code : undefined;
  // TypeGraphQL's argument validation (class-validator); a nested field is named by its path ("results[3].value").
  if (original instanceof ArgumentValidationError) {
    const details = original.extensions.validationErrors.flatMap((e) => leafErrors(e, ''));
    // A number out of the bounds every figure keeps (IsFigure): say which field and what it takes.
    const figure = details.find((d) => d.constraints?.[FIGURE_CONSTRAINT]);
    const bounds = figure ? FIGURE_BOUNDS.exec(figure.constraints![FIGURE_CONSTRAINT]) : null;
    const reason =
      figure && bounds
        ? reasonText({ reason: 'figure', field: figure.field, min: formatNumber(Number(bounds[1]), locale), max: formatNumber(Number(bounds[2]), locale) }, locale).reason
        : details.map((d) => d.field).join(', ') || 'input';
    return {
      message: issueMessage('BAD_USER_INPUT', { reason }, locale),
      path,
      extensions: { code: 'BAD_USER_INPUT', fields: details.map((d) => ({ field: d.field, problems: Object.values(d.constraints ?? {}) })) },
    };
  }
  // A variable that does not fit the schema (Apollo answers 400): the field named, in the caller's language.
  // (Read from the error itself: `formatted` may already be shaped once, by Apollo's formatError.)
  const variable = code === 'BAD_USER_INPUT' ? variableProblem(error instanceof GraphQLError ? error.message : formatted.message) : null;
  if (variable) {
    return {
      message: issueMessage('BAD_USER_INPUT', reasonText({ reason: variable.reason, field: variable.field, value: variable.value ?? null }, locale), locale),
      locations: formatted.locations,
      path,
      extensions: { code: 'BAD_USER_INPUT', field: variable.field, fields: [{ field: variable.field, problems: [variable.problem] }] },
    };
  }
  // Raised as such before a resolver ran (the session lookup lost its database: app.ts).
  if (code === 'SERVICE_UNAVAILABLE') return { message: issueMessage('SERVICE_UNAVAILABLE', {}, locale), path, extensions: { code, retryable: true } };
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
          response.body.singleResult.errors = response.body.singleResult.errors.map((formatted, i) => shapeError(formatted, originals[i], locale, log));
        },
      };
    },
  };
}
