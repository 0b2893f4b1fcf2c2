import ExcelJS from 'exceljs';
import { COMMUNE_LEVEL_KINDS, DISTRICT_LEVEL_KINDS, splitKindPrefix, type Comparator, type Measure, type UnitKind } from '@chitieu/domain';
import { figureFormat, FONT, FONT_SIZE, printSetup, spanWidth, THIN_BORDER, titleRow, vietnameseDate, wrappedHeight } from './xlsx-style';

/** A plan's annex (Phụ lục) as the province publishes it, from plain data: no database here. */

export interface AnnexIndicator {
  id: number;
  position: string | null;
  name: string;
  measure: Measure;
  unitOfMeasure: string;
}

export interface AnnexCell {
  value: number;
  comparator: Comparator;
  baseline: number | null;
  /** Why there is no baseline, when the target says ("Không có hồ sơ phát sinh năm 2021"). */
  baselineNote: string | null;
}

export interface AnnexRow {
  name: string;
  kind: UnitKind;
  /** By indicator id; a unit without a target for an indicator has no cell. */
  cells: Record<number, AnnexCell | undefined>;
}

export interface AnnexData {
  year: number;
  title: string;
  documentNumber: string | null;
  documentDate: string | null;
  issuer: { name: string; kind: UnitKind };
  /** The unit whose children the rows are, when it is not the issuer (a district's sub-assignment). */
  assigner: { name: string; kind: UnitKind } | null;
  indicators: AnnexIndicator[];
  /** The children in the order the plan lists them. */
  rows: AnnexRow[];
}

export interface AnnexGroup {
  heading: string;
  rows: AnnexRow[];
}

const DISTRICT_WORDS: [UnitKind, string][] = [
  ['URBAN_DISTRICT', 'QUẬN'],
  ['DISTRICT', 'HUYỆN'],
  ['TOWN', 'THỊ XÃ'],
  ['PROVINCIAL_CITY', 'THÀNH PHỐ'],
];
const COMMUNE_WORDS: [UnitKind, string][] = [
  ['COMMUNE', 'XÃ'],
  ['WARD', 'PHƯỜNG'],
  ['TOWNSHIP', 'THỊ TRẤN'],
  ['SPECIAL_ZONE', 'ĐẶC KHU'],
];

/**
 * The annex's sections, in the order Vietnamese annexes use: agencies, then the district-level
 * people's committees, then the communes; headings name only the kinds present ("UBND CÁC
 * HUYỆN, THỊ XÃ, THÀNH PHỐ" in Đắk Lắk 2022, "UBND CÁC XÃ, THỊ TRẤN" under Krông A Na).
 */
export function annexGroups(rows: readonly AnnexRow[]): AnnexGroup[] {
  const of = (kinds: readonly UnitKind[]) => rows.filter((r) => kinds.includes(r.kind));
  const words = (list: AnnexRow[], table: [UnitKind, string][]) =>
    table
      .filter(([k]) => list.some((r) => r.kind === k))
      .map(([, w]) => w)
      .join(', ');
  const districts = of(DISTRICT_LEVEL_KINDS);
  const communes = of(COMMUNE_LEVEL_KINDS);
  const known = new Set<UnitKind>(['PROVINCIAL_AGENCY', 'DISTRICT_AGENCY', ...DISTRICT_LEVEL_KINDS, ...COMMUNE_LEVEL_KINDS]);
  const groups: AnnexGroup[] = [
    { heading: 'CÁC SỞ, BAN, NGÀNH', rows: of(['PROVINCIAL_AGENCY']) },
    { heading: 'CÁC PHÒNG, BAN CHUYÊN MÔN', rows: of(['DISTRICT_AGENCY']) },
    { heading: `UBND CÁC ${words(districts, DISTRICT_WORDS)}`, rows: districts },
    { heading: `UBND CÁC ${words(communes, COMMUNE_WORDS)}`, rows: communes },
    { heading: 'CÁC ĐƠN VỊ KHÁC', rows: rows.filter((r) => !known.has(r.kind)) },
  ];
  return groups.filter((g) => g.rows.length > 0);
}

/** "Thành phố Buôn Ma Thuột" → "UBND thành phố Buôn Ma Thuột": a local government row names its people's committee. */
export function unitLabel(name: string, kind: UnitKind): string {
  const government = kind === 'PROVINCE' || kind === 'MUNICIPALITY' || DISTRICT_LEVEL_KINDS.includes(kind) || COMMUNE_LEVEL_KINDS.includes(kind);
  if (!government || /^(ubnd|ủy ban|uỷ ban)\b/iu.test(name)) return name;
  return splitKindPrefix(name).kind ? `UBND ${name.charAt(0).toLocaleLowerCase('vi')}${name.slice(1)}` : `UBND ${name}`;
}

