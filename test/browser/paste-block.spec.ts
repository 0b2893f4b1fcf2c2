import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { unitNameKey } from '@chitieu/domain';
import decision from '../fixtures/daklak-2022-target-decision.json';
import { gql, POLL, signIn, startRig, tokenOf, type BrowserRig, describeInBrowser } from '../support/browser';

/**
 * Issue #14: the province pastes the 2022 decision's annex (names, procedures, digitisation
 * target, 2021 baseline, 2022 online-rate target) into a fresh 2025 draft. The decision lists
 * agencies first, the matrix districts first: the lines are matched by name, each unit gets its
 * own row's numbers; a line naming a unit the province does not have is an error and writes
 * nothing. The matrix shows the values without a reload; GraphQL returns them stored.
 */
describeInBrowser('the province pastes a block from Excel into the matrix, matched by names', () => {
  let rig: BrowserRig;
  let page: Page;
  let token: string;
  let planId = '';
  const ids: Record<'digitization' | 'online', string> = { digitization: '', online: '' };
  const MISSING = 'Ban Dân tộc tỉnh';
  const CROSS_KIND = 'UBND xã Krông Ana';
  const rows = decision.rows;
  const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);
  const cell = (n: number | null) => (n === null ? 'Không phát sinh hồ sơ' : `${vi(n)}%`);

  beforeAll(async () => {
    rig = await startRig('demo');
    ({ page } = await rig.newPage());
    await signIn(page, rig.server.url, 'tinh.daklak', { next: '/plans' });
    token = (await tokenOf(page))!;
    const call = <T = Record<string, any>>(q: string, v: Record<string, unknown> = {}) => gql<T>(rig.server, q, v, token);
    const { me } = await call<{ me: { unit: { id: string } } }>('{ me { unit { id } } }');
    const { indicators } = await call<{ indicators: { id: string; code: string }[] }>('{ indicators { id code } }');
    ids.digitization = indicators.find((i) => i.code === 'DLK22-DIGITIZATION')!.id;
    ids.online = indicators.find((i) => i.code === 'DLK22-ONLINE-RATE')!.id;
    planId = (
      await call<{ createPlan: { id: string } }>('mutation($input: PlanInput!) { createPlan(input: $input) { id } }', {
        input: { issuerId: me.unit.id, year: 2025, title: 'Giao chỉ tiêu số hóa và trực tuyến năm 2025 (dán từ Excel)' },
      })
    ).createPlan.id;
    for (const [position, indicatorId] of [
      ['1', ids.digitization],
      ['2', ids.online],
    ])
      await call('mutation($input: PlanIndicatorInput!) { addPlanIndicator(input: $input) { id } }', { input: { planId, indicatorId, position } });
  });
  afterAll(async () => rig?.close());

  const shown = (column: number) => page.locator('.ant-select', { has: page.getByRole('combobox', { name: `Vai trò của cột ${column}`, exact: true }) }).innerText();

  /**
   * Picks a column's role in its own popup (the listbox the combobox controls), until the column
   * shows it: on a busy machine a click can land on a popup still opening or closing and pick nothing.
   */
  async function role(column: number, option: string | RegExp) {
    const select = page.getByRole('combobox', { name: `Vai trò của cột ${column}`, exact: true });
    const picked = async () => {
      const text = await shown(column);
      return typeof option === 'string' ? text === option : option.test(text);
    };
    await expect
      .poll(async () => {
        if (await picked()) return true;
        await select.click();
        const list = await select.getAttribute('aria-controls');
        await page
          .locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) })
          .locator('.ant-select-item-option', { hasText: option })
          .click({ timeout: 5000 })
          .catch(() => undefined);
        return picked();
      }, POLL)
      .toBe(true);
  }

  it('pastes the annex as the decision lists it, previews, checks and applies; the matrix and the store agree with the decision', async () => {
    await page.goto(`${rig.server.url}/plans/${planId}`);
    await page.getByRole('button', { name: 'Dán từ Excel' }).click();
    const dialog = page.getByRole('dialog');

    // As Excel copies the annex: a header, group headings, agencies first, one unit the demo lacks.
    const line = (r: (typeof rows)[number]) => [r.name, r.procedures, cell(r.digitization), cell(r.baseline2021), cell(r.target2022)].join('\t');
    const block = [
      ['Tên đơn vị', decision.columns.procedures, decision.columns.digitization, decision.columns.baseline2021, decision.columns.target2022].join('\t'),
      'Sở, ban, ngành\t\t\t\t',
      ...rows.filter((r) => r.group === 'AGENCY').map(line),
      [MISSING, 12, '50%', '10%', '60%'].join('\t'),
      'UBND cấp huyện\t\t\t\t',
      ...rows.filter((r) => r.group === 'DISTRICT').map(line),
      // A commune's name for a district of the matrix: another kind of unit, never a match.
      [CROSS_KIND, 104, '1%', '1%', '1%'].join('\t'),
    ].join('\r\n');
    await dialog.getByLabel('Khối dán từ Excel').fill(`${block}\r\n`);

    await dialog.getByText('Các dòng được khớp theo tên đơn vị (cột 1), không theo thứ tự.').waitFor();
    // The roles proposed from the headers: the count of procedures skipped, each rate column to the indicator it names.
    await expect.poll(() => shown(2), POLL).toBe('Bỏ qua');
    expect(await shown(3)).toMatch(/^Chỉ tiêu — 1\. /);
    expect(await shown(4)).toMatch(/^Cơ sở — 2\. /);
    expect(await shown(5)).toMatch(/^Chỉ tiêu — 2\. /);

    // The preview: the unit each line matched, the unmatched line with its reason.
    const preview = dialog.locator('.ant-table-tbody');
    await preview.getByText(`Không có đơn vị “${MISSING}” trong bảng.`).waitFor();
    await preview.getByText(`“${CROSS_KIND}” khác loại với Huyện Krông A Na`, { exact: false }).waitFor();
    await dialog.getByText('2 dòng có lỗi, không được ghi (xem lý do trong bảng).').waitFor();
    const krongAna = preview.locator('tr', { hasText: 'dán: “UBND huyện Krông Ana”' });
    await expect.poll(() => krongAna.innerText(), POLL).toContain('Huyện Krông A Na');
    const row = rows.find((r) => r.name === 'UBND huyện Krông Ana')!;
    expect(await krongAna.innerText()).toContain(`${vi(row.target2022)}%`);
    // Every matched unit: two targets and (unless "no dossier") a baseline change; a skipped column changes nothing.
    const baselines = rows.filter((r) => r.baseline2021 !== null).length;
    const changes = () => dialog.locator('[data-changed]').count();
    await expect.poll(changes, POLL).toBe(rows.length * 2 + baselines);
    await role(4, 'Bỏ qua');
    await expect.poll(changes, POLL).toBe(rows.length * 2);
    await role(4, /^Cơ sở — 2\. /);
    await expect.poll(changes, POLL).toBe(rows.length * 2 + baselines);

    await dialog.getByRole('button', { name: 'Kiểm tra' }).click();
    await dialog.getByText(`Kiểm tra không có lỗi: ${rows.length * 2} chỉ tiêu, ${baselines} giá trị cơ sở sẽ được cập nhật.`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByText(`Đã cập nhật ${rows.length * 2} chỉ tiêu, ${baselines} giá trị cơ sở.`).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // Stored: every unit its own row's numbers, by name; nothing for the line that matched nothing.
    const { targets } = await gql<{ targets: { value: number; baseline: number | null; unit: { id: string; name: string }; indicator: { id: string } }[] }>(
      rig.server,
      'query($planId: ID!) { targets(filter: { planId: $planId }) { value baseline unit { id name } indicator { id } } }',
      { planId },
      token,
    );
    expect(targets).toHaveLength(rows.length * 2);
    for (const r of rows) {
      const mine = targets.filter((tg) => unitNameKey(tg.unit.name) === unitNameKey(r.name));
      const digitization = mine.find((tg) => tg.indicator.id === ids.digitization)!;
      const online = mine.find((tg) => tg.indicator.id === ids.online)!;
      expect([r.name, digitization.value, digitization.baseline]).toEqual([r.name, r.digitization, null]);
      expect([r.name, online.value, online.baseline]).toEqual([r.name, r.target2022, r.baseline2021]);

      // On screen without a reload: the value, and the baseline beside it.
      const onScreen = (indicatorId: string) => page.locator(`td[data-cell="${online.unit.id}|${indicatorId}"]`).innerText();
      await expect.poll(() => onScreen(ids.digitization), POLL).toContain(`${vi(r.digitization)}%`);
      await expect.poll(() => onScreen(ids.online), POLL).toContain(`${vi(r.target2022)}%`);
      if (r.baseline2021 !== null) expect(await onScreen(ids.online)).toContain(vi(r.baseline2021));
    }
    expect(rig.pageErrors).toEqual([]);
  });
});
