/** Where the results page opens on one figure: the links notifications and the home page use. */
export interface ReportingKey {
  planId: string | null;
  indicatorId: string;
  period: string;
  unitId: string;
}

export function resultsLink(k: { planId: string; indicatorId: string; period: string; unitId: string }): string {
  return `/results?${new URLSearchParams({ planId: k.planId, indicatorId: k.indicatorId, period: k.period, unitId: k.unitId })}`;
}

/** A notification's link read back, or null when it does not point at a figure. */
export function parseResultsLink(link: string | null | undefined): ReportingKey | null {
  if (!link) return null;
  const q = link.indexOf('?');
  if (q < 0 || !link.slice(0, q).endsWith('/results')) return null;
  const p = new URLSearchParams(link.slice(q + 1));
  const indicatorId = p.get('indicatorId');
  const period = p.get('period');
  const unitId = p.get('unitId');
  if (!indicatorId || !period || !unitId) return null;
  return { planId: p.get('planId'), indicatorId, period, unitId };
}

export const figureKey = (k: { indicatorId: string; period: string; unitId: string }) => `${k.indicatorId}|${k.period}|${k.unitId}`;

/** The reason a returned figure came back with: the RESULTS_RETURNED message ends with it. */
export function reasonOf(message: string): string {
  const m = /(?:Lý do|Reason):\s*([\s\S]*)$/.exec(message);
  return (m ? m[1] : message).trim();
}

export interface ReturnedFigure extends ReportingKey {
  id: string;
  reason: string;
  message: string;
  createdAt: string;
}

/** The latest return of each figure, newest first, from the unit's notifications. */
export function returnedFigures(notifications: readonly { id: string; kind: string; message: string; link?: string | null; createdAt: string }[]): ReturnedFigure[] {
  const seen = new Map<string, ReturnedFigure>();
  const sorted = [...notifications].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  for (const n of sorted) {
    if (n.kind !== 'RESULTS_RETURNED') continue;
    const k = parseResultsLink(n.link);
    if (!k || seen.has(figureKey(k))) continue;
    seen.set(figureKey(k), { ...k, id: n.id, reason: reasonOf(n.message), message: n.message, createdAt: n.createdAt });
  }
  return [...seen.values()];
}
