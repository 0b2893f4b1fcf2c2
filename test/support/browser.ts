import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { beforeEach, describe } from 'vitest';
import { bootServer, DEMO_PASSWORD, type TestServer } from './server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLIENT = path.join(ROOT, 'client');
/** The built SPA the browser specs serve (what `npm start` serves); CHITIEU_CLIENT_DIST puts a build of one's own elsewhere. */
export const CLIENT_DIST = process.env.CHITIEU_CLIENT_DIST ? path.resolve(process.env.CHITIEU_CLIENT_DIST) : path.join(CLIENT, 'dist');
export const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
/** Debian's chromium (apt-get install chromium); CHROMIUM overrides. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const VIEWPORT = { width: 1280, height: 800 };

/** The pages of the rigs now running, for what a failed test prints (see `trail`). */
const openPages = new Set<{ page: Page; name: string; trail: string[] }>();

/** What a failed browser test prints of each open page: where it is, what dialog is up, and its last requests and console errors. */
async function printTrails() {
  for (const { page, name, trail } of openPages) {
    if (page.isClosed()) continue;
    const dialogs = await page.evaluate<string[]>("[...document.querySelectorAll('[role=dialog]')].map((d) => (d.textContent || '').trim().slice(0, 160))").catch(() => []);
    console.log(`› ${name} at ${page.url()}\n  dialogs: ${JSON.stringify(dialogs)}\n  ${trail.slice(-25).join('\n  ')}`);
  }
}

/**
 * The browser specs' `describe`: skipped with a warning on a developer machine without Chromium,
 * required under CI (.ci/run installs it), like the MySQL suite. A failed test prints each open
 * page's trail, so that a failure seen once in CI can be read from its log.
 */
export const describeInBrowser = ((name: string, fn: () => void) => {
  if (!fs.existsSync(CHROMIUM) && process.env.CI !== 'true') {
    console.warn(`browser specs skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or CHROMIUM=…)`);
    return describe.skip(name, fn);
  }
  return describe(name, () => {
    beforeEach(({ onTestFailed }) => onTestFailed(printTrails));
    fn();
  });
}) as (name: string, fn: () => void) => void;

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newest(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const e of fs.readdirSync(target, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    max = Math.max(max, newest(path.join(target, e.name)));
  }
  return max;
}

/** What the build reads: the SPA's sources and config, and the domain package it bundles. */
function sourcesMtime(): number {
  return Math.max(
    ...['src', 'index.html', 'vite.config.ts', 'vite.pwa.ts', 'public', 'graphql-documents.ts', 'package.json'].map((f) => newest(path.join(CLIENT, f))),
    newest(path.join(ROOT, 'packages', 'domain', 'src')),
  );
}

const isFresh = () => mtime(path.join(CLIENT_DIST, 'index.html')) >= sourcesMtime();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds client/dist with Vite when it is missing or older than the sources (`npm test` does not
 * build the client). Spec files run in parallel workers: one builds, the others wait on a lock.
 */
