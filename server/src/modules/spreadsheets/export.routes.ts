import type express from 'express';
import type { RestDeps } from './rest';

/** GET /export/plans/:planId/annex.xlsx and /export/progress.xlsx (issue "Spreadsheets"). */
export function mountExportRoutes(_app: express.Express, _deps: RestDeps): void {}
