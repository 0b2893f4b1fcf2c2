/**
 * The first guess at what each pasted column feeds (issue #14): a header naming an indicator
 * picks it, "cơ sở" / "năm trước" / "thực tế" makes a baseline, a count ("Số lượng TTHC") is
 * skipped; otherwise the columns follow each other from the indicator the paste started on.
 * The user changes any of it before anything is written.
 */

import type { Measure } from './figures';
import { inFigureRange } from './numbers';
import { foldVietnamese } from './units';
import { readPasteCell, type PasteLayout, type PasteRole } from './paste';

// Header words of a baseline column: "cơ sở", "năm trước", "thực tế năm 2021", "kỳ trước".
const BASELINE_HEADER = /\b(co so|nam truoc|thuc te|ky truoc|baseline|last year|actual)\b/;
// A column of counts ("Số lượng TTHC"): never a rate's target.
const COUNT_HEADER = /\b(so luong|number of)\b/;
// Words every header of a target column writes: they say nothing about which indicator.
const GENERIC_WORDS = new Set(['muc', 'giao', 'chi', 'tieu', 'nam', 'thuc', 'te', 'co', 'truoc', 'ky', 'ke', 'hoach', 'target', 'baseline', 'year']);

/** An indicator as the defaults read it. */
export interface PasteIndicator {
  id: string;
  name: string;
  measure: Measure;
}

/** Word pairs of a text without generic words and numbers: "Mức giao chỉ tiêu số hóa (%)" → {"so hoa"}. */
function wordPairs(text: string): Set<string> {
  const words = foldVietnamese(text)
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !GENERIC_WORDS.has(w) && !/^\d+$/.test(w));
  return new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
}

/**
 * The default role of each number column. A header naming one indicator better than the others
 * ("Mức giao chỉ tiêu số hóa" → "Số hóa hồ sơ…") picks it; the other columns take, in order, the
 * indicator the paste started on and the ones after it. A header saying "cơ sở"/"năm
 * trước"/"thực tế" makes a baseline column: of the indicator it names, else of the next target
 * column's (the previous one's when none follows). A column whose figures a measure cannot take
 * (118 for a rate) or whose header counts ("Số lượng") is not that indicator's. Unit, order
 * and text columns, and whatever is left: skipped. The user changes any of them.
 */
export function defaultPasteRoles(layout: PasteLayout, indicators: readonly PasteIndicator[], startIndicatorId?: string, locale: 'vi' | 'en' = 'vi'): PasteRole[] {
  const roles: PasteRole[] = layout.columns.map(() => ({ kind: 'skip' }));
  const names = indicators.map((i) => wordPairs(i.name));
  const header = (c: number) => foldVietnamese(layout.header?.[c] ?? '');
  const fits = (c: number, ind: PasteIndicator) => {
    if (ind.measure !== 'COUNT' && COUNT_HEADER.test(header(c))) return false;
    return layout.lines.every((l) => {
      const cell = readPasteCell(l.cells[c], locale);
      return cell.kind !== 'number' || inFigureRange(ind.measure, cell.value);
    });
  };
  /** The one indicator the header names best, if one does. */
  const named = (c: number): number | null => {
    const pairs = [...wordPairs(layout.header?.[c] ?? '')];
    const scores = names.map((n, i) => (fits(c, indicators[i]) ? pairs.filter((p) => n.has(p)).length : 0));
    const best = Math.max(0, ...scores);
    return best > 0 && scores.filter((x) => x === best).length === 1 ? scores.indexOf(best) : null;
  };

  const numbers = layout.columns.flatMap((kind, c) => (kind === 'number' && c !== layout.unitColumn ? [c] : []));
  const baselines = numbers.filter((c) => BASELINE_HEADER.test(header(c)));
  const targets = numbers.filter((c) => !baselines.includes(c));
  const taken = new Set<number>();
  for (const c of targets) {
    const i = named(c);
    if (i !== null && !taken.has(i)) {
      roles[c] = { kind: 'target', indicatorId: indicators[i].id };
      taken.add(i);
    }
  }
  let next = Math.max(
    0,
    indicators.findIndex((i) => i.id === startIndicatorId),
  );
  for (const c of targets) {
    if (roles[c].kind !== 'skip') continue;
    // The next free indicator that can take this column's figures; none: the column is skipped.
    const i = indicators.findIndex((ind, n) => n >= next && !taken.has(n) && fits(c, ind));
    if (i < 0) continue;
    roles[c] = { kind: 'target', indicatorId: indicators[i].id };
    taken.add(i);
    next = i + 1;
  }
  for (const c of baselines) {
    const i = named(c);
    const after = roles.slice(c + 1).find((r) => r.kind === 'target');
    const before = roles
      .slice(0, c)
      .reverse()
      .find((r) => r.kind === 'target');
    const near = after ?? before;
    const of = i !== null ? indicators[i].id : (near?.indicatorId ?? null);
    if (of !== null) roles[c] = { kind: 'baseline', indicatorId: of };
  }
  return roles;
}
