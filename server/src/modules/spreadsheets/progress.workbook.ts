import ExcelJS from 'exceljs';
import type { Comparator, Measure, ProgressStatus } from '@chitieu/domain';
import { figureFormat, FONT, FONT_SIZE, gapFormat, printSetup, THIN_BORDER, titleRow, vietnameseDate } from './xlsx-style';

/** The dashboard's progress table as a workbook, from plain data: no database here. */

export interface ProgressSheetRow {
  name: string;
  target: { value: number; comparator: Comparator } | null;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  status: ProgressStatus;
  gap: number | null;
  rank: number | null;
  belowHardMinimum: boolean;
  /** Part of the figure was recorded against the units this one was formed from (a reorganisation). */
  fromPredecessors: boolean;
}

export interface ProgressSheetData {
  plan: { year: number; title: string };
  indicator: { position: string | null; name: string; measure: Measure; unitOfMeasure: string; hardMinimum: number | null };
  unit: { name: string };
  period: string;
  /** The unit itself, then its children ranked (the order of the `progress` query). */
  total: ProgressSheetRow;
  children: ProgressSheetRow[];
  exportedAt: Date;
}

/** The labels the SPA shows (client i18n, vi). */
export const STATUS_LABELS: Record<ProgressStatus, string> = {
  ACHIEVED: 'Đạt',
  NOT_ACHIEVED: 'Không đạt',
  NOT_APPLICABLE: 'Không phát sinh hồ sơ',
  NO_DATA: 'Chưa có số liệu',
  NO_TARGET: 'Chưa giao chỉ tiêu',
};

/** "Năm 2022", "Quý 2/2022", "Tháng 5/2022". */
export function periodLabel(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `Quý ${q[2]}/${q[1]}`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `Tháng ${Number(m[2])}/${m[1]}`;
  return `Năm ${period}`;
}

/** Date and time in Vietnam, "20/5/2022 14:05". */
function vietnamTime(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${vietnameseDate(`${get('year')}-${get('month')}-${get('day')}`)} ${get('hour')}:${get('minute')}`;
}

export function progressWorkbook(data: ProgressSheetData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chỉ tiêu';
  const ws = wb.addWorksheet('Tiến độ');
  const uom = data.indicator.unitOfMeasure;
  const isRate = data.indicator.measure === 'RATE';
  const hard = data.indicator.hardMinimum !== null;
  const merged = [data.total, ...data.children].some((r) => r.fromPredecessors);

  type Col = { header: string; width: number; write: (cell: ExcelJS.Cell, row: ProgressSheetRow) => void };
  const num = (v: number | null, cell: ExcelJS.Cell, fmt: (v: number) => string) => {
    // Infinity or NaN is no valid cell value in OOXML (Excel reports the file as damaged): leave it blank.
    if (v === null || !Number.isFinite(v)) return;
    cell.value = v;
    cell.numFmt = fmt(v);
  };
  const cols: Col[] = [
    { header: 'Mức giao', width: 12, write: (c, r) => r.target && num(r.target.value, c, (v) => figureFormat(v, uom, r.target!.comparator)) },
    ...(isRate
      ? [
          { header: 'b (đạt)', width: 12, write: (c: ExcelJS.Cell, r: ProgressSheetRow) => num(r.numerator, c, (v) => figureFormat(v, '')) },
          { header: 'a (tổng)', width: 12, write: (c: ExcelJS.Cell, r: ProgressSheetRow) => num(r.denominator, c, (v) => figureFormat(v, '')) },
        ]
      : []),
    { header: 'Kết quả', width: 12, write: (c, r) => num(r.value, c, (v) => figureFormat(v, uom)) },
    { header: 'Trạng thái', width: 22, write: (c, r) => (c.value = STATUS_LABELS[r.status]) },
    { header: isRate ? 'Chênh lệch (điểm %)' : 'Chênh lệch', width: 14, write: (c, r) => num(r.gap, c, gapFormat) },
    { header: 'Xếp hạng', width: 10, write: (c, r) => r.rank !== null && (c.value = r.rank) },
    ...(hard
      ? [
          {
            header: `Dưới mức tối thiểu bắt buộc (${data.indicator.hardMinimum}${uom === '%' ? '%' : ''})`,
            width: 16,
            write: (c: ExcelJS.Cell, r: ProgressSheetRow) => r.belowHardMinimum && (c.value = 'Có'),
          },
        ]
      : []),
    ...(merged
      ? [{ header: 'Ghi chú', width: 24, write: (c: ExcelJS.Cell, r: ProgressSheetRow) => r.fromPredecessors && (c.value = 'Gồm số liệu của đơn vị trước sắp xếp') }]
      : []),
  ];
  const last = 2 + cols.length;
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 40;
  cols.forEach((c, i) => (ws.getColumn(3 + i).width = c.width));

  let r = 1;
  titleRow(ws, r++, last, 'TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU', { bold: true, size: 13 });
  const indicatorName = `${data.indicator.position ? `${data.indicator.position}. ` : ''}${data.indicator.name}`;
  for (const line of [`Kế hoạch: ${data.plan.title} (năm ${data.plan.year})`, `Chỉ tiêu: ${indicatorName}`, `Đơn vị: ${data.unit.name} — Kỳ: ${periodLabel(data.period)}`]) {
    titleRow(ws, r++, last, line, {});
  }
  titleRow(ws, r++, last, `Số liệu tại thời điểm xuất: ${vietnamTime(data.exportedAt)}`, { italic: true, size: FONT_SIZE - 1 });
  r++;

  const headerRow = r;
  ['STT', 'Đơn vị', ...cols.map((c) => c.header)].forEach((text, i) => {
    const cell = ws.getCell(headerRow, i + 1);
    cell.value = text;
    cell.font = { name: FONT, size: FONT_SIZE - 1, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
  });
  ws.getRow(headerRow).height = 36;
  r++;

  const write = (row: ProgressSheetRow, stt: number | null, bold: boolean) => {
    ws.getCell(r, 1).value = stt;
    ws.getCell(r, 2).value = row.name;
    cols.forEach((c, i) => c.write(ws.getCell(r, 3 + i), row));
    for (let c = 1; c <= last; c++) {
      const cell = ws.getCell(r, c);
      cell.border = THIN_BORDER;
      cell.font = { name: FONT, size: FONT_SIZE, bold };
      cell.alignment = { horizontal: c === 2 ? 'left' : 'center', vertical: 'middle', wrapText: c === 2 };
    }
    r++;
  };
  write(data.total, null, true);
  data.children.forEach((row, i) => write(row, i + 1, false));

  printSetup(ws, `${headerRow}:${headerRow}`);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow }];
  return wb;
}
