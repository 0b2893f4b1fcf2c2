import type express from 'express';
import type { DataSource } from 'typeorm';
import { parseCookie } from 'cookie';
import type ExcelJS from 'exceljs';
import { DomainError, httpMessage, type Locale } from '@chitieu/domain';
import { requestLocale, shapeError } from '../../common/errors';
import { createLoaders } from '../../common/loaders';
import type { AuthedContext, RequestContext } from '../../common/context';
import type { Services } from '../../services';
import type { Logger } from '../../common/logger';

/** What the spreadsheet routes get from the server: the same services the GraphQL resolvers use. */
export interface RestDeps {
  ds: DataSource;
  services: Services;
  log: Logger;
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

/**
 * The SPA's session: an httpOnly cookie (script cannot read it), SameSite=Strict (another site's
 * page does not send it), Secure when the request came over TLS (`req.secure` honours the
 * `trust proxy` setting). API clients and analysts keep using bearer tokens.
 */
export const SESSION_COOKIE = 'chitieu_session';

function cookieToken(req: express.Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const value = parseCookie(header)[SESSION_COOKIE];
  return value && /^[\w-]{20,128}$/.test(value) ? value : undefined;
}

function sessionCookie(req: express.Request, res: express.Response) {
  const options = { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' } as const;
  return {
    set: (token: string, expiresAt: Date) => void res.cookie(SESSION_COOKIE, token, { ...options, expires: expiresAt }),
    clear: () => void res.clearCookie(SESSION_COOKIE, options),
  };
}

/** The request context of a REST call, built the way /graphql builds it (one auth path). */
export async function restContext(req: express.Request, res: express.Response, deps: RestDeps): Promise<RequestContext> {
  // A bearer token when the request carries one (API clients), else the SPA's cookie.
  const header = req.headers.authorization;
  const fromCookie = header ? undefined : cookieToken(req);
  const actor = await deps.services.auth.authenticate(header ? bearer(header) : fromCookie);
  const cookie = sessionCookie(req, res);
  // A cookie whose session is over (expired, revoked, signed out elsewhere) is dropped, not kept.
  if (fromCookie && !actor) cookie.clear();
  return {
    requestId: res.locals.requestId as string,
    locale: requestLocale({ get: (n) => req.headers[n] as string | undefined }),
    actor,
    ip: req.ip ?? 'unknown',
    loaders: createLoaders(deps.ds),
    sessionCookie: cookie,
  };
}

/** Content types a cross-site HTML form or a "simple" fetch can send without a CORS preflight. */
const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Apollo's CSRF rule (csrfPrevention on /graphql) for the REST routes: a request that would be
 * authenticated by the cookie (no Authorization header) must prove it is not a "simple" one a
 * foreign page could send — a non-simple content type, or a non-empty `apollo-require-preflight`
 * or `x-apollo-operation-name` header, which browsers only send after a CORS preflight we never
 * grant. Answers 400 in the user's language and returns true when the request is refused.
 * SameSite=Strict already keeps the cookie off cross-site requests; this is the second guard.
 */
export function refuseCsrf(req: express.Request, res: express.Response): boolean {
  if (req.headers.authorization || !cookieToken(req)) return false;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== '' && !SIMPLE_TYPES.has(type)) return false;
  const preflighted = ['apollo-require-preflight', 'x-apollo-operation-name'].some((h) => String(req.headers[h] ?? '').trim() !== '');
  if (preflighted) return false;
  const locale = requestLocale({ get: (n) => req.headers[n] as string | undefined });
  // BAD_REQUEST: the code Apollo's own CSRF refusal on /graphql carries.
  sendFailure(res, 400, 'BAD_REQUEST', httpMessage('CSRF_REFUSED', null, locale));
  return true;
}

/**
 * A signed-in context, or a refusal (then null): 400 for a cookie request that fails the CSRF
 * check — before anything is read or written — and 401 in the user's language without a session.
 */
export async function requireActor(req: express.Request, res: express.Response, deps: RestDeps): Promise<AuthedContext | null> {
  if (refuseCsrf(req, res)) return null;
  const ctx = await restContext(req, res, deps);
  if (!ctx.actor) {
    res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: httpMessage('SIGN_IN_REQUIRED', null, ctx.locale) } });
    return null;
  }
  return ctx as AuthedContext;
}

/** HTTP statuses of the error codes GraphQL reports in extensions.code; anything else unexpected is a 500. */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  INVALID_PERIOD: 400,
  CONFLICT: 409,
  PLAN_NOT_EDITABLE: 409,
  SERVICE_UNAVAILABLE: 503,
};

/** `{ error: { code, message } }` with the status; the message in the caller's language. */
export function sendFailure(res: express.Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** An error thrown by a service, worded as /graphql words it (the one error mapping, common/errors). */
export function sendError(res: express.Response, err: unknown, locale: Locale, deps: Pick<RestDeps, 'log'>): void {
  const shaped = shapeError({ message: err instanceof Error ? err.message : String(err) }, err, locale, deps.log);
  const code = String(shaped.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  sendFailure(res, STATUS[code] ?? (err instanceof DomainError ? 400 : 500), code, shaped.message);
}

/** One query parameter as a trimmed string (absent, blank, repeated or nested: undefined). */
export function queryParam(req: express.Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Content-Disposition for a Vietnamese file name: an ASCII fallback ("Phu luc 2022 - Tinh Dak
 * Lak.xlsx") for old clients and the exact name as RFC 5987 `filename*`.
 */
export function contentDisposition(filename: string): string {
  const fallback = filename
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\;%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A workbook built in memory, streamed as a download that no cache keeps (figures of one account's scope). */
export async function sendWorkbook(res: express.Response, workbook: ExcelJS.Workbook, filename: string): Promise<void> {
  res.status(200);
  res.setHeader('content-type', XLSX);
  res.setHeader('content-disposition', contentDisposition(filename));
  res.setHeader('cache-control', 'no-store');
  await workbook.xlsx.write(res);
  res.end();
}
