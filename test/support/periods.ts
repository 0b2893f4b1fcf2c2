/**
 * Periods relative to today, for specs that record results: a figure is accepted for the last
 * twelve months (or a year with a target) and never for a period that has not begun.
 */

/** The month `k` months before this one, as the API writes it ("2026-09"). */
export function monthsAgo(k: number, today = new Date()): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - k, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The same month as a Vietnamese sheet writes it ("09/2026"). */
export function monthSlashYear(period: string): string {
  const [y, m] = period.split('-');
  return `${m}/${y}`;
}