export async function ensureClientBuilt(): Promise<void> {
  const lock = path.join(os.tmpdir(), `chitieu-client-build-${Buffer.from(CLIENT_DIST).toString('hex').slice(-24)}.lock`);
  for (;;) {
    if (isFresh()) return;
    try {
      fs.mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Another worker is building; a lock older than 5 minutes belongs to a dead one.
      if (Date.now() - mtime(lock) > 5 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      if (isFresh()) return;
      // vitest sets NODE_ENV=test, which would make Vite bundle React's and antd's development builds.
      const env = { ...process.env, NODE_ENV: 'production' };
      const r = spawnSync(path.join(CLIENT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn', '--outDir', CLIENT_DIST, '--emptyOutDir'], {
        cwd: CLIENT,
        encoding: 'utf8',
        env,
      });
      if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
      return;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface BrowserRig {
  server: TestServer;
  browser: Browser;
  /** Errors thrown in any page of the rig (uncaught exceptions): a spec asserts there are none. */
  pageErrors: string[];
  /** A page in a context of its own: Vietnamese unless asked, 1280×800 unless a viewport is given; `phone` adds touch. */
  newPage(opts?: {
    locale?: 'vi' | 'en';
    viewport?: { width: number; height: number };
    phone?: boolean;
    serviceWorkers?: boolean;
  }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** One server (fresh database, demo seed, serving the built SPA) and one Chromium for a spec file. */
export async function startRig(seed: 'demo' | 'demo-reform' = 'demo'): Promise<BrowserRig> {
  await ensureClientBuilt();
  const [server, browser] = await Promise.all([bootServer('sqlite', { seed, clientDist: CLIENT_DIST }), chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })]);
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    server,
    browser,
    pageErrors,
    async newPage({ locale = 'vi', viewport = VIEWPORT, phone = false, serviceWorkers = false } = {}) {
      // No service worker unless asked: its precache would only slow the specs down. Reduced
      // motion, as a user can ask of the system: the app then opens dialogs and menus without
      // animation, so a click never lands on one still moving.
      const context = await browser.newContext({
        viewport,
        locale: locale === 'en' ? 'en-GB' : 'vi-VN',
        acceptDownloads: true,
        serviceWorkers: serviceWorkers ? 'allow' : 'block',
        reducedMotion: 'reduce',
        ...(phone ? { isMobile: true, hasTouch: true } : {}),
      });
      contexts.push(context);
      context.setDefaultTimeout(15_000);
      if (locale === 'en') await context.addInitScript("localStorage.setItem('chitieu.locale', 'en')");
      const page = await context.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      const entry = { page, name: `page ${contexts.length}`, trail: [] as string[] };
      const note = (line: string) => entry.trail.push(`${new Date().toISOString().slice(11, 23)} ${line}`) > 200 && entry.trail.shift();
      page.on('framenavigated', (f) => f === page.mainFrame() && note(`→ ${f.url()}`));
      page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && note(`console.${m.type()}: ${m.text().slice(0, 200)}`));
      page.on('requestfailed', (r) => note(`failed ${r.method()} ${r.url()}: ${r.failure()?.errorText}`));
      page.on('response', (r) => {
        let op: string | undefined;
        try {
          op = r.request().postDataJSON()?.operationName;
        } catch {
          // not JSON (an upload): named by its path alone
        }
        if (r.status() >= 400 || op) note(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}${op ? ` ${op}` : ''}`);
      });
      openPages.add(entry);
      page.on('close', () => openPages.delete(entry));
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** Through the login form, as a user would; lands on `next` (or home). */
export async function signIn(page: Page, base: string, username: string, { next, password = DEMO_PASSWORD }: { next?: string; password?: string } = {}) {
  await page.goto(`${base}/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  await fillLogin(page, username, password);
  await page.waitForURL((url) => url.pathname !== '/login');
}

export async function fillLogin(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** `expect.poll(read, POLL)`: retries until the page gets there (vitest's default of 1 s is short on a busy CI machine). */
export const POLL = { timeout: 15_000, interval: 100 };
/** For a write of many rows and its refetch, which a CI machine running every spec at once can slow down a lot. */
export const SLOW_POLL = { timeout: 45_000, interval: 200 };

/** Picks an option of an antd Select by the select's accessible name (exactly) and the option's text. */
export async function pick(page: Page, select: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: select, exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).click();
}

/** The browser's session cookie (httpOnly: the page's script cannot read it, the browser context can). */
export async function sessionCookieOf(page: Page) {
  return (await page.context().cookies()).find((c) => c.name === 'chitieu_session') ?? null;
}

/** The session token the browser holds (its cookie's value), usable as a bearer token by a spec. */
export async function tokenOf(page: Page): Promise<string | null> {
  return (await sessionCookieOf(page))?.value ?? null;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core on the page as it is now; returns the violations of impact "serious" or "critical",
 * readable in a failed assertion.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // The page at rest: a Select's popup still closing is not part of it (antd's listbox has no name of its own).
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => {});
  // Through DevTools, not a <script> tag: the server's CSP (script-src 'self') refuses inline scripts.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(`${axe.source}\n;window.axe = axe; true`);
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })))",
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
}

/**
 * A PNG of the viewport (1280×800) into docs/screenshots/, for the README: with SCREENSHOTS=1,
 * or when the file is missing (so a plain `npm test` leaves the committed ones alone).
 */
export async function screenshot(page: Page, name: string) {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  if (process.env.SCREENSHOTS !== '1' && fs.existsSync(file)) return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Let antd's transitions (messages, modals, tabs) settle.
  await page.waitForTimeout(150);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
}

/** A GraphQL call as the given token, for set-up and for checking what the UI saved. */
export async function gql<T = Record<string, any>>(server: TestServer, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await server.gql<T>(query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`GraphQL failed: ${JSON.stringify(res.errors)}`);
  return res.data;
}
