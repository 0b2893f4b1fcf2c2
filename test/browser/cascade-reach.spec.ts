import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gql, pick, POLL, signIn, startRig, tokenOf, type BrowserRig, describeInBrowser } from '../support/browser';
import { demo, RECORD, type Demo } from '../support/documents';
import { CHILDREN, DISTRICT_TARGET, floorOf, RESULTS_2021, TOWNSHIP } from '../support/krong-ana-2021';

/**
 * A district cascades with "Đạt chỉ tiêu của cấp trên" (huyen.krongana, the 2022 decision, the
 * online rate; the province gave Krông A Na 53): the plan's floors come prefilled as floors and
 * defaults, the preview shows the uplift the server chose and the implied aggregate against 53
 * before anything is written, the apply lands on the plan page without a reload, and the stored
 * targets weighted by the 2021 dossiers meet 53.
 */
const RESULTS = RESULTS_2021;
const FLOOR = floorOf;
// The wizard's policy as it opens: uplift 1, cap 99, missing baselines from 2021's results.
const ASKED = 1;
const CAP = 99;

const baselineOf = (c: string) => (RESULTS[c].numerator / RESULTS[c].denominator) * 100;
const valueAt = (c: string, u: number) => Math.min(CAP, Math.max(FLOOR(c), Math.ceil(baselineOf(c)) + u));
const weighted = (value: (c: string) => number) => CHILDREN.reduce((s, c) => s + value(c) * RESULTS[c].denominator, 0) / CHILDREN.reduce((s, c) => s + RESULTS[c].denominator, 0);
const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);

describeInBrowser('a district cascades so that its communes reach its own target', () => {
  let rig: BrowserRig;
  let page: Page;
  let base: string;
  let d: Demo;
  let token: string;

  beforeAll(async () => {
    rig = await startRig('demo');
    base = rig.server.url;
    d = await demo(rig.server);
    ({ page } = await rig.newPage());
    await signIn(page, base, 'huyen.krongana', { next: `/plans/${d.plan(2022)}` });
    token = (await tokenOf(page))!;
    const results = CHILDREN.map((c) => ({ unitId: d.unit(c), ...RESULTS[c] }));
    await gql(rig.server, RECORD, { input: { indicatorId: d.indicator('DLK22-ONLINE-RATE'), period: '2021', results } }, token);
  });
  afterAll(async () => rig?.close());

  // The smallest whole uplift, at least the one asked for, that makes the weighted aggregate reach 53.
  let uplift = ASKED;
  while (weighted((c) => valueAt(c, uplift)) < DISTRICT_TARGET) uplift++;
  const implied = weighted((c) => valueAt(c, uplift));

  it('opens the wizard from the plan with the floors prefilled as floors and defaults', async () => {
    await page.getByRole('button', { name: 'Phân bổ xuống cấp dưới' }).click();
    await page.waitForURL(`${base}/plans/${d.plan(2022)}/cascade`);
    await pick(page, 'Chỉ tiêu', 'Tỷ lệ hồ sơ TTHC');
    await page.getByText('8 đơn vị trực thuộc').waitFor();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    for (const [kind, floor] of [
      ['Thị trấn', FLOOR(TOWNSHIP)],
      ['Xã', FLOOR('24556')],
    ] as const) {
      expect(await page.getByLabel(`Mức sàn theo loại đơn vị ${kind}`, { exact: true }).inputValue()).toBe(String(floor));
      expect(await page.getByLabel(`Giá trị mặc định theo loại đơn vị ${kind}`, { exact: true }).inputValue()).toBe(String(floor));
    }
  });

  it('asks to reach the district’s 53 and sees the uplift and the implied aggregate before applying', async () => {
    expect(uplift).toBeGreaterThan(ASKED);
    expect(weighted((c) => valueAt(c, ASKED))).toBeLessThan(DISTRICT_TARGET);
    await page.getByRole('checkbox', { name: 'Đạt chỉ tiêu của cấp trên' }).check();
    await page.getByRole('button', { name: 'Chạy thử' }).click();
    await page.getByText(/^0 lỗi, \d+ cảnh báo$/).waitFor();
    await expect.poll(() => page.getByTestId('cascade-uplift').innerText(), POLL).toBe(`Mức tăng áp dụng: +${uplift} điểm (đã nâng từ ${ASKED} để đạt chỉ tiêu của đơn vị giao)`);
    const summary = page.getByTestId('cascade-implied');
    expect(await summary.innerText()).toContain(`${vi(implied)}% so với chỉ tiêu ${DISTRICT_TARGET}% của đơn vị giao`);
    expect(await summary.innerText()).toContain('Đủ để đạt chỉ tiêu của đơn vị giao');
    // All eight are new: all eight change, listed with the values the uplift gives.
    await page.getByText('Thay đổi (8)').waitFor();
    for (const c of CHILDREN) {
      const name = (await gql<{ unit: { name: string } }>(rig.server, 'query($id: ID!) { unit(id: $id) { name } }', { id: d.unit(c) }, token)).unit.name;
      expect(await page.locator('tr.ant-table-row', { hasText: name }).innerText()).toContain(`${vi(valueAt(c, uplift))}%`);
    }
    // Nothing written yet.
    const stored = await gql<{ targets: unknown[] }>(
      rig.server,
      'query($f: TargetFilter!) { targets(filter: $f) { id } }',
      { f: { planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE'), unitId: d.unit(TOWNSHIP) } },
      token,
    );
    expect(stored.targets).toEqual([]);
  });

  it('applies; the plan page shows the new targets without a reload; the stored ones meet 53', async () => {
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await page.getByText('Đã áp dụng: 8 chỉ tiêu tạo mới, 0 chỉ tiêu cập nhật.').waitFor();
    await page.getByRole('button', { name: 'Về bảng giao chỉ tiêu' }).click();
    await page.waitForURL(`${base}/plans/${d.plan(2022)}`);

    const stored = (
      await gql<{ targets: { value: number; unit: { code: string; name: string } }[] }>(
        rig.server,
        'query($f: TargetFilter!) { targets(filter: $f) { value unit { code name } } }',
        { f: { planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE'), unitId: d.unit('655'), subtree: true } },
        token,
      )
    ).targets;
    const value = (c: string) => stored.find((t) => t.unit.code === c)!.value;
    expect(value('655')).toBe(DISTRICT_TARGET);
    expect(weighted(value)).toBeGreaterThanOrEqual(DISTRICT_TARGET);
    for (const c of CHILDREN) expect(value(c)).toBe(valueAt(c, uplift));

    // The plan's sheet: one row per unit, the online rate among its cells.
    for (const c of CHILDREN) {
      await expect.poll(() => page.locator(`[role="grid"] tr[data-unit="${d.unit(c)}"]`).innerText(), POLL).toContain(`${vi(value(c))}%`);
    }
    expect(rig.pageErrors).toEqual([]);
  });
});
