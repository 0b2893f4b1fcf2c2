/**
 * The installable shell on a phone (issue #16) in real Chromium at 390×844: the web app manifest
 * and its icons are served and valid; the service worker registers, and after one visit a reload
 * with no network still shows the app (the login page, or the signed-in frame saying the server
 * cannot be reached) instead of the browser's offline error; server routes are never answered
 * with the shell; and the login route's JavaScript stays within its budget (≤ 150 kB gzip).
 */
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, fillLogin, POLL, startRig, type BrowserRig } from '../support/browser';

const PHONE = { width: 390, height: 844 };
const LOGIN_JS_BUDGET = 150 * 1024;
const ANTD_STYLES = 'style[data-css-hash]';
const NETWORK_ERROR = 'Không kết nối được máy chủ. Kiểm tra mạng rồi bấm “Thử lại”.';

let rig: BrowserRig;
let base: string;

beforeAll(async () => {
  rig = await startRig('demo');
  base = rig.server.url;
});
afterAll(async () => rig?.close());

/** A phone's context of its own, service workers allowed (the rig blocks them by default). */
const phone = (): Promise<{ context: BrowserContext; page: Page }> => rig.newPage({ viewport: PHONE, phone: true, serviceWorkers: true });

/** The commune's reporter signed in on a phone, on the results screen, the worker in control. */
async function reporterOnResults(): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await phone();
  await page.goto(`${base}/login?next=${encodeURIComponent('/results')}`);
  await fillLogin(page, 'xa.buontrap');
  await page.waitForURL(`${base}/results`);
  await page.getByRole('button', { name: 'Ghi nhận kết quả' }).waitFor();
  await controlled(page);
  return { context, page };
}

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Waits until a service worker controls the page (the first visit installs it; clientsClaim takes over). */
async function controlled(page: Page) {
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  await expect.poll(() => page.evaluate('Boolean(navigator.serviceWorker.controller)'), { timeout: 30_000, interval: 200 }).toBe(true);
}

describeInBrowser('the installable shell on a phone', () => {
  it('serves a valid web app manifest with its icons, linked from the page', async () => {
    const html = await (await fetch(`${base}/login`)).text();
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest"/);
    const res = await fetch(`${base}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await res.json()) as {
      name: string;
      short_name: string;
      lang: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Chỉ tiêu', lang: 'vi', start_url: '/', display: 'standalone' });
    expect(manifest.short_name.length).toBeGreaterThan(0);
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const sizes = new Set<string>();
    for (const icon of manifest.icons) {
      const r = await fetch(new URL(icon.src, base));
      expect(r.status, icon.src).toBe(200);
      expect(r.headers.get('content-type'), icon.src).toBe(icon.type);
      const { width, height } = pngSize(Buffer.from(await r.arrayBuffer()));
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes);
      sizes.add(`${icon.sizes} ${icon.purpose ?? 'any'}`);
    }
    expect([...sizes].sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    // The worker itself: JavaScript, at the root (its scope is the whole app).
    const sw = await fetch(`${base}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/^(application|text)\/javascript/);
  });

  it('loads the login route with at most 150 kB of JavaScript (gzip) and no antd or Apollo', async () => {
    const { context, page } = await phone();
    const scripts: { url: string; bytes: number; gzip: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script' || response.fromServiceWorker()) return;
      pending.push(
        response.body().then((body) => {
          scripts.push({ url: response.url(), bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
        }),
      );
    });
    await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
    await page.getByLabel('Tên đăng nhập').waitFor();
    await Promise.all(pending);
    const gzip = scripts.reduce((n, s) => n + s.gzip, 0);
    expect(scripts.length).toBeGreaterThan(0);
    expect(gzip, scripts.map((s) => `${s.url} ${s.gzip}`).join('\n')).toBeLessThanOrEqual(LOGIN_JS_BUDGET);
    // No antd on this route: its CSS-in-JS leaves <style data-css-hash> elements (seen in the signed-in frame below).
    expect(await page.locator(ANTD_STYLES).count()).toBe(0);
    await context.close();
  });

  it('registers the service worker; offline, a reload still shows the login page', async () => {
    const { context, page } = await phone();
    await page.goto(`${base}/login`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByLabel('Tên đăng nhập').waitFor();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    // Another route of the app, never visited: the same shell, from the precache.
    await page.goto(`${base}/results`);
    await expect.poll(() => page.title(), POLL).toBe('Chỉ tiêu');
    await page.getByText(NETWORK_ERROR).waitFor();
    await context.setOffline(false);
    await context.close();
  });

  it('signed in, offline, a reload opens the results screen from the device, saying so, until the network is back', async () => {
    const { context, page } = await reporterOnResults();
    await context.setOffline(true);
    await page.reload();
    // Signed in as the device last knew, the screen's figures as last loaded, and a banner saying so.
    await page.getByTestId('offline-banner').waitFor();
    await page.getByRole('button', { name: 'Ghi nhận kết quả' }).waitFor();
    expect(await page.title()).toBe('Nhập kết quả — Chỉ tiêu');
    expect(await page.getByText(NETWORK_ERROR).count()).toBe(0);
    expect(await page.locator(ANTD_STYLES).count()).toBeGreaterThan(0);
    await context.setOffline(false);
    // Back online, the screen asks the server again and the banner goes.
    await expect.poll(() => page.getByTestId('offline-banner').count(), POLL).toBe(0);
    await context.close();
  });

  it('signed out, a reload with no network shows the login page, not what the last user saw', async () => {
    const { context, page } = await reporterOnResults();
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').waitFor();
    await context.setOffline(true);
    await page.goto(`${base}/results`);
    await page.getByText(NETWORK_ERROR).waitFor();
    expect(await page.getByRole('button', { name: 'Ghi nhận kết quả' }).count()).toBe(0);
    await context.setOffline(false);
    await context.close();
  });

  it('never answers a server route with the shell, even with the worker in control', async () => {
    const { context, page } = await phone();
    await page.goto(`${base}/login`);
    await controlled(page);
    for (const route of ['/healthz', '/readyz']) {
      const res = await page.goto(`${base}${route}`);
      expect(res!.headers()['content-type'], route).toMatch(/^application\/json/);
    }
    await context.close();
  });

  it('threw no error in any page', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
