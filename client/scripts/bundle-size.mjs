// Gzip sizes of what each route downloads, from Vite's manifest: `node scripts/bundle-size.mjs` after `vite build`.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../dist');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;

/** A chunk and everything it imports statically (what loading it costs). */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}
const files = (keys) => [...keys].flatMap((k) => [manifest[k].file, ...(manifest[k].css ?? [])]);
const size = (keys) => files(keys).reduce((n, f) => n + gz(f), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entry = closure(entryKey);
const route = (name) => {
  const key = Object.keys(manifest).find((k) => k.endsWith(`/${name}.tsx`));
  const own = new Set([...closure(key)].filter((k) => !entry.has(k)));
  return { key, own };
};

const login = route('LoginPage');
const layout = route('AppLayout');
const dashboard = route('DashboardPage');
const chart = route('ProgressChart');
const dashOnly = new Set([...dashboard.own].filter((k) => !layout.own.has(k)));
const chartOnly = new Set([...chart.own].filter((k) => !dashboard.own.has(k) && !layout.own.has(k)));

console.log(`entry (shared shell: React, router, Apollo, antd core, i18n): ${kb(size(entry))}`);
console.log(`login route chunks:                                      ${kb(size(login.own))}`);
console.log(`=> /login initial JS+CSS:                                ${kb(size(entry) + size(login.own))}`);
console.log(`signed-in layout chunks:                                 ${kb(size(layout.own))}`);
console.log(`dashboard route chunks (beyond entry + layout):          ${kb(size(dashOnly))}`);
console.log(`dashboard chart (lazy, @ant-design/plots):               ${kb(size(chartOnly))}`);
