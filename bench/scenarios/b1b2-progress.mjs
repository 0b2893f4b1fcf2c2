/**
 * B1 — progress of a province (~200 communes, one indicator, the year) over GraphQL, with its
 * children, against the same aggregate as one raw SQL statement through mysql2.
 * B2 — the national roll-up by province (`nationalProgress`) over all results of one indicator
 * and year, against the same aggregate as one raw SQL statement; then a result is recorded and
 * must show in the very next answer (no rebuild, no cache).
 */
import { timedPair } from '../lib/stats.mjs';

const YEAR_KEYS = (y) => [String(y), ...[1, 2, 3, 4].flatMap((q) => [`${y}-Q${q}`, ...[0, 1, 2].map((k) => `${y}-${String((q - 1) * 3 + 1 + k).padStart(2, '0')}`)])];

/**
 * The roll-up written by hand: Σb, Σa per child of `rootPath` (per province when null), the
 * child's id read off the path, the period rule by `shadow`.
 */
export function rawRollUpSql(rootPath) {
  const len = rootPath === null ? 0 : rootPath.length;
  const rest = len === 0 ? 'unitPath' : `SUBSTR(unitPath, ${len + 1})`;
  const key = `SUBSTR(unitPath, ${len + 1}, INSTR(${rest}, '.') - 1) + 0`;
  return (
    `SELECT ${key} AS k, SUM(numerator) AS b, SUM(denominator) AS a, COUNT(denominator) AS n FROM result ` +
    `WHERE indicatorId = ? AND period IN (${YEAR_KEYS(2000)
      .map(() => '?')
      .join(', ')}) AND shadow = 0` +
    (rootPath === null ? '' : ' AND unitPath >= ? AND unitPath < ?') +
    ' GROUP BY k'
  );
}

const PROGRESS = `query($p: ID!, $i: ID!, $u: ID!) { progress(planId: $p, indicatorId: $i, unitId: $u) {
  period status gap rank belowHardMinimum own { numerator denominator value } rolledUp { numerator denominator value } target { value comparator }
  unit { id name } children { unit { id name kind } status gap rank belowHardMinimum rolledUp { numerator denominator value } own { numerator denominator value } target { value } } } }`;

const NATIONAL = `query($i: ID!, $period: String!) { nationalProgress(indicatorId: $i, period: $period) {
  unit { id code name } status gap rank rolledUp { numerator denominator value } target { value comparator } } }`;

export async function b1({ api, sql, fixture, n = 200 }) {
  const { province, plan, indicator, year } = fixture;
  const token = await api.login(`tinh.${province.code}`, fixture.password);
  const vars = { p: String(plan.id), i: String(indicator.id), u: String(province.id) };
  const first = (await api.data(PROGRESS, vars, token)).progress;
  const rawParams = [indicator.id, ...YEAR_KEYS(year), province.path, `${province.path}z`];
  const rawSql = rawRollUpSql(province.path);
  const [rows] = await sql.query(rawSql, rawParams);
  const rawB = rows.reduce((s, r) => s + Number(r.b), 0);
  const same = rawB === first.rolledUp.numerator;
  const [ours, baseline] = await timedPair(
    () => api.data(PROGRESS, vars, token),
    () => sql.query(rawSql, rawParams),
    { n, warmup: 20 },
  );
  return {
    id: 'B1',
    title: `progress of ${province.name} (${fixture.communes} communes, ${first.children.length} children, 1 indicator, the year)`,
    ours,
    baseline,
    ratio: Math.round((ours.p50 / baseline.p50) * 100) / 100,
    sameAnswer: same,
    budget: 'p50 ≤ raw SQL p50 + 10 ms',
    met: same && ours.p50 <= baseline.p50 + 10,
  };
}

export async function b2({ api, sql, fixture, n = 60 }) {
  const { indicator, year, province, commune } = fixture;
  const admin = await api.login('quantri', fixture.password);
  const vars = { i: String(indicator.id), period: String(year) };
  const rawSql = rawRollUpSql(null);
  const rawParams = [indicator.id, ...YEAR_KEYS(year)];
  const national = (await api.data(NATIONAL, vars, admin)).nationalProgress;
  const [rows] = await sql.query(rawSql, rawParams);
  const rawTotal = rows.reduce((s, r) => s + Number(r.b), 0);
  const ourTotal = national.reduce((s, p) => s + (p.rolledUp.numerator ?? 0), 0);
  const [ours, baseline] = await timedPair(
    () => api.data(NATIONAL, vars, admin),
    () => sql.query(rawSql, rawParams),
    { n, warmup: 5 },
  );

  // Freshness: a commune records a figure; the next national answer has it.
  const reporter = await api.login(`xa.${commune.code}`, fixture.password);
  const [[cur]] = await sql.query('SELECT numerator, denominator FROM result WHERE unitId = ? AND indicatorId = ? AND period = ?', [commune.id, indicator.id, `${year}-06`]);
  const delta = cur.numerator < cur.denominator ? 1 : -1;
  const before = national.find((p) => p.unit.id === String(province.id)).rolledUp.numerator;
  await api.data(
    'mutation($in: RecordResultsInput!) { recordResults(input: $in) }',
    {
      in: { indicatorId: String(indicator.id), period: `${year}-06`, results: [{ unitId: String(commune.id), numerator: cur.numerator + delta, denominator: cur.denominator }] },
    },
    reporter,
  );
  const t = performance.now();
  const after = (await api.data(NATIONAL, vars, admin)).nationalProgress.find((p) => p.unit.id === String(province.id)).rolledUp.numerator;
  const freshMs = Math.round((performance.now() - t) * 10) / 10;
  const fresh = after === before + delta;
  return {
    id: 'B2',
    title: `national roll-up by province (${national.length} provinces, 1 indicator, the year)`,
    ours,
    baseline,
    ratio: Math.round((ours.p95 / baseline.p95) * 100) / 100,
    sameAnswer: rawTotal === ourTotal,
    fresh,
    freshMs,
    budget: 'p95 ≤ 2× raw SQL p95 and ≤ 500 ms; a result recorded a moment ago is in the next answer',
    met: rawTotal === ourTotal && fresh && ours.p95 <= 2 * baseline.p95 && ours.p95 <= 500,
  };
}
