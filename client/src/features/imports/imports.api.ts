import { requestHeaders } from '../../app/apollo';
import type { ImportColumnMapping, ImportColumns, ImportKind, ImportOutcome, ImportPartsOutcome, ImportRow, ImportRowIssue, ImportRowStatus } from '@chitieu/domain';

/**
 * The spreadsheet import over plain HTTP (multipart upload, not GraphQL): POST /import/{kind}
 * and its mapping step POST /import/{kind}/columns. XMLHttpRequest rather than fetch, for the
 * upload progress.
 */
export type { ImportColumn, ImportColumnMapping, ImportColumnRole, ImportColumns, ImportKind, ImportOutcome, ImportPart, ImportRow, ImportSummary } from '@chitieu/domain';
export type ImportStatus = ImportRowStatus;
export type ImportIssue = ImportRowIssue;
/** One indicator's outcome, or (a mapping naming several) one per indicator. */
export type ImportAnswer = ImportOutcome | ImportPartsOutcome;

/** The answer's outcomes, one per indicator (the request's own indicator when it has no parts). */
export function outcomesOf(answer: ImportAnswer, indicatorId: string | null): { indicatorId: string | null; outcome: ImportOutcome }[] {
  if ('parts' in answer) return answer.parts.map((p) => ({ indicatorId: p.indicatorId, outcome: p }));
  return [{ indicatorId, outcome: answer }];
}

export interface ImportParams {
  kind: ImportKind;
  planId: string;
  /** The indicator of figure columns the mapping leaves without one (results: the one chosen). */
  indicatorId?: string | null;
  /** The mapping step's choice of columns. */
  columns?: ImportColumnMapping | null;
  period?: string | null;
  dryRun: boolean;
  skipInvalid?: boolean;
}

/** A refusal of the whole request, with the server's message (already in the user's language). */
export class ImportError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

export function importPath(p: ImportParams): string {
  const q = new URLSearchParams({ planId: p.planId, dryRun: String(p.dryRun), skipInvalid: String(!!p.skipInvalid) });
  if (p.indicatorId) q.set('indicatorId', p.indicatorId);
  if (p.columns) q.set('columns', JSON.stringify(p.columns));
  if (p.period) q.set('period', p.period);
  return `/import/${p.kind}?${q}`;
}

export function templatePath(kind: ImportKind, planId?: string, indicatorId?: string): string {
  const q = new URLSearchParams();
  if (planId) q.set('planId', planId);
  if (indicatorId) q.set('indicatorId', indicatorId);
  const qs = q.toString();
  return `/import/templates/${kind}.xlsx${qs ? `?${qs}` : ''}`;
}

type Body = Partial<ImportOutcome & ImportPartsOutcome & ImportColumns> & { error?: { code?: string; message?: string } };

/** POSTs the file to `path`; `accept` says which answers are answers (the others are refusals). */
function upload(path: string, file: Blob & { name?: string }, accept: (status: number, body: Body | null) => boolean, onProgress?: (share: number) => void): Promise<Body> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    // The session and language, as every request to the server carries them.
    for (const [name, value] of Object.entries(requestHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as Body | null;
      if (body && accept(xhr.status, body)) resolve(body);
      else reject(new ImportError(body?.error?.message ?? (xhr.statusText || String(xhr.status)), xhr.status, body?.error?.code));
    };
    xhr.onerror = () => reject(new ImportError(xhr.statusText || 'network error', 0));
    const form = new FormData();
    form.append('file', file, file.name ?? 'import');
    xhr.send(form);
  });
}

/**
 * Sends the file; `onProgress` gets the share uploaded (0..1). A commit refused for its errors
 * (422) still answers the lines and why: it resolves like a dry run, with `applied: false`.
 */
export async function sendImport(params: ImportParams, file: Blob & { name?: string }, onProgress?: (share: number) => void): Promise<ImportAnswer> {
  const ok = (status: number, b: Body | null) => (status === 200 || status === 422) && !!b?.summary && (!!b.rows || !!b.parts);
  const body = await upload(importPath(params), file, ok, onProgress);
  if (body.parts) return { parts: body.parts, summary: body.summary!, issues: body.issues ?? [] };
  return { rows: body.rows!, summary: body.summary!, issues: body.issues ?? [] };
}

/** The mapping step: the header found in the file, each column's detected role and indicator, samples. */
export async function inspectColumns(kind: ImportKind, planId: string, file: Blob & { name?: string }, onProgress?: (share: number) => void): Promise<ImportColumns> {
  const body = await upload(`/import/${kind}/columns?${new URLSearchParams({ planId })}`, file, (status, b) => status === 200 && !!b?.columns, onProgress);
  return { headerLine: body.headerLine!, columns: body.columns!, indicators: body.indicators ?? [] };
}

/** Problem lines first (errors, then warnings), each group in file order: what a reviewer reads first. */
export function problemsFirst(rows: readonly ImportRow[]): ImportRow[] {
  const rank = (r: ImportRow) => (r.issues.some((i) => i.severity === 'ERROR') ? 0 : r.issues.length ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}
