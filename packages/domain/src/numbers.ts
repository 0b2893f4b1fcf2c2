/**
 * Numbers as people type them, paste them from Excel or find them in documents: one reader for
 * the SPA's inputs and the server's spreadsheet imports; and the bounds every figure keeps.
 */

import type { Measure } from './figures';

/**
 * The largest count the product takes (dossiers, people, money in đồng): far above any real
 * figure, and far enough below 1.8e308 that no sum of rows can overflow to Infinity.
 */
export const MAX_COUNT = 1e12;
/** Rates, percentages, scores, floors and the targets of rate indicators lie in 0..100. */
export const MAX_PERCENT = 100;

/** The range a figure of a measure may take: 0..1e12 for a count, 0..100 otherwise. */
export function figureRange(measure: Measure): { min: number; max: number } {
  return { min: 0, max: measure === 'COUNT' ? MAX_COUNT : MAX_PERCENT };
}

/** Whether `x` is a finite number within the range of its measure. */
export function inFigureRange(measure: Measure, x: number): boolean {
  const { min, max } = figureRange(measure);
  return Number.isFinite(x) && x >= min && x <= max;
}

/**
 * Reads a number as people type it or paste it from Excel: "99,96" (Vietnamese decimal comma),
 * "1.234,5" (dots grouping thousands), "99.96", "80%", with spaces or non-breaking spaces.
 * In Vietnamese a lone dot followed by exactly three digits groups thousands ("1.200" = 1200);
 * in English it is a decimal point. Returns null for an empty string, NaN for anything else
 * (a number too large to be finite included).
 */
export function parseDecimal(input: string, locale: 'vi' | 'en' = 'vi'): number | null {
  let s = input.replace(/[\s\u00a0\u202f%]/g, '');
  if (s === '') return null;
  if (s.includes(',') && locale === 'vi') {
    if ((s.match(/,/g) ?? []).length > 1) return Number.NaN;
    s = s.replace(/\./g, '').replace(',', '.');
  } else if (s.includes(',')) {
    // English: commas group thousands ("1,234.5"); a lone comma with no dot is still a decimal comma.
    s = s.includes('.') || /,\d{3}(,|$)/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if ((s.match(/\./g) ?? []).length > 1 || (locale === 'vi' && /^[-+]?\d{1,3}\.\d{3}$/.test(s))) {
    s = s.replace(/\./g, ''); // "1.234.567", "1.200"
  }
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return Number.NaN;
  const n = Number(s);
  // A 310-digit figure reads as Infinity: not a number anyone can mean.
  return Number.isFinite(n) ? n : Number.NaN;
}
