import type express from 'express';
import type { DataSource } from 'typeorm';
import type ExcelJS from 'exceljs';
import { DomainError, type Locale } from '@chitieu/domain';
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

/** The request context of a REST call, built the way /graphql builds it (one auth path). */
export async function restContext(req: express.Request, res: express.Response, deps: RestDeps): Promise<RequestContext> {
  return {
    requestId: res.locals.requestId as string,
    locale: requestLocale({ get: (n) => req.headers[n] as string | undefined }),
    actor: await deps.services.auth.authenticate(bearer(req.headers.authorization)),
    ip: req.ip ?? 'unknown',
    loaders: createLoaders(deps.ds),
    services: deps.services,
  };
}

/** A signed-in context, or a 401 answered in the user's language (then null). */
export async function requireActor(req: express.Request, res: express.Response, deps: RestDeps): Promise<AuthedContext | null> {
  const ctx = await restContext(req, res, deps);
  if (!ctx.actor) {
    res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: ctx.locale === 'en' ? 'Please sign in.' : 'Vui lòng đăng nhập.' } });
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
