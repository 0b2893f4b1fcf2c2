import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gql, POLL, signIn, startRig, tokenOf, type BrowserRig, describeInBrowser } from '../support/browser';

/**
 * Issue #16, every page on a phone (390×844, touch): for each demo account — the province's
 * officer, a district's officer, a commune's reporter, the analyst — every page of its menu, the
 * inbox, and a 2022 plan's page (the district journeys' year) and the newest plan's, with each of
 * their tabs, fits the phone's width: the document never scrolls sideways (wide tables scroll
 * inside their card). The header's user name does not run into the header's buttons, the brand
 * takes one line, and the main actions (the header's, the menu's) are at least 44 px high.
 * Widths are collected on the way and checked at the end, so one wide page does not hide another.
 */
const PHONE = { width: 390, height: 844 };
const ACCOUNTS = ['tinh.daklak', 'huyen.krongana', 'xa.buontrap', 'phantich.daklak'] as const;
/** A touch target's least height (Apple's 44 pt, WCAG 2.5.5). */
const TOUCH = 44;
/** One line of the brand, with room to spare; "Chỉ tiêu" a letter a line is 150 px and more. */
const BRAND_LINE = 40;

interface Wide {
  page: string;
  width: number;
  /** The deepest elements past the right edge: what to fix. */
  past: string[];
}

