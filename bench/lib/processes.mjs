/** The servers under test, each in its own process (the load generator stays in this one). */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { root, sleep } from './env.mjs';

const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

async function waitFor(url, child, what) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`${what} did not answer at ${url}`);
}

function start(args, env, healthUrl, what) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return waitFor(healthUrl, child, what).then(() => ({
    url: healthUrl.replace(/\/(healthz|ready)$/, ''),
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([done, sleep(10_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  }));
}

/**
 * The product: server/dist/main.js on the bench database, no seed, warnings only in the log. It
 * trusts X-Forwarded-For from loopback, as behind a local proxy: the bench's sessions come "from"
 * addresses of their own (lib/gql.mjs), so the per-address login throttle is not what it measures.
 */
export function startApp(databaseUrl, port) {
  return start(
    [path.join(root, 'server/dist/main.js')],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SEED: 'none',
      TRUST_PROXY: 'loopback',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      NODE_ENV: 'production',
    },
    `http://127.0.0.1:${port}/healthz`,
    'the server',
  );
}

/** A bare Apollo Server (same versions, same Express integration) answering { __typename }. */
export function startBare(port) {
  return start([path.join(root, 'bench/bare-server.cjs')], { PORT: String(port) }, `http://127.0.0.1:${port}/ready`, 'the bare server');
}

/** The product on its demo data (SEED=demo) serving a given build of the SPA: B9's phone. */
export function startDemo(databaseUrl, port, clientDist) {
  return start(
    [path.join(root, 'server/dist/main.js')],
    { DATABASE_URL: databaseUrl, PORT: String(port), SEED: 'demo', CLIENT_DIST: clientDist, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn', NODE_ENV: 'production' },
    `http://127.0.0.1:${port}/healthz`,
    'the demo server',
  );
}
