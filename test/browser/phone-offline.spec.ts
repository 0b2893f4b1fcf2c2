import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, gql, POLL, screenshot, signIn, startRig, tokenOf, type BrowserRig } from '../support/browser';
import { communeReporting2022, figureLabel, typeFigure, type ReportedIndicator } from '../support/commune';

const PHONE = { width: 390, height: 844 };
const PERIOD = '2022-09';

/**
 * Issue #16, a commune reporter with no signal, in real Chromium at 390×844 with the installed
 * app's service worker: Buôn Trấp (xa.buontrap) enters a month's figure offline; the screen says
 * it is kept on the phone, not sent; a reload with no network still shows it queued; when the
 * network is back it is sent by itself and stored once. Then, offline again, the commune changes
 * the figure while the district (huyen.krongana) changes it on the server: back online, the
 * commune's screen shows a conflict with both figures and the server keeps the district's until
 * the commune chooses to keep its own.
 */
describeInBrowser('a commune reporter with no signal', () => {
  let rig: BrowserRig;
  let context: BrowserContext;
  let page: Page;
  let communeToken = '';
  let districtToken = '';
  let planId = '';
  let communeId = '';
  let communeName = '';
  let indicator: ReportedIndicator;
  const widths: { step: string; width: number }[] = [];

  /** The commune's figure as the server stores it (queried from the test, outside the browser's network). */
  const stored = async () => {
    const { progress } = await gql<{ progress: { own: { numerator: number | null; value: number | null } } }>(
      rig.server,
      'query($p: ID!, $i: ID!, $u: ID!, $per: String) { progress(planId: $p, indicatorId: $i, unitId: $u, period: $per) { own { numerator value } } }',
      { p: planId, i: indicator.id, u: communeId, per: PERIOD },
      districtToken,
    );
    return indicator.measure === 'RATE' ? progress.own.numerator : progress.own.value;
  };
  const rows = async () =>
    Number(
      (await rig.server.ds.query('SELECT COUNT(*) AS n FROM result WHERE indicatorId = ? AND unitId = ? AND period = ?', [Number(indicator.id), Number(communeId), PERIOD]))[0].n,
    );
  const writes = async () =>
    // Every figure written in the rig (nothing else writes figures meanwhile).
    Number((await rig.server.ds.query("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'result'"))[0].n);
  const measure = async (step: string) => widths.push({ step, width: await page.evaluate<number>('document.documentElement.scrollWidth') });
  const input = () => page.getByLabel(figureLabel(indicator, communeName), { exact: true });
  const resultsUrl = () => `${rig.server.url}/results?${new URLSearchParams({ planId, indicatorId: indicator.id, period: PERIOD })}`;

  beforeAll(async () => {
    rig = await startRig('demo');
    ({ context, page } = await rig.newPage({ viewport: PHONE, phone: true, serviceWorkers: true }));
    await signIn(page, rig.server.url, 'xa.buontrap', { next: '/' });
    communeToken = (await tokenOf(page))!;
    districtToken = await rig.server.login('huyen.krongana');
    ({ planId, indicator, communeId, communeName } = await communeReporting2022(rig.server, communeToken, districtToken));
    // The installed app: the service worker controls the page, and the results screen has been opened once online.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await page.waitForFunction('Boolean(navigator.serviceWorker.controller)', undefined, { timeout: 30_000 });
    await page.goto(resultsUrl());
    await input().waitFor();
  }, 240_000);
  afterAll(async () => rig?.close());

  let writesAtStart = 0;

  it('keeps a figure entered offline on the phone and says it is not sent', async () => {
    const before = await stored();
    writesAtStart = await writes();
    await context.setOffline(true);
    await typeFigure(page, indicator, communeName, 41);
    await page.getByRole('button', { name: 'Ghi nhận kết quả' }).click();
    await page.getByText(/Chưa có mạng: đã lưu 1 số liệu trên máy, chưa gửi/).waitFor();
    await page.getByTestId(`queued-${communeId}`).waitFor();
    expect(await page.getByTestId('offline-banner').count()).toBe(1);
    expect(await stored()).toBe(before);
    await measure('results: queued');
  });

  it('still shows it queued after a reload with no network', async () => {
    await page.reload();
    await page.getByTestId('offline-banner').waitFor();
    await page.getByTestId(`queued-${communeId}`).waitFor();
    expect(await input().inputValue()).toBe('41');
    expect((await page.getByTestId(`queued-${communeId}`).textContent())?.trim()).toBe('Chưa gửi');
    await measure('results: reloaded offline');
    await page.getByTestId(`queued-${communeId}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-1-results-offline-queued');
    // The home page, offline too, lists it among what is not sent yet, and opens it.
    await page.goto(`${rig.server.url}/`);
    const entry = page.getByTestId('queued-list').getByTestId('queued-entry');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Chưa gửi');
    await measure('home: queued');
    await entry.getByRole('button', { name: 'Mở' }).click();
    await page.waitForURL((u) => u.pathname === '/results' && u.searchParams.get('period') === PERIOD);
    await page.getByTestId(`queued-${communeId}`).waitFor();
  });

  it('sends it by itself when the network is back, and the server stores it once', async () => {
    await context.setOffline(false);
    await page.getByText('Đã gửi 1 số liệu nhập khi không có mạng.').waitFor();
    await expect.poll(() => page.getByTestId(`queued-${communeId}`).count(), POLL).toBe(0);
    expect(await stored()).toBe(41);
    expect(await rows()).toBe(1);
    // One write of the figure in the server's log since it was typed, however many times it was sent.
    expect(await writes()).toBe(writesAtStart + 1);
    // The page shows what the server now has, and no longer the offline banner.
    await expect.poll(() => input().inputValue(), POLL).toBe('41');
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
  });

  it('shows a figure the district changed meanwhile as a conflict, and overwrites it only when the commune chooses to', async () => {
    await context.setOffline(true);
    await typeFigure(page, indicator, communeName, 44);
    await page.getByRole('button', { name: 'Ghi nhận kết quả' }).click();
    await page.getByTestId(`queued-${communeId}`).waitFor();
    // Meanwhile the district corrects the commune's figure on the server.
    const numbers = indicator.measure === 'RATE' ? { numerator: 47, denominator: 100 } : { value: 47 };
    const res = await gql<{ recordResults: number }>(
      rig.server,
      'mutation($input: RecordResultsInput!) { recordResults(input: $input) }',
      { input: { indicatorId: indicator.id, period: PERIOD, results: [{ unitId: communeId, ...numbers }] } },
      districtToken,
    );
    expect(res.recordResults).toBe(1);

    await context.setOffline(false);
    const conflict = page.getByTestId(`conflict-${communeId}`);
    await conflict.waitFor();
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain('Số liệu đã bị sửa trong lúc bạn không có mạng');
    // A rate's figure reads b/a.
    const figure = (n: number) => (indicator.measure === 'RATE' ? `${n}/100` : String(n));
    expect(text).toContain(`Số hiện có trên hệ thống: ${figure(47)}`);
    expect(text).toContain(`Số bạn nhập: ${figure(44)}`);
    expect(text).toContain(communeName);
    expect(await stored()).toBe(47);
    await measure('results: conflict');
    await conflict.scrollIntoViewIfNeeded();
    await screenshot(page, 'phone-2-results-conflict');

    await conflict.getByRole('button', { name: 'Giữ số của tôi' }).click();
    await expect.poll(() => page.getByTestId(`conflict-${communeId}`).count(), POLL).toBe(0);
    expect(await stored()).toBe(44);
    expect(await rows()).toBe(1);
  });

  it('no step is wider than the phone, and no page error on the way', () => {
    expect(widths.length).toBe(4);
    expect(widths.filter((w) => w.width > PHONE.width)).toEqual([]);
    expect(rig.pageErrors).toEqual([]);
  });
});
