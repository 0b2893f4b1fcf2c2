import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gql, pick, POLL, seriousA11yViolations, signIn, startRig, tokenOf, type BrowserRig, describeInBrowser } from '../support/browser';

/**
 * Issue #15 in the browser, between the province (tinh.daklak) and Krông A Na (huyen.krongana) on
 * the demo's 2022 decision: the district's bell counts its unread notifications and the inbox
 * marks them read; the district acknowledges its targets from its home page and the province
 * sees it on the plan page; the district proposes an adjustment with a reason, the province
 * rejects it with a note, then accepts a second one; the district finds both decisions in its
 * inbox and its new target on the plan page, without a reload. The inbox and the home page fit
 * a 390 px phone. Then a commune of the district (xa.buontrap) proposes from its home page and
 * the district, its assigner, accepts from its own home page.
 */
describeInBrowser('acknowledging and adjusting targets between the province and a district', () => {
  let rig: BrowserRig;
  let district: Page;
  let province: Page;
  let districtToken: string;
  let provinceToken: string;
  let planId = '';
  let unitId = '';
  let providerName = '';
  const asDistrict = <T = Record<string, any>>(q: string, v: Record<string, unknown> = {}) => gql<T>(rig.server, q, v, districtToken);
  const asProvince = <T = Record<string, any>>(q: string, v: Record<string, unknown> = {}) => gql<T>(rig.server, q, v, provinceToken);
  const unreadOf = async (call: typeof asDistrict) =>
    (await call<{ notifications: { id: string }[] }>('{ notifications(unreadOnly: true, limit: 100) { id } }')).notifications.length;
  const bellCount = async (page: Page) => {
    const badge = page.locator('.ant-badge:has([data-testid="notification-bell"]) .ant-badge-count');
    if (!(await badge.count())) return 0;
    return Number((await badge.getAttribute('title')) ?? (await badge.textContent()));
  };
  /** At 390×844 the page does not scroll sideways (once the menu has folded). */
  const onAPhone = async (page: Page) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth'), POLL).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 800 });
  };
  const vi = (n: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(n);

  beforeAll(async () => {
    rig = await startRig('demo');
    ({ page: district } = await rig.newPage());
    ({ page: province } = await rig.newPage());
    await signIn(district, rig.server.url, 'huyen.krongana', { next: '/' });
    await signIn(province, rig.server.url, 'tinh.daklak', { next: '/' });
    districtToken = (await tokenOf(district))!;
    provinceToken = (await tokenOf(province))!;
    const { me } = await asDistrict<{ me: { displayName: string | null; username: string; unit: { id: string } } }>('{ me { displayName username unit { id } } }');
    unitId = me.unit.id;
    providerName = me.displayName ?? me.username;
    const { plans } = await asDistrict<{ plans: { id: string; status: string; year: number }[] }>('{ plans(year: 2022) { id status year } }');
    planId = plans.find((p) => p.status === 'ISSUED')!.id;
    expect(planId).toBeTruthy();
  }, 240_000);
  afterAll(async () => rig?.close());

  it("shows the district's unread notifications on the bell and empties it from the inbox", async () => {
    const unread = await unreadOf(asDistrict);
    expect(unread).toBeGreaterThan(0);
    await expect.poll(() => bellCount(district), POLL).toBe(unread);

    await district.locator('[data-testid="notification-bell"]').click();
    await district.waitForURL((u) => u.pathname === '/notifications');
    await expect.poll(() => district.locator('[data-unread="true"]').count(), POLL).toBe(unread);
    await onAPhone(district);
    expect(await seriousA11yViolations(district)).toEqual([]);

    await district.getByRole('button', { name: 'Đánh dấu đã đọc tất cả' }).click();
    await expect.poll(() => district.locator('[data-unread="true"]').count(), POLL).toBe(0);
    await expect.poll(() => bellCount(district), POLL).toBe(0);
    expect(await unreadOf(asDistrict)).toBe(0);
  });

  it('acknowledges the 2022 targets from the home page, and the province sees who and when', async () => {
    await district.getByRole('menuitem', { name: /Trang chủ/ }).click();
    const row = district.locator(`[data-testid="to-acknowledge-${planId}"]`);
    await row.waitFor();
    await onAPhone(district);

    const provinceUnread = await unreadOf(asProvince);
    await row.getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
    await district.getByRole('dialog').getByRole('button', { name: 'Xác nhận tiếp nhận' }).click();
    await expect.poll(() => row.count(), POLL).toBe(0);
    const { acknowledgements } = await asDistrict<{ acknowledgements: { unit: { id: string }; by: { username: string } }[] }>(
      'query($p: ID!) { acknowledgements(planId: $p) { unit { id } by { username } } }',
      { p: planId },
    );
    expect(acknowledgements.filter((a) => a.unit.id === unitId).map((a) => a.by.username)).toEqual(['huyen.krongana']);
    // The province, the assigner, was told.
    expect(await unreadOf(asProvince)).toBe(provinceUnread + 1);

    await province.goto(`${rig.server.url}/plans/${planId}?view=ack`);
    const ack = province.locator(`[data-testid="ack-${unitId}"]`);
    await expect.poll(() => ack.textContent(), POLL).toContain('Đã tiếp nhận');
    expect(await ack.textContent()).toContain(providerName);
  });

  type Own = { id: string; value: number; indicator: { id: string; code: string; unitOfMeasure: string } };
  let target: Own;
  const ownTarget = async () =>
    (
      await asDistrict<{ targets: Own[] }>('query($p: ID!, $u: ID!) { targets(filter: { planId: $p, unitId: $u }) { id value indicator { id code unitOfMeasure } } }', {
        p: planId,
        u: unitId,
      })
    ).targets.find((t) => t.id === target.id)!;
  const adjustmentsOf = async () =>
    (
      await asProvince<{ adjustments: { id: string; state: string; proposedValue: number; reason: string; decisionNote: string | null; target: { id: string } }[] }>(
        'query($p: ID!) { adjustments(planId: $p) { id state proposedValue reason decisionNote target { id } } }',
        { p: planId },
      )
    ).adjustments.filter((a) => a.target.id === target.id);

  async function propose(value: number, reason: string) {
    const row = district.locator(`[data-testid="own-target-${target.id}"]`);
    await row.getByRole('button', { name: 'Đề xuất điều chỉnh' }).click();
    const dialog = district.getByRole('dialog');
    await dialog.getByLabel('Giá trị đề xuất').fill(String(value));
    await dialog.getByLabel('Lý do').fill(reason);
    await dialog.getByRole('button', { name: 'Gửi đề xuất' }).click();
    // Without a reload, the target shows its pending proposal and the list has it.
    await expect.poll(() => row.textContent(), POLL).toContain('Chờ quyết định');
    await expect.poll(() => district.getByText(`Lý do: ${reason}`).count(), POLL).toBe(1);
    const pending = (await adjustmentsOf()).find((a) => a.state === 'PENDING');
    expect(pending).toMatchObject({ proposedValue: value, reason });
    return pending!.id;
  }

  it('lets the district propose, the province reject with a note, then accept a second proposal', async () => {
    await district.goto(`${rig.server.url}/plans/${planId}?view=adjustments`);
    const first = district.locator('[data-testid^="own-target-"]').first();
    await first.waitFor();
    const id = (await first.getAttribute('data-testid'))!.replace('own-target-', '');
    target = { id } as Own;
    target = await ownTarget();
    // Lower by a few points: a rate stays within 0..100, a count above 0.
    const firstValue = Math.max(0, target.value - 5);
    const secondValue = Math.max(0, target.value - 3);
    expect(firstValue).not.toBe(target.value);

    const rejectedId = await propose(firstValue, 'Số hồ sơ phát sinh thấp hơn dự kiến');
    await province.goto(`${rig.server.url}/plans/${planId}?view=adjustments`);
    const rejected = province.locator(`[data-testid="adjustment-${rejectedId}"]`);
    await rejected.getByRole('button', { name: 'Không chấp nhận' }).click();
    const dialog = province.getByRole('dialog');
    // A rejection needs a note: the form says so before anything is sent.
    await dialog.getByRole('button', { name: 'Không chấp nhận' }).click();
    await dialog.getByText('Nhập lý do không chấp nhận').waitFor();
    expect((await adjustmentsOf()).find((a) => a.id === rejectedId)?.state).toBe('PENDING');
    await dialog.getByLabel('Ghi chú').fill('Giữ nguyên chỉ tiêu đã giao');
    await dialog.getByRole('button', { name: 'Không chấp nhận' }).click();
    await expect.poll(() => rejected.textContent(), POLL).toContain('Ghi chú: Giữ nguyên chỉ tiêu đã giao');
    expect(await rejected.locator('.ant-tag').first().textContent()).toBe('Không chấp nhận');
    expect((await adjustmentsOf()).find((a) => a.id === rejectedId)).toMatchObject({ state: 'REJECTED', decisionNote: 'Giữ nguyên chỉ tiêu đã giao' });
    expect((await ownTarget()).value).toBe(target.value);

    // The district's page learns of the decision on its next visit; a second proposal is then allowed.
    await district.goto(`${rig.server.url}/plans/${planId}?view=adjustments`);
    const acceptedId = await propose(secondValue, 'Điều chỉnh theo số liệu quý I');
    await province.reload();
    const accepted = province.locator(`[data-testid="adjustment-${acceptedId}"]`);
    await accepted.getByRole('button', { name: /Chấp nhận/ }).click();
    await province
      .getByRole('dialog')
      .getByRole('button', { name: /Chấp nhận/ })
      .click();
    await expect.poll(async () => (await accepted.locator('.ant-tag').first().textContent()) ?? '', POLL).toBe('Đã chấp nhận');
    expect((await ownTarget()).value).toBe(secondValue);
    target = { ...target, value: secondValue };

    // The assigner's side of the target's history: both proposals, the decisions and the note.
    await province.goto(`${rig.server.url}/plans/${planId}`);
    const cell = province.locator(`[data-cell="${unitId}|${target.indicator.id}"]`);
    await cell.hover();
    await cell.getByRole('button', { name: /Lịch sử thay đổi/ }).click();
    const drawer = province.getByRole('dialog');
    await expect.poll(() => drawer.locator('[data-testid^="adjustment-"]').count(), POLL).toBe(2);
    const history = (await drawer.textContent()) ?? '';
    for (const text of ['Đã chấp nhận', 'Không chấp nhận', 'Ghi chú: Giữ nguyên chỉ tiêu đã giao', 'Lý do: Điều chỉnh theo số liệu quý I']) expect(history).toContain(text);
  });

  it('tells the district of both decisions in its inbox, and its plan page shows the new target', async () => {
    // Everything was read before: what is unread now are the two decisions (and whatever else came since).
    const unread = await unreadOf(asDistrict);
    expect(unread).toBeGreaterThanOrEqual(2);
    // The bell asks again when the window comes back into focus.
    await district.evaluate("window.dispatchEvent(new Event('focus'))");
    await expect.poll(() => bellCount(district), POLL).toBe(unread);
    await district.locator('[data-testid="notification-bell"]').click();
    const unreadItems = district.locator('[data-unread="true"]');
    await expect.poll(() => unreadItems.count(), POLL).toBe(unread);
    const texts = await unreadItems.allTextContents();
    expect(texts.some((s) => s.includes('không được chấp nhận') && s.includes('Giữ nguyên chỉ tiêu đã giao'))).toBe(true);
    const acceptedItem = unreadItems.filter({ hasText: 'đã được chấp nhận' });
    expect(await acceptedItem.count()).toBe(1);

    await acceptedItem.click();
    await district.waitForURL((u) => u.pathname === `/plans/${planId}` && u.searchParams.get('view') === 'adjustments');
    const row = district.locator(`[data-testid="own-target-${target.id}"]`);
    const shown = target.indicator.unitOfMeasure === '%' ? `${vi(target.value)}%` : vi(target.value);
    await expect.poll(() => row.textContent(), POLL).toContain(shown);
    await expect.poll(() => bellCount(district), POLL).toBe(unread - 1);
    expect(await unreadOf(asDistrict)).toBe(unread - 1);
    expect(rig.pageErrors).toEqual([]);
  });
  it('lets a commune propose from its home page and the district accept from its own', async () => {
    // The district sub-assigns the online rate to Buôn Trấp in the issued plan (the API is enough for that).
    const { unit: commune } = await asDistrict<{ unit: { id: string; name: string } }>('{ unit(code: "24538") { id name } }');
    const { plan } = await asDistrict<{ plan: { title: string; year: number; indicators: { indicator: { id: string; name: string; measure: string } }[] } }>(
      'query($p: ID!) { plan(id: $p) { title year indicators { indicator { id name measure } } } }',
      { p: planId },
    );
    const indicator = plan.indicators.map((i) => i.indicator).find((i) => i.measure === 'RATE')!;
    const assigned = 80;
    await asDistrict('mutation($input: SetTargetsInput!) { setTargets(input: $input) { applied } }', {
      input: { planId, indicatorId: indicator.id, targets: [{ unitId: commune.id, value: assigned }] },
    });

    const { page: reporter } = await rig.newPage();
    await signIn(reporter, rig.server.url, 'xa.buontrap', { next: '/' });
    await pick(reporter, 'Chọn kế hoạch', `${plan.year} — ${plan.title}`);
    const row = reporter.locator('tr', { hasText: indicator.name });
    await row.getByRole('button', { name: 'Đề xuất điều chỉnh' }).click();
    const dialog = reporter.getByRole('dialog');
    await dialog.getByLabel('Giá trị đề xuất').fill(String(assigned - 10));
    await dialog.getByLabel('Lý do').fill('Thị trấn mới sáp nhập thôn, hồ sơ trực tuyến còn ít');
    await dialog.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await expect.poll(() => dialog.count(), POLL).toBe(0);

    await district.getByRole('menuitem', { name: /Trang chủ/ }).click();
    const toDecide = district.locator(`[data-testid="to-decide-${planId}"]`);
    await expect.poll(() => toDecide.textContent(), POLL).toContain(commune.name);
    await toDecide.getByRole('button', { name: /Chấp nhận/ }).click();
    await district
      .getByRole('dialog')
      .getByRole('button', { name: /Chấp nhận/ })
      .click();
    await expect.poll(() => toDecide.count(), POLL).toBe(0);
    const { targets } = await asDistrict<{ targets: { value: number; indicator: { id: string } }[] }>(
      'query($p: ID!, $u: ID!) { targets(filter: { planId: $p, unitId: $u }) { value indicator { id } } }',
      { p: planId, u: commune.id },
    );
    expect(targets.find((t) => t.indicator.id === indicator.id)?.value).toBe(assigned - 10);
    expect(rig.pageErrors).toEqual([]);
  });
});
