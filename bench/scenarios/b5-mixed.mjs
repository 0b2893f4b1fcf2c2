/**
 * B5 — mixed load: 50 concurrent users for 60 s on one province's issued plan: district
 * managers cascading to their communes, commune reporters recording monthly results, analysts
 * reading progress. Afterwards every total
 * is checked: each result row holds its last write, the roll-up equals the figures before the run
 * plus every accepted change (nothing lost, nothing counted twice), and each commune target holds
 * the value of its district's last cascade with a version raised once per change.
 *
 * Users, not connections: each waits for its answer and then reads it for 0.5–1.5 s (`thinkMs`)
 * before the next request. Without that pause 50 loops are a stress test of a 2-core machine,
 * not 50 people at work; `--think 0` runs it that way.
 */
import { summarize } from '../lib/stats.mjs';
import { sleep } from '../lib/env.mjs';
import { random } from '@chitieu/server/dist/modules/seed/random.js';

const CASCADE = `mutation($in: CascadeInput!) { cascadeTargets(input: $in) { applied created updated issues { code severity } } }`;
const RECORD = `mutation($in: RecordResultsInput!) { recordResults(input: $in) }`;
const PROGRESS = `query($p: ID!, $i: ID!, $u: ID!, $period: String) { progress(planId: $p, indicatorId: $i, unitId: $u, period: $period) {
  status rolledUp { numerator denominator value } children { unit { id name } status rank rolledUp { numerator denominator value } target { value } } } }`;

/**
 * `during` (optional) runs beside the load, given the milliseconds from the start: the cluster
 * test and B8 stop and restart database nodes and servers with it. The result carries, not
 * enumerable (out of the printed JSON), `acknowledged`: every write the server said it saved,
 * for checks on each database node.
 */
