import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fillLogin, gql, pick, POLL, screenshot, seriousA11yViolations, signIn, startRig, tokenOf, type BrowserRig, describeInBrowser } from '../support/browser';
import { demo, progress, setTargets, targets, type Demo } from '../support/documents';

const KRONG_ANA_COMMUNES = ['Thị trấn Buôn Trấp', 'Xã Dray Sáp', 'Xã Ea Na', 'Xã Ea Bông', 'Xã Băng A Drênh', 'Xã Dur KMăl', 'Xã Bình Hòa', 'Xã Quảng Điền'];

/**
 * The four demo journeys in real Chromium, on the built SPA served by the real server (one
 * server, one browser; each journey in its own browser context). In the order that keeps them
 * independent: the province issues its 2024 draft last, after the others have looked at the plans.
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

/**
 * Journey of a district manager (huyen.krongana): only Krông A Na in sight; the issued 2022
 * decision, its deadline and what is still to sub-assign; the cascade wizard to its communes,
 * where a commune below the province's 40% floor is refused in place.
 */
describeInBrowser('district manager in the browser', () => {
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ context, page } = await rig.newPage());
    await signIn(page, base, 'huyen.krongana');
  });
  afterAll(async () => context?.close());

  /** Unit rows of the target sheet in the open tab (group headings apart). */
  const rows = (scope = '[role="tabpanel"][aria-hidden="false"]') => page.locator(`${scope} [role="grid"] tr[data-unit]`);
  const missing = () => page.getByRole('list', { name: 'Còn thiếu' }).getByRole('listitem');

  it('sees Krông A Na only: its issued plans and its communes', async () => {
    await page.getByRole('banner').getByText('Huyện Krông A Na', { exact: true }).waitFor();
    // The 2024 draft stays with the province until it is issued.
    await page.getByText('Tất cả kế hoạch').waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), POLL).toBe(2);
    await page.getByRole('link', { name: /^Về việc giao chỉ tiêu số hóa/ }).click();
    await page.waitForURL(`${base}/plans/${d.plan(2022)}`);
    await expect.poll(() => rows().count(), POLL).toBe(8);
    const names = await rows().locator('th .ant-typography:first-child').allInnerTexts();
    expect(names.sort()).toEqual([...KRONG_ANA_COMMUNES].sort());
    await page.getByText('Chỉ tiêu được giao cho Huyện Krông A Na:').waitFor();
  });

  it('sees the deadline and what is still missing', async () => {
    await page.getByRole('main').getByText('30/06/2022').first().waitFor();
    await page.getByText(/^Hạn giao xuống cấp dưới: 30\/06\/2022 — đã quá hạn/).waitFor();
    expect(await missing().count()).toBe(2);
    expect(await missing().nth(0).innerText()).toMatch(/^Số hóa hồ sơ.*: còn 8\/8 đơn vị chưa được giao \(Thị trấn Buôn Trấp,/);
    expect(await missing().nth(1).innerText()).toMatch(/^Tỷ lệ hồ sơ TTHC.*: còn 8\/8 đơn vị chưa được giao/);
    await screenshot(page, '08-district-plan-missing');
  });

  it('cascades to its communes: a commune below the 40% floor is refused in place, naming who set it', async () => {
    await page.getByRole('button', { name: 'Phân bổ xuống cấp dưới' }).click();
    await page.waitForURL(`${base}/plans/${d.plan(2022)}/cascade`);
    await pick(page, 'Chỉ tiêu', 'Tỷ lệ hồ sơ TTHC');
    await page.getByText('8 đơn vị trực thuộc').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    // The plan's floors, prefilled.
    await page.getByText('Kế hoạch quy định: 40').waitFor();
    expect(await page.getByLabel('Mức sàn theo loại đơn vị Xã', { exact: true }).inputValue()).toBe('40');
    expect(await page.getByLabel('Mức sàn theo loại đơn vị Thị trấn', { exact: true }).inputValue()).toBe('60');
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    await page.getByText(/^0 lỗi, \d+ cảnh báo$/).waitFor();

    const eaBong = page.locator('tr.ant-table-row', { hasText: 'Xã Ea Bông' });
    await page.getByLabel('Giá trị nhập tay Xã Ea Bông').fill('35');
    const refused = eaBong.locator('[data-issue="BELOW_FLOOR"]');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('Chỉ tiêu 35% thấp hơn mức sàn 40% do Tỉnh Đắk Lắk quy định');
    expect(await page.getByRole('button', { name: 'Áp dụng' }).isDisabled()).toBe(true);
    await screenshot(page, '09-cascade-below-floor');

    // The server says the same on a dry run.
    await page.getByRole('button', { name: 'Chạy thử lại' }).click();
    await page.getByText(/^[1-9]\d* lỗi, \d+ cảnh báo$/).waitFor();
    expect(await eaBong.locator('[data-issue="BELOW_FLOOR"]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByRole('button', { name: 'Áp dụng' }).isDisabled()).toBe(true);

    // At the floor it is accepted.
    await page.getByLabel('Giá trị nhập tay Xã Ea Bông').fill('40');
    await page.getByRole('button', { name: 'Chạy thử lại' }).click();
    await page.getByText(/^0 lỗi, \d+ cảnh báo$/).waitFor();
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    // The communes' targets cannot reach the district's own (42,5% against 53%): applied only when confirmed.
    await page.getByRole('button', { name: 'Vẫn áp dụng' }).click();
    await page.getByText('Đã áp dụng: 8 chỉ tiêu tạo mới, 0 chỉ tiêu cập nhật.').waitFor();
    // Past the 30/06/2022 deadline: saved, flagged.
    await page.getByText(/^\d+ cảnh báo \(đã lưu\):$/).waitFor();
    // Said once for the write, not on each of the 8 rows.
    expect(await page.locator('[data-issue="PAST_DEADLINE"]').count()).toBe(1);
    expect(await page.locator('[data-issue="PAST_DEADLINE"]').innerText()).toContain('(8 chỉ tiêu)');
    await screenshot(page, '10-district-cascade-applied');
  });

  it('back on the plan, the online-rate column is complete and flagged late', async () => {
    await page.getByRole('button', { name: 'Về bảng giao chỉ tiêu' }).click();
    await page.waitForURL(`${base}/plans/${d.plan(2022)}`);
    await expect.poll(() => missing().nth(1).innerText(), POLL).toMatch(/^Tỷ lệ hồ sơ TTHC.*: đã giao đủ 8 đơn vị$/);
    expect(await missing().nth(0).innerText()).toContain('còn 8/8');
    const eaBong = rows().filter({ hasText: 'Xã Ea Bông' });
    expect(await eaBong.innerText()).toContain('40%');
    expect(await eaBong.innerText()).toContain('Giao sau hạn');
    expect(await rows().filter({ hasText: 'Thị trấn Buôn Trấp' }).innerText()).toContain('60%');
  });

  it('the unit tree starts at Krông A Na', async () => {
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    const roots = page.locator('.ant-tree-list-holder-inner .ant-tree-treenode');
    await expect.poll(() => roots.count(), POLL).toBe(1);
    expect(await roots.innerText()).toContain('Huyện Krông A Na (655)');
  });
});

/**
 * Journey of a commune reporter (xa.buontrap): "Chỉ tiêu của tôi" with the target the district
 * gave it, the result so far and its status; a month's numerator and denominator, the rate as
 * typed, saved.
 */
describeInBrowser('commune reporter in the browser', () => {
  let page: Page;
  let context: BrowserContext;

  /** What Krông A Na assigned Buôn Trấp in the 2022 decision (the district journey's cascade: 60%). */
  let assigned: number;

  beforeAll(async () => {
    const district = await rig.server.login('huyen.krongana');
    const filter = { planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE'), unitId: d.unit('24538') };
    const given = (await targets(rig.server, district, filter)).find((t) => t.unit.id === d.unit('24538'));
    if (given) assigned = given.value;
    else {
      // Run on its own: the district assigns it first.
      const written = await setTargets(rig.server, district, { ...filter, unitId: undefined, targets: [{ unitId: d.unit('24538'), value: 65, expectedVersion: 0 }] });
      expect(written.applied).toBe(true);
      assigned = 65;
    }
    ({ context, page } = await rig.newPage());
    await signIn(page, base, 'xa.buontrap');
  });
  afterAll(async () => context?.close());

  it('home: my targets, with the result so far and the status', async () => {
    await page.getByText('Chỉ tiêu của tôi — Thị trấn Buôn Trấp').waitFor();
    // The 2023 plan assigns it nothing: the home falls back to the 2022 decision.
    await page.getByRole('combobox', { name: 'Chọn kế hoạch' }).waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'Tỷ lệ hồ sơ TTHC' });
    await expect.poll(() => row.innerText(), POLL).toMatch(/(Đạt|Không đạt)/);
    const text = await row.innerText();
    expect(text).toContain(`≥ ${assigned}%`);
    expect(text).toMatch(/\d+(,\d+)?%/);
    expect(text).toMatch(/[\d.]+\/[\d.]+ hồ sơ/);
    await screenshot(page, '11-reporter-home');
  });

  it("enters a month's numerator and denominator, sees the rate as typed, saves", async () => {
    await page.getByRole('button', { name: 'Nhập kết quả' }).first().click();
    await page.waitForURL(`${base}/results`);
    await page.getByRole('button', { name: 'Ghi nhận kết quả' }).waitFor();
    await pick(page, 'Kế hoạch', /^2022 — /);
    await pick(page, 'Chỉ tiêu', 'Tỷ lệ hồ sơ TTHC');
    await pick(page, 'Tháng', /^03\/2022$/);

    const b = page.getByLabel('Tử số (b) — Thị trấn Buôn Trấp');
    const a = page.getByLabel('Mẫu số (a) — Thị trấn Buôn Trấp');
    // What the import recorded for March is there to correct.
    await expect.poll(() => a.inputValue(), POLL).toMatch(/^\d+$/);
    const rate = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'Thị trấn Buôn Trấp' }).locator('[data-testid^="rate-"]');
    await a.fill('1000');
    await b.fill('8');
    await expect.poll(() => rate.innerText(), POLL).toBe('0,8%');
    await b.fill('812');
    await expect.poll(() => rate.innerText(), POLL).toBe('81,2%');
    await b.fill('1200');
    await page.getByText('Tử số (b) không được lớn hơn mẫu số (a).').waitFor();
    await b.fill('812');
    await expect.poll(() => rate.innerText(), POLL).toBe('81,2%');
    await screenshot(page, '12-results-entry');
    await page.getByRole('button', { name: 'Ghi nhận kết quả' }).click();
    await page.getByText('Đã ghi nhận 1 kết quả tháng 03/2022.').waitFor();

    const reporter = await rig.server.login('xa.buontrap');
    const march = await progress(rig.server, reporter, { planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE'), unitId: d.unit('24538'), period: '2022-03' });
    expect(march.own).toEqual({ numerator: 812, denominator: 1000, value: 81.2 });
  });
});

