import type express from 'express';
import type { DataSource } from 'typeorm';
import { requestLocale } from '../../common/errors';
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
