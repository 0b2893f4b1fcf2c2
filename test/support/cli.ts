import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built CLI (server/dist/cli/index.js). Specs using it build nothing: `npm test`
 * (scripts/run.mjs test) runs `tsc -b server` before the suite; alone, build first with
 * `server/node_modules/.bin/tsc -b server`.
 */
export const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/dist/cli/index.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one CLI command as an operator would: a child process with DATABASE_URL set. */
export function runCli(args: string[], databaseUrl: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'test', SEED: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
