import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { gql, POLL, screenshot, signIn, startRig, tokenOf, type BrowserRig, describeInBrowser } from '../support/browser';
import { communeReporting2022, figureLabel, typeFigure, type ReportedIndicator } from '../support/commune';

/**
 * Issue #15, a figure between a commune and its district, at the commune's phone width (390 px):
 * Buôn Trấp (xa.buontrap) enters a 2022 month's figure of an indicator it has a target for and
 * sends it (the demo gives Buôn Trấp no 2022 target of its own: then a monthly row of the plan);
 * Krông A Na (huyen.krongana) returns it with a reason; the commune sees it came back,
 * and why, on its home page, corrects it and sends it again; the district approves it; the
 * commune then finds it locked. Each step is checked in the screen and against `reporting`; the
 * district's dashboard counts on time / late / missing / not yet due as `reporting` answers.
 */
describeInBrowser('a commune sends its figures, the district returns and approves them', () => {
  let rig: BrowserRig;
  let commune: Page;
  let district: Page;
  let communeToken = '';
  let districtToken = '';
  let planId = '';
  let communeId = '';
  let communeName = '';
  let districtId = '';
  let indicator: ReportedIndicator;
  const PERIOD = '2022-06';
  const REASON = 'Số liệu tháng 6 chưa khớp sổ theo dõi; đề nghị rà soát lại';
  const call = <T = Record<string, any>>(token: string, q: string, v: Record<string, unknown> = {}) => gql<T>(rig.server, q, v, token);
  type Row = { unit: { id: string; name: string }; state: string | null; late: boolean; missing: boolean };
  const reporting = async (unitId: string) =>
    (
      await call<{ reporting: Row[] }>(
        districtToken,
        'query($p: ID!, $i: ID!, $u: ID!, $per: String!) { reporting(planId: $p, indicatorId: $i, unitId: $u, period: $per) { unit { id name } state late missing } }',
        { p: planId, i: indicator.id, u: unitId, per: PERIOD },
      )
    ).reporting;
  const stateOfCommune = async () => (await reporting(districtId)).find((r) => r.unit.id === communeId)?.state ?? null;
  const resultsUrl = () => `${rig.server.url}/results?${new URLSearchParams({ planId, indicatorId: indicator.id, period: PERIOD, unitId: communeId })}`;
  /** The commune's pages' widths on the way (at 390×844), checked at the end so one wide page does not stop the journey. */
  const widths: { step: string; width: number; past: string[] }[] = [];
  const measureWidth = async (page: Page, step: string) => {
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    // What sticks out, named in a failed assertion: the deepest elements past the right edge.
    const past =
      width > 390
        ? await page.evaluate<string[]>(
            "[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391 && ![...e.children].some((c) => c.getBoundingClientRect().right > 391)).slice(0, 5).map((e) => e.tagName + ' ' + (e.textContent || '').trim().slice(0, 40))",
          )
        : [];
    widths.push({ step, width, past });
  };
  const stateCell = (page: Page) => page.getByTestId(`state-${communeId}`);

  /** Types the commune's figure and records it. */
  async function enter(page: Page, value: number) {
    await typeFigure(page, indicator, communeName, value);
    await page.getByRole('button', { name: 'Ghi nhận kết quả' }).click();
    await page
      .getByText(/Đã ghi nhận \d+ kết quả/)
      .first()
      .waitFor();
  }

  beforeAll(async () => {
    rig = await startRig('demo');
    ({ page: commune } = await rig.newPage());
    await commune.setViewportSize({ width: 390, height: 844 });
    await signIn(commune, rig.server.url, 'xa.buontrap', { next: '/' });
    communeToken = (await tokenOf(commune))!;
    ({ page: district } = await rig.newPage());
    await signIn(district, rig.server.url, 'huyen.krongana', { next: '/' });
    districtToken = (await tokenOf(district))!;

    ({ planId, indicator, communeId, communeName } = await communeReporting2022(rig.server, communeToken, districtToken));
    districtId = (await call<{ me: { unit: { id: string } } }>(districtToken, '{ me { unit { id } } }')).me.unit.id;
    expect(planId).not.toBe('');
  }, 240_000);
  afterAll(async () => rig?.close());

  it('the commune enters and sends its figure at 390 px', async () => {
    await commune.goto(resultsUrl());
    // The period the link names, picked in the page's own picker.
    await commune.getByRole('combobox', { name: 'Tháng', exact: true }).waitFor();
    await commune
      .locator('.ant-select')
      .filter({ hasText: /^06\/2022$/ })
      .waitFor();
    await enter(commune, 42);
    await expect.poll(async () => (await stateCell(commune).textContent()) ?? '', POLL).toContain('Nháp');
    expect(await stateOfCommune()).toBe('DRAFT');
    await commune.getByRole('button', { name: `Gửi số liệu của ${communeName}` }).click();
    await expect.poll(async () => (await stateCell(commune).textContent()) ?? '', POLL).toContain('Đã gửi');
    expect(await stateOfCommune()).toBe('SUBMITTED');
    await measureWidth(commune, 'results: sent');
  });

  it('the district returns it, and a reason is required', async () => {
    await district.goto(resultsUrl());
    await expect.poll(async () => (await stateCell(district).textContent()) ?? '', POLL).toContain('Đã gửi');
    await district.getByRole('button', { name: `Trả lại số liệu của ${communeName}` }).click();
    const dialog = district.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await dialog.getByText('Nhập lý do để đơn vị biết cần sửa gì.').waitFor();
    expect(await stateOfCommune()).toBe('SUBMITTED');
    await dialog.getByLabel('Lý do trả lại').fill(REASON);
    await dialog.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(async () => (await stateCell(district).textContent()) ?? '', POLL).toContain('Bị trả lại');
    expect(await stateOfCommune()).toBe('RETURNED');
  });

  it('the commune sees on its home page that it came back and why, corrects and sends it again', async () => {
    await commune.goto(`${rig.server.url}/`);
    const returned = commune.getByTestId('returned-item').filter({ hasText: REASON });
    await returned.waitFor();
    expect(await returned.textContent()).toContain('bị trả lại');
    await measureWidth(commune, 'home: returned');
    await screenshot(commune, 'phone-0-home-returned');
    await returned.click();
    await commune.waitForURL((u) => u.pathname === '/results' && u.searchParams.get('period') === PERIOD && u.searchParams.get('unitId') === communeId);
    await expect.poll(async () => (await stateCell(commune).textContent()) ?? '', POLL).toContain(REASON);
    await measureWidth(commune, 'results: returned');
    await enter(commune, 45);
    await expect.poll(async () => (await stateCell(commune).textContent()) ?? '', POLL).toMatch(/Nháp|Bị trả lại/);
    await commune.getByRole('button', { name: `Gửi số liệu của ${communeName}` }).click();
    await expect.poll(async () => (await stateCell(commune).textContent()) ?? '', POLL).toContain('Đã gửi');
    expect(await stateOfCommune()).toBe('SUBMITTED');
    // Sent again: the home page no longer lists it as returned.
    await commune.goto(`${rig.server.url}/`);
    await commune.getByTestId('my-reporting').waitFor();
    await expect.poll(() => commune.getByTestId('returned-item').filter({ hasText: REASON }).count(), POLL).toBe(0);
  });

  it('the district approves it; the commune finds it locked', async () => {
    await district.goto(resultsUrl());
    await expect.poll(async () => (await stateCell(district).textContent()) ?? '', POLL).toContain('Đã gửi');
    await district.getByRole('button', { name: `Duyệt số liệu của ${communeName}` }).click();
    await expect.poll(async () => (await stateCell(district).textContent()) ?? '', POLL).toContain('Đã duyệt');
    expect(await stateOfCommune()).toBe('APPROVED');

    await commune.goto(resultsUrl());
    await expect.poll(async () => (await stateCell(commune).textContent()) ?? '', POLL).toContain('Đã duyệt — cần đơn vị duyệt trả lại để sửa');
    expect(await commune.getByLabel(figureLabel(indicator, communeName), { exact: true }).isDisabled()).toBe(true);
    expect(await commune.getByRole('button', { name: `Gửi số liệu của ${communeName}` }).count()).toBe(0);
    await measureWidth(commune, 'results: locked');
  });

  it('the district’s dashboard counts the period’s reporting as `reporting` does', async () => {
    const rows = await reporting(districtId);
    expect(rows.length).toBeGreaterThan(1);
    const sent = (r: Row) => r.state === 'SUBMITTED' || r.state === 'APPROVED';
    const expected = {
      missing: rows.filter((r) => r.missing).length,
      late: rows.filter((r) => !r.missing && r.late).length,
      onTime: rows.filter((r) => !r.missing && !r.late && sent(r)).length,
      notDue: rows.filter((r) => !r.missing && !r.late && !sent(r)).length,
    };
    expect(expected.onTime + expected.late).toBeGreaterThan(0);
    await district.goto(`${rig.server.url}/progress?${new URLSearchParams({ planId, indicatorId: indicator.id, period: PERIOD, unitId: districtId })}`);
    const card = district.getByTestId('completeness');
    await card.waitFor();
    for (const [key, n] of Object.entries(expected)) {
      await expect.poll(() => card.getByTestId(`count-${key}`).getAttribute('data-count'), POLL).toBe(String(n));
    }
    // The list names every unit `reporting` names.
    for (const r of rows) expect(await card.getByRole('cell', { name: r.unit.name, exact: true }).count()).toBe(1);
  });

  it('no page of the commune’s journey is wider than the phone (390 px)', () => {
    expect(widths.length).toBe(4);
    expect(widths.filter((w) => w.width > 390)).toEqual([]);
  });

  it('no page error on the way', () => {
    expect(rig.pageErrors).toEqual([]);
  });
});