describeInBrowser('every page fits a phone (390 px) for each demo account', () => {
  let rig: BrowserRig;
  const wide: Wide[] = [];
  const visited: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    rig = await startRig('demo');
  }, 240_000);
  afterAll(async () => rig?.close());

  /** The page's own content is there: no spinner, skeleton or loading status left in it. */
  const settled = async (page: Page) => {
    await expect
      .poll(
        () =>
          page.evaluate<boolean>(
            "(() => { const c = document.querySelector('.ant-layout-content'); return !!c && c.textContent.trim().length > 0 && !c.querySelector('[role=status], .ant-spin-spinning, .ant-skeleton, .ct-light-loading'); })()",
          ),
        POLL,
      )
      .toBe(true);
  };

  /**
   * To a page in the app as its links go there (the router follows the history), not by loading
   * the app again: 60-odd pages in a couple of minutes. The router renders a new page in a
   * transition, the old one shown meanwhile: it is there until the new one replaces it. A plan's
   * tab (`?view=`) keeps the page: its tab is then active.
   */
  const visit = async (page: Page, path: string) => {
    const here = new URL(page.url());
    if (here.pathname + here.search === path) return;
    await page.evaluate(
      `window.phonePagesOld = document.querySelector('.ant-layout-content > *'); history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    await page.waitForURL((url) => url.pathname + url.search === path);
    const tab = new URLSearchParams(path.split('?')[1] ?? '').get('view');
    if (tab) await page.locator(`.ant-tabs-tab-active[data-node-key="${tab}"]`).waitFor();
    // (Polled from here: the server's CSP forbids the string `waitForFunction` would evaluate in the page.)
    else await expect.poll(() => page.evaluate<boolean>('!window.phonePagesOld || !window.phonePagesOld.isConnected'), POLL).toBe(true);
  };

  const measure = async (page: Page, name: string) => {
    await settled(page);
    visited.push(name);
    // The page's own buttons (a table's small ones aside) are touch targets.
    const low = await page.evaluate<string[]>(
      `[...document.querySelectorAll('.ant-layout-content .ant-btn:not(.ant-btn-sm):not(.ant-btn-link)')].filter((b) => b.getClientRects().length && b.getBoundingClientRect().height < ${TOUCH}).map((b) => (b.getAttribute('aria-label') || b.textContent || '').trim().slice(0, 30) + ' ' + Math.round(b.getBoundingClientRect().height) + ' px')`,
    );
    if (low.length) problems.push(`${name}: buttons lower than ${TOUCH} px: ${low.join(', ')}`);
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    if (width <= PHONE.width) return;
    const past = await page.evaluate<string[]>(
      "[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().right > 391 && ![...e.children].some((c) => c.getBoundingClientRect().height > 0 && c.getBoundingClientRect().right > 391)).slice(0, 5).map((e) => e.tagName + '.' + String(e.className).split(' ')[0] + ' ' + (e.textContent || '').trim().slice(0, 40))",
    );
    wide.push({ page: name, width, past });
  };

  /** The brand's height inside its padding: one line (about 28 px), never its name broken a letter a line. */
  const checkBrand = async (page: Page, who: string) => {
    await page.getByTestId('brand').waitFor();
    const height = await page.evaluate<number>(
      "(() => { const e = document.querySelector('[data-testid=brand]'); const s = getComputedStyle(e); return e.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom); })()",
    );
    if (height > BRAND_LINE) problems.push(`${who}: the brand is ${height} px high`);
  };

  /** Opens the navigation (a drawer on the phone), checks its brand and items, and returns the menu's routes. */
  const menuRoutes = async (page: Page, who: string): Promise<string[]> => {
    await page.getByTestId('nav-open').click();
    const brand = page.getByTestId('brand');
    await brand.waitFor();
    await checkBrand(page, who);
    const items = page.locator('.ant-drawer-open .ant-menu-item');
    await items.first().waitFor();
    const routes: string[] = [];
    for (const item of await items.all()) {
      const id = (await item.getAttribute('data-menu-id')) ?? '';
      routes.push(id.slice(id.indexOf('/')));
      const box = (await item.boundingBox())!;
      if (box.height < TOUCH) problems.push(`${who}: menu item ${id} is ${box.height} px high`);
    }
    // Closed by picking a page, as a user does.
    await items.first().click();
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
    return routes;
  };

  /** The header's parts do not overlap; its buttons are touch targets. */
  const checkHeader = async (page: Page, who: string, { width, touch }: { width: number; touch: boolean } = { width: PHONE.width, touch: true }) => {
    const header = page.locator('.ant-layout-header');
    const user = header.getByTestId('header-user');
    await user.waitFor();
    const u = (await user.boundingBox())!;
    const h = (await header.boundingBox())!;
    if (u.y < h.y || u.y + u.height > h.y + h.height + 0.5 || u.x + u.width > width) problems.push(`${who}: the user's name (${JSON.stringify(u)}) leaves the header`);
    // Every other part of the header: its buttons (the bell is a link styled as one), the language switch, the unit.
    const others = await page.evaluate<{ box: { x: number; y: number; width: number; height: number }; button: boolean; label: string }[]>(
      "[...document.querySelectorAll('.ant-layout-header :is(.ant-btn, .ant-segmented, .ant-typography)')].filter((e) => !e.closest('[data-testid=header-user]')).map((e) => ({ box: e.getBoundingClientRect().toJSON(), button: e.classList.contains('ant-btn'), label: e.getAttribute('aria-label') || e.textContent || '' }))",
    );
    expect(others.length).toBeGreaterThan(1);
    for (const { box: o, button, label } of others) {
      const overlap = u.x < o.x + o.width - 0.5 && o.x < u.x + u.width - 0.5 && u.y < o.y + o.height - 0.5 && o.y < u.y + u.height - 0.5;
      if (overlap) problems.push(`${who}: the user's name overlaps ${label}`);
      if (touch && button && o.height < TOUCH) problems.push(`${who}: header button ${label} is ${o.height} px high`);
    }
  };

  for (const username of ACCOUNTS) {
    it(`${username}: every page of the menu, the inbox and the plans' tabs fit 390 px`, async () => {
      const { context, page } = await rig.newPage({ viewport: PHONE, phone: true });
      await signIn(page, rig.server.url, username, { next: '/' });
      const token = (await tokenOf(page))!;
      await settled(page);
      await checkHeader(page, username);
      const routes = await menuRoutes(page, username);
      expect(routes).toContain('/');
      expect(routes).toContain('/plans');
      for (const route of [...routes, '/notifications']) {
        await visit(page, route);
        await measure(page, `${username} ${route}`);
        if (route === '/units') {
          // A unit picked in the tree: its details and progress under it.
          await page.locator('.ant-tree-node-content-wrapper').first().click();
          await page.locator('.ant-tree-treenode-selected').waitFor();
          await measure(page, `${username} /units, a unit picked`);
        }
      }

      // The newest plan and a 2022 one (issued, if there is one), each with every tab.
      const { plans } = await gql<{ plans: { id: string; year: number; status: string }[] }>(rig.server, '{ plans { id year status } }', {}, token);
      const newest = [...plans].sort((a, b) => b.year - a.year)[0];
      const of2022 = plans.find((p) => p.year === 2022 && p.status === 'ISSUED') ?? plans.find((p) => p.year === 2022);
      expect(of2022, `${username} sees a 2022 plan`).toBeTruthy();
      for (const plan of new Set([newest, of2022!])) {
        // Through the list: from one plan's page straight to another's, React keeps the page's
        // element, and `visit` could not tell the new page from the old.
        await visit(page, '/plans');
        await settled(page);
        await visit(page, `/plans/${plan.id}`);
        await settled(page);
        const tabs = await page.locator('.ant-tabs-tab[data-node-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-node-key')!));
        expect(tabs.length).toBeGreaterThan(0);
        for (const tab of tabs) {
          await visit(page, `/plans/${plan.id}?view=${tab}`);
          await measure(page, `${username} plan ${plan.year} (${plan.status}) ?view=${tab}`);
        }
      }
      // A tablet's width (800 px): the side menu folds to its icons, the brand to the app's icon;
      // the header has the unit, the user's name and role, and its buttons, none over another.
      if (username === 'tinh.daklak') {
        await page.setViewportSize({ width: 800, height: 844 });
        await page.locator('.ant-layout-sider-collapsed').waitFor();
        await checkBrand(page, `${username} at 800 px`);
        await checkHeader(page, `${username} at 800 px`, { width: 800, touch: false });
      }
      await context.close();
    }, 180_000);
  }

  it('no page is wider than the phone', () => {
    expect(visited.length).toBeGreaterThan(30);
    expect(wide).toEqual([]);
  });

  it('the header and the menu suit a phone', () => {
    expect(problems).toEqual([]);
  });

  it('no page error on the way', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
