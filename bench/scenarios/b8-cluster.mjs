/**
 * B8 — beyond one machine (issue #17): B5's mixed load against two servers on a three-node
 * MariaDB Galera cluster through HAProxy (scripts/cluster.sh), against the same load on one
 * server and one database (the bench's MariaDB) in the same run; then the cluster again with one
 * database node stopped a third of the way in and brought back (IST) at two thirds. Same data on
 * both sides: one province of the national generator (`--provinces 1`), generated into each.
 * The issue called this B7; B7 was already the results import.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, serverRequire, sleep } from '../lib/env.mjs';
import { client } from '../lib/gql.mjs';
import { startApp } from '../lib/processes.mjs';
import { fixture } from '../lib/fixture.mjs';
import { b5 } from './b5-mixed.mjs';

const mysql = serverRequire('mysql2/promise');
const GALERA = process.env.GALERA_PROVIDER ?? '/usr/lib/galera/libgalera_smm.so';
const GENERATE = ['--provinces', '1', '--months', '3', '--indicators', '10', '--agencies', '5'];

/** What the cluster needs from Debian, missing: B8 is skipped (and says why) without them. */
export function clusterMissing() {
  const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  return [...(fs.existsSync(GALERA) ? [] : ['galera-4']), ...['haproxy', 'rsync', 'mariadbd'].filter((c) => !has(c))];
}

function sh(dir, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'scripts/cluster.sh'), args, { cwd: root, env: { ...process.env, CLUSTER_DIR: dir, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cluster.sh ${args.join(' ')} exited with ${code}`))));
  });
}

function generate(databaseUrl) {
  const r = spawnSync(process.execPath, [path.join(root, 'server/dist/cli/index.js'), 'generate', 'national', ...GENERATE], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`B8: generate failed: ${r.stderr || r.stdout}`);
}

const pick = (r) => ({ ours: r.ours, errors: r.errors, errorCodes: r.errorCodes, checks: r.checks, byKind: r.byKind });

export async function b8({ singleServerUrl, seconds = 60, thinkMs = 1000, users = 50 }) {
  const load = async (api, sql, during = null) => b5({ api, sql, fixture: await fixture(sql, null), seconds, thinkMs, users, during });

  // One server, one database: the bench's MariaDB.
  const singleDb = 'chitieu_bench_b8';
  const admin = await mysql.createConnection({ uri: singleServerUrl });
  await admin.query(`DROP DATABASE IF EXISTS \`${singleDb}\``);
  const singleUrl = Object.assign(new URL(singleServerUrl), { pathname: `/${singleDb}` }).toString();
  generate(singleUrl);
  const app = await startApp(singleUrl, 4515);
  const singleSql = await mysql.createConnection({ uri: singleUrl, decimalNumbers: true });
  let single;
  try {
    const api = client(app.url);
    single = { ...pick(await load(api, singleSql)), statuses: api.statuses };
  } finally {
    await app.stop();
    await singleSql.end();
    await admin.query(`DROP DATABASE IF EXISTS \`${singleDb}\``);
    await admin.end();
  }

  // Three nodes, two servers, the balancer.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chitieu-b8-'));
  const env = { CLUSTER_LB_PORT: '4600', SEED: 'none', LOG_LEVEL: 'warn' };
  let cluster;
  let degraded;
  const events = [];
  try {
    await sh(dir, ['db-up'], env);
    await sh(dir, ['servers-up'], env);
    await sh(dir, ['lb-up'], env);
    generate('mysql://root@127.0.0.1:3313/chitieu');
    const sql = await mysql.createConnection({ uri: 'mysql://root@127.0.0.1:3313/chitieu', decimalNumbers: true });
    await sql.query('SET SESSION wsrep_sync_wait = 1');
    try {
      const api = client('http://127.0.0.1:4600');
      cluster = { ...pick(await load(api, sql)), statuses: { ...api.statuses } };
      const api2 = client('http://127.0.0.1:4600');
      const during = async (elapsed) => {
        while (elapsed() < (seconds * 1000) / 3) await sleep(100);
        await sh(dir, ['node-stop', '2'], env);
        events.push(`node 2 stopped at ${Math.round(elapsed() / 1000)} s`);
        while (elapsed() < (seconds * 2000) / 3) await sleep(100);
        await sh(dir, ['node-start', '2'], env);
        events.push(`node 2 back (IST, synced) at ${Math.round(elapsed() / 1000)} s`);
      };
      degraded = { ...pick(await load(api2, sql, during)), statuses: api2.statuses, events };
    } finally {
      await sql.end();
    }
  } finally {
    await sh(dir, ['down'], env).catch(() => undefined);
  }
  const ok = (r) => r.errors === 0 && r.checks.lost === 0 && r.checks.rollupMismatch === 0 && r.checks.targetMismatch === 0 && !r.statuses['500'];
  return {
    id: 'B8',
    title: `B5's mixed load (${users} users, ${seconds} s, ${thinkMs} ms think time) on two servers + a three-node Galera cluster behind HAProxy, vs one server on one MariaDB; and with a node stopped and back`,
    ours: cluster.ours,
    baseline: single.ours,
    ratio: Math.round((cluster.ours.p99 / single.ours.p99) * 100) / 100,
    throughputRatio: Math.round((cluster.ours.rps / single.ours.rps) * 100) / 100,
    single,
    cluster,
    degraded,
    budget: 'measured; every write kept, totals add up, no 500 (also with a node lost)',
    met: ok(cluster) && ok(degraded) && ok(single),
  };
}
