/** "I." and "I" are the same heading: documents write the position both ways. */
export const sameSection = (a: string | null | undefined, b: string | null | undefined) => !!a && !!b && a.trim().replace(/\.$/, '') === b.trim().replace(/\.$/, '');

export interface RowGroup<R> {
  /** The heading the rows sit under; null for rows under none (or under a heading the plan no longer has). */
  heading: { position: string; text: string } | null;
  rows: R[];
}

/**
 * The plan's rows under its headings, in the headings' order and the rows' own order; rows whose
 * section names no heading come last, in a group of their own (alone when there are no headings).
 */
export function groupRows<R extends { section: string | null }>(headings: readonly { position: string; text: string }[], rows: readonly R[]): RowGroup<R>[] {
  const groups: RowGroup<R>[] = headings.map((h) => ({ heading: { position: h.position, text: h.text }, rows: rows.filter((r) => sameSection(r.section, h.position)) }));
  const placed = new Set(groups.flatMap((g) => g.rows));
  const rest = rows.filter((r) => !placed.has(r));
  if (rest.length || !groups.length) groups.push({ heading: null, rows: rest });
  return groups;
}
