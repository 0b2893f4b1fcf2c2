/**
 * Worker thread entry (see read-worker.ts): reads one uploaded spreadsheet off the event loop
 * and posts back the lines or the refusal, then the parent terminates it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readImportLines, type ImportReadJob } from './import-read';
import { SheetFileError } from './sheets-error';

export type WorkerAnswer =
  | { ok: true; lines: Awaited<ReturnType<typeof readImportLines>> }
  | { ok: false; refusal?: { message: string; code: SheetFileError['code']; status: SheetFileError['status']; params: SheetFileError['params'] }; crash?: string };

readImportLines(workerData as ImportReadJob).then(
  (lines) => parentPort!.postMessage({ ok: true, lines } satisfies WorkerAnswer),
  (err: unknown) => {
    const answer: WorkerAnswer =
      err instanceof SheetFileError
        ? { ok: false, refusal: { message: err.message, code: err.code, status: err.status, params: err.params } }
        : { ok: false, crash: err instanceof Error ? (err.stack ?? err.message) : String(err) };
    parentPort!.postMessage(answer);
  },
);