/**
 * Journey of an analyst (phantich.daklak): the progress dashboard with its pickers and status
 * tags, a drill into a district, the CSV export, and the GraphQL playground on the session cookie.
 */
describeInBrowser('analyst in the browser', () => {
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ context, page } = await rig.newPage());
    await signIn(page, base, 'phantich.daklak');
  });
  afterAll(async () => context?.close());

  const rows = () => page.locator('.ant-table-tbody tr.ant-table-row');

  it('progress dashboard: plan, indicator and period pickers, status tags', async () => {
    await page.getByRole('menuitem', { name: 'Theo dõi tiến độ' }).click();
    await page.waitForURL(`${base}/progress`);
    await pick(page, 'Kế hoạch', /^2022 — /);
    await pick(page, 'Chỉ tiêu', 'Tỷ lệ hồ sơ TTHC');
    await page.waitForURL((url) => url.searchParams.get('planId') === d.plan(2022) && url.searchParams.get('indicatorId') === d.indicator('DLK22-ONLINE-RATE'));
    const tag = (text: string) => page.locator('.ant-table-tbody .ant-tag').filter({ hasText: new RegExp(`^${text}$`) });
    await expect.poll(() => tag('Đạt').count(), POLL).toBeGreaterThan(0);
    expect(await tag('Không đạt').count()).toBeGreaterThan(0);
    expect(await rows().count()).toBe(34);
    expect(await rows().first().innerText()).toContain('Tỉnh Đắk Lắk');
    expect(await page.locator('.ant-select', { has: page.getByRole('combobox', { name: 'Kỳ' }) }).innerText()).toContain('Cả năm 2022');

    await pick(page, 'Kỳ', /^Quý 1\/2022$/);
    await page.waitForURL((url) => url.searchParams.get('period') === '2022-Q1');
    await expect.poll(() => rows().count(), POLL).toBe(34);
    await expect.poll(() => tag('Đạt').count(), POLL).toBeGreaterThan(0);
    await page.getByText('Kết quả các đơn vị trực thuộc so với chỉ tiêu').waitFor();
    await screenshot(page, '13-dashboard');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('drills into a district', async () => {
    await rows().filter({ hasText: 'Huyện Krông A Na' }).click();
    await page.waitForURL((url) => url.searchParams.get('unitId') === d.unit('655'));
    await expect.poll(() => rows().count(), POLL).toBe(9);
    expect(await rows().first().innerText()).toContain('Huyện Krông A Na');
    const crumbs = page.locator('.ant-breadcrumb');
    expect(await crumbs.innerText()).toMatch(/Tỉnh Đắk Lắk\s*\/\s*Huyện Krông A Na/);
    expect(await rows().filter({ hasText: 'Thị trấn Buôn Trấp' }).count()).toBe(1);
    await screenshot(page, '14-dashboard-district');
  });

  it('exports the table as CSV: UTF-8 with a BOM, Vietnamese headers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('tien-do-Huyện Krông A Na-2022-Q1.csv');
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Đơn vị;Mức giao;b (đạt);a (tổng);Kết quả;Trạng thái;Chênh lệch (điểm %);Xếp hạng');
    expect(lines).toHaveLength(10);
    expect(lines[1]).toMatch(/^Huyện Krông A Na;≥ \d+(,\d+)?;\d+;\d+;\d+(,\d+)?;(Đạt|Không đạt);/);
  });

  it('runs an example query in the GraphQL playground with the session cookie', async () => {
    const token = await tokenOf(page);
    await page.getByRole('menuitem', { name: 'GraphQL' }).click();
    await page.waitForURL(`${base}/playground`);
    await page.locator('.graphiql-container .graphiql-editor').first().waitFor();
    await page.getByText('query Plans($year: Int)').first().waitFor();
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/graphql') && (r.postData() ?? '').includes('query Plans')),
      page.locator('.graphiql-execute-button').click(),
    ]);
    // The session cookie (never a token the page could read) and the CSRF preflight header.
    const headers = await request.allHeaders();
    expect(headers['authorization']).toBeUndefined();
    expect(headers['apollo-require-preflight']).toBe('true');
    expect(headers['cookie']).toContain(`chitieu_session=${token}`);
    // Monaco renders spaces as no-break spaces.
    const response = async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' ');
    await expect.poll(response, POLL).toContain('"plans"');
    expect(await response()).toContain('"year": 2023');
    expect(await response()).not.toContain('"errors"');
    await screenshot(page, '15-playground');
  });
});

