/**
 * B7 — a 100,000-line results import (issue "Hardening, round two"): one province of 125
 * districts × 50 communes (a register made up for the run, loaded with `import-units`), a plan
 * with one RATE indicator and a target for every commune, then one CSV of 6,250 communes × 16
 * periods (the months and quarters of the plan's year) sent to POST /import/results as a
 * district office would. Measured: the import's wall time, the server's peak memory (VmHWM of
 * its own process, started for this scenario) and /healthz latency sampled every 50 ms while the
 * import runs, against the same sampling with the server idle just before (the baseline).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, serverRequire, sleep } from '../lib/env.mjs';
import { client } from '../lib/gql.mjs';
import { startApp } from '../lib/processes.mjs';
import { summarize } from '../lib/stats.mjs';

const DISTRICTS = 125;
const COMMUNES_PER_DISTRICT = 50;
const YEAR = new Date().getFullYear() - 1; // a whole past year: every period has ended
const PERIODS = [...Array.from({ length: 12 }, (_, m) => `${YEAR}-${String(m + 1).padStart(2, '0')}`), ...[1, 2, 3, 4].map((q) => `${YEAR}-Q${q}`)];
const PASSWORD = 'bench-import-7f3a';

function cli(databaseUrl, args) {
  const r = spawnSync(process.execPath, [path.join(root, 'server/dist/cli/index.js'), ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`B7: cli ${args[0]} failed: ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** The GSO register's columns, for a province that does not exist (code 99). */
