/** Small pieces of the raw statements the hot paths write by hand (SQLite and MariaDB alike). */

/** `?, ?, ?` for an IN list (or a row) of `n` values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * A timestamp read by a raw statement: MariaDB's driver gives a Date (timezone 'Z'); SQLite gives
 * its UTC text 'YYYY-MM-DD HH:MM:SS[.sss]', which JavaScript would read as local time without the
 * 'T' and the 'Z'.
 */
export function dateFromSql(v: unknown, sqlite: boolean): Date {
  if (v instanceof Date) return v;
  return new Date(sqlite ? `${String(v).replace(' ', 'T')}Z` : String(v));
}
