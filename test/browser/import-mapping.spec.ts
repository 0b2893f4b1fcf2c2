import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeInBrowser, pick, POLL, seriousA11yViolations, signIn, startRig, type BrowserRig } from '../support/browser';
import { demo, draftPlan, targets, type Demo } from '../support/documents';

/**
 * The import's mapping step in Chromium: the province (tinh.daklak) opens its draft plan (every
 * unit still without a target), goes to the import page through the menu, uploads the 2022
 * decision's two-indicator sheet, sees the role the product detected for each column, changes
 * one (the 2021 rate is not to be read), checks, applies; then back on the plan page through the
 * SPA's own links, without a reload, the missing counts are the new ones.
 */
type FixtureRow = { group: string; stt: number; name: string; procedures: number; digitization: number; baseline2021: number | null; target2022: number };
const FIXTURE = JSON.parse(fs.readFileSync(new URL('../fixtures/daklak-2022-target-decision.json', import.meta.url), 'utf8')) as { rows: FixtureRow[] };
const HEADER = ['STT', 'Tên đơn vị', 'Số lượng TTHC', 'Mức giao chỉ tiêu số hóa (%)', 'Tỷ lệ trực tuyến thực tế năm 2021 (%)', 'Mức giao chỉ tiêu tỷ lệ trực tuyến năm 2022 (%)'];
/** The sheet leaves the last districts out: they stay missing. */
const LEFT_OUT = 3;

describeInBrowser('the province imports the decision’s two-indicator sheet through the mapping step', () => {
  let rig: BrowserRig;
  let page: Page;
  let base: string;
  let d: Demo;
  let token: string;
  let planId: string;
  let digi: string;
  let online: string;
  let file: string;
  const TITLE = 'Giao chỉ tiêu năm 2025 (nhập từ phụ lục)';
  const rows = FIXTURE.rows.slice(0, FIXTURE.rows.length - LEFT_OUT);

  beforeAll(async () => {
    rig = await startRig('demo');
    base = rig.server.url;
    d = await demo(rig.server);
    token = await rig.server.login('tinh.daklak');
    digi = d.indicator('DLK22-DIGITIZATION');
    online = d.indicator('DLK22-ONLINE-RATE');
    planId = await draftPlan(rig.server, token, { issuerId: d.unit('66'), year: 2025, title: TITLE }, [{ indicatorId: digi }, { indicatorId: online }]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['UBND TỈNH ĐẮK LẮK']);
    ws.addRow(['PHỤ LỤC']);
    ws.addRow([]);
    ws.addRow(HEADER);
    for (const r of rows) ws.addRow([r.stt, r.name, r.procedures, r.digitization, r.baseline2021 ?? 'Không có hồ sơ phát sinh', r.target2022]);
    file = path.join(os.tmpdir(), `chitieu-mapping-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(file);
    ({ page } = await rig.newPage());
  });
  afterAll(async () => {
    fs.rmSync(file, { force: true });
    await rig?.close();
  });

  const total = () => d.childrenOf('66').length;
  const missingLines = (n: number) => page.getByText(new RegExp(`còn ${n}/${total()} đơn vị chưa được giao`));
  const mappingRow = (label: string) => page.getByTestId('column-mapping').locator('tr', { hasText: label });

  it('sees every unit missing on the plan page first', async () => {
    await signIn(page, base, 'tinh.daklak', { next: `/plans/${planId}` });
    await expect.poll(() => missingLines(total()).count(), POLL).toBe(2);
  });

  it('uploads the sheet, sees the detected roles, changes one, checks and applies', async () => {
    await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).click();
    await page.getByRole('heading', { name: 'Nhập dữ liệu từ bảng tính' }).waitFor();
    await pick(page, 'Loại dữ liệu', 'Chỉ tiêu giao');
    await pick(page, 'Kế hoạch', /^2025 — Giao chỉ tiêu năm 2025/);
    await page.locator('input[type=file]').setInputFiles(file);

    await page.getByTestId('column-mapping').waitFor();
    expect(await mappingRow(HEADER[1]).innerText()).toContain('Tên đơn vị');
    expect(await mappingRow(HEADER[3]).innerText()).toMatch(/Chỉ tiêu — Số hóa hồ sơ/);
    expect(await mappingRow(HEADER[4]).innerText()).toMatch(/Cơ sở — Tỷ lệ hồ sơ TTHC/);
    expect(await mappingRow(HEADER[5]).innerText()).toMatch(/Chỉ tiêu — Tỷ lệ hồ sơ TTHC/);
    expect(await mappingRow(HEADER[2]).innerText()).toContain('Bỏ qua');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The 2021 rate is not to be imported this time.
    await pick(page, `Cột “${HEADER[4]}” là`, 'Bỏ qua');
    expect(await mappingRow(HEADER[4]).innerText()).toContain('Bỏ qua');

    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Đây là kết quả kiểm tra: chưa có dữ liệu nào được ghi.').first().waitFor();
    const summaries = page.getByTestId('import-summary');
    await expect.poll(() => summaries.count(), POLL).toBe(2);
    for (const i of [0, 1]) expect(await summaries.nth(i).innerText()).toMatch(new RegExp(`Thêm mới: ${rows.length}\\b`));

    await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
    await page
      .getByText(`Đã ghi: thêm ${2 * rows.length}, cập nhật 0, không đổi 0.`)
      .first()
      .waitFor();

    // Stored as the sheet says, without the baselines the user chose not to read.
    const digiStored = await targets(rig.server, token, { planId, indicatorId: digi });
    const onlineStored = await targets(rig.server, token, { planId, indicatorId: online });
    expect(digiStored.map((t) => t.value).sort()).toEqual(rows.map((r) => r.digitization).sort());
    expect(onlineStored.map((t) => t.value).sort()).toEqual(rows.map((r) => r.target2022).sort());
    expect(onlineStored.every((t) => t.baseline === null)).toBe(true);
  });

  it('goes back to the plan through the SPA and sees the fresh missing counts, without a reload', async () => {
    await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
    await page.waitForURL(`${base}/plans`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`${base}/plans/${planId}`);
    await expect.poll(() => missingLines(LEFT_OUT).count(), POLL).toBe(2);
    expect(await missingLines(total()).count()).toBe(0);
  });

  it('threw no error in any page', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
