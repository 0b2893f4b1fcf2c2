import type express from 'express';
import { DomainError, reasonMessage } from '@chitieu/domain';
import { requestLocale } from '../../common/errors';
import type { AuthedContext } from '../../common/context';
import { contentDisposition, queryParam, refuseCsrf, requireActor, sendError, sendWorkbook, type RestDeps } from './rest';
import { annexDepth, annexExport, progressExport, type ExportFile } from './export.service';
import { indicatorsExport } from './indicators.export';
import { documentExport, type DocumentFile } from '../documents/document.export';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A document built in memory, sent as a download no cache keeps (like the workbooks). */
function sendDocument(res: express.Response, file: DocumentFile): void {
  res.status(200);
  res.setHeader('content-type', DOCX);
  res.setHeader('content-disposition', contentDisposition(file.filename));
  res.setHeader('cache-control', 'no-store');
  res.end(file.document);
}

function required(req: express.Request, name: string): string {
  const v = queryParam(req, name);
  if (v === undefined) throw new DomainError('BAD_USER_INPUT', { reason: reasonMessage('missingParameter', { name }, requestLocale({ get: (n) => req.get(n) })) });
  return v;
}

/** Built in memory, then streamed: an error while gathering still gets a proper status. */
function exportRoute(deps: RestDeps, build: (ctx: AuthedContext, req: express.Request) => Promise<ExportFile | DocumentFile>): express.RequestHandler {
  return async (req, res) => {
    const locale = requestLocale({ get: (n) => req.headers[n] as string | undefined });
    // A download authenticated by the cookie needs the same proof as /graphql (CSRF).
    if (refuseCsrf(req, res)) return;
    try {
      const ctx = await requireActor(req, res, deps);
      if (!ctx) return;
      const file = await build(ctx, req);
      if ('document' in file) sendDocument(res, file);
      else await sendWorkbook(res, file.workbook, file.filename);
    } catch (err) {
      if (res.headersSent) {
        deps.log.error({ err }, 'export failed while streaming');
        res.destroy();
        return;
      }
      sendError(res, err, locale, deps);
    }
  };
}

/**
 * GET /export/plans/:planId/annex.xlsx[?unitId=&depth=], /export/plans/:planId/indicators.xlsx,
 * /export/plans/:planId/document.docx and GET /export/progress.xlsx?planId=&indicatorId=&unitId=[&period=].
 */
export function mountExportRoutes(app: express.Express, deps: RestDeps): void {
  app.get(
    '/export/plans/:planId/annex.xlsx',
    exportRoute(deps, (ctx, req) =>
      annexExport(deps.services, ctx, { planId: String(req.params.planId), unitId: queryParam(req, 'unitId'), depth: annexDepth(queryParam(req, 'depth')) }),
    ),
  );
  app.get(
    '/export/plans/:planId/indicators.xlsx',
    exportRoute(deps, (ctx, req) => indicatorsExport(deps.services, ctx, String(req.params.planId))),
  );
  app.get(
    '/export/plans/:planId/document.docx',
    exportRoute(deps, (ctx, req) => documentExport(deps.services, ctx, String(req.params.planId))),
  );
  app.get(
    '/export/progress.xlsx',
    exportRoute(deps, (ctx, req) =>
      progressExport(deps.services, ctx, {
        planId: required(req, 'planId'),
        indicatorId: required(req, 'indicatorId'),
        unitId: required(req, 'unitId'),
        period: queryParam(req, 'period'),
      }),
    ),
  );
}