function register() {
  const lines = ['Tỉnh Thành Phố,Mã TP,Quận Huyện,Mã QH,Phường Xã,Mã PX,Cấp,Tên Tiếng Anh'];
  for (let d = 1; d <= DISTRICTS; d++) {
    for (let c = 1; c <= COMMUNES_PER_DISTRICT; c++) {
      const code = String((d - 1) * COMMUNES_PER_DISTRICT + c).padStart(5, '0');
      lines.push(`Tỉnh Thử Nghiệm,99,Huyện Thử ${d},${String(d).padStart(3, '0')},Xã Thử ${code},${code},Xã,`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** VmHWM (peak resident memory) and VmRSS of a process, in MiB. */
function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMiB: Math.round(kb('VmHWM') / 1024), rssMiB: Math.round(kb('VmRSS') / 1024) };
}

/** /healthz every 50 ms until `until()` is true; each answer's latency. */
async function sampleHealth(url, until) {
  const lat = [];
  const t0 = performance.now();
  while (!until()) {
    const t = performance.now();
    await fetch(`${url}/healthz`).then((r) => r.text());
    lat.push(performance.now() - t);
    await sleep(50);
  }
  return summarize(lat, performance.now() - t0);
}

export async function b7({ databaseUrl, db, port }) {
  const dir = fs.mkdtempSync(path.join(root, 'bench/.cache/b7-'));
  try {
    const registerFile = path.join(dir, 'register.csv');
    fs.writeFileSync(registerFile, register());
    cli(databaseUrl, ['migrate']);
    cli(databaseUrl, ['import-units', registerFile]);
    cli(databaseUrl, ['create-user', '-u', 'quantri.b7', '-p', PASSWORD, '-r', 'SYSTEM_ADMIN']);
    const app = await startApp(databaseUrl, port);
    try {
      const api = client(app.url);
      const token = await api.login('quantri.b7', PASSWORD);
      const { units } = await api.data('{ units { id code } }', {}, token);
      const province = units.find((u) => u.code === '99');
      const { createPlan: plan } = await api.data(
        'mutation($i: PlanInput!) { createPlan(input: $i) { id } }',
        { i: { issuerId: province.id, year: YEAR, title: 'B7 — nhập 100.000 dòng kết quả' } },
        token,
      );
      const { createIndicator: indicator } = await api.data(
        'mutation($i: IndicatorInput!) { createIndicator(input: $i) { id } }',
        { i: { code: `B7-${Date.now()}`, name: 'Tỷ lệ hồ sơ trực tuyến (B7)', measure: 'RATE', comparator: 'AT_LEAST' } },
        token,
      );
      await api.data('mutation($i: PlanIndicatorInput!) { addPlanIndicator(input: $i) { id } }', { i: { planId: plan.id, indicatorId: indicator.id } }, token);
      // Every commune's id, then a target for each (setTargets takes 5,000 rows a call).
      const communes = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await api.data('query($s: String!, $o: Int!) { units(search: $s, limit: 1000, offset: $o) { id code kind } }', { s: 'Xã Thử', o: offset }, token);
        communes.push(...page.units.filter((u) => u.kind === 'COMMUNE'));
        if (page.units.length < 1000) break;
      }
      if (communes.length !== DISTRICTS * COMMUNES_PER_DISTRICT) throw new Error(`B7: ${communes.length} communes found`);
      for (let i = 0; i < communes.length; i += 5000) {
        const { setTargets } = await api.data(
          'mutation($i: SetTargetsInput!) { setTargets(input: $i) { applied issues { code message } } }',
          { i: { planId: plan.id, indicatorId: indicator.id, targets: communes.slice(i, i + 5000).map((u) => ({ unitId: u.id, value: 80 })) } },
          token,
        );
        if (!setTargets.applied) throw new Error(`B7: targets refused: ${JSON.stringify(setTargets.issues.slice(0, 2))}`);
      }
      // The file: code; period; b; a — 16 lines per commune.
      const csv = ['Mã đơn vị;Kỳ báo cáo;Số hồ sơ trực tuyến (b);Tổng số hồ sơ (a)'];
      let k = 0;
      for (const u of communes) for (const p of PERIODS) csv.push(`${u.code};${p};${(k++ * 7) % 90};${90 + (k % 40)}`);
      const body = `\uFEFF${csv.join('\n')}\n`;
      const lines = csv.length - 1;

      const idle = await (async () => {
        const stopAt = performance.now() + 3000;
        return sampleHealth(app.url, () => performance.now() > stopAt);
      })();
      const before = memoryOf(app.pid);
      let done = false;
      const form = new FormData();
      form.append('file', new Blob([body], { type: 'text/csv' }), 'ket-qua-b7.csv');
      const t0 = performance.now();
      const importing = fetch(`${app.url}/import/results?planId=${plan.id}&indicatorId=${indicator.id}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
        body: form,
      })
        .then(async (r) => ({ status: r.status, json: await r.json() }))
        .finally(() => {
          done = true;
        });
      const during = await sampleHealth(app.url, () => done);
      const answer = await importing;
      const ms = performance.now() - t0;
      const after = memoryOf(app.pid);
      const sql = db === 'sqlite' ? null : await serverRequire('mysql2/promise').createConnection({ uri: databaseUrl });
      const stored = sql
        ? Number((await sql.query('SELECT COUNT(*) AS n FROM result WHERE indicatorId = ?', [indicator.id]))[0][0].n)
        : Number(
            new (serverRequire('better-sqlite3'))(databaseUrl.slice('sqlite:'.length), { readonly: true })
              .prepare('SELECT COUNT(*) AS n FROM result WHERE indicatorId = ?')
              .get(indicator.id).n,
          );
      await sql?.end();
      const summary = answer.json.summary ?? answer.json.error;
      return {
        id: 'B7',
        title: `results import: ${lines.toLocaleString('en')} lines (${communes.length.toLocaleString('en')} communes × ${PERIODS.length} periods, ${Math.round(body.length / 1024)} KiB CSV)`,
        ours: during,
        baseline: idle,
        ratio: Math.round((during.p99 / Math.max(0.01, idle.p99)) * 100) / 100,
        import: { ms: Math.round(ms), linesPerSecond: Math.round(lines / (ms / 1000)), status: answer.status, summary, stored },
        memory: { beforeMiB: before.rssMiB, peakMiB: after.peakMiB, afterMiB: after.rssMiB },
        budget: 'measured: every line stored; /healthz p99 during the import ≤ 500 ms',
        met: answer.status === 200 && stored === lines && during.p99 <= 500,
      };
    } finally {
      await app.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
