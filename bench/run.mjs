#!/usr/bin/env node
/**
 * `npm run bench`: the national-scale benchmarks (a benchmark, not a test). See bench/README.md.
 *
 *   node bench/run.mjs [--reuse] [--provinces N] [--only B0,B1,...] [--seconds 60] [--think 1000] [--no-sqlite] [--no-tune]
 *
 * B7 (a 100,000-line results import) works on a database of its own (chitieu_bench_import, and a
 * SQLite file), so `--only B7` needs no national data set.
 *
 * MariaDB at BENCH_MYSQL_URL (default mysql://root@127.0.0.1:3306/), database chitieu_bench,
 * dropped and generated anew unless --reuse finds it filled. Each scenario prints median, p95,
 * p99, throughput and the ratio to its baseline, then one JSON line ("BENCH {...}"). The results
 * and the machine go to bench/RESULTS.md, a short table to the README.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { root, serverRequire } from './lib/env.mjs';
import { client } from './lib/gql.mjs';
import { startApp, startBare } from './lib/processes.mjs';
import { fmt, line } from './lib/stats.mjs';
import { b0 } from './scenarios/b0-overhead.mjs';
import { b1, b2 } from './scenarios/b1b2-progress.mjs';
import { b3 } from './scenarios/b3-statements.mjs';
import { b4 } from './scenarios/b4-cascade.mjs';
import { b5 } from './scenarios/b5-mixed.mjs';
import { b6 } from './scenarios/b6-spa.mjs';
import { b7 } from './scenarios/b7-import.mjs';
import { b8, clusterMissing } from './scenarios/b8-cluster.mjs';
import { b9 } from './scenarios/b9-phone.mjs';
import { PASSWORD, YEAR, fixture } from './lib/fixture.mjs';

const mysql = serverRequire('mysql2/promise');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const only = opt('only', null)
  ?.split(',')
  .map((s) => s.trim().toUpperCase());
const want = (id) => !only || only.includes(id);
const started = Date.now();
const SERVER_URL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
const DB = process.env.BENCH_DATABASE ?? 'chitieu_bench';
const dbUrl = (() => {
  const u = new URL(SERVER_URL);
  u.pathname = `/${DB}`;
  return u.toString();
})();
fs.mkdirSync(path.join(root, 'bench/.cache'), { recursive: true });

function say(s = '') {
  console.log(s);
}

/** Runs the CLI's generator in its own process, showing its progress, and returns its summary. */
function generate(databaseUrl, extra = []) {
  return new Promise((resolve, reject) => {
    const args = [path.join(root, 'server/dist/cli/index.js'), 'generate', 'national', ...extra];
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(
        d
          .toString()
          .split('\n')
          .filter((l) => !l.startsWith('{'))
          .join('\n'),
      );
    });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`generate national exited with ${code}`));
      const json = out.split('\n').find((l) => l.startsWith('{"generate"'));
      resolve(JSON.parse(json));
    });
  });
}

