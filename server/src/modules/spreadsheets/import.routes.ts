import type express from 'express';
import multer from 'multer';
import { IMPORT_KINDS, importMessage, issueMessage, type ImportKind } from '@chitieu/domain';
import { queryParam, refuseCsrf, requireActor, sendError, sendFailure, sendWorkbook, type RestDeps } from './rest';
import { ImportRequestError, ImportService, MAX_IMPORT_BYTES } from './import.service';
import { importTemplate } from './import.template';
import { parseMapping } from './import/mapping';
import type { AuthedContext } from '../../common/context';

const flag = (v: unknown) => v === 'true' || v === '1';

/**
 * POST /import/{baselines|targets|results}?planId=&indicatorId=&period=&dryRun=&skipInvalid=[&columns=]
 * (multipart, field `file`, XLSX or CSV, at most 10 MB) → { rows, summary, issues }, or with a
 * mapping (`columns`, JSON { headerLine, columns: [{ index, role, indicatorId? }] }) naming several
 * indicators → { parts: [{ indicatorId, rows, summary, issues }], summary, issues };
 * POST /import/{kind}/columns?planId= (the same file) → { headerLine, columns, indicators }: the
 * mapping step's detected roles;
 * GET /import/templates/{kind}.xlsx?planId=&indicatorId= → a workbook to fill in.
 * The route reads the request; ImportService does the rest.
 */
export function mountImportRoutes(app: express.Express, deps: RestDeps): void {
  const service = new ImportService(deps.ds, deps.services);
  // In memory (10 MB at most), nothing touches the disk; the file is then read in a worker thread
  // under the read limits (read-worker.ts), so a hostile file never holds the event loop.
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 20 } }).single('file');

  const answerError = (res: express.Response, ctx: AuthedContext, err: unknown) => {
    const locale = ctx.locale;
    if (err instanceof ImportRequestError) {
      // The mapping's codes are in the import catalogue though ImportFileErrorCode does not list them (codes.ts).
      const message = err.code === 'FORBIDDEN' ? issueMessage('FORBIDDEN', {}, locale) : importMessage(err.code, err.params, locale);
      return sendFailure(res, err.status, err.code, message);
    }
    return sendError(res, err, locale, deps);
  };

  /** The kind, the auth, the CSRF proof and the one uploaded file of an import request; null once answered. */
  const receive = async (req: express.Request, res: express.Response): Promise<{ ctx: AuthedContext; kind: ImportKind; file: Express.Multer.File } | null> => {
    // A multipart POST is a "simple" request: with the cookie alone it needs the CSRF proof.
    if (refuseCsrf(req, res)) return null;
    const ctx = await requireActor(req, res, deps);
    if (!ctx) return null;
    const kind = String(req.params.kind) as ImportKind;
    if (!IMPORT_KINDS.includes(kind)) {
      sendFailure(res, 404, 'UNKNOWN_KIND', importMessage('UNKNOWN_KIND', { kind }, ctx.locale));
      return null;
    }
    // indicatorId names the indicator of every figure column; a mapping names them itself.
    const needed = req.path.endsWith('/columns') || queryParam(req, 'columns') ? ['planId'] : ['planId', 'indicatorId'];
    const missing = needed.filter((n) => !queryParam(req, n));
    if (missing.length) {
      sendFailure(res, 400, 'MISSING_PARAMETER', importMessage('MISSING_PARAMETER', { names: missing.join(', ') }, ctx.locale));
      return null;
    }
    try {
      await new Promise<void>((resolve, reject) => upload(req, res, (err: unknown) => (err ? reject(err) : resolve())));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') sendFailure(res, 413, 'FILE_TOO_LARGE', importMessage('FILE_TOO_LARGE', { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 }, ctx.locale));
      // Another field name, several files, a broken multipart body: there is no one file to read.
      else sendFailure(res, 400, 'FILE_MISSING', importMessage('FILE_MISSING', {}, ctx.locale));
      return null;
    }
    const file = req.file;
    if (!file || file.size === 0) {
      sendFailure(res, 400, 'FILE_MISSING', importMessage('FILE_MISSING', {}, ctx.locale));
      return null;
    }
    return { ctx, kind, file };
  };

  // The mapping step: what each column of the file holds, as detected; nothing is written.
  app.post('/import/:kind/columns', async (req, res) => {
    const got = await receive(req, res);
    if (!got) return;
    try {
      const { ctx, kind, file } = got;
      res.json(await service.columns(ctx, { kind, planId: queryParam(req, 'planId')!, period: null, fileName: file.originalname ?? '', bytes: file.buffer }));
    } catch (err) {
      answerError(res, got.ctx, err);
    }
  });

  app.post('/import/:kind', async (req, res) => {
    const got = await receive(req, res);
    if (!got) return;
    const { ctx, kind, file } = got;
    try {
      const dryRun = flag(req.query.dryRun);
      const columns = queryParam(req, 'columns');
      const outcome = await service.run(ctx, {
        kind,
        planId: queryParam(req, 'planId')!,
        indicatorId: queryParam(req, 'indicatorId') ?? null,
        mapping: columns ? parseMapping(columns) : null,
        period: queryParam(req, 'period') ?? null,
        dryRun,
        skipInvalid: flag(req.query.skipInvalid),
        fileName: file.originalname ?? '',
        bytes: file.buffer,
      });
      // A commit refused for its errors answers 422 with the same body: every line says why.
      res.status(!dryRun && !outcome.summary.applied ? 422 : 200).json(outcome);
    } catch (err) {
      answerError(res, ctx, err);
    }
  });

  app.get('/import/templates/:file', async (req, res) => {
    const ctx = await requireActor(req, res, deps);
    if (!ctx) return;
    const kind = /^(\w+)\.xlsx$/.exec(req.params.file)?.[1] as ImportKind | undefined;
    if (!kind || !IMPORT_KINDS.includes(kind)) {
      return sendFailure(res, 404, 'UNKNOWN_KIND', importMessage('UNKNOWN_KIND', { kind: req.params.file }, ctx.locale));
    }
    try {
      const wb = await importTemplate(deps.services, ctx, kind, queryParam(req, 'planId') ?? null, queryParam(req, 'indicatorId') ?? null);
      await sendWorkbook(res, wb, `mau-nhap-${kind}.xlsx`);
    } catch (err) {
      answerError(res, ctx, err);
    }
  });
}
