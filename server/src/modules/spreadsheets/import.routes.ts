import type express from 'express';
import type { RestDeps } from './rest';

/** POST /import/{baselines|targets|results} and the templates (issue "Spreadsheets"). */
export function mountImportRoutes(_app: express.Express, _deps: RestDeps): void {}
