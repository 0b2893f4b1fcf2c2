import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { gql, pick, POLL, seriousA11yViolations, signIn, startRig, tokenOf, type BrowserRig, describeInBrowser } from '../support/browser';
import { demo, progress, setTargets, type Demo } from '../support/documents';

/**
 * Fresh screens (issue #14): after each write the OTHER screen it affects shows it, reached only
 * through the SPA's links and menu (never a reload after the write), then the stored value is
 * read back through GraphQL. Also the pre-issue checklist, and the dashboard driven by keyboard.
 */
let rig: BrowserRig;
let base: string;
let d: Demo;

beforeAll(async () => {
  rig = await startRig('demo');
  base = rig.server.url;
  d = await demo(rig.server);
});
afterAll(async () => rig?.close());

const vnNumber = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
/** A menu entry by its label (its icon adds a name of its own before it). */
const menu = (page: Page, name: string) => page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${name}$`) }).click();

describeInBrowser('the province: plan list, checklist and issue, accounts, dashboard by keyboard', () => {
  let page: Page;
  let context: BrowserContext;
  let token: string;
  let planId = '';
  const YEAR = 2025;
  const TITLE = `Kế hoạch kiểm tra màn hình năm ${YEAR}`;

  beforeAll(async () => {
    ({ context, page } = await rig.newPage());
    await signIn(page, base, 'tinh.daklak', { next: '/plans' });
    token = (await tokenOf(page))!;
  });
  afterAll(async () => context?.close());

  const planRow = () => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: TITLE });

  it('create plan → the plans list shows it', async () => {
    // The list is on screen (and cached) before the write.
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Tên văn bản (trích yếu)').fill(TITLE);
    await form.getByLabel('Năm', { exact: true }).fill(String(YEAR));
    await form.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    planId = new URL(page.url()).pathname.split('/').pop()!;
    await menu(page, 'Kế hoạch');
    await planRow().waitFor();
    expect(await planRow().innerText()).toContain('Dự thảo');
    const { plans } = await gql<{ plans: { id: string; title: string; status: string }[] }>(
      rig.server,
      'query($y: Int) { plans(year: $y) { id title status } }',
      { y: YEAR },
      token,
    );
    expect(plans.find((p) => p.id === planId)).toEqual({ id: planId, title: TITLE, status: 'DRAFT' });
  });

  it('the checklist lists the missing units and the bad target, asks to confirm, and issuing shows ISSUED on the plan page and the list', async () => {
    // A row and three targets written elsewhere (the API) after the list was read: the checklist asks the server itself.
    const online = d.indicator('DLK22-ONLINE-RATE');
    await gql(
      rig.server,
      'mutation($i: PlanIndicatorInput!) { addPlanIndicator(input: $i) { id } }',
      { i: { planId, indicatorId: online, floors: [{ kind: 'DISTRICT', value: 60 }] } },
      token,
    );
    const at = `${YEAR}-01-01`;
    const { unit } = await gql<{ unit: { children: { id: string; name: string; kind: string }[] } }>(
      rig.server,
      'query($at: Date) { unit(code: "66", at: $at) { children(at: $at) { id name kind } } }',
      { at },
      token,
    );
    const children = unit.children;
    const [weak, strong] = children.filter((c) => c.kind === 'DISTRICT');
    const written = await setTargets(rig.server, token, {
      planId,
      indicatorId: online,
      targets: [
        { unitId: weak.id, value: 65 },
        { unitId: strong.id, value: 90 },
      ],
    });
    expect(written.applied).toBe(true);
    // The floor raised afterwards: the stored 65 is now below it.
    await gql(
      rig.server,
      'mutation($i: PlanIndicatorInput!) { updatePlanIndicator(input: $i) { id } }',
      { i: { planId, indicatorId: online, floors: [{ kind: 'DISTRICT', value: 70 }] } },
      token,
    );

    await planRow().getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`${base}/plans/${planId}`);
    await page.getByRole('button', { name: 'Ban hành kế hoạch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ban hành kế hoạch này?' });
    await dialog.getByRole('heading', { name: 'Kiểm tra trước khi ban hành' }).waitFor();
    const row = dialog.getByRole('listitem').filter({ hasText: 'Tỷ lệ hồ sơ' });
    await row.waitFor();
    const missing = children.length - 2;
    const text = await row.innerText();
    expect(text).toContain(`Thiếu chỉ tiêu: ${missing}/${children.length} đơn vị (`);
    // Three of the units without a target by name, then how many more.
    const named = /Thiếu chỉ tiêu: \d+\/\d+ đơn vị \((.*), và (\d+) đơn vị khác\)/.exec(text)!;
    const without = new Set(children.filter((c) => c.id !== weak.id && c.id !== strong.id).map((c) => c.name));
    const shown = named[1].split(', ');
    expect(shown).toHaveLength(3);
    for (const name of shown) expect(without.has(name), name).toBe(true);
    expect(Number(named[2])).toBe(missing - 3);
    // The bad target: "Lỗi" with its unit and message, never the raw code.
    const error = row.locator('[data-issue="BELOW_FLOOR"]');
    expect(await error.innerText()).toMatch(new RegExp(`^Lỗi\\s*${weak.name}: `));
    expect(text).not.toContain('BELOW_FLOOR');
    await dialog.getByText('Chưa có ngày ban hành văn bản.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Issuing anyway needs the tick.
    const issue = dialog.getByRole('button', { name: 'Vẫn ban hành' });
    expect(await issue.isDisabled()).toBe(true);
    await dialog.getByText('Tôi đã xem danh sách trên').click();
    await issue.click();
    await dialog.waitFor({ state: 'hidden' });

    // The plan page, then the list: ISSUED without a reload.
    await expect.poll(() => page.getByRole('main').getByText('Đã ban hành', { exact: true }).first().isVisible(), POLL).toBe(true);
    expect(await page.getByRole('button', { name: 'Ban hành kế hoạch' }).count()).toBe(0);
    await menu(page, 'Kế hoạch');
    await expect.poll(() => planRow().innerText(), POLL).toContain('Đã ban hành');
    const { plan } = await gql<{ plan: { status: string } }>(rig.server, 'query($id: ID!) { plan(id: $id) { status } }', { id: planId }, token);
    expect(plan.status).toBe('ISSUED');
  });

  it('create account → the accounts list shows it, also when opened again from the menu', async () => {
    const username = 'xa.kiemtra';
    await menu(page, 'Tài khoản');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const form = page.getByRole('dialog', { name: 'Tạo tài khoản mới' });
    await form.getByLabel('Tên đăng nhập').fill(username);
    await form.getByLabel('Mật khẩu ban đầu').fill('kiem-tra-mat-khau-1');
    await form.getByLabel('Vai trò').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: 'Phân tích' }).click();
    await form.getByLabel('Đơn vị', { exact: true }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree').getByText('Tỉnh Đắk Lắk (66)').click();
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await form.waitFor({ state: 'hidden' });
    const row = () => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: username });
    await row().waitFor();
    await menu(page, 'Trang chủ');
    await menu(page, 'Tài khoản');
    await row().waitFor();
    const { users } = await gql<{ users: { username: string; role: string }[] }>(rig.server, '{ users { username role } }', {}, token);
    expect(users.find((u) => u.username === username)).toEqual({ username, role: 'ANALYST' });
  });

  it('dashboard by keyboard: Tab to a child, Enter drills in, focus on the unit shown, Space on the breadcrumb goes back', async () => {
    await menu(page, 'Theo dõi tiến độ');
    await pick(page, 'Kế hoạch', /^2022 — /);
    const drills = page.locator('.ant-table-tbody tr.ant-table-row button');
    await drills.first().waitFor();
    const child = (await drills.first().innerText()).trim();
    // Tab until the first child's button has the focus (no mouse).
    let focused = '';
    for (let n = 0; n < 60 && focused !== child; n++) {
      await page.keyboard.press('Tab');
      const inTable = await page.locator('tbody :focus').count();
      focused = inTable ? (await page.locator(':focus').innerText()).trim() : '';
    }
    expect(focused).toBe(child);
    await page.keyboard.press('Enter');
    const current = page.locator('[data-current-unit]');
    await expect.poll(() => current.innerText(), POLL).toBe(child);
    await expect.poll(() => page.locator('[data-current-unit]:focus').count(), POLL).toBe(1);
    const drilled = new URL(page.url()).searchParams.get('unitId')!;
    expect((await gql<{ unit: { name: string } }>(rig.server, 'query($id: ID) { unit(id: $id) { name } }', { id: drilled }, token)).unit.name).toBe(child);
    // Back to the province through the breadcrumb, by keyboard.
    await page.keyboard.press('Shift+Tab');
    expect((await page.locator(':focus').innerText()).trim()).toBe('Tỉnh Đắk Lắk');
    await page.keyboard.press('Space');
    await expect.poll(() => current.innerText(), POLL).toBe('Tỉnh Đắk Lắk');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('threw no error in any page', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});

describeInBrowser('the reporter: a saved result shows on the home and the dashboard', () => {
  let page: Page;
  let context: BrowserContext;
  let token: string;
  const PLAN_YEAR = 2022;
  const MONTH = '03';

  beforeAll(async () => {
    // The district gives Buôn Trấp its target in the 2022 decision (the home lists targets).
    const district = await rig.server.login('huyen.krongana');
    const given = await setTargets(rig.server, district, {
      planId: d.plan(PLAN_YEAR),
      indicatorId: d.indicator('DLK22-ONLINE-RATE'),
      targets: [{ unitId: d.unit('24538'), value: 65 }],
    });
    expect(given.issues.filter((i) => i.severity === 'ERROR')).toEqual([]);
    ({ context, page } = await rig.newPage());
    await signIn(page, base, 'xa.buontrap');
    token = (await tokenOf(page))!;
  });
  afterAll(async () => context?.close());

  const homeRow = () => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'Tỷ lệ hồ sơ TTHC' });
  const yearFigure = async () => {
    const p = await progress(rig.server, token, { planId: d.plan(PLAN_YEAR), indicatorId: d.indicator('DLK22-ONLINE-RATE'), unitId: d.unit('24538'), period: String(PLAN_YEAR) });
    return p.rolledUp;
  };

  it('save results → the home and the dashboard show the new figure', async () => {
    // The home and the dashboard read (and cache) the figure before the write.
    await pick(page, 'Chọn kế hoạch', /^2022 — /);
    const before = await yearFigure();
    await expect.poll(() => homeRow().innerText(), POLL).toContain(`${vnNumber(before.numerator!)}/${vnNumber(before.denominator!)}`);
    await menu(page, 'Theo dõi tiến độ');
    await pick(page, 'Kế hoạch', /^2022 — /);
    await pick(page, 'Chỉ tiêu', 'Tỷ lệ hồ sơ TTHC');
    const dashRow = () => page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'Thị trấn Buôn Trấp' }).first();
    await expect.poll(() => dashRow().innerText(), POLL).toContain(vnNumber(before.denominator!));

    await menu(page, 'Nhập kết quả');
    await pick(page, 'Kế hoạch', /^2022 — /);
    await pick(page, 'Chỉ tiêu', 'Tỷ lệ hồ sơ TTHC');
    await pick(page, 'Tháng', new RegExp(`^${MONTH}/${PLAN_YEAR}$`));
    const b = page.getByLabel('Tử số (b) — Thị trấn Buôn Trấp');
    const a = page.getByLabel('Mẫu số (a) — Thị trấn Buôn Trấp');
    await a.waitFor();
    // Numbers no month of the demo has: the year's figure must move.
    await a.fill('4321');
    await b.fill('4000');
    await page.getByRole('button', { name: 'Ghi nhận kết quả' }).click();
    await page.getByText(/^Đã ghi nhận \d+ kết quả tháng/).waitFor();
    const after = await yearFigure();
    expect(after.denominator).not.toBe(before.denominator);

    await menu(page, 'Trang chủ');
    await pick(page, 'Chọn kế hoạch', /^2022 — /);
    await expect.poll(() => homeRow().innerText(), POLL).toContain(`${vnNumber(after.numerator!)}/${vnNumber(after.denominator!)}`);
    await menu(page, 'Theo dõi tiến độ');
    await pick(page, 'Kế hoạch', /^2022 — /);
    await pick(page, 'Chỉ tiêu', 'Tỷ lệ hồ sơ TTHC');
    await expect.poll(() => dashRow().innerText(), POLL).toContain(vnNumber(after.denominator!));
    const december = await progress(rig.server, token, {
      planId: d.plan(PLAN_YEAR),
      indicatorId: d.indicator('DLK22-ONLINE-RATE'),
      unitId: d.unit('24538'),
      period: `${PLAN_YEAR}-${MONTH}`,
    });
    expect(december.own).toMatchObject({ numerator: 4000, denominator: 4321 });
  });
});