export async function b5({ api, sql, fixture, seconds = 60, users = 50, thinkMs = 1000, during = null }) {
  const { province, plan, year } = fixture;
  const rnd = random(5);
  const rates = fixture.indicators.filter((i) => i.measure === 'RATE');
  const floored = rates.filter((i) => i.floors);
  const [districts] = await sql.query("SELECT id, code FROM unit WHERE parentId = ? AND kind IN ('PROVINCIAL_CITY','TOWN','URBAN_DISTRICT','DISTRICT') ORDER BY id", [province.id]);
  const [communes] = await sql.query('SELECT u.id, u.code, u.parentId FROM unit u JOIN unit d ON d.id = u.parentId WHERE d.parentId = ? ORDER BY u.id', [province.id]);
  const nManagers = Math.min(10, districts.length);
  const nReporters = Math.min(25, communes.length);
  const nAnalysts = users - nManagers - nReporters;
  // Reporters spread over the province's communes; each writes only its own unit.
  const reporterUnits = Array.from({ length: nReporters }, (_, k) => communes[Math.floor((k * communes.length) / nReporters)]);
  const vus = [
    ...districts.slice(0, nManagers).map((d) => ({ kind: 'cascade', username: `huyen.${d.code}`, unit: d })),
    ...reporterUnits.map((c) => ({ kind: 'record', username: `xa.${c.code}`, unit: c })),
    ...Array.from({ length: nAnalysts }, () => ({ kind: 'progress', username: `phantich.${province.code}` })),
  ];
  for (const v of vus) v.token = await api.login(v.username, fixture.password);

  // What the checks compare against: figures and targets before the run.
  const touched = new Map(); // "unit|indicator|period" → { before, last }
  const cascades = new Map(); // "district|indicator" → last applied defaults
  const latencies = { cascade: [], record: [], progress: [] };
  let errors = 0;
  const errorSamples = [];
  const errorCodes = {};
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();

  async function loop(v) {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        if (v.kind === 'cascade') {
          const ind = floored[Math.floor(rnd() * floored.length)] ?? rates[0];
          const defaults = [
            ['WARD', 80],
            ['TOWNSHIP', 60],
            ['COMMUNE', 40],
          ].map(([kind, floor]) => ({ kind, value: floor + Math.floor(rnd() * 15) }));
          const r = await api.gql(CASCADE, { in: { planId: String(plan.id), indicatorId: String(ind.id), parentUnitId: String(v.unit.id), defaults } }, v.token);
          if (r.status !== 200 || r.errors || !r.data.cascadeTargets.applied) throw new Error(JSON.stringify(r.errors ?? r.data).slice(0, 300));
          cascades.set(`${v.unit.id}|${ind.id}`, defaults);
          latencies.cascade.push(performance.now() - t);
        } else if (v.kind === 'record') {
          const ind = rates[Math.floor(rnd() * rates.length)];
          const period = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`;
          const a = 20 + Math.floor(rnd() * 80);
          const b = Math.floor(rnd() * (a + 1));
          const key = `${v.unit.id}|${ind.id}|${period}`;
          if (!touched.has(key)) {
            const [[row]] = await sql.query('SELECT numerator, denominator FROM result WHERE unitId = ? AND indicatorId = ? AND period = ?', [v.unit.id, ind.id, period]);
            touched.set(key, { unit: v.unit.id, indicator: ind.id, period, before: row ?? null, last: null });
          }
          const t1 = performance.now();
          const r = await api.gql(RECORD, { in: { indicatorId: String(ind.id), period, results: [{ unitId: String(v.unit.id), numerator: b, denominator: a }] } }, v.token);
          if (r.status !== 200 || r.errors) throw new Error(JSON.stringify(r.errors ?? r).slice(0, 300));
          touched.get(key).last = { numerator: b, denominator: a };
          latencies.record.push(performance.now() - t1);
        } else {
          const ind = rates[Math.floor(rnd() * rates.length)];
          const unit = rnd() < 0.5 ? province.id : districts[Math.floor(rnd() * districts.length)].id;
          const period = rnd() < 0.5 ? String(year) : `${year}-Q${1 + Math.floor(rnd() * 4)}`;
          const r = await api.gql(PROGRESS, { p: String(plan.id), i: String(ind.id), u: String(unit), period }, v.token);
          if (r.status !== 200 || r.errors) throw new Error(JSON.stringify(r.errors ?? r).slice(0, 300));
          latencies.progress.push(performance.now() - t);
        }
      } catch (err) {
        errors++;
        const code = /"code":"([A-Z_0-9]+)"/.exec(err.message)?.[1] ?? 'OTHER';
        errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        if (errorSamples.length < 5) errorSamples.push(`${v.kind}: ${err.message}`);
      }
      await sleep(thinkMs * (0.5 + rnd()));
    }
  }
  // Initial cascade state, to check versions afterwards.
  const [targetsBefore] = await sql.query('SELECT unitId, indicatorId, value, version, origin FROM target WHERE planId = ?', [plan.id]);
  const before = new Map(targetsBefore.map((t) => [`${t.unitId}|${t.indicatorId}`, t]));
  // Σb of the province per rate indicator before the run, through the API.
  const analystToken = vus.find((v) => v.kind === 'progress').token;
  const sumsBefore = new Map();
  for (const ind of rates) {
    const p = (await api.data(PROGRESS, { p: String(plan.id), i: String(ind.id), u: String(province.id), period: String(year) }, analystToken)).progress;
    sumsBefore.set(ind.id, p.rolledUp.numerator);
  }
  const started = performance.now();
  const side = during ? during(() => performance.now() - started) : null;
  await Promise.all(vus.map(loop));
  await side;
  const elapsed = performance.now() - t0;

  // 1. Every result row holds its last accepted write.
  let lost = 0;
  for (const k of touched.values()) {
    if (!k.last) continue;
    const [[row]] = await sql.query('SELECT numerator, denominator FROM result WHERE unitId = ? AND indicatorId = ? AND period = ?', [k.unit, k.indicator, k.period]);
    if (!row || row.numerator !== k.last.numerator || row.denominator !== k.last.denominator) lost++;
  }
  // 2. The roll-up = before + Σ(last − before) over the touched keys, per indicator, through the API.
  const analyst = vus.find((v) => v.kind === 'progress').token;
  let rollupMismatch = 0;
  for (const ind of rates) {
    const keys = [...touched.values()].filter((k) => k.indicator === ind.id && k.last);
    if (!keys.length) continue;
    const delta = keys.reduce((s, k) => s + k.last.numerator - (k.before?.numerator ?? 0), 0);
    const p = (await api.data(PROGRESS, { p: String(plan.id), i: String(ind.id), u: String(province.id), period: String(year) }, analyst)).progress;
    const expected = sumsBefore.get(ind.id) + delta;
    if (p.rolledUp.numerator !== expected) rollupMismatch++;
  }
  // 3. Each touched commune target holds its district's last cascade; versions rose once per change.
  let targetMismatch = 0;
  const [kinds] = await sql.query('SELECT id, kind, parentId FROM unit WHERE parentId IN (?)', [[...new Set([...cascades.keys()].map((k) => Number(k.split('|')[0])))]]);
  for (const [key, defaults] of cascades) {
    const [districtId, indicatorId] = key.split('|').map(Number);
    const [rows] = await sql.query('SELECT unitId, value, version, origin FROM target WHERE planId = ? AND indicatorId = ? AND unitId IN (?)', [
      plan.id,
      indicatorId,
      kinds.filter((u) => u.parentId === districtId).map((u) => u.id),
    ]);
    for (const t of rows) {
      if (t.origin !== 'RULE') continue;
      const kind = kinds.find((u) => u.id === t.unitId).kind;
      const want = defaults.find((d) => d.kind === kind)?.value;
      const was = before.get(`${t.unitId}|${indicatorId}`);
      if (want !== undefined && (t.value !== want || t.version < (was?.version ?? 0))) targetMismatch++;
    }
  }
  const all = [...latencies.cascade, ...latencies.record, ...latencies.progress];
  const ours = summarize(all, elapsed);
  const result = {
    id: 'B5',
    title: `mixed load: ${users} users (${nManagers} district managers cascading, ${nReporters} reporters recording, ${nAnalysts} analysts reading) for ${seconds} s, ${thinkMs} ms mean think time`,
    ours,
    errors,
    errorCodes,
    errorSamples,
    byKind: Object.fromEntries(Object.entries(latencies).map(([k, l]) => [k, summarize(l, elapsed)])),
    checks: { resultKeys: touched.size, lost, rollupMismatch, cascadedPairs: cascades.size, targetMismatch },
    budget: 'p99 ≤ 300 ms, 0 errors, totals add up afterwards',
    met: ours.p99 <= 300 && errors === 0 && lost === 0 && rollupMismatch === 0 && targetMismatch === 0,
  };
  const acknowledged = { results: [...touched.values()].filter((k) => k.last), cascades, kinds };
  return Object.defineProperty(result, 'acknowledged', { value: acknowledged, enumerable: false });
}
