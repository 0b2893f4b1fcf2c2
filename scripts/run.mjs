#!/usr/bin/env node
// The README's commands with nothing but Node 20.19+ installed: installs what is missing
// (pnpm comes through npx, pinned), builds what is stale, then runs.
//   node scripts/run.mjs start | test | build | cli <args> | schema [--check] | dev | bench [options] | lint
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM = 'pnpm@10.34.8';
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function pnpm(args) {
  const local = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (local.status === 0 && local.stdout.startsWith('10.')) return run('pnpm', args);
  return run('npx', ['--yes', PNPM, ...args]);
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** Newest modification time under a folder (skipping build output and dependencies). */
function newest(dir) {
  let max = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else max = Math.max(max, mtime(p));
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return max;
}

function ensureInstalled() {
  const marker = path.join(root, 'node_modules', '.pnpm', 'lock.yaml');
  const lock = path.join(root, 'pnpm-lock.yaml');
  const manifests = [
    'package.json',
    'server/package.json',
    'client/package.json',
    'packages/domain/package.json',
    'test/package.json',
    'bench/package.json',
    'pnpm-workspace.yaml',
  ];
  const wanted = Math.max(mtime(lock), ...manifests.map((m) => mtime(path.join(root, m))));
  if (mtime(marker) >= wanted && fs.existsSync(bin('vitest'))) return;
  console.log('› installing dependencies (first run compiles better-sqlite3: about two minutes)…');
  pnpm(['install', ...(process.env.CI === 'true' ? ['--frozen-lockfile'] : [])]);
}

function buildServer() {
  run(bin('tsc'), ['-b', 'server']);
}

function buildClient() {
  const out = path.join(root, 'client', 'dist', 'index.html');
  if (fs.existsSync(out) && mtime(out) >= Math.max(newest(path.join(root, 'client')), newest(path.join(root, 'packages', 'domain', 'src')))) return;
  console.log('› building the client…');
  run(path.join(root, 'client', 'node_modules', '.bin', 'vite'), ['build'], { cwd: path.join(root, 'client') });
}

/** Runs a long-lived child, forwarding Ctrl-C and SIGTERM so the server drains and exits cleanly. */
function serve(args, env = {}) {
  const child = spawn(process.execPath, args, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** ESLint (eslint.config.mjs) and Prettier (.prettierrc.json): any finding fails the run. */
function lint() {
  console.log('› lint: eslint, prettier --check');
  run(bin('eslint'), ['.', '--max-warnings=0', '--cache', '--cache-location', 'node_modules/.cache/eslint/']);
  run(bin('prettier'), ['--check', '--log-level=warn', '.']);
}

/** vitest, then one plain closing line ("tests: N passed, N failed") that CI logs can be read by. */
function runTests(args) {
  const report = path.join(root, 'test-results', 'vitest.json');
  fs.rmSync(report, { force: true });
  const r = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], { stdio: 'inherit', cwd: root });
  if (fs.existsSync(report)) {
    const j = JSON.parse(fs.readFileSync(report, 'utf8'));
    const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    console.log(`\ntests: ${j.numPassedTests} passed, ${j.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const [command = 'start', ...rest] = process.argv.slice(2);
switch (command) {
  case 'start':
    ensureInstalled();
    buildServer();
    buildClient();
    serve([path.join(root, 'server/dist/main.js')], { NODE_ENV: process.env.NODE_ENV ?? 'production' });
    break;
  case 'build':
    ensureInstalled();
    buildServer();
    buildClient();
    break;
  case 'test':
    ensureInstalled();
    buildServer(); // type-checks the server and the domain package
    run(bin('tsc'), ['--noEmit', '-p', 'test']); // and the acceptance specs
    run(bin('tsc'), ['--noEmit', '-p', 'packages/domain/tsconfig.spec.json']); // and the domain specs
    run(bin('tsc'), ['--noEmit', '-p', 'client']); // and the SPA
    run(process.execPath, [path.join(root, 'server/dist/cli/index.js'), 'schema', '--check']);
    lint();
    runTests(rest);
    break;
  case 'cli':
    ensureInstalled();
    buildServer();
    run(process.execPath, [path.join(root, 'server/dist/cli/index.js'), ...rest]);
    break;
  case 'schema':
    ensureInstalled();
    buildServer();
    run(process.execPath, [path.join(root, 'server/dist/cli/index.js'), 'schema', ...rest]);
    break;
  case 'dev': {
    // The server rebuilt and restarted on every change (tsc --watch + node --watch), the SPA on
    // Vite with hot reload at http://localhost:5173 (it proxies /graphql, /import, /export to :4000).
    ensureInstalled();
    buildServer();
    const children = [
      spawn(bin('tsc'), ['-b', 'server', '--watch', '--preserveWatchOutput'], { stdio: 'inherit', cwd: root }),
      spawn(process.execPath, ['--watch', path.join(root, 'server/dist/main.js')], { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'development' } }),
      spawn(path.join(root, 'client', 'node_modules', '.bin', 'vite'), [], { stdio: 'inherit', cwd: path.join(root, 'client') }),
    ];
    const stop = (sig) => children.forEach((c) => c.exitCode === null && c.kill(sig));
    for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => stop(sig));
    // One of them failing ends the others: a half-running dev setup only confuses.
    for (const c of children)
      c.on('exit', (code) => {
        stop('SIGTERM');
        process.exitCode = code ?? 0;
      });
    break;
  }
  case 'lint':
    ensureInstalled();
    lint();
    break;
  case 'bench':
    // The national-scale benchmarks (bench/README.md): MariaDB at 127.0.0.1:3306, about 15 minutes.
    ensureInstalled();
    buildServer();
    buildClient();
    run(process.execPath, [path.join(root, 'bench/run.mjs'), ...rest]);
    break;
  default:
    console.error(`unknown command "${command}": start | test | build | cli | schema | dev | bench | lint`);
    process.exit(2);
}