/**
 * Journey of the province administrator (tinh.daklak) in real Chromium, on the built SPA served
 * by the real server: the plans of the year, the 2022 decision's matrix, editing and cascading a
 * draft, issuing it; the session running out mid-way; accessibility of the pages on the way.
 */
describeInBrowser('province administrator in the browser', () => {
  let page: Page;
  let context: BrowserContext;
  let clicks = 0;

  beforeAll(async () => {
    ({ context, page } = await rig.newPage());
  });
  afterAll(async () => context?.close());

  /** Unit rows of the target sheet in the open tab (group headings apart). */
  const matrixRows = () => page.locator('[role="tabpanel"][aria-hidden="false"] [role="grid"] tr[data-unit]');
  /** No cell of the sheet takes an edit: every one is read-only. */
  const frozen = async () => {
    await page.locator('[role="gridcell"][data-cell]').first().waitFor();
    return page.locator('[role="gridcell"][data-cell]:not([aria-readonly="true"])').count();
  };

  it('signs in from an accessible login page', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(`${base}/login`);
    await page.getByLabel('Tên đăng nhập').waitFor();
    await screenshot(page, '01-login');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await fillLogin(page, 'tinh.daklak');
    await page.waitForURL(`${base}/`);
  });

  it('home shows the plans of the year, and every plan', async () => {
    await page.getByRole('heading', { name: 'Xin chào, Văn phòng UBND tỉnh Đắk Lắk' }).waitFor();
    // No 2026 plan in this demo: the latest year with one.
    await page.getByText('Kế hoạch năm 2024').waitFor();
    await page
      .getByRole('link', { name: /^Nội dung, nhiệm vụ thực hiện nâng cao hiệu quả/ })
      .first()
      .waitFor();
    await page.getByText('Tất cả kế hoạch').waitFor();
    await expect.poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count(), POLL).toBe(3);
    await screenshot(page, '02-home-province');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('opens the 2022 decision within two clicks and sees its 33 rows, frozen', async () => {
    await page.getByRole('link', { name: /^Về việc giao chỉ tiêu số hóa/ }).click();
    clicks++;
    await page.waitForURL(`${base}/plans/${d.plan(2022)}`);
    expect(clicks).toBeLessThanOrEqual(2);
    await page.getByRole('tab', { name: 'Bảng giao chỉ tiêu' }).waitFor();
    await expect.poll(() => matrixRows().count(), POLL).toBe(33);
    expect(await matrixRows().filter({ hasText: 'Sở, ban, ngành' }).count()).toBe(18);
    expect(
      await matrixRows()
        .filter({ hasText: /Huyện ·|Thị xã ·|Thành phố thuộc tỉnh ·/ })
        .count(),
    ).toBe(15);
    // Baselines the Vietnamese way: Sở Công Thương, 99,96% in 2021.
    const congThuong = matrixRows().filter({ hasText: 'Sở Công Thương' });
    await expect.poll(() => congThuong.innerText(), POLL).toContain('năm trước 99,96');
    expect(await congThuong.innerText()).toContain('99%');
    // Issued: the province's own rows are frozen.
    await page.getByText('Kế hoạch đã ban hành: các chỉ tiêu do đơn vị ban hành giao đã được khóa.').waitFor();
    expect(await frozen()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ban hành kế hoạch' }).count()).toBe(0);
    await screenshot(page, '03-plan-2022-matrix');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('edits a cell of the 2024 draft inline', async () => {
    await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
    await page.getByRole('link', { name: /^Nội dung, nhiệm vụ thực hiện nâng cao hiệu quả/ }).click();
    await page.waitForURL(`${base}/plans/${d.plan(2024)}`);
    await page.getByText('Dự thảo', { exact: true }).first().waitFor();
    // What is still to assign, and the deadline.
    await page.getByText('Còn thiếu').waitFor();

    const label = 'Sửa chỉ tiêu 2 của Sở Nội vụ';
    await page.locator(`[data-cell="${d.unit('66.SNV')}|${d.indicator('DLK24-2')}"]`).dblclick();
    await page.getByRole('textbox', { name: label }).fill('95,5');
    await page.getByRole('textbox', { name: label }).press('Enter');
    await page
      .getByText(/Đã lưu/)
      .first()
      .waitFor();
    const noiVu = matrixRows().filter({ hasText: 'Sở Nội vụ' });
    await expect.poll(() => noiVu.innerText(), POLL).toContain('95,5%');
    await screenshot(page, '04-plan-2024-draft-edited');

    const { targets } = await gql<{ targets: { value: number; unit: { code: string } }[] }>(
      rig.server,
      'query($f: TargetFilter!) { targets(filter: $f) { value unit { code } } }',
      { f: { planId: d.plan(2024), indicatorId: d.indicator('DLK24-2'), unitId: d.unit('66'), subtree: true } },
      d.admin,
    );
    expect(targets.find((t) => t.unit.code === '66.SNV')?.value).toBe(95.5);
  });

  it('cascades the draft to its agencies and districts: dry run, apply, summary', async () => {
    await page.getByRole('button', { name: 'Phân bổ xuống cấp dưới' }).click();
    await page.waitForURL(`${base}/plans/${d.plan(2024)}/cascade`);
    await page.getByText('33 đơn vị trực thuộc').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    // No baselines in a 2024 draft: a default per kind instead of last year's results.
    await page.getByRole('switch', { name: 'Tính theo kết quả năm trước' }).click();
    for (const kind of ['Sở, ban, ngành', 'Huyện', 'Thị xã', 'Thành phố thuộc tỉnh']) {
      await page.getByLabel(`Giá trị mặc định theo loại đơn vị ${kind}`, { exact: true }).fill('45');
    }
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    const tally = page.getByText(/^\d+ lỗi, \d+ cảnh báo$/);
    await tally.waitFor();
    expect(await tally.innerText()).toMatch(/^0 lỗi/);
    // The hand-typed 95,5 stays; the rule gives the rest 45.
    const previewRow = (name: string) => page.locator('tr.ant-table-row', { hasText: name });
    expect(await previewRow('Sở Nội vụ').innerText()).toMatch(/95,5%\s+Nhập tay/);
    expect(await previewRow('Huyện Krông A Na').innerText()).toContain('45%');
    await screenshot(page, '05-cascade-preview');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByText(/^Đã áp dụng: 32 chỉ tiêu tạo mới, 0 chỉ tiêu cập nhật\.$/).waitFor();
    await screenshot(page, '06-cascade-summary');
    await page.getByRole('button', { name: 'Về bảng giao chỉ tiêu' }).click();
    await page.waitForURL(`${base}/plans/${d.plan(2024)}`);
    await expect.poll(() => matrixRows().filter({ hasText: 'Huyện Krông A Na' }).innerText(), POLL).toContain('45%');
  });

  it('issues the draft after the confirmation, which freezes it', async () => {
    await page.getByRole('button', { name: 'Ban hành kế hoạch' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Ban hành kế hoạch này?').filter({ visible: true }).waitFor();
    expect(await dialog.innerText()).toContain('sẽ được khóa');
    await screenshot(page, '07-issue-confirm');
    // The checklist names what is still open (the draft has no document date): confirmed once read.
    const seen = dialog.getByText('Tôi đã xem danh sách trên');
    if (await seen.count()) await seen.click();
    await dialog.getByRole('button', { name: /^(Vẫn ban hành|Ban hành)$/ }).click();
    await page.getByText('Đã ban hành kế hoạch.').waitFor();
    await page.getByText('Kế hoạch đã ban hành: các chỉ tiêu do đơn vị ban hành giao đã được khóa.').waitFor();
    expect(await frozen()).toBe(0);
    const { plan } = await gql<{ plan: { status: string } }>(rig.server, 'query($id: ID!) { plan(id: $id) { status } }', { id: d.plan(2024) }, d.admin);
    expect(plan.status).toBe('ISSUED');
  });

  it('when the session is revoked mid-way, goes to /login?next=… and comes back after signing in', async () => {
    const token = await tokenOf(page);
    expect(token).toBeTruthy();
    // Revoked on the server (what an expiry or a sign-out elsewhere does).
    await gql(rig.server, 'mutation { logout }', {}, token!);
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    await page.waitForURL(`${base}/login?next=${encodeURIComponent('/units')}`);
    await page.getByText('Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.').waitFor();
    expect(await tokenOf(page)).toBeNull();
    await fillLogin(page, 'tinh.daklak');
    await page.waitForURL(`${base}/units`);
    await page.getByText('Cây đơn vị hành chính').waitFor();
    expect(await tokenOf(page)).not.toBe(token);
  });

  it('a signed-out visitor opening a deep link signs in and lands there', async () => {
    const { page: other } = await rig.newPage();
    await other.goto(`${base}/plans/${d.plan(2022)}`);
    await other.waitForURL(`${base}/login?next=${encodeURIComponent(`/plans/${d.plan(2022)}`)}`);
    await signIn(other, base, 'tinh.daklak', { next: `/plans/${d.plan(2022)}` });
    await other.waitForURL(`${base}/plans/${d.plan(2022)}`);
  });
});

describeInBrowser('every journey', () => {
  it('threw no error in any page', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
