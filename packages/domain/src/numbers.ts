/**
 * Numbers as people type them, paste them from Excel or find them in documents: one reader for
 * the SPA's inputs and the server's spreadsheet imports.
 */

/**
 * Reads a number as people type it or paste it from Excel: "99,96" (Vietnamese decimal comma),
 * "1.234,5" (dots grouping thousands), "99.96", "80%", with spaces or non-breaking spaces.
 * In Vietnamese a lone dot followed by exactly three digits groups thousands ("1.200" = 1200);
 * in English it is a decimal point. Returns null for an empty string, NaN for anything else.
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
  return Number(s);
}
