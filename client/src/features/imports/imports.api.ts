import { requestHeaders } from '../../app/apollo';
import type { ImportKind, ImportOutcome, ImportRow, ImportRowIssue, ImportRowStatus } from '@chitieu/domain';

/**
 * The spreadsheet import over plain HTTP (multipart upload, not GraphQL): POST /import/{kind}.
 * XMLHttpRequest rather than fetch, for the upload progress.
 */
export type { ImportKind, ImportRow, ImportSummary } from '@chitieu/domain';
export type ImportStatus = ImportRowStatus;
export type ImportIssue = ImportRowIssue;
export type ImportAnswer = ImportOutcome;

export interface ImportParams {
  kind: ImportKind;
  planId: string;
  indicatorId: string;
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
  const q = new URLSearchParams({ planId: p.planId, indicatorId: p.indicatorId, dryRun: String(p.dryRun), skipInvalid: String(!!p.skipInvalid) });
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

/**
 * Sends the file; `onProgress` gets the share uploaded (0..1). A commit refused for its errors
 * (422) still answers the lines and why: it resolves like a dry run, with `applied: false`.
 */
export function sendImport(params: ImportParams, file: Blob & { name?: string }, onProgress?: (share: number) => void): Promise<ImportAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', importPath(params));
    // The session and language, as every request to the server carries them.
    for (const [name, value] of Object.entries(requestHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = xhr.response as (Partial<ImportAnswer> & { error?: { code?: string; message?: string } }) | null;
      if ((xhr.status === 200 || xhr.status === 422) && body?.rows && body.summary) resolve({ rows: body.rows, summary: body.summary, issues: body.issues ?? [] });
      else reject(new ImportError(body?.error?.message ?? (xhr.statusText || String(xhr.status)), xhr.status, body?.error?.code));
    };
    xhr.onerror = () => reject(new ImportError(xhr.statusText || 'network error', 0));
    const form = new FormData();
    form.append('file', file, file.name ?? 'import');
    xhr.send(form);
  });
}

/** Problem lines first (errors, then warnings), each group in file order: what a reviewer reads first. */
export function problemsFirst(rows: readonly ImportRow[]): ImportRow[] {
  const rank = (r: ImportRow) => (r.issues.some((i) => i.severity === 'ERROR') ? 0 : r.issues.length ? 1 : 2);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.line - b.line);
}
