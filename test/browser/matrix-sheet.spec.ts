import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { COMMUNE_LEVEL_KINDS, DISTRICT_LEVEL_KINDS, foldVietnamese, type UnitKind } from '@chitieu/domain';
import { gql, POLL, SLOW_POLL, seriousA11yViolations, signIn, startRig, tokenOf, type BrowserRig, describeInBrowser } from '../support/browser';

/**
 * Issue #14, "the matrix behaves like a spreadsheet": the province (tinh.daklak) opens a fresh
 * 2025 draft with two indicators and, with the keyboard only, types a target (Enter saves and
 * the focus lands on the cell below), moves with the arrows and Tab, starts editing by typing,
 * undoes with Ctrl+Z, fills a column down its group with Ctrl+D, edits a baseline in its own
 * column and undoes it, finds units by name without diacritics. After each write the screen
 * shows the value without a reload, then GraphQL returns it stored.
 */
describeInBrowser('the target matrix behaves like a spreadsheet', () => {
  let rig: BrowserRig;
  let page: Page;
  let token: string;
  let planId = '';
  const TITLE = 'Giao chỉ tiêu năm 2025 (bảng tính)';
  const FACT = 'Số TTHC';
  const ind: { id: string; code: string }[] = [];
  let children: { id: string; name: string; kind: UnitKind; code: string | null }[] = [];
  let agencies: typeof children = [];
  const call = <T = Record<string, any>>(q: string, v: Record<string, unknown> = {}) => gql<T>(rig.server, q, v, token);

  beforeAll(async () => {
    rig = await startRig('demo');
    ({ page } = await rig.newPage());
    await signIn(page, rig.server.url, 'tinh.daklak', { next: '/' });
    token = (await tokenOf(page))!;
    const { me } = await call<{ me: { unit: { id: string } } }>('{ me { unit { id } } }');
    const { indicators } = await call<{ indicators: { id: string; code: string; measure: string }[] }>('{ indicators { id code measure } }');
    ind.push(...indicators.filter((i) => i.code === 'DLK22-DIGITIZATION' || i.code === 'DLK22-ONLINE-RATE'));
    expect(ind).toHaveLength(2);
    planId = (
      await call<{ createPlan: { id: string } }>('mutation($input: PlanInput!) { createPlan(input: $input) { id } }', { input: { issuerId: me.unit.id, year: 2025, title: TITLE } })
    ).createPlan.id;
    for (const [n, i] of ind.entries()) {
      await call('mutation($input: PlanIndicatorInput!) { addPlanIndicator(input: $input) { id } }', {
        // The second row has a fact column, as the 2022 decision's "Số TTHC" beside its target.
        input: { planId, indicatorId: i.id, position: String(n + 1), factLabels: n === 1 ? [FACT] : [] },
      });
    }
    // The rows as the page asks for them: the province's children on 1 January 2025.
    children = (await call<{ unit: { children: typeof children } }>('query($id: ID!) { unit(id: $id) { children(at: "2025-01-01") { id name kind code } } }', { id: me.unit.id }))
      .unit.children;
    agencies = children.filter((c) => c.kind === 'PROVINCIAL_AGENCY');
    expect(agencies.length).toBeGreaterThan(2);
  });
  afterAll(async () => rig?.close());

  const cell = (unitId: string, column: string) => page.locator(`[data-cell="${unitId}|${column}"]`);
  const activeCell = () => page.evaluate<string | null>("document.activeElement?.getAttribute('data-cell') ?? null");
  const stored = async () =>
    (
      await call<{ targets: { value: number; baseline: number | null; unit: { id: string }; indicator: { id: string } }[] }>(
        'query($p: ID!) { targets(filter: { planId: $p }) { value baseline unit { id } indicator { id } } }',
        { p: planId },
      )
    ).targets;
  // The facts apart, for one cell: a list of facts under every target of the plan costs more than the API allows.
  const storedFacts = async (unitId: string, indicatorId: string) =>
    (
      await call<{ targets: { facts: { label: string; value: number | null }[] }[] }>(
        'query($p: ID!, $u: ID!, $i: ID!) { targets(filter: { planId: $p, unitId: $u, indicatorId: $i }) { facts { label value } } }',
        { p: planId, u: unitId, i: indicatorId },
      )
    ).targets[0]?.facts;
  const storedOf = async (unitId: string, indicatorId: string) => (await stored()).find((t) => t.unit.id === unitId && t.indicator.id === indicatorId);

  it('opens the plan through the SPA with the rows grouped in the annex order', async () => {
    await page.goto(`${rig.server.url}/plans`);
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('grid').waitFor();
    const districtKinds = ['URBAN_DISTRICT', 'DISTRICT', 'TOWN', 'PROVINCIAL_CITY'].filter((k) => children.some((c) => c.kind === k));
    const words: Record<string, string> = { URBAN_DISTRICT: 'quận', DISTRICT: 'huyện', TOWN: 'thị xã', PROVINCIAL_CITY: 'thành phố' };
    const expected = ['I. Sở, ban, ngành', ...(districtKinds.length ? [`II. UBND các ${districtKinds.map((k) => words[k]).join(', ')}`] : [])];
    expect(children.some((c) => COMMUNE_LEVEL_KINDS.includes(c.kind))).toBe(false);
    expect(await page.locator('[data-group]').allTextContents()).toEqual(expected);
    // Agencies first, then the district-level units, each in the order the tree gives them.
    const order = await page.locator('tr[data-unit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')));
    expect(order).toEqual([...agencies, ...children.filter((c) => DISTRICT_LEVEL_KINDS.includes(c.kind))].map((c) => c.id));
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('typing starts editing; Enter saves and puts the focus on the cell below', async () => {
    const [a, b] = agencies;
    await cell(a.id, ind[0].id).focus();
    await page.keyboard.press('9');
    await page.getByLabel(`Sửa chỉ tiêu 1 của ${a.name}`).waitFor();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    expect(await activeCell()).toBe(`${b.id}|${ind[0].id}`);
    await expect.poll(() => cell(a.id, ind[0].id).innerText(), POLL).toContain('95%');
    await expect.poll(async () => (await storedOf(a.id, ind[0].id))?.value, POLL).toBe(95);
  });

  it('arrows and Tab move the one focus; Shift+Tab goes back', async () => {
    const [a, b] = agencies;
    await page.keyboard.press('ArrowUp');
    expect(await activeCell()).toBe(`${a.id}|${ind[0].id}`);
    await page.keyboard.press('ArrowRight');
    expect(await activeCell()).toBe(`${a.id}|${ind[1].id}`);
    await page.keyboard.press('Tab');
    expect(await activeCell()).toBe(`${b.id}|${ind[0].id}`);
    await page.keyboard.press('Shift+Tab');
    expect(await activeCell()).toBe(`${a.id}|${ind[1].id}`);
    expect(await page.locator('[role="gridcell"][aria-selected="true"]').count()).toBe(1);
    // A second indicator's target, typed straight in.
    await page.keyboard.type('88');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(a.id, ind[1].id).innerText(), POLL).toContain('88%');
    await expect.poll(async () => (await storedOf(a.id, ind[1].id))?.value, POLL).toBe(88);
    expect(await activeCell()).toBe(`${b.id}|${ind[1].id}`);
  });

  it('Ctrl+Z writes the previous value back', async () => {
    const [a, b] = agencies;
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('97');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(a.id, ind[0].id).innerText(), POLL).toContain('97%');
    await expect.poll(async () => (await storedOf(a.id, ind[0].id))?.value, POLL).toBe(97);
    await page.keyboard.press('Control+z');
    // The undo is done when it says so (its write and the sheet's refresh behind it).
    await page
      .getByText(/^Đã hoàn tác/)
      .first()
      .waitFor();
    await expect.poll(() => cell(a.id, ind[0].id).innerText(), POLL).toContain('95%');
    await expect.poll(async () => (await storedOf(a.id, ind[0].id))?.value, POLL).toBe(95);
    // The grid keeps the keyboard where it was (Enter had moved it down to the next unit).
    await expect.poll(activeCell, POLL).toBe(`${b.id}|${ind[0].id}`);
  });

  it("Ctrl+D fills the focused value down its group's column, in one confirmed write", async () => {
    const [a] = agencies;
    await page.keyboard.press('ArrowUp');
    expect(await activeCell()).toBe(`${a.id}|${ind[0].id}`);
    await page.keyboard.press('Control+d');
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText(), POLL).toContain(`Ghi 95% vào ${agencies.length - 1} ô bên dưới ${a.name}`);
    // The dialog takes the focus on its confirm button; Enter confirms.
    await expect.poll(() => page.evaluate<string | null>('document.activeElement?.textContent ?? null'), POLL).toBe(`Ghi ${agencies.length - 1} ô`);
    await page.keyboard.press('Enter');
    // The stored values first, then the screen: on a loaded machine the write of the whole group
    // and its refetch can take a while, and which of the two lags tells where a failure lies.
    const filled = async () =>
      (await stored())
        .filter((t) => t.indicator.id === ind[0].id)
        .map((t) => [t.unit.id, t.value])
        .sort();
    await expect.poll(filled, SLOW_POLL).toEqual(agencies.map((g) => [g.id, 95]).sort());
    for (const g of agencies) await expect.poll(() => cell(g.id, ind[0].id).innerText(), SLOW_POLL).toContain('95%');
    // The next group is untouched.
    const district = children.find((c) => DISTRICT_LEVEL_KINDS.includes(c.kind))!;
    expect(await cell(district.id, ind[0].id).innerText()).toContain('—');
  });

  it('a baseline is edited in its own column, and undone', async () => {
    const [a] = agencies;
    await page.getByLabel('Hiện giá trị cơ sở và cột bổ sung').focus();
    await page.keyboard.press('Space');
    await cell(a.id, ind[0].id).focus();
    await page.keyboard.press('ArrowRight');
    expect(await activeCell()).toBe(`${a.id}|${ind[0].id}:baseline`);
    await page.keyboard.type('90,5');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(a.id, `${ind[0].id}:baseline`).innerText(), POLL).toBe('90,5');
    await expect.poll(async () => await storedOf(a.id, ind[0].id), POLL).toMatchObject({ value: 95, baseline: 90.5 });
    await cell(a.id, `${ind[0].id}:baseline`).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(a.id, `${ind[0].id}:baseline`).innerText(), POLL).toBe('—');
    await expect.poll(async () => await storedOf(a.id, ind[0].id), POLL).toMatchObject({ value: 95, baseline: null });
  });

  it("a fact of the row is edited in its column, the target's value kept", async () => {
    const [a, b] = agencies;
    const factCell = `${ind[1].id}:fact:${FACT}`;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await activeCell()).toBe(`${a.id}|${factCell}`);
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(a.id, factCell).innerText(), POLL).toBe('12');
    await expect.poll(() => storedFacts(a.id, ind[1].id), POLL).toEqual([{ label: FACT, value: 12 }]);
    expect((await storedOf(a.id, ind[1].id))?.value).toBe(88);
    // A unit without a target yet is asked for the target first; nothing is written.
    expect(await activeCell()).toBe(`${b.id}|${factCell}`);
    await page.keyboard.type('5');
    await expect.poll(() => page.getByText(`Hãy giao chỉ tiêu cho ${b.name} trước`).count(), POLL).toBeGreaterThan(0);
    expect(await storedOf(b.id, ind[1].id)).toBeUndefined();
  });

  it('finds units by name without diacritics', async () => {
    const search = page.getByLabel('Tìm đơn vị');
    await search.focus();
    await page.keyboard.type('krong');
    const expected = children.filter((c) => foldVietnamese(c.name).includes('krong')).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('tr[data-unit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit'))), POLL).toEqual(expected);
    expect(rig.pageErrors).toEqual([]);
  });
});
