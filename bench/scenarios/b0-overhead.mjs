/**
 * B0 — overhead of the stack: an authenticated `{ me { id } }` on the product against a bare
 * Apollo Server answering `{ __typename }`, both in their own process on this machine, loaded by
 * autocannon from this process (10 connections, 4 alternating slices of 3 s each, after a 2 s warm-up;
 * p50/p95 are the slices' weighted means, p99 their maximum).
 */
import autocannon from 'autocannon';
import { summarize } from '../lib/stats.mjs';

function load(url, body, headers, seconds) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let errors = 0;
    const t0 = performance.now();
    const instance = autocannon(
      { url: `${url}/graphql`, method: 'POST', connections: 10, duration: seconds, body, headers: { 'content-type': 'application/json', ...headers } },
      (err, result) => {
        if (err) return reject(err);
        resolve({ ...summarize(latencies, performance.now() - t0), rps: Math.round(result.requests.average), errors: errors + result.errors + result.timeouts + result.non2xx });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status !== 200) errors++;
      latencies.push(ms);
    });
  });
}

/** Several slices of each, alternating, merged: both servers meet the same neighbours on a shared machine. */
function merge(slices) {
  const n = slices.reduce((s, x) => s + x.n, 0);
  const w = (k) => Math.round((slices.reduce((s, x) => s + x[k] * x.n, 0) / n) * 100) / 100;
  return {
    n,
    p50: w('p50'),
    p95: w('p95'),
    p99: Math.max(...slices.map((x) => x.p99)),
    rps: Math.round(slices.reduce((s, x) => s + x.rps, 0) / slices.length),
    errors: slices.reduce((s, x) => s + x.errors, 0),
  };
}

export async function b0({ app, bare, token, seconds = 12, slices = 4 }) {
  const bareBody = JSON.stringify({ query: '{ __typename }' });
  const appBody = JSON.stringify({ query: '{ me { id } }' });
  const auth = { authorization: `Bearer ${token}` };
  await load(bare.url, bareBody, {}, 2);
  await load(app.url, appBody, auth, 2);
  const b = [];
  const o = [];
  for (let i = 0; i < slices; i++) {
    b.push(await load(bare.url, bareBody, {}, seconds / slices));
    o.push(await load(app.url, appBody, auth, seconds / slices));
  }
  const baseline = merge(b);
  const ours = merge(o);
  const ratio = ours.rps / baseline.rps;
  return {
    id: 'B0',
    title: 'overhead: authenticated { me { id } } vs bare Apollo { __typename }',
    ours,
    baseline,
    ratio: Math.round(ratio * 100) / 100,
    budget: '≥ 0.7× the bare server’s requests/s',
    met: ratio >= 0.7 && ours.errors === 0,
  };
}
