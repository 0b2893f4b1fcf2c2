/**
 * Writing CSV that a spreadsheet opens safely (issue #11, class 5: formula injection).
 *
 * Excel, LibreOffice and Google Sheets run a cell whose text starts with `=`, `+`, `-` or `@`
 * as a formula (`=HYPERLINK(…)`, `=cmd|' /C calc'!A0`), and a leading tab or carriage return
 * can hide such a start. OWASP's advice: prefix such a text cell with a single quote, so the
 * program shows it as text, and quote the cell. Numeric cells are data, not text: a negative
 * figure (-3.5) stays a number the reader can sum, so it is never prefixed.
 */

/** The first characters that make a spreadsheet read a text cell as a formula. */
export const CSV_FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made inert: `'=HYPERLINK(…)` when it would run as a formula, else unchanged. */
export function neutraliseFormula(text: string): string {
  return CSV_FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One cell of a CSV line. A string is text (neutralised, then quoted); `{ number }` is a
 * numeric cell already formatted for the reader's locale (`-3,5` in Vietnamese), only quoted
 * when it holds the separator; null and undefined are empty.
 */
export type CsvCell = string | { number: string } | null | undefined;

/** The cell as it is written between separators. */
export function csvCell(cell: CsvCell, separator: string): string {
  if (cell === null || cell === undefined) return '';
  const isText = typeof cell === 'string';
  const raw = isText ? cell : cell.number;
  // A numeric cell must be a number: anything else is written as text (and so neutralised).
  const numeric = !isText && /^-?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/.test(raw);
  const text = numeric ? raw : neutraliseFormula(raw);
  const neutralised = text !== raw;
  const special = text.includes('"') || text.includes('\n') || text.includes('\r') || text.includes(separator);
  return neutralised || special ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line (no line break) of the given cells. */
export function csvLine(cells: readonly CsvCell[], separator: string): string {
  return cells.map((c) => csvCell(c, separator)).join(separator);
}
