import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { POLL, screenshot, seriousA11yViolations, signIn, startRig, type BrowserRig, describeInBrowser } from '../support/browser';
import { demo, issuePlan, type Demo } from '../support/documents';
import { DEMO_ACCOUNTS } from '../support/server';

/**
 * The demo `npm start` loads, 2025 reform included (Đắk Lắk's 15 districts end on 2025-06-30,
 * 102 communes and wards start on 2025-07-01), seen by the province administrator: the unit
 * tree on a chosen day and a unit's history; each plan in its own year's structure; accounts.
 */
describeInBrowser('province administrator after the 2025 reform, in the browser', () => {
  let rig: BrowserRig;
  let page: Page;
  let base: string;
  let d: Demo;

  beforeAll(async () => {
    rig = await startRig('demo-reform');
    base = rig.server.url;
    d = await demo(rig.server);
    ({ page } = await rig.newPage());
    await signIn(page, base, 'tinh.daklak', { next: '/units' });
  });
  afterAll(async () => rig?.close());

  const detail = () => page.locator('.ant-col-lg-9 .ant-card');
  const treeNodes = () => page.locator('.ant-tree-list-holder-inner .ant-tree-treenode');
  /** The unit is the tree's selected node, scrolled into the tree's view. */
  const selectedInTree = async (label: string) => {
    const node = treeNodes().filter({ hasText: label }).and(page.locator('.ant-tree-treenode-selected'));
    const [box, list] = await Promise.all([node.boundingBox({ timeout: 1000 }).catch(() => null), page.locator('.ant-tree-list-holder').boundingBox()]);
    return !!box && !!list && box.y >= list.y - 1 && box.y + box.height <= list.y + list.height + 1;
  };
  const search = async (q: string, pick: string) => {
    await page.getByPlaceholder(/^Tìm đơn vị/).fill(q);
    await page.locator('.ant-list-item', { hasText: pick }).first().click();
    await detail().getByRole('heading', { name: pick, level: 4 }).waitFor();
  };

  it('today the tree shows the new communes directly under the province', async () => {
    await page.waitForURL(`${base}/units`);
    await treeNodes().filter({ hasText: 'Tỉnh Đắk Lắk (66)' }).click();
    await detail().getByRole('heading', { name: 'Tỉnh Đắk Lắk', level: 4 }).waitFor();
    const children = detail().locator('.ant-descriptions-item', { hasText: 'Đơn vị trực thuộc ngày' });
    await expect.poll(() => children.innerText(), POLL).toMatch(/120: .*18 Sở, ban, ngành/);
    expect(await children.innerText()).toMatch(/88 Xã/);
    expect(await children.innerText()).toMatch(/14 Phường/);
    expect(await children.innerText()).not.toMatch(/Huyện/);
  });

  it('a day in 2022 shows the districts; a unit shows what it became', async () => {
    await page.getByLabel('Cây đơn vị tại ngày').fill('2022-06-01');
    await page.getByText('Đang xem cây đơn vị như tại ngày 01/06/2022, không phải hôm nay.').waitFor();
    const children = detail().locator('.ant-descriptions-item', { hasText: 'Đơn vị trực thuộc ngày 01/06/2022' });
    await expect.poll(() => children.innerText(), POLL).toMatch(/^Đơn vị trực thuộc ngày 01\/06\/2022\s*:?\s*33: /);
    expect(await children.innerText()).toMatch(/13 Huyện/);
    expect(await children.innerText()).not.toMatch(/ Xã/);

    await search('krong a na', 'Huyện Krông A Na');
    expect(await detail().innerText()).toContain('Đã hết hiệu lực');
    expect(await detail().locator('.ant-descriptions-item', { hasText: 'Hiệu lực đến hết ngày' }).innerText()).toContain('30/06/2025');
    expect(await detail().locator('.ant-descriptions-item', { hasText: 'Đơn vị trực thuộc ngày' }).innerText()).toMatch(/8: 1 Thị trấn · 7 Xã/);
    await expect.poll(() => selectedInTree('Huyện Krông A Na (655)'), POLL).toBe(true);

    await search('buon trap', 'Thị trấn Buôn Trấp');
    await expect.poll(() => selectedInTree('Thị trấn Buôn Trấp (24538)'), POLL).toBe(true);
    const became = detail().getByRole('region', { name: 'Trở thành' });
    expect(await became.innerText()).toMatch(/Xã Krông Ana\s+Xã · thuộc Tỉnh Đắk Lắk · mã 24538 · từ 01\/07\/2025/);
    await screenshot(page, '16-unit-history-2022');
  });

  it('following the history opens the successor in the tree of its first day, with what it was formed from', async () => {
    await detail().getByRole('button', { name: 'Xem Xã Krông Ana trên cây ngày 01/07/2025' }).click();
    await detail().getByRole('heading', { name: 'Xã Krông Ana', level: 4 }).waitFor();
    expect(await page.getByLabel('Cây đơn vị tại ngày').inputValue()).toBe('2025-07-01');
    const formedFrom = detail().getByRole('region', { name: 'Hình thành từ' });
    const names = await formedFrom.getByRole('button').allInnerTexts();
    expect(names.sort()).toEqual(['Thị trấn Buôn Trấp', 'Xã Bình Hòa', 'Xã Quảng Điền']);
    expect(await formedFrom.innerText()).toContain('thuộc Huyện Krông A Na');
    await expect.poll(() => selectedInTree('Xã Krông Ana (24538)'), POLL).toBe(true);
    await screenshot(page, '17-unit-history-successor');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Hôm nay' }).click();
    await expect.poll(() => page.getByText(/không phải hôm nay/).count(), POLL).toBe(0);
  });

  it('the 2022 decision still lists its 15 districts; the 2026 plan the new communes', async () => {
    const rows = page.locator('[role="tabpanel"][aria-hidden="false"] [role="grid"] tr[data-unit]');
    await page.goto(`${base}/plans/${d.plan(2022)}`);
    await expect.poll(() => rows.count(), POLL).toBe(33);
    expect(await rows.filter({ hasText: /Huyện ·|Thị xã ·|Thành phố thuộc tỉnh ·/ }).count()).toBe(15);
    expect(await rows.filter({ hasText: /Xã ·|Phường ·/ }).count()).toBe(0);
    expect(await rows.filter({ hasText: 'Huyện Krông A Na' }).innerText()).toContain('năm trước');
    await screenshot(page, '18-plan-2022-after-reform');

    await page.goto(`${base}/plans/${d.plan(2026)}`);
    await expect.poll(() => rows.count(), POLL).toBe(120);
    expect(await rows.filter({ hasText: /Huyện ·/ }).count()).toBe(0);
    expect(await rows.filter({ hasText: 'Xã Krông Ana' }).count()).toBe(1);
  });

  it('the 2026 plan’s dashboard shows 2025 in the new structure, marking the figures merged from the old communes', async () => {
    await page.goto(`${base}/progress?planId=${d.plan(2026)}`);
    // The year before the plan's is offered after its months: typed into the picker's search.
    await page.getByRole('combobox', { name: 'Kỳ', exact: true }).fill('Cả năm 2025');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('period') === '2025');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    const merged = rows.filter({ has: page.locator('.ant-tag', { hasText: /^gộp$/ }) });
    await expect.poll(() => merged.count(), POLL).toBeGreaterThan(90);
    expect(await rows.filter({ hasText: 'Xã Krông Ana' }).locator('.ant-tag', { hasText: /^gộp$/ }).count()).toBe(1);
    await screenshot(page, '21-dashboard-2025-merged');
  });

  it('lists the accounts of the province and creates one, with a role it may grant and a unit of its subtree', async () => {
    await page.getByRole('menuitem', { name: 'Tài khoản' }).click();
    await page.waitForURL(`${base}/accounts`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    // The demo's accounts: the province's are all in its subtree.
    await expect.poll(() => rows.count(), POLL).toBe(DEMO_ACCOUNTS.length);
    expect(await rows.filter({ hasText: 'huyen.krongana' }).innerText()).toMatch(/Quản lý đơn vị\s+Huyện Krông A Na/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill('Xã Krông Ana');
    await dialog.getByLabel('Mật khẩu ban đầu').fill('ngan');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.getByText('Tên đăng nhập chỉ gồm chữ thường không dấu, số, “.”, “-”, “_” (3–64 ký tự).').waitFor();
    await dialog.getByText('Mật khẩu cần ít nhất 8 ký tự.').waitFor();
    await dialog.getByText('Chọn vai trò').waitFor();

    await dialog.getByLabel('Tên đăng nhập').fill('xa.krongana');
    await dialog.getByLabel('Tên hiển thị').fill('UBND xã Krông Ana');
    await dialog.getByLabel('Mật khẩu ban đầu').fill('mat-khau-2025');
    await dialog.getByLabel('Vai trò').click();
    const roleOptions = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    expect(await roleOptions.allInnerTexts()).toEqual(['Quản trị cấp tỉnh', 'Quản lý đơn vị', 'Báo cáo viên', 'Phân tích']);
    await roleOptions.filter({ hasText: 'Báo cáo viên' }).click();
    await dialog.getByText('Xem chỉ tiêu của đơn vị, nhập kết quả (xã, phường, thị trấn).').waitFor();

    await dialog.getByLabel('Đơn vị', { exact: true }).click();
    const tree = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree');
    await tree.locator('.ant-select-tree-treenode', { hasText: 'Tỉnh Đắk Lắk (66)' }).locator('.ant-select-tree-switcher').click();
    await tree.getByText('Sở Nội vụ (66.SNV)').waitFor();
    await dialog.getByLabel('Đơn vị', { exact: true }).fill('Krông Ana');
    await tree.getByText('Xã Krông Ana (24538)').click();
    await screenshot(page, '19-account-create');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Đã tạo tài khoản xa.krongana.').waitFor();
    await expect.poll(() => rows.count(), POLL).toBe(DEMO_ACCOUNTS.length + 1);
    expect(await rows.filter({ hasText: 'xa.krongana' }).innerText()).toMatch(/UBND xã Krông Ana\s+Báo cáo viên\s+Xã Krông Ana/);
    await screenshot(page, '20-accounts');

    // The new account signs in and sees its commune.
    const token = await rig.server.login('xa.krongana', 'mat-khau-2025');
    const me = await rig.server.gql<{ me: { role: string; unit: { name: string } } }>('{ me { role unit { name } } }', {}, token);
    expect(me.data?.me).toEqual({ role: 'UNIT_REPORTER', unit: { name: 'Xã Krông Ana' } });
  });

  it('a district merged away in 2025 enters figures on its own plans only, never on 2026’s', async () => {
    // The 2026 plan issued: the province's communes report on it; Krông Ana's district no longer exists then.
    const admin = await rig.server.login('tinh.daklak');
    const { plans } = (await rig.server.gql<{ plans: { id: string; year: number; status: string }[] }>('{ plans { id year status } }', {}, admin)).data!;
    const p2026 = plans.find((p) => p.year === 2026)!;
    if (p2026.status !== 'ISSUED') await issuePlan(rig.server, admin, p2026.id);
    const issuedYears = plans.filter((p) => p.year < 2026 && p.status === 'ISSUED').map((p) => p.year);
    const { page: district } = await rig.newPage({ viewport: { width: 390, height: 844 }, phone: true });
    await signIn(district, base, 'huyen.krongana', { next: '/results' });
    const picker = district.getByRole('combobox', { name: 'Kế hoạch', exact: true });
    await picker.waitFor();
    // It opens on the newest plan of its own years, the last month of that year, itself among the units.
    const newest = Math.max(...issuedYears);
    await expect.poll(() => district.locator('.ant-select', { has: picker }).innerText(), POLL).toMatch(new RegExp(`^${newest} — `));
    await district
      .locator('.ant-select')
      .filter({ hasText: new RegExp(`^12/${newest}$`) })
      .waitFor();
    await district
      .getByLabel('Tử số (b) — Huyện Krông A Na', { exact: true })
      .or(district.getByLabel(/^Số lượng — Huyện Krông A Na$/))
      .first()
      .waitFor();
    await picker.click();
    const options = district.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await expect.poll(() => options.count(), POLL).toBe(issuedYears.length);
    expect(await options.filter({ hasText: /^2026 — / }).count()).toBe(0);
  });

  it('threw no error in any page', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
