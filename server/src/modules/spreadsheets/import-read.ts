/**
 * The reading half of an import, as the sheet worker runs it: bytes → the data lines, every
 * refusal a SheetFileError (code, status, params) that crosses the thread boundary as data.
 */
import type { Locale } from '@chitieu/domain';
import {
  classifyHeader,
  cleanCell,
  csvRowsWithHeader,
  expectedHeaders,
  findHeader,
  HEADER_SEARCH_ROWS,
  isGroupOrTotalRow,
  labelsAt,
  mappingRefusal,
  parseLines,
  requiredColumns,
  type Column,
  type Header,
  type HeaderSpec,
  type ParsedLine,
} from './import-parse';
import { decodeCsv, readXlsxRows, SheetFileError, sheetFormat } from './sheets';

/** A mapping step's choice, as the reader takes it: the header row and, per indicator, its columns. */
export interface MappedRead {
  headerIndex: number;
  parts: { spec: HeaderSpec; columns: [Column, number][] }[];
}

export interface ImportReadJob {
  bytes: Uint8Array;
  fileName: string;
  spec: HeaderSpec;
  locale: Locale;
  /** Data lines one import takes (maxImportLines): more are refused here, not sent back. */
  maxLines: number;
  /** Read exactly these columns (no header recognition); lines come back tagged with their part. */
  mapped?: MappedRead;
  /** The mapping step: the header's labels, then a few data lines, each with its cells. */
  inspect?: boolean;
}

/** Data lines the mapping step shows samples from. */
const SAMPLE_LINES = 8;

function mappedHeader(rows: string[][], mapped: MappedRead, columns: [Column, number][], spec: HeaderSpec): Header | null {
  if (rows.length <= mapped.headerIndex) return null;
  const labels = labelsAt(rows, mapped.headerIndex, spec);
  const label = (c: number) => labels[c] || `#${c + 1}`;
  const header: Header = { index: mapped.headerIndex, columns: new Map(columns.map(([key, c]) => [key, { col: c, label: label(c) }])) };
  // The STT column, not read, still tells group rows ("I | CÁC SỞ, BAN, NGÀNH") from units.
  const stt = labels.findIndex((l, c) => classifyHeader(l, spec) === 'ignore' && !columns.some(([, m]) => m === c));
  if (stt >= 0 && !header.columns.has('ignore')) header.columns.set('ignore', { col: stt, label: labels[stt] });
  return header;
}

function inspectLines(rows: string[][], header: Header, spec: HeaderSpec): ParsedLine[] {
  const unit = header.columns.get('name') ?? header.columns.get('code')!;
  const head: ParsedLine = { line: header.index + 1, code: '', name: '', period: '', values: {}, issues: [], empty: true, cells: labelsAt(rows, header.index, spec) };
  const samples: ParsedLine[] = [];
  for (let i = header.index + 1; i < rows.length && samples.length < SAMPLE_LINES; i++) {
    const cells = (rows[i] ?? []).map((c) => cleanCell(c));
    const name = cells[unit.col] ?? '';
    if (!name || isGroupOrTotalRow(name, cells[header.columns.get('ignore')?.col ?? -1] ?? '')) continue;
    samples.push({ line: i + 1, code: '', name, period: '', values: {}, issues: [], empty: true, cells });
  }
  return [head, ...samples];
}

export async function readImportLines(job: ImportReadJob): Promise<ParsedLine[]> {
  const bytes = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  const mapped = job.mapped;
  const find = (rows: string[][]): Header | null => (mapped ? mappedHeader(rows, mapped, mapped.parts[0]?.columns ?? [], job.spec) : findHeader(rows, job.spec, job.inspect));
  let rows: string[][];
  let header;
  if (sheetFormat(bytes, job.fileName) === 'xlsx') {
    rows = await readXlsxRows(bytes, 'vi');
    header = find(rows);
  } else {
    ({ rows, header } = csvRowsWithHeader(decodeCsv(bytes), job.spec, find));
  }
  if (!header) {
    // Figures without a unit column (indicators.xlsx: "Chỉ tiêu" per indicator row): not a sheet of unit figures.
    const need = requiredColumns(job.spec);
    const figuresOnly = job.spec.kind !== 'results' && rows.slice(0, HEADER_SEARCH_ROWS).some((r) => r.some((c) => need.includes(classifyHeader(c ?? '', job.spec) as Column)));
    if (job.inspect || figuresOnly) throw mappingRefusal('NO_UNIT_COLUMN', 400);
    throw new SheetFileError('no header', 'FILE_NO_HEADER', 400, { expected: expectedHeaders(job.spec).join(', ') });
  }
  if (job.inspect) return inspectLines(rows, header, job.spec);
  const lines = mapped
    ? mapped.parts.flatMap((p, part) => parseLines(rows, mappedHeader(rows, mapped, p.columns, p.spec)!, p.spec, job.locale).map((l) => ({ ...l, part })))
    : parseLines(rows, header, job.spec, job.locale);
  const perPart = mapped ? lines.length / Math.max(1, mapped.parts.length) : lines.length;
  if (perPart > job.maxLines) throw new SheetFileError('too many lines', 'FILE_TOO_MANY_ROWS', 400, { rows: perPart, max: job.maxLines });
  return lines;
}
