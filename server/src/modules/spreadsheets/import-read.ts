/**
 * The reading half of an import, as the sheet worker runs it: bytes → the data lines, every
 * refusal a SheetFileError (code, status, params) that crosses the thread boundary as data.
 */
import type { Locale } from '@chitieu/domain';
import { csvRowsWithHeader, expectedHeaders, findHeader, parseLines, type HeaderSpec, type ParsedLine } from './import-parse';
import { decodeCsv, readXlsxRows, SheetFileError, sheetFormat } from './sheets';

export interface ImportReadJob {
  bytes: Uint8Array;
  fileName: string;
  spec: HeaderSpec;
  locale: Locale;
  /** Data lines one import takes (maxImportLines): more are refused here, not sent back. */
  maxLines: number;
}

export async function readImportLines(job: ImportReadJob): Promise<ParsedLine[]> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  let rows: string[][];
  let header;
  if (sheetFormat(bytes, job.fileName) === 'xlsx') {
    rows = await readXlsxRows(bytes, 'vi');
    header = findHeader(rows, job.spec);
  } else {
    ({ rows, header } = csvRowsWithHeader(decodeCsv(bytes), job.spec));
  }
  if (!header) throw new SheetFileError('no header', 'FILE_NO_HEADER', 400, { expected: expectedHeaders(job.spec).join(', ') });
  const lines = parseLines(rows, header, job.spec, job.locale);
  if (lines.length > job.maxLines) throw new SheetFileError('too many lines', 'FILE_TOO_MANY_ROWS', 400, { rows: lines.length, max: job.maxLines });
  return lines;
}
