/**
 * B6 — the SPA: initial JavaScript (gzip) of the login route and of the dashboard route, from
 * Vite's manifest; then, in headless Chromium against the server holding the national data,
 * the time until the unit tree shows the provinces, until a province opens on its districts,
 * and until a district opens on its communes.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { root } from '../lib/env.mjs';

const dist = path.join(root, 'client/dist');

/** gzip sizes of what a route downloads before it renders: the entry and the route's static imports. */
export function bundleSizes() {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
  const gz = (f) => zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length;
  const closure = (key, seen = new Set()) => {
    if (!key || seen.has(key)) return seen;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, seen);
    return seen;
  };
  const keyOf = (name) => Object.keys(manifest).find((k) => k.endsWith(`/${name}.tsx`));
  const js = (keys) =>
    [...keys]
      .map((k) => manifest[k].file)
      .filter((f) => f.endsWith('.js'))
      .reduce((n, f) => n + gz(f), 0);
  const entry = closure(Object.keys(manifest).find((k) => manifest[k].isEntry));
  const routeKeys = (...names) => new Set([...entry, ...names.flatMap((n) => [...closure(keyOf(n))])]);
  return {
    loginKb: Math.round(js(routeKeys('LoginPage')) / 102.4) / 10,
    // The signed-in frame (app/signed-in.tsx: antd's App, Apollo, the layout) and the page.
    dashboardKb: Math.round(js(routeKeys('signed-in', 'DashboardPage')) / 102.4) / 10,
  };
}

export async function b6({ app, api, fixture }) {
  const sizes = bundleSizes();
  const { chromium } = createRequire(import.meta.url)('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const token = await api.login('quantri', fixture.password);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    // Signed in as the SPA is: the session's httpOnly cookie (the server's SESSION_COOKIE).
    await context.addCookies([{ name: 'chitieu_session', value: token, url: app.url, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const nodes = () => page.locator('.ant-tree-treenode:not([aria-hidden="true"])').count();
    // Cold: a fresh page on /units until the provinces are in the tree.
    let t = performance.now();
    await page.goto(`${app.url}/units`);
    await page.locator('.ant-tree-treenode:not([aria-hidden="true"])', { hasText: fixture.bigProvince.name }).first().waitFor({ timeout: 60_000 });
    const treeMs = performance.now() - t;
    const roots = await nodes();
    // Open the largest province (its districts), then its first district (its communes).
    // The tree is virtual: opening a node shows its first children, and only as many rows as fit.
    const openNode = async (name, firstChild) => {
      const node = page.locator('.ant-tree-treenode:not([aria-hidden="true"])', { hasText: name }).first();
      const t0 = performance.now();
      await node.locator('.ant-tree-switcher').click();
      await page.locator('.ant-tree-treenode:not([aria-hidden="true"])', { hasText: firstChild }).first().waitFor({ timeout: 60_000 });
      return { ms: performance.now() - t0 };
    };
    const province = await openNode(fixture.bigProvince.name, fixture.bigDistrict.name);
    const district = await openNode(fixture.bigDistrict.name, fixture.bigCommune.name);
    await page.screenshot({ path: path.join(root, 'bench/.cache/b6-unit-tree.png') });
    t = performance.now();
    await context.close();
    return {
      id: 'B6',
      title: `the SPA: initial JS (gzip) and the unit tree over ${fixture.units.toLocaleString('en')} units in headless Chromium`,
      sizes,
      tree: { firstRenderMs: Math.round(treeMs), rows: roots, openProvinceMs: Math.round(province.ms), openDistrictMs: Math.round(district.ms) },
      pageErrors: errors,
      budget: 'measured (no budget set): initial JS of /login and /progress, unit tree render time',
      met: errors.length === 0,
    };
  } finally {
    await browser.close();
  }
}
