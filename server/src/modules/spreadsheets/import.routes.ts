import type express from 'express';
import multer from 'multer';
import ExcelJS from 'exceljs';
import { IMPORT_KINDS, importMessage, issueMessage, type ImportKind, type Locale, type Measure } from '@chitieu/domain';
import { requireActor, sendError, sendFailure, sendWorkbook, type RestDeps } from './rest';
import { ImportRequestError, ImportService, MAX_IMPORT_BYTES } from './import.service';
import { expectedHeaders } from './import-parse';
import { planTreeDate } from '../plans/plans.service';
import { todayIso } from '../units/units.service';
import type { AuthedContext } from '../../common/context';

const flag = (v: unknown) => v === 'true' || v === '1';
const param = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * POST /import/{baselines|targets|results}?planId=&indicatorId=&period=&dryRun=&skipInvalid=
 * (multipart, field `file`, XLSX or CSV, at most 10 MB) → { rows, summary, issues };
 * GET /import/templates/{kind}.xlsx?planId=&indicatorId= → a workbook to fill in.
 * The route reads the request; ImportService does the rest.
 */
export function mountImportRoutes(app: express.Express, deps: RestDeps): void {
  const service = new ImportService(deps.ds);
  // In memory: a 10 MB sheet is read whole by exceljs anyway; nothing touches the disk.
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 20 } }).single('file');

  const answerError = (res: express.Response, ctx: AuthedContext, err: unknown) => {
    const locale = ctx.locale;
    if (err instanceof ImportRequestError) {
      const message = err.code === 'FORBIDDEN' ? issueMessage('FORBIDDEN', {}, locale) : importMessage(err.code, err.params, locale);
      return sendFailure(res, err.status, err.code, message);
    }
    return sendError(res, err, locale, deps);
  };

  app.post('/import/:kind', async (req, res) => {
    const ctx = await requireActor(req, res, deps);
    if (!ctx) return;
    const kind = req.params.kind as ImportKind;
    if (!IMPORT_KINDS.includes(kind)) return sendFailure(res, 404, 'UNKNOWN_KIND', importMessage('UNKNOWN_KIND', { kind: req.params.kind }, ctx.locale));
    const planId = param(req.query.planId);
    const indicatorId = param(req.query.indicatorId);
    const missing = [!planId && 'planId', !indicatorId && 'indicatorId'].filter(Boolean);
    if (missing.length) return sendFailure(res, 400, 'MISSING_PARAMETER', importMessage('MISSING_PARAMETER', { names: missing.join(', ') }, ctx.locale));
    try {
      await new Promise<void>((resolve, reject) => upload(req, res, (err: unknown) => (err ? reject(err) : resolve())));
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'LIMIT_FILE_SIZE') return sendFailure(res, 413, 'FILE_TOO_LARGE', importMessage('FILE_TOO_LARGE', { maxMb: MAX_IMPORT_BYTES / 1024 / 1024 }, ctx.locale));
      // Another field name, several files, a broken multipart body: there is no one file to read.
      return sendFailure(res, 400, 'FILE_MISSING', importMessage('FILE_MISSING', {}, ctx.locale));
    }
    const file = req.file;
    if (!file || file.size === 0) return sendFailure(res, 400, 'FILE_MISSING', importMessage('FILE_MISSING', {}, ctx.locale));
    try {
      const dryRun = flag(req.query.dryRun);
      const outcome = await service.run(ctx, {
        kind, planId: planId!, indicatorId: indicatorId!, period: param(req.query.period), dryRun,
        skipInvalid: flag(req.query.skipInvalid), fileName: file.originalname ?? '', bytes: file.buffer,
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
      const wb = await template(ctx, kind, param(req.query.planId), param(req.query.indicatorId));
      await sendWorkbook(res, wb, `mau-nhap-${kind}.xlsx`);
    } catch (err) {
      answerError(res, ctx, err);
    }
  });
}

const SHEET_NAMES: Record<ImportKind, Record<Locale, string>> = {
  baselines: { vi: 'Kết quả năm trước', en: 'Baselines' },
  targets: { vi: 'Chỉ tiêu', en: 'Targets' },
  results: { vi: 'Kết quả thực hiện', en: 'Results' },
};

/**
 * The workbook a user fills in: the header on line 1 in Vietnamese (the words the import
 * recognises), then with a plan the units the caller assigns to or reports for — its children
 * in the plan's tree (itself when it has none, for results).
 */
async function template(ctx: AuthedContext, kind: ImportKind, planId: string | null, indicatorId: string | null): Promise<ExcelJS.Workbook> {
  let measure: Measure = 'RATE';
  let labels: { numeratorLabel?: string | null; denominatorLabel?: string | null } = {};
  let units: { code: string | null; name: string }[] = [];
  let year = new Date().getFullYear();
  if (planId) {
    const plan = await ctx.services.plans.get(ctx, planId);
    year = plan.year;
    if (indicatorId) {
      const row = await ctx.services.plans.planIndicator(ctx, plan, indicatorId);
      const indicator = await ctx.services.indicators.get(ctx, row.indicatorId);
      measure = indicator.measure;
      labels = indicator;
    }
    const home = ctx.actor.unitId ?? plan.issuerId;
    units = await ctx.services.units.childrenOn(home, planTreeDate(plan.year));
    if (!units.length && kind === 'results' && ctx.actor.unitId !== null) units = [(await ctx.loaders.unit.load(ctx.actor.unitId))!];
  } else if (ctx.actor.unitId !== null) {
    units = await ctx.services.units.childrenOn(ctx.actor.unitId, todayIso());
  }
  const headers = expectedHeaders({ kind, measure, year, ...labels });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET_NAMES[kind][ctx.locale]);
  ws.addRow(headers).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 42 : 22));
  ws.getColumn(1).numFmt = '@'; // codes as text: "00001" keeps its zeros
  for (const u of units) ws.addRow([u.code ?? '', u.name]);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return wb;
}
