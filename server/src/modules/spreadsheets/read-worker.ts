/**
 * Uploaded spreadsheets are read in a worker thread, so a slow or hostile file costs a thread of
 * its own and never the event loop that answers everyone else: with a time budget (terminated
 * past it) and a heap cap (resourceLimits), and at most MAX_PARALLEL_READS at once.
 *
 * The worker is sheet-worker.js beside this file in production (compiled CommonJS, server/dist);
 * when the server runs from TypeScript source (the acceptance specs under vitest) it is
 * sheet-worker.ts, loaded through @swc-node/register (a devDependency) with the server's tsconfig.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParsedLine } from './import-parse';
import type { ImportReadJob } from './import-read';
import { MAX_PARALLEL_READS, READ_TIME_BUDGET_MS, READ_WORKER_HEAP_MB } from './read-limits';
import { SheetFileError } from './sheets-error';
import type { WorkerAnswer } from './sheet-worker';

const fromSource = path.extname(__filename) === '.ts';
const workerFile = path.join(__dirname, `sheet-worker${fromSource ? '.ts' : '.js'}`);

let swcPinned = false;

function workerOptions(): { execArgv: string[]; env: NodeJS.ProcessEnv } {
  if (!fromSource) return { execArgv: [], env: process.env };
  const require = createRequire(__filename);
  // @swc/core's native addon segfaults the process when a second worker loads it after the first
  // one exited (the library is unloaded and loaded again); loaded once here it stays resident.
  if (!swcPinned) {
    require('@swc/core');
    swcPinned = true;
  }
  return {
    execArgv: ['--require', require.resolve('@swc-node/register')],
    env: { ...process.env, SWC_NODE_PROJECT: path.resolve(__dirname, '../../../tsconfig.json') },
  };
}

const tooComplex = (why: string) => new SheetFileError(`the file could not be read: ${why}`, 'FILE_TOO_COMPLEX', 413);

// A plain counting semaphore: the machine has few cores, and each read may take a whole one.
const slots = Math.max(1, Math.min(MAX_PARALLEL_READS, os.availableParallelism()));
let running = 0;
const waiting: (() => void)[] = [];
async function acquire(): Promise<void> {
  if (running < slots) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}
function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

function runOnce(job: ImportReadJob, budgetMs: number): Promise<ParsedLine[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, {
      ...workerOptions(),
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: READ_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(tooComplex(`over ${budgetMs} ms`))), budgetMs);
    worker.once('message', (answer: WorkerAnswer) =>
      finish(() => {
        if (answer.ok) resolve(answer.lines);
        else if (answer.refusal) {
          const r = answer.refusal;
          reject(new SheetFileError(r.message, r.code, r.status, r.params));
        } else reject(new Error(`sheet worker: ${answer.crash}`));
      }),
    );
    // ERR_WORKER_OUT_OF_MEMORY past the heap cap; anything else is our bug, not the file's.
    worker.once('error', (err: Error & { code?: string }) => finish(() => reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex('out of memory') : err)));
    worker.once('exit', (code) => finish(() => reject(tooComplex(`worker exited with ${code}`))));
  });
}

/** The data lines of an uploaded file, read off the event loop; refusals are SheetFileError. */
export async function readImportLinesInWorker(job: ImportReadJob, budgetMs = READ_TIME_BUDGET_MS): Promise<ParsedLine[]> {
  await acquire();
  try {
    return await runOnce(job, budgetMs);
  } finally {
    release();
  }
}
