import { csvLine, type CsvCell } from '@chitieu/domain';
import type { ProgressRowFragment } from '../../gql/graphql';
import { saveBlob } from '../../app/download';

export interface CsvLabels {
  headers: string[];
  status(s: ProgressRowFragment['status']): string;
  comparator(c: string): string;
}

/**
 * The progress table as CSV that Excel opens with Vietnamese intact: UTF-8 with a BOM. In
 * Vietnamese the decimal mark is a comma, so fields are separated by semicolons (what Excel
 * expects under vi-VN regional settings); in English, commas and decimal points.
 */
export function progressCsv(rows: readonly ProgressRowFragment[], labels: CsvLabels, locale: 'vi' | 'en'): string {
  const sep = locale === 'vi' ? ';' : ',';
  const format = (n: number) => {
    const s = String(Math.round(n * 1e4) / 1e4);
    return locale === 'vi' ? s.replace('.', ',') : s;
  };
  // Figures are numeric cells (a negative gap stays a number); everything else is text, which
  // csvLine neutralises when a spreadsheet would run it as a formula (a unit named "=HYPERLINK(…)").
  const num = (n: number | null | undefined): CsvCell => (n === null || n === undefined || !Number.isFinite(n) ? null : { number: format(n) });
  const lines = [csvLine(labels.headers, sep)];
  for (const r of rows) {
    lines.push(
      csvLine(
        [
          r.unit.name,
          r.target ? `${labels.comparator(r.target.comparator)} ${format(r.target.value)}` : '',
          num(r.rolledUp.numerator),
          num(r.rolledUp.denominator),
          num(r.rolledUp.value),
          labels.status(r.status),
          num(r.gap),
          num(r.rank),
        ],
        sep,
      ),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(filename, new Blob([text], { type }));
}
