import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pick, POLL, screenshot, seriousA11yViolations, signIn, startRig, tokenOf, type BrowserRig, describeInBrowser } from '../support/browser';
import { demo, type Demo } from '../support/documents';

/**
 * Spreadsheets in the browser: a district manager fills the results template the system gives
 * it, uploads it, reads the preview (problem lines first), commits the good lines; the province
 * downloads the 2022 annex from the plan page.
 */
describeInBrowser('spreadsheets in and out, in the browser', () => {
  let rig: BrowserRig;
  let base: string;
  let d: Demo;
  let page: Page;

  beforeAll(async () => {
    rig = await startRig('demo');
    base = rig.server.url;
    d = await demo(rig.server);
    ({ page } = await rig.newPage());
  });
  afterAll(async () => rig?.close());

  it('a district fills the results template, sees the problem lines first, and commits the good ones', async () => {
    await signIn(page, base, 'huyen.krongana', { next: '/imports' });
    await page.getByRole('heading', { name: 'Nhập dữ liệu từ bảng tính' }).waitFor();
    await pick(page, 'Loại dữ liệu', 'Kết quả thực hiện');
    await pick(page, 'Kế hoạch', /^2022 — /);
    await pick(page, 'Chỉ tiêu', 'Tỷ lệ hồ sơ TTHC');

    // The template the page offers, filled in as an office would, with two lines gone wrong.
    const token = (await tokenOf(page))!;
    const query = new URLSearchParams({ planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE') });
    const res = await fetch(`${base}/import/templates/results.xlsx?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(9); // header + the district's 8 communes
    for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).values = [ws.getCell(r, 1).value, ws.getCell(r, 2).value, `${10 * r}`, '200'];
    ws.getRow(3).getCell(3).value = 'mười'; // not a number
    ws.addRow(['', 'Xã Không Có Thật', '5', '10']); // no such commune
    const file = path.join(os.tmpdir(), `chitieu-results-${process.pid}.xlsx`);
    await wb.xlsx.writeFile(file);

    await page.getByLabel('Kỳ báo cáo').fill('2022-05');
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await page.getByText('Đây là kết quả kiểm tra: chưa có dữ liệu nào được ghi.').waitFor();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.count(), POLL).toBe(9);
    // Problem lines first: the bad number and the unknown commune.
    expect(await rows.nth(0).innerText()).toMatch(/Lỗi/);
    expect(await rows.nth(1).innerText()).toMatch(/Lỗi/);
    expect(await rows.filter({ hasText: 'Xã Không Có Thật' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Ghi dữ liệu' }).isDisabled()).toBe(true);
    await page.getByText('Kết quả kiểm tra', { exact: true }).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 560);
    await screenshot(page, '22-import-preview');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByText('Bỏ qua các dòng lỗi, chỉ ghi các dòng hợp lệ').click();
    await page.getByRole('button', { name: 'Ghi dữ liệu' }).click();
    const done = page.getByText(/^Đã ghi: thêm \d+, cập nhật \d+, không đổi \d+\.$/).first();
    await done.waitFor();
    // The 7 good lines are written (new for the month, or replacing what the demo recorded); the 2 bad ones are not.
    const [created, updated] = (await done.innerText()).match(/\d+/g)!.map(Number);
    expect(created + updated).toBe(7);
    fs.rmSync(file, { force: true });
  });

  it('the province downloads the 2022 annex from the plan page', async () => {
    const { page: admin } = await rig.newPage();
    await signIn(admin, base, 'tinh.daklak', { next: `/plans/${d.plan(2022)}` });
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('button', { name: 'Xuất phụ lục (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    const texts = wb.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(texts.some((t) => /^Phụ lục/i.test(t))).toBe(true);
    expect(texts).toContain('I. CÁC SỞ, BAN, NGÀNH');
  });

  it('threw no error in any page', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
