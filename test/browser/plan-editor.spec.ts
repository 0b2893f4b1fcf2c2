import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { gql, pick, POLL, seriousA11yViolations, signIn, startRig, tokenOf, type BrowserRig, describeInBrowser } from '../support/browser';

/**
 * The plan as a document, written in the browser by the province (tinh.daklak) on the demo: a
 * new plan from blank with its document fields, two headings (one longer than 100 characters),
 * an indicator created inline and added as an OWN row led by a unit picked from the tree and
 * coordinated by a group; the plan copied to the next year; the catalogue page creating a
 * PERCENT indicator and renaming it. After every write the page shows what was saved, without
 * a reload (the spec never reloads; it moves only through the SPA's own links and menu).
 */
describeInBrowser('the province writes a plan as a document, in the browser', () => {
  let rig: BrowserRig;
  let page: Page;
  let base: string;
  let token: string;

  const YEAR = 2030;
  const TITLE = `Kế hoạch cải cách hành chính và chuyển đổi số năm ${YEAR}`;
  const NUMBER = '15/KH-UBND';
  const NEW_NUMBER = '16/QĐ-UBND';
  const DATE = `${YEAR}-03-15`;
  const SIGNER = ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn A'];
  const RECIPIENTS = ['Văn phòng Chính phủ;', 'Bộ Nội vụ;', 'Lưu: VT, NC.'];
  const HEADINGS = [
    { position: 'I.', text: 'Chỉ tiêu về cải cách thủ tục hành chính' },
    {
      position: 'II.',
      text: 'Chỉ tiêu về giải quyết thủ tục hành chính trên môi trường điện tử, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính và cung cấp dịch vụ công trực tuyến toàn trình',
    },
  ];
  const ROW = { code: 'E2E-OWN-RATE', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn tại cấp huyện', position: '1', basis: 'Quyết định số 766/QĐ-TTg', note: 'Đánh giá riêng từng cấp' };
  const LEAD = 'Sở Thông tin và Truyền thông';
  const GROUP = 'UBND các huyện, thị xã, thành phố';
  const PERCENT = { code: 'E2E-SATISFACTION', name: 'Mức độ hài lòng của người dân', renamed: 'Mức độ hài lòng của người dân, doanh nghiệp' };

  let planId = '';
  let copyId = '';

  beforeAll(async () => {
    rig = await startRig('demo');
    base = rig.server.url;
    ({ page } = await rig.newPage());
    await signIn(page, base, 'tinh.daklak', { next: '/plans' });
    token = (await tokenOf(page))!;
  });
  afterAll(async () => rig?.close());

  const dialog = () => page.getByRole('dialog');
  const planTitle = () => page.getByRole('main').getByRole('heading', { level: 3 });
  /** An option of one antd Select (its popup holds the listbox `<id>_list`), not of another one still closing. */
  const option = (selectId: string, text: string | RegExp) =>
    page.locator('.ant-select-dropdown', { has: page.locator(`#${selectId}_list`) }).locator('.ant-select-item-option', { hasText: text });
  const tab = (name: string | RegExp) => page.getByRole('tab', { name });
  const closed = (d: Locator) => d.waitFor({ state: 'hidden' });
  const readPlan = async (id: string) =>
    (
      await gql<{ plan: Record<string, any> }>(
        rig.server,
        `query($id: ID!) { plan(id: $id) { id year title status documentKind documentNumber documentDate signer recipients headings { position text }
           indicators { section position scope legalBasis note indicator { id code name measure } lead { text kinds unit { id name } } coordinating { text kinds unit { id name } } } } }`,
        { id },
        token,
      )
    ).plan;

  it('names each page in the browser tab, and <html lang> follows the language from the first load', async () => {
    await expect.poll(() => page.title(), POLL).toBe('Kế hoạch — Chỉ tiêu');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    // English chosen earlier (stored), then a fresh load of another page.
    await page.evaluate(() => localStorage.setItem('chitieu.locale', 'en'));
    await page.goto(`${base}/indicators`);
    await expect.poll(() => page.locator('html').getAttribute('lang'), POLL).toBe('en');
    await expect.poll(() => page.title(), POLL).toBe('Indicator catalogue — Chỉ tiêu');
    await page.evaluate(() => localStorage.setItem('chitieu.locale', 'vi'));
    await page.goto(`${base}/plans`);
    await expect.poll(() => page.locator('html').getAttribute('lang'), POLL).toBe('vi');
  });

  it('creates a plan from blank and lands on its page', async () => {
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    const form = dialog();
    await form.getByLabel('Tên văn bản (trích yếu)').fill(TITLE);
    await form.getByLabel('Năm', { exact: true }).fill(String(YEAR));
    await pick(page, 'Loại văn bản', 'Kế hoạch');
    await form.getByLabel('Số hiệu').fill(NUMBER);
    await form.getByLabel('Ngày ban hành văn bản').fill(DATE);
    await form.getByLabel('Căn cứ').fill('Căn cứ Luật Tổ chức chính quyền địa phương');
    await form.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    planId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => planTitle().innerText(), POLL).toBe(TITLE);
    // Saved as typed, as a draft of the province.
    const saved = await readPlan(planId);
    expect(saved).toMatchObject({ year: YEAR, title: TITLE, status: 'DRAFT', documentKind: 'PLAN', documentNumber: NUMBER, documentDate: DATE });
  });

  it('sets the document fields: number, signer on several lines, recipients one per line', async () => {
    await tab('Thông tin văn bản').click();
    const panel = page.getByRole('tabpanel', { name: 'Thông tin văn bản' });
    await panel.getByText(NUMBER, { exact: true }).waitFor();
    await panel.getByText('15/03/2030').waitFor();
    await page.getByRole('button', { name: 'Sửa thông tin văn bản' }).click();
    const form = dialog();
    await form.getByLabel('Số hiệu').fill(NEW_NUMBER);
    await pick(page, 'Loại văn bản', 'Quyết định');
    await form.getByLabel('Người ký').fill(SIGNER.join('\n'));
    await form.getByLabel('Nơi nhận').fill(RECIPIENTS.join('\n'));
    await form.getByRole('button', { name: 'Lưu' }).click();
    await closed(form);

    await panel.getByText(NEW_NUMBER, { exact: true }).waitFor();
    expect(await panel.getByText(NUMBER, { exact: true }).count()).toBe(0);
    await panel.getByText('Quyết định', { exact: true }).waitFor();
    expect(await panel.getByText(SIGNER[0], { exact: false }).innerText()).toBe(SIGNER.join('\n'));
    expect(await panel.getByRole('list', { name: 'Nơi nhận' }).getByRole('listitem').allInnerTexts()).toEqual(RECIPIENTS);
    const saved = await readPlan(planId);
    expect(saved).toMatchObject({ documentKind: 'DECISION', documentNumber: NEW_NUMBER, signer: SIGNER.join('\n'), recipients: RECIPIENTS });
  });

  it('adds two headings, one longer than 100 characters', async () => {
    expect(HEADINGS[1].text.length).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Sửa đề mục' }).click();
    const form = dialog();
    for (const [i, h] of HEADINGS.entries()) {
      await form.getByRole('button', { name: 'Thêm đề mục' }).click();
      await form.getByLabel(`Số thứ tự đề mục ${i + 1}`).fill(h.position);
      await form.getByLabel(`Nội dung đề mục ${i + 1}`).fill(h.text);
    }
    await form.getByRole('button', { name: 'Lưu' }).click();
    await closed(form);
    const panel = page.getByRole('tabpanel', { name: 'Thông tin văn bản' });
    for (const h of HEADINGS) await panel.getByText(h.text, { exact: true }).waitFor();
    expect((await readPlan(planId)).headings).toEqual(HEADINGS);
  });

  it('creates an indicator inline and adds it as an OWN row, led by a picked unit and coordinated by a group', async () => {
    await tab(/^Chỉ tiêu của kế hoạch/).click();
    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    const form = dialog();
    await form.getByText('Tạo chỉ tiêu mới', { exact: true }).click();
    await form.getByLabel('Mã chỉ tiêu').fill(ROW.code);
    await form.getByLabel('Tên chỉ tiêu').fill(ROW.name);
    await pick(page, 'Thuộc đề mục', /^II\. /);
    await form.getByLabel('Số thứ tự', { exact: true }).fill(ROW.position);
    await form.getByText('số liệu của chính đơn vị', { exact: true }).click();

    const lead = page.getByRole('combobox', { name: 'Chủ trì', exact: true });
    await lead.click();
    await lead.pressSequentially('Thông tin và Truyền');
    await option('planRow_lead', LEAD).click();
    const coordinating = page.getByRole('combobox', { name: 'Phối hợp', exact: true });
    await coordinating.click();
    await option('planRow_coordinating', GROUP).click();
    await form.getByLabel('Căn cứ').fill(ROW.basis);
    await form.getByLabel('Ghi chú').fill(ROW.note);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await closed(form);

    // On the page: under the second heading, with its lead, coordinating, basis, note and scope.
    await tab('Chỉ tiêu của kế hoạch (1)').waitFor();
    const section = page.getByRole('region', { name: `${HEADINGS[1].position} ${HEADINGS[1].text}` });
    const row = section.locator('tr.ant-table-row', { hasText: ROW.name });
    await row.waitFor();
    const text = await row.innerText();
    for (const expected of [ROW.position, ROW.code, LEAD, GROUP, ROW.basis, ROW.note, 'số liệu của chính đơn vị']) expect(text).toContain(expected);
    expect(
      await page
        .getByRole('region', { name: `${HEADINGS[0].position} ${HEADINGS[0].text}` })
        .locator('tr.ant-table-row')
        .count(),
    ).toBe(0);

    // Stored as picked: the unit by its id, the group by its kinds.
    const units = await gql<{ units: { id: string; name: string }[] }>(rig.server, 'query($s: String!) { units(search: $s) { id name } }', { s: LEAD }, token);
    const leadUnit = units.units.find((u) => u.name === LEAD)!;
    const [saved] = (await readPlan(planId)).indicators;
    expect(saved).toMatchObject({
      section: HEADINGS[1].position,
      position: ROW.position,
      scope: 'OWN',
      legalBasis: ROW.basis,
      note: ROW.note,
      indicator: { code: ROW.code, name: ROW.name },
    });
    expect(saved.lead).toEqual([{ text: LEAD, kinds: [], unit: { id: leadUnit.id, name: LEAD } }]);
    expect(saved.coordinating).toHaveLength(1);
    expect(saved.coordinating[0].text).toBe(GROUP);
    expect([...saved.coordinating[0].kinds].sort()).toEqual(['DISTRICT', 'PROVINCIAL_CITY', 'TOWN']);
  });

  it('the plan page has no serious accessibility violation', async () => {
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('downloads the plan as a Word document, its indicator annex and the annex two levels down', async () => {
    const save = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      return { name: download.suggestedFilename(), file: (await download.path())! };
    };
    const texts = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.flatMap((ws) => ws.getSheetValues().flat()).filter((v): v is string => typeof v === 'string');
    };
    const word = await save(() => page.getByRole('button', { name: 'Tải văn bản (Word)' }).click());
    expect(word.name).toMatch(/\.docx$/);
    expect(fs.readFileSync(word.file).subarray(0, 2).toString()).toBe('PK');
    const rowsAnnex = await save(() => page.getByRole('button', { name: 'Phụ lục chỉ tiêu (Excel)' }).click());
    expect(rowsAnnex.name).toMatch(/\.xlsx$/);
    expect((await texts(rowsAnnex.file)).some((v) => v.includes(ROW.name))).toBe(true);
    await page.getByRole('button', { name: 'Phụ lục giao chỉ tiêu' }).click();
    const deep = await save(() => page.getByRole('menuitem', { name: 'Phụ lục giao chỉ tiêu: 2 cấp đơn vị' }).click());
    expect(deep.name).toMatch(/\.xlsx$/);
    expect((await texts(deep.file)).length).toBeGreaterThan(0);
  });

  it('copies the plan to the next year and sees the copy in the list', async () => {
    await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
    await page.waitForURL(`${base}/plans`);
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    const form = dialog();
    await form.getByText('Sao chép từ kế hoạch…', { exact: true }).click();
    // A required field's name starts with antd's "*" mark.
    await page.getByRole('combobox', { name: /Kế hoạch nguồn$/ }).click();
    await option('createPlan_sourceId', `${YEAR} — ${TITLE}`).click();
    // The year after the source's is proposed.
    expect(await form.getByLabel('Năm của bản sao').inputValue()).toBe(String(YEAR + 1));
    await form.getByRole('button', { name: 'Sao chép' }).click();
    await page.waitForURL((url) => /^\/plans\/\d+$/.test(url.pathname) && !url.pathname.endsWith(`/${planId}`));
    copyId = new URL(page.url()).pathname.split('/').pop()!;
    const copy = await readPlan(copyId);
    expect(copy).toMatchObject({ year: YEAR + 1, status: 'DRAFT', headings: HEADINGS });
    expect(copy.indicators.map((r: { indicator: { code: string } }) => r.indicator.code)).toEqual([ROW.code]);
    await expect.poll(() => planTitle().innerText(), POLL).toBe(copy.title);
    await tab('Chỉ tiêu của kế hoạch (1)').waitFor();

    await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await expect.poll(() => rows.filter({ has: page.locator(`a[href="/plans/${copyId}"]`) }).count(), POLL).toBe(1);
    expect(await rows.filter({ has: page.locator(`a[href="/plans/${copyId}"]`) }).innerText()).toContain(String(YEAR + 1));
    expect(await rows.filter({ has: page.locator(`a[href="/plans/${planId}"]`) }).count()).toBe(1);
  });

  it('edits a row of the copy, adds one from the catalogue and removes it', async () => {
    await page.locator(`a[href="/plans/${copyId}"]`).click();
    await tab('Chỉ tiêu của kế hoạch (1)').click();
    const rows = page.locator('[role="tabpanel"][aria-hidden="false"] tr.ant-table-row');
    const newNote = `${ROW.note} (năm ${YEAR + 1})`;
    await page.getByRole('button', { name: `Sửa dòng chỉ tiêu ${ROW.name}` }).click();
    let form = dialog();
    expect(await form.getByLabel('Ghi chú').inputValue()).toBe(ROW.note);
    await form.getByLabel('Ghi chú').fill(newNote);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await closed(form);
    await expect.poll(() => rows.filter({ hasText: ROW.name }).innerText(), POLL).toContain(newNote);

    await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    form = dialog();
    await page.getByRole('combobox', { name: /Chỉ tiêu trong danh mục$/ }).click();
    const first = option('planRow_indicatorId', /./).first();
    const [code, name] = (await first.innerText()).split(' — ');
    await first.click();
    await form.getByRole('button', { name: 'Lưu' }).click();
    await closed(form);
    await tab('Chỉ tiêu của kế hoạch (2)').waitFor();
    await rows.filter({ hasText: name }).waitFor();
    expect((await readPlan(copyId)).indicators.map((r: { indicator: { code: string } }) => r.indicator.code)).toEqual([ROW.code, code]);

    await page.getByRole('button', { name: `Xóa dòng chỉ tiêu ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa' }).click();
    await tab('Chỉ tiêu của kế hoạch (1)').waitFor();
    expect(await rows.filter({ hasText: name }).count()).toBe(0);
    const saved = await readPlan(copyId);
    expect(saved.indicators.map((r: { indicator: { code: string }; note: string }) => [r.indicator.code, r.note])).toEqual([[ROW.code, newNote]]);
    // The source plan keeps its own note.
    expect((await readPlan(planId)).indicators[0].note).toBe(ROW.note);
  });

  it('the unit page of the lead lists the row it leads', async () => {
    await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
    await page.getByPlaceholder(/^Tìm đơn vị/).fill('Thông tin và Truyền');
    await page.locator('.ant-list-item', { hasText: LEAD }).first().click();
    await page.getByRole('heading', { name: LEAD, level: 4 }).waitFor();
    await page.getByRole('button', { name: 'Chủ trì, phối hợp trong các kế hoạch' }).click();
    const mine = page.locator('tr.ant-table-row', { hasText: ROW.name });
    await expect.poll(() => mine.count(), POLL).toBeGreaterThanOrEqual(1);
    expect(await mine.first().innerText()).toContain('Chủ trì');
  });

  it('the catalogue creates a PERCENT indicator and renames it', async () => {
    await page.getByRole('menuitem', { name: 'Danh mục chỉ tiêu' }).click();
    await page.waitForURL(`${base}/indicators`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    // The one created inside the plan is in the province's catalogue.
    await rows.filter({ hasText: ROW.code }).waitFor();
    expect(await rows.filter({ hasText: ROW.code }).innerText()).toContain('Tỉnh Đắk Lắk');

    await page.getByRole('button', { name: 'Tạo chỉ tiêu' }).click();
    let form = dialog();
    await form.getByLabel('Mã chỉ tiêu').fill(PERCENT.code);
    await form.getByLabel('Tên chỉ tiêu').fill(PERCENT.name);
    await form.getByText('Phần trăm', { exact: true }).click();
    await form.getByRole('button', { name: 'Lưu' }).click();
    await closed(form);
    const row = rows.filter({ hasText: PERCENT.code });
    await row.waitFor();
    expect(await row.innerText()).toContain(PERCENT.name);
    expect(await row.innerText()).toContain('Phần trăm');

    await page.getByRole('button', { name: `Sửa chỉ tiêu ${PERCENT.code}` }).click();
    form = dialog();
    expect(await form.getByLabel('Tên chỉ tiêu').inputValue()).toBe(PERCENT.name);
    await form.getByLabel('Tên chỉ tiêu').fill(PERCENT.renamed);
    await form.getByRole('button', { name: 'Lưu' }).click();
    await closed(form);
    await expect.poll(() => row.innerText(), POLL).toContain(PERCENT.renamed);

    const { indicators } = await gql<{ indicators: { code: string; name: string; measure: string; owner: { name: string } | null }[] }>(
      rig.server,
      '{ indicators { code name measure owner { name } } }',
      {},
      token,
    );
    expect(indicators.find((i) => i.code === PERCENT.code)).toEqual({ code: PERCENT.code, name: PERCENT.renamed, measure: 'PERCENT', owner: { name: 'Tỉnh Đắk Lắk' } });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('threw no error in any page', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
