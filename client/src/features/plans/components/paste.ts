import { parseDecimal } from '../../../app/numbers';

/**
 * One value per line, as Excel copies a column: tab-separated cells (the first one is taken),
 * CRLF or LF line ends, the trailing newline Excel adds ignored, Vietnamese decimal commas read.
 * null = an empty line (keep the current value), NaN = not a number.
 */
export function parsePastedColumn(text: string, locale: 'vi' | 'en' = 'vi'): (number | null)[] {
  const lines = text.split(/\r\n|\n|\r/);
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.map((line) => parseDecimal(line.split('\t')[0] ?? '', locale));
}
