import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestServer } from './server';
import { gql } from './browser';

export interface ReportedIndicator {
  id: string;
  name: string;
  measure: string;
}

/**
 * What the demo's commune (xa.buontrap) reports in 2022: an issued plan of that year and an
 * indicator of it reported monthly (or unscheduled), its own target's if it has one, else one
 * of the plan's rows (the demo gives its communes no 2022 targets of their own: they report on
 * their district's rows then). A count before a rate where the commune holds targets.
 */
export async function communeReporting2022(server: TestServer, communeToken: string, districtToken: string) {
  const call = async <T>(token: string, q: string, v: Record<string, unknown> = {}) => gql<T>(server, q, v, token);
  const me = await call<{ me: { unit: { id: string; name: string } } }>(communeToken, '{ me { unit { id name } } }');
  const { plans } = await call<{ plans: { id: string; status: string }[] }>(communeToken, '{ plans(year: 2022) { id status } }');
  const issued = plans.filter((p) => p.status === 'ISSUED');
  expect(issued.length).toBeGreaterThan(0);
  for (const p of issued) {
    const { targets } = await call<{ targets: { indicator: ReportedIndicator }[] }>(
      communeToken,
      'query($p: ID!, $u: ID!) { targets(filter: { planId: $p, unitId: $u }) { indicator { id name measure } } }',
      { p: p.id, u: me.me.unit.id },
    );
    const { plan } = await call<{ plan: { indicators: { frequency: string | null; indicator: { id: string } }[] } }>(
      communeToken,
      'query($id: ID!) { plan(id: $id) { indicators { frequency indicator { id } } } }',
      { id: p.id },
    );
    const monthly = new Set(plan.indicators.filter((r) => r.frequency === null || r.frequency === 'MONTHLY').map((r) => r.indicator.id));
    const own = targets.find((x) => monthly.has(x.indicator.id) && x.indicator.measure !== 'RATE') ?? targets.find((x) => monthly.has(x.indicator.id));
    const pick = own?.indicator ?? plan.indicators.map((r) => r.indicator).find((i) => monthly.has(i.id));
    if (!pick) continue;
    const indicator =
      own?.indicator ?? (await call<{ indicators: ReportedIndicator[] }>(districtToken, '{ indicators { id name measure } }')).indicators.find((i) => i.id === pick.id)!;
    return { planId: p.id, indicator, communeId: me.me.unit.id, communeName: me.me.unit.name };
  }
  throw new Error('no 2022 plan with a monthly row for the commune');
}

/** The label of a unit's figure input on the results screen: a rate's numerator, else the count or score. */
export function figureLabel(indicator: ReportedIndicator, unitName: string): string {
  const label = indicator.measure === 'RATE' ? 'Tử số (b)' : indicator.measure === 'SCORE' ? 'Điểm' : 'Số lượng';
  return `${label} — ${unitName}`;
}

/** Types a unit's figure on the results screen: a count (or score) as is, a rate as value of 100. */
export async function typeFigure(page: Page, indicator: ReportedIndicator, unitName: string, value: number) {
  await page.getByLabel(figureLabel(indicator, unitName), { exact: true }).fill(String(value));
  if (indicator.measure === 'RATE') await page.getByLabel(`Mẫu số (a) — ${unitName}`, { exact: true }).fill('100');
}