export function roman(n: number): string {
  const table: [number, string][] = [
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** "(Kèm theo Quyết định số 629/QĐ-UBND ngày 15/3/2022 của UBND tỉnh Đắk Lắk)", or null without number and date. */
export function attachedTo(data: Pick<AnnexData, 'documentNumber' | 'documentDate' | 'year' | 'issuer'>): string | null {
  if (!data.documentNumber && !data.documentDate) return null;
  const n = data.documentNumber ?? '';
  // The number's symbol names the kind of document: 91/KH-UBND a plan, 3478/QĐ-UBND a decision.
  const type = /\/QĐ/iu.test(n) ? 'Quyết định' : !n || /\/KH/iu.test(n) ? 'Kế hoạch' : 'Văn bản';
  // An unsigned draft leaves the day and month blank, as the 2022 decision did ("ngày /5/2022").
  const date = data.documentDate ? vietnameseDate(data.documentDate) : `      /      /${data.year}`;
  return `(Kèm theo ${type}${n ? ` số ${n}` : ''} ngày ${date} của ${unitLabel(data.issuer.name, data.issuer.kind)})`;
}

/** The annex title: the plan's subject without "Về việc", in capitals as annexes print it. */
export function annexTitle(title: string): string {
  return title
    .trim()
    .replace(/^về việc\s+/iu, '')
    .toLocaleUpperCase('vi');
}

interface Column {
  indicator: AnnexIndicator;
  part: 'baseline' | 'target';
}

/** The annex workbook: title rows, a two-row header, numbered sections, print setup. */
export function annexWorkbook(data: AnnexData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chỉ tiêu';
  const ws = wb.addWorksheet('Phụ lục');

  // Baseline columns only where some row knows one.
  const columns: Column[] = data.indicators.flatMap((indicator) => {
    const hasBaseline = data.rows.some((r) => {
      const c = r.cells[indicator.id];
      return c && (c.baseline !== null || c.baselineNote);
    });
    return hasBaseline
      ? [
          { indicator, part: 'baseline' as const },
          { indicator, part: 'target' as const },
        ]
      : [{ indicator, part: 'target' as const }];
  });
  const last = 2 + columns.length;
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 38;
  columns.forEach((_, i) => (ws.getColumn(3 + i).width = columns.length > 4 ? 14 : 18));

  // Title rows.
  let r = 1;
  titleRow(ws, r++, last, 'Phụ lục', { bold: true, size: 13 });
  titleRow(ws, r++, last, annexTitle(data.title), { bold: true, size: 13 });
  const attached = attachedTo(data);
  if (attached) titleRow(ws, r++, last, attached, { italic: true });
  if (data.assigner) titleRow(ws, r++, last, `Mức giao của ${unitLabel(data.assigner.name, data.assigner.kind)} cho các đơn vị trực thuộc`, { italic: true });
  r++; // a blank line before the table

  // Header: STT and name span both rows; each indicator's name spans its columns.
  const h1 = r;
  const h2 = r + 1;
  const header = (row: number, col: number, text: string) => {
    const cell = ws.getCell(row, col);
    cell.value = text;
    cell.font = { name: FONT, size: FONT_SIZE - 1, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BORDER;
  };
  header(h1, 1, 'STT');
  header(h1, 2, 'Cơ quan, đơn vị');
  ws.mergeCells(h1, 1, h2, 1);
  ws.mergeCells(h1, 2, h2, 2);
  let h1Height = 20;
  let col = 3;
  for (const indicator of data.indicators) {
    const span = columns.filter((c) => c.indicator === indicator).length;
    const name = `${indicator.position ? `${indicator.position}. ` : ''}${indicator.name}`;
    header(h1, col, name);
    for (let c = col; c < col + span; c++) {
      const part = columns[c - 3].part;
      header(h2, c, part === 'baseline' ? `Thực hiện năm ${data.year - 1}` : `Mức giao năm ${data.year}`);
      ws.getCell(h1, c).border = THIN_BORDER;
    }
    if (span > 1) ws.mergeCells(h1, col, h1, col + span - 1);
    h1Height = Math.max(h1Height, wrappedHeight(name.length, spanWidth(ws, col, col + span - 1), 15));
    col += span;
  }
  ws.getRow(h1).height = h1Height;
  ws.getRow(h2).height = wrappedHeight(`Thực hiện năm ${data.year}`.length, ws.getColumn(3).width ?? 14, 15);
  r = h2 + 1;

  // Sections and their rows.
  const groups = annexGroups(data.rows);
  groups.forEach((group, gi) => {
    ws.mergeCells(r, 1, r, last);
    const cell = ws.getCell(r, 1);
    cell.value = `${roman(gi + 1)}. ${group.heading}`;
    cell.font = { name: FONT, size: FONT_SIZE, bold: true };
    cell.alignment = { vertical: 'middle' };
    cell.border = THIN_BORDER;
    ws.getRow(r).height = 20;
    r++;
    group.rows.forEach((row, i) => {
      const stt = ws.getCell(r, 1);
      stt.value = i + 1;
      stt.alignment = { horizontal: 'center', vertical: 'middle' };
      const name = ws.getCell(r, 2);
      name.value = unitLabel(row.name, row.kind);
      name.alignment = { vertical: 'middle', wrapText: true, indent: 1 };
      let height = wrappedHeight(String(name.value).length, ws.getColumn(2).width ?? 38, 15, 0.8);
      columns.forEach((c, ci) => {
        const target = row.cells[c.indicator.id];
        const cell = ws.getCell(r, 3 + ci);
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        if (!target) return;
        if (c.part === 'target') {
          cell.value = target.value;
          cell.numFmt = figureFormat(target.value, c.indicator.unitOfMeasure, target.comparator);
        } else if (target.baseline !== null) {
          cell.value = target.baseline;
          cell.numFmt = figureFormat(target.baseline, c.indicator.unitOfMeasure);
        } else if (target.baselineNote) {
          cell.value = target.baselineNote;
          height = Math.max(height, wrappedHeight(target.baselineNote.length, ws.getColumn(3 + ci).width ?? 14, 15, 0.9));
        }
      });
      for (let c = 1; c <= last; c++) {
        const cell = ws.getCell(r, c);
        cell.border = THIN_BORDER;
        cell.font = { name: FONT, size: FONT_SIZE };
      }
      ws.getRow(r).height = height;
      r++;
    });
  });

  printSetup(ws, `${h1}:${h2}`);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: h2 }];
  return wb;
}