async function machine(sql) {
  const [[v]] = await sql.query('SELECT VERSION() AS v, @@innodb_buffer_pool_size AS pool');
  return {
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    mariadb: v.v,
    bufferPoolMiB: Math.round(Number(v.pool) / 2 ** 20),
    loadAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function report(r) {
  say(`\n${r.id} — ${r.title}`);
  if (r.ours && r.baseline) {
    say(`  ${line('ours', r.ours)}`);
    say(`  ${line('baseline', r.baseline)}`);
    say(`  ratio ${r.ratio}×`);
  } else if (r.ours) say(`  ${line('ours', r.ours)}`);
  if (r.id === 'B3')
    say(
      `  statements: ${r.small.statements} for ${r.small.provinces} provinces (${r.small.targets} targets), ${r.large.statements} for ${r.large.provinces} (${r.large.targets} targets); allowed ${r.allowed}`,
    );
  if (r.id === 'B4')
    say(
      `  update run: p50 ${fmt(r.update.p50)} (${r.update.rows} rows)${r.national ? `; national generation: ${r.national.targets.toLocaleString('en')} targets in ${fmt(r.national.ms / 1000, ' s')} (${r.national.perSecond}/s)` : ''}`,
    );
  if (r.id === 'B5') {
    for (const [k, s] of Object.entries(r.byKind)) say(`  ${line(k, s)}`);
    say(`  errors ${r.errors}; checks ${JSON.stringify(r.checks)}${r.errorSamples.length ? `; e.g. ${r.errorSamples[0]}` : ''}`);
  }
  if (r.id === 'B6')
    say(
      `  initial JS gzip: /login ${r.sizes.loginKb} kB, /progress ${r.sizes.dashboardKb} kB; tree: provinces shown in ${r.tree.firstRenderMs} ms (${r.tree.rows} rows rendered), a province opened in ${r.tree.openProvinceMs} ms, a district in ${r.tree.openDistrictMs} ms`,
    );
  if (r.id === 'B7')
    say(
      `  import: ${r.import.ms} ms (${r.import.linesPerSecond} lines/s), HTTP ${r.import.status}, ${r.import.stored} stored; server memory ${r.memory.beforeMiB} MiB before, peak ${r.memory.peakMiB} MiB, ${r.memory.afterMiB} MiB after`,
    );
  if (r.id === 'B8') {
    say(`  throughput ratio ${r.throughputRatio}× (cluster ${r.ours.rps} vs single ${r.baseline.rps} req/s)`);
    for (const k of ['single', 'cluster', 'degraded'])
      say(`  ${line(k, r[k].ours)}; errors ${r[k].errors}; checks ${JSON.stringify(r[k].checks)}; HTTP ${JSON.stringify(r[k].statuses)}`);
    say(`  ${r.degraded.events.join(', ')}`);
  }
  if (r.id === 'B9') {
    say(
      `  login: ${r.login.js.gzipKb} kB JS gzip (${r.login.js.count} scripts; ${r.login.js.transferredKb} kB as transferred, ${r.login.js.contentEncoding.join('/')}), interactive in ${r.login.interactiveMs} ms ${JSON.stringify(r.login.runs)}`,
    );
    say(
      `  results (xa.buontrap): cold ${r.resultsCold.interactiveMs} ms ${JSON.stringify(r.resultsCold.runs)} (${r.resultsCold.js.gzipKb} kB JS gzip), installed ${r.resultsInstalled.interactiveMs} ms ${JSON.stringify(r.resultsInstalled.runs)}`,
    );
    say(`  checks ${JSON.stringify(r.checks)}${r.pageErrors.length ? `; page errors: ${r.pageErrors.join(' | ')}` : ''}`);
  }
  if (r.fresh !== undefined) say(`  fresh: ${r.fresh} (the next answer, ${r.freshMs} ms after the write, had the new figure)`);
  say(`  budget: ${r.budget} — ${r.met ? 'MET' : 'MISSED'}`);
  say(`BENCH ${JSON.stringify({ db: r.db, ...r })}`);
}

async function main() {
  const admin = await mysql.createConnection({ uri: SERVER_URL });
  const [[pool]] = await admin.query('SELECT @@innodb_buffer_pool_size AS size');
  const originalPool = Number(pool.size);
  // A national database wants more than MariaDB's 128 MiB default; the setting is dynamic and restored at the end.
  const POOL = 2 * 2 ** 30;
  if (originalPool < POOL && !flag('no-tune')) await admin.query(`SET GLOBAL innodb_buffer_pool_size = ${POOL}`);
  const results = [];
  let summary = null;
  try {
    const national = ['B0', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6'].some(want);
    const [exists] = await admin.query('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [DB]);
    let reuse = false;
    if (flag('reuse') && exists.length) {
      const [[n]] = await admin.query(`SELECT COUNT(*) AS n FROM \`${DB}\`.result`).catch(() => [[{ n: 0 }]]);
      reuse = Number(n.n) > 0;
    }
    if (!national) {
      say('› only B7/B8/B9: no national data set');
    } else if (!reuse) {
      say(`› generating the national data set into ${DB} (MariaDB)`);
      await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
      summary = await generate(dbUrl, opt('provinces') ? ['--provinces', opt('provinces')] : []);
      fs.writeFileSync(path.join(root, 'bench/.cache/generation.json'), JSON.stringify(summary));
      // Fresh statistics, and a moment for InnoDB to write back what the bulk load left dirty.
      await admin.query(`ANALYZE TABLE \`${DB}\`.result, \`${DB}\`.target, \`${DB}\`.unit`);
      await new Promise((r) => setTimeout(r, 15_000));
    } else {
      say(`› reusing ${DB}`);
      const cached = path.join(root, 'bench/.cache/generation.json');
      summary = fs.existsSync(cached) ? JSON.parse(fs.readFileSync(cached, 'utf8')) : null;
    }
    const info = await machine(admin);
    if (national) await nationalScenarios(results, summary);
    const importDb = `${DB}_import`;
    const importUrl = dbUrl.replace(new RegExp(`/${DB}$`), `/${importDb}`);
    if (want('B7')) {
      await admin.query(`DROP DATABASE IF EXISTS \`${importDb}\``);
      const r = { db: 'mariadb', ...(await b7({ databaseUrl: importUrl, db: 'mariadb', port: 4513 })) };
      results.push(r);
      report(r);
      await admin.query(`DROP DATABASE IF EXISTS \`${importDb}\``);
    }
    // B8: its own cluster (scripts/cluster.sh) and its own one-province databases.
    if (want('B8')) {
      const missing = clusterMissing();
      if (missing.length) say(`\n› B8 skipped: ${missing.join(', ')} not installed (apt-get install -y galera-4 haproxy rsync)`);
      else {
        const r = { db: 'galera', ...(await b8({ singleServerUrl: SERVER_URL, seconds: Number(opt('seconds', 60)), thinkMs: Number(opt('think', 1000)) })) };
        results.push(r);
        report(r);
      }
    }
    // B9: a phone on a slow link, on the demo data (SQLite) with the SPA built anew.
    if (want('B9')) {
      const r = { db: 'sqlite', ...(await b9()) };
      results.push(r);
      report(r);
    }
    if (!flag('no-sqlite')) await sqlite(results);
    write(results, info, summary);
  } finally {
    if (originalPool < POOL && !flag('no-tune')) await admin.query(`SET GLOBAL innodb_buffer_pool_size = ${originalPool}`).catch(() => {});
    await admin.end();
  }
  const missed = results.filter((r) => !r.met).map((r) => `${r.id}${r.db === 'sqlite' ? ' (SQLite)' : ''}`);
  say(`\nbench: ${results.length} scenarios in ${Math.round((Date.now() - started) / 1000)} s; ${missed.length ? `missed: ${missed.join(', ')}` : 'every budget met'}`);
}

/** B0–B6 on the generated national data set (MariaDB). */
async function nationalScenarios(results, summary) {
  const sql = await mysql.createConnection({ uri: dbUrl });
  const fx = await fixture(sql, summary);
  const info = await machine(sql);
  say(`› ${info.cpu}, ${info.memoryGiB} GiB, ${info.node}, MariaDB ${info.mariadb} (buffer pool ${info.bufferPoolMiB} MiB)`);
  say(`› fixture: ${fx.province.name} (${fx.communes} communes), plan ${fx.plan.id}, indicator ${fx.indicator.code}; ${fx.units.toLocaleString('en')} units`);
  const app = await startApp(dbUrl, 4510);
  const bare = await startBare(4511);
  const api = client(app.url);
  const run = async (id, fn) => {
    if (!want(id)) return;
    const r = { db: 'mariadb', ...(await fn()) };
    results.push(r);
    report(r);
  };
  try {
    await run('B0', async () => b0({ app, bare, token: await api.login('quantri', PASSWORD) }));
    await run('B1', () => b1({ api, sql, fixture: fx }));
    await run('B2', () => b2({ api, sql, fixture: fx }));
    await run('B3', () => b3({ databaseUrl: dbUrl, fixture: fx }));
    await run('B4', () => b4({ databaseUrl: dbUrl, fixture: fx, generation: summary }));
    await run('B5', () => b5({ api, sql, fixture: fx, seconds: Number(opt('seconds', 60)), thinkMs: Number(opt('think', 1000)) }));
    await run('B6', () => b6({ app, api, fixture: fx }));
  } finally {
    await app.stop();
    await bare.stop();
    await sql.end();
  }
}

/** B1, B3 and B4 on SQLite, on the first two provinces (the embedded database is for one province's office, not the country). */
async function sqlite(results) {
  if (want('B7')) {
    const file = path.join(root, 'bench/.cache/bench-import.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const r = { db: 'sqlite', ...(await b7({ databaseUrl: `sqlite:${file}`, db: 'sqlite', port: 4514 })) };
    results.push(r);
    report(r);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  }
  if (!['B1', 'B3', 'B4'].some(want)) return;
  const Database = serverRequire('better-sqlite3');
  const file = path.join(root, 'bench/.cache/bench.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const url = `sqlite:${file}`;
  say('\n› SQLite: generating the first two provinces');
  const summary = await generate(url, ['--provinces', '2']);
  const db = new Database(file, { readonly: true });
  const sql = {
    async query(q, params) {
      return [db.prepare(q).all(...params)];
    },
  };
  const get = (q, ...p) => db.prepare(q).get(...p);
  const province = get(
    `SELECT p.id, p.code, p.name, p.path, COUNT(c.id) AS communes FROM unit p JOIN unit d ON d.parentId = p.id JOIN unit c ON c.parentId = d.id
     WHERE p.parentId IS NULL GROUP BY p.id ORDER BY ABS(COUNT(c.id) - 200) LIMIT 1`,
  );
  const plan = get('SELECT id FROM plan WHERE issuerId = ? AND year = ?', province.id, YEAR);
  const indicators = db
    .prepare('SELECT i.id, i.code, i.measure, pi.floors FROM indicator i JOIN plan_indicator pi ON pi.indicatorId = i.id AND pi.planId = ? ORDER BY pi.sortOrder')
    .all(plan.id);
  const fx = { password: PASSWORD, year: YEAR, province, communes: province.communes, plan, indicator: indicators.find((i) => i.measure === 'RATE'), indicators };
  const app = await startApp(url, 4512);
  const api = client(app.url);
  const run = async (id, fn) => {
    if (!want(id)) return;
    const r = { db: 'sqlite', ...(await fn()) };
    results.push(r);
    report(r);
  };
  try {
    await run('B1', () => b1({ api, sql, fixture: fx }));
    await run('B3', () => b3({ databaseUrl: url, fixture: fx }));
  } finally {
    await app.stop();
  }
  db.close();
  // The 1 s budget is MariaDB's; on SQLite the figure is reported for comparison.
  await run('B4', async () => ({ ...(await b4({ databaseUrl: url, fixture: fx, generation: null })), budget: 'measured (the budget is for MariaDB)', met: true }));
  results.sqliteGeneration = summary;
}

function write(results, info, summary) {
  const ms = (x) => (Number.isFinite(x) ? fmt(x) : '—');
  const rows = results.map((r) => {
    const o = r.ours ?? {};
    const figure =
      r.id === 'B3'
        ? `${r.large.statements} statements (${r.small.provinces} provinces: ${r.small.statements})`
        : r.id === 'B6'
          ? `/login ${r.sizes.loginKb} kB, /progress ${r.sizes.dashboardKb} kB gzip; tree ${r.tree.firstRenderMs} ms`
          : r.id === 'B0'
            ? `${o.rps} vs ${r.baseline.rps} req/s (${r.ratio}×)`
            : r.id === 'B9'
              ? `login ${r.login.js.gzipKb} kB JS gzip, interactive ${fmt(r.login.interactiveMs / 1000, ' s')}; results ${fmt(r.resultsCold.interactiveMs / 1000, ' s')} cold, ${fmt(r.resultsInstalled.interactiveMs / 1000, ' s')} installed`
              : r.id === 'B8'
                ? `2 servers + 3 nodes: p50 ${ms(o.p50)} · p99 ${ms(o.p99)}, ${o.rps} req/s (p99 ${r.ratio}×, throughput ${r.throughputRatio}× of one); a node lost: p99 ${ms(r.degraded.ours.p99)}, ${r.degraded.errors} errors`
                : r.id === 'B7'
                  ? `${(r.import.ms / 1000).toFixed(1)} s (${r.import.linesPerSecond}/s), peak ${r.memory.peakMiB} MiB; /healthz p99 ${ms(o.p99)} during`
                  : `p50 ${ms(o.p50)} · p95 ${ms(o.p95)} · p99 ${ms(o.p99)}`;
    const base = r.baseline && r.id !== 'B0' ? `p50 ${ms(r.baseline.p50)} · p95 ${ms(r.baseline.p95)}` : '';
    return `| ${r.id} | ${r.db === 'sqlite' ? 'SQLite' : r.db === 'galera' ? 'Galera' : 'MariaDB'} | ${figure} | ${base} | ${r.budget} | ${r.met ? 'met' : '**missed**'} |`;
  });
  const table = ['| | db | result | baseline (same run) | budget | |', '|---|---|---|---|---|---|', ...rows].join('\n');
  const gen = summary
    ? `Data: ${summary.provinces} provinces, ${summary.districts} districts, ${summary.communes.toLocaleString('en')} communes, ${summary.agencies.toLocaleString('en')} agencies (${summary.units.toLocaleString('en')} units), ` +
      `${summary.targets.toLocaleString('en')} targets, ${summary.results.toLocaleString('en')} results; generated in ${Math.round(summary.ms.total / 1000)} s ` +
      `(targets ${Math.round(summary.ms.targets / 1000)} s, results ${Math.round(summary.ms.results / 1000)} s).`
    : results.some((r) => r.id !== 'B7' && r.id !== 'B8')
      ? 'Data: reused from an earlier run.'
      : 'Data: B7 only (its own made-up province).';
  const details = results.map((r) => `### ${r.id} (${r.db}) — ${r.title}\n\n\`\`\`json\n${JSON.stringify(r, null, 1)}\n\`\`\``).join('\n\n');
  const md =
    `# Benchmark results\n\nWritten by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString()}; overwritten each run. ` +
    `Total time ${Math.round((Date.now() - started) / 1000)} s.\n\n` +
    `Machine: ${info.cpu}, ${info.memoryGiB} GiB, ${info.os}, Node ${info.node}, MariaDB ${info.mariadb} ` +
    `(InnoDB buffer pool set to ${info.bufferPoolMiB} MiB for the run), server and load generator on the same machine. ` +
    `Load average (1/5/15 min) when the scenarios started ${info.loadAtStart.join(' / ')}, at the end ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' / ')} ` +
    `(above 2 on this machine means other work shared its 2 cores).\n\n${gen}\n\n${table}\n\n` +
    `Where the budgets stand, and why: docs/design.md ("National scale").\n\n## Details\n\n${details}\n`;
  // A partial run (--only) must not replace the full figures: it goes beside them, in the cache.
  if (only) {
    fs.writeFileSync(path.join(root, 'bench/.cache/RESULTS-only.md'), md);
    say('\n› wrote bench/.cache/RESULTS-only.md (a partial run leaves bench/RESULTS.md and the README as they are)');
    return;
  }
  fs.writeFileSync(path.join(root, 'bench/RESULTS.md'), md);
  const readme = path.join(root, 'README.md');
  const text = fs.readFileSync(readme, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (text.includes(start) && text.includes(end)) {
    const short = `${table}\n\n${info.cpu}, MariaDB ${info.mariadb}; ${gen} Full figures: [bench/RESULTS.md](bench/RESULTS.md).`;
    fs.writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${short}\n${text.slice(text.indexOf(end))}`);
  }
  say('\n› wrote bench/RESULTS.md and the README table');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
