/** Percentiles and the one-line report every scenario prints. */

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Latencies (ms) and elapsed wall time (ms) → { n, p50, p95, p99, mean, rps }. */
export function summarize(latencies, elapsedMs) {
  const s = [...latencies].sort((a, b) => a - b);
  const mean = s.reduce((x, y) => x + y, 0) / Math.max(1, s.length);
  return {
    n: s.length,
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    mean: round(mean),
    rps: round((s.length / Math.max(1, elapsedMs)) * 1000),
  };
}

export function round(x, digits = 2) {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs `fn` sequentially `n` times after `warmup` runs, timing each call. */
export async function timed(fn, { n, warmup = 0 }) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const lat = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    lat.push(performance.now() - t);
  }
  return summarize(lat, performance.now() - t0);
}

export function line(label, s) {
  return `${label.padEnd(34)} p50 ${fmt(s.p50)} · p95 ${fmt(s.p95)} · p99 ${fmt(s.p99)} · ${fmt(s.rps, '/s')} (n=${s.n})`;
}

export function fmt(x, unit = ' ms') {
  if (!Number.isFinite(x)) return String(x);
  return `${x >= 100 ? Math.round(x) : x.toFixed(x >= 10 ? 1 : 2)}${unit}`;
}

/**
 * Times two functions alternately (a, b, a, b, …) so both meet the same machine: on a shared
 * 2-core box the load changes by the second, and a ratio of two runs taken minutes apart
 * measures the neighbours. Each gets `n` runs after `warmup`.
 */
export async function timedPair(a, b, { n, warmup = 0 }) {
  for (let i = 0; i < warmup; i++) {
    await a(i);
    await b(i);
  }
  const la = [];
  const lb = [];
  let ta = 0;
  let tb = 0;
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    await a(i);
    const da = performance.now() - t;
    t = performance.now();
    await b(i);
    const db = performance.now() - t;
    la.push(da);
    lb.push(db);
    ta += da;
    tb += db;
  }
  return [summarize(la, ta), summarize(lb, tb)];
}
