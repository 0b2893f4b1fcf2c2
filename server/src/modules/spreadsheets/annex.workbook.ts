import ExcelJS from 'exceljs';
import {
  COMMUNE_LEVEL_KINDS,
  DISTRICT_LEVEL_KINDS,
  groupForAnnex,
  splitKindPrefix,
  type AnnexGroupKey,
  type Comparator,
  type FactRef,
  type Measure,
  type UnitKind,
} from '@chitieu/domain';
import { figureFormat, FONT, FONT_SIZE, printSetup, spanWidth, THIN_BORDER, titleRow, vietnameseDate, wrappedHeight } from './xlsx-style';

/** A plan's annex (Phụ lục) as the province publishes it, from plain data: no database here. */

export interface AnnexIndicator {
  id: number;
  position: string | null;
  name: string;
  measure: Measure;
  unitOfMeasure: string;
  /** The row's per-unit facts, printed as extra columns after its target ("Số lượng TTHC mức độ 3, 4"). */
  factLabels?: string[];
}

export interface AnnexCell {
  value: number;
  comparator: Comparator;
  baseline: number | null;
  /** Why there is no baseline, when the target says ("Không có hồ sơ phát sinh năm 2021"). */
  baselineNote: string | null;
  /** The target's facts, matched to the row's labels by label. */
  facts?: FactRef[] | null;
  note?: string | null;
}

export interface AnnexRow {
  name: string;
  kind: UnitKind;
  /** By indicator id; a unit without a target for an indicator has no cell. */
  cells: Record<number, AnnexCell | undefined>;
  /** 1 for a child of the assigning unit, 2 for a grandchild…; a deeper row is listed under its parent. */
  level?: number;
  parent?: { name: string; kind: UnitKind } | null;
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
  /** The children in the order the plan lists them; below them (depth > 1) the grandchildren, by parent. */
  rows: AnnexRow[];
  /** Rows reach below the children: sections are named by level ("UBND CẤP XÃ"). */
  deep?: boolean;
}

export interface AnnexGroup {
  heading: string;
  rows: AnnexRow[];
}

/** A section of the annex: its heading, and its rows in parts under their parent (one part, no parent, for the children). */
export interface AnnexSection {
  heading: string;
  parts: { parent: string | null; rows: AnnexRow[] }[];
}

/** A kind as an annex heading names it. */
const HEADING_WORD: Partial<Record<UnitKind, string>> = {
  URBAN_DISTRICT: 'QUẬN',
  DISTRICT: 'HUYỆN',
  TOWN: 'THỊ XÃ',
  PROVINCIAL_CITY: 'THÀNH PHỐ',
  COMMUNE: 'XÃ',
  WARD: 'PHƯỜNG',
  TOWNSHIP: 'THỊ TRẤN',
  SPECIAL_ZONE: 'ĐẶC KHU',
};

/**
 * The annex's sections, in the order Vietnamese annexes use (groupForAnnex): agencies, then the
 * district-level people's committees, then the communes; headings name only the kinds present
 * ("UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ" in Đắk Lắk 2022, "UBND CÁC XÃ, THỊ TRẤN" under Krông A Na).
 */
export function annexGroups(rows: readonly AnnexRow[], byLevel = false): AnnexGroup[] {
  const named = (kinds: readonly UnitKind[]) => `UBND CÁC ${kinds.map((k) => HEADING_WORD[k]).join(', ')}`;
  const heading = (key: AnnexGroupKey, kinds: readonly UnitKind[]): string => {
    switch (key) {
      case 'PROVINCIAL_AGENCY':
        return 'CÁC SỞ, BAN, NGÀNH';
      case 'DISTRICT_AGENCY':
        return byLevel ? 'CÁC PHÒNG, BAN CHUYÊN MÔN CẤP HUYỆN' : 'CÁC PHÒNG, BAN CHUYÊN MÔN';
      case 'DISTRICT_LEVEL':
        return byLevel ? 'UBND CẤP HUYỆN' : named(kinds);
      case 'COMMUNE_LEVEL':
        return byLevel ? 'UBND CẤP XÃ' : named(kinds);
      default:
        return 'CÁC ĐƠN VỊ KHÁC';
    }
  };
  return groupForAnnex(rows).map((g) => ({ heading: heading(g.key, g.kinds), rows: g.rows }));
}

/**
 * The sections of an annex: the children's groups (annexGroups), then, level by level, the
 * groups of the units below them, each listed under its parent in the parents' order ("III. UBND
 * CẤP XÃ" with Krông A Na's communes under "UBND huyện Krông A Na").
 */
export function annexSections(rows: readonly AnnexRow[], deep = false): AnnexSection[] {
  const levels = [...new Set(rows.map((r) => r.level ?? 1))].sort((a, b) => a - b);
  return levels.flatMap((level) =>
    annexGroups(
      rows.filter((r) => (r.level ?? 1) === level),
      deep,
    ).map((g) => {
      if (level === 1) return { heading: g.heading, parts: [{ parent: null, rows: g.rows }] };
      const parts = new Map<string, AnnexRow[]>();
      for (const r of g.rows) {
        const key = r.parent ? unitLabel(r.parent.name, r.parent.kind) : '';
        parts.set(key, [...(parts.get(key) ?? []), r]);
      }
      return { heading: g.heading, parts: [...parts].map(([parent, list]) => ({ parent: parent || null, rows: list })) };
    }),
  );
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

/** A column of the annex's table after STT and the unit: an indicator's baseline, target or fact, or the notes. */
export type AnnexColumn =
  { indicator: AnnexIndicator; part: 'baseline' | 'target' } | { indicator: AnnexIndicator; part: 'fact'; label: string } | { indicator: null; part: 'note' };

/**
 * The columns of the table: per indicator, the row's fact columns, a baseline column only where
 * some row knows one, the target; one "Ghi chú" column at the end when a target has a note.
 */
export function annexColumns(data: Pick<AnnexData, 'indicators' | 'rows'>): AnnexColumn[] {
  const columns: AnnexColumn[] = data.indicators.flatMap((indicator): AnnexColumn[] => {
    const hasBaseline = data.rows.some((r) => {
      const c = r.cells[indicator.id];
      return c && (c.baseline !== null || c.baselineNote);
    });
    // Facts first, as the 2022 decision sets "Số lượng TTHC mức độ 3, 4" before the rates it qualifies.
    return [
      ...(indicator.factLabels ?? []).map((label) => ({ indicator, part: 'fact' as const, label })),
      ...(hasBaseline ? [{ indicator, part: 'baseline' as const }] : []),
      { indicator, part: 'target' as const },
    ];
  });
  const hasNote = data.rows.some((r) => Object.values(r.cells).some((c) => c?.note));
  return hasNote ? [...columns, { indicator: null, part: 'note' }] : columns;
}

/** The notes of a row's targets, one per indicator that has one. */
export function rowNote(row: AnnexRow): string | null {
  const notes = [...new Set(Object.values(row.cells).flatMap((c) => (c?.note ? [c.note.trim()] : [])))];
  return notes.length ? notes.join('; ') : null;
}

/** The value of a fact column for a target: the fact of that label, or nothing. */
export function factValue(cell: AnnexCell | undefined, label: string): number | null {
  return cell?.facts?.find((f) => f.label === label)?.value ?? null;
}

/** The annex workbook: title rows, a two-row header, numbered sections, print setup. */
export function annexWorkbook(data: AnnexData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Chỉ tiêu';
  const ws = wb.addWorksheet('Phụ lục');

  const columns = annexColumns(data);
  const last = 2 + columns.length;
  ws.getColumn(1).width = 6;
  ws.getColumn(2).width = 38;
  columns.forEach((c, i) => (ws.getColumn(3 + i).width = c.part === 'note' ? 30 : columns.length > 4 ? 14 : 18));

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
  let h2Height = wrappedHeight(`Thực hiện năm ${data.year}`.length, ws.getColumn(3).width ?? 14, 15);
  let col = 3;
  for (const indicator of data.indicators) {
    const span = columns.filter((c) => c.indicator === indicator).length;
    const name = `${indicator.position ? `${indicator.position}. ` : ''}${indicator.name}`;
    header(h1, col, name);
    for (let c = col; c < col + span; c++) {
      const column = columns[c - 3];
      const sub = column.part === 'fact' ? column.label : column.part === 'baseline' ? `Thực hiện năm ${data.year - 1}` : `Mức giao năm ${data.year}`;
      header(h2, c, sub);
      h2Height = Math.max(h2Height, wrappedHeight(sub.length, ws.getColumn(c).width ?? 14, 15));
      ws.getCell(h1, c).border = THIN_BORDER;
    }
    if (span > 1) ws.mergeCells(h1, col, h1, col + span - 1);
    h1Height = Math.max(h1Height, wrappedHeight(name.length, spanWidth(ws, col, col + span - 1), 15));
    col += span;
  }
  if (columns.at(-1)?.part === 'note') {
    header(h1, last, 'Ghi chú');
    ws.mergeCells(h1, last, h2, last);
  }
  ws.getRow(h1).height = h1Height;
  ws.getRow(h2).height = h2Height;
  r = h2 + 1;

  const headingRow = (text: string, italic: boolean) => {
    ws.mergeCells(r, 1, r, last);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT, size: FONT_SIZE, bold: true, italic };
    cell.alignment = { vertical: 'middle' };
    cell.border = THIN_BORDER;
    ws.getRow(r).height = 20;
    r++;
  };

  // Sections, the parts under each parent, and their rows (numbered within a part).
  annexSections(data.rows, data.deep).forEach((section, si) => {
    headingRow(`${roman(si + 1)}. ${section.heading}`, false);
    section.parts.forEach((part, pi) => {
      if (part.parent) headingRow(`${pi + 1}. ${part.parent}`, true);
      part.rows.forEach((row, i) => {
        writeRow(ws, r, row, i + 1, columns);
        r++;
      });
    });
  });

  printSetup(ws, `${h1}:${h2}`);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: h2 }];
  return wb;
}

function writeRow(ws: ExcelJS.Worksheet, r: number, row: AnnexRow, stt: number, columns: AnnexColumn[]): void {
  const sttCell = ws.getCell(r, 1);
  sttCell.value = stt;
  sttCell.alignment = { horizontal: 'center', vertical: 'middle' };
  const name = ws.getCell(r, 2);
  name.value = unitLabel(row.name, row.kind);
  name.alignment = { vertical: 'middle', wrapText: true, indent: 1 };
  let height = wrappedHeight(String(name.value).length, ws.getColumn(2).width ?? 38, 15, 0.8);
  columns.forEach((c, ci) => {
    const cell = ws.getCell(r, 3 + ci);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    const text = (value: string) => {
      cell.value = value;
      height = Math.max(height, wrappedHeight(value.length, ws.getColumn(3 + ci).width ?? 14, 15, 0.9));
    };
    if (c.part === 'note') {
      const note = rowNote(row);
      if (note) text(note);
      cell.alignment = { vertical: 'middle', wrapText: true };
      return;
    }
    const target = row.cells[c.indicator.id];
    if (!target) return;
    if (c.part === 'target') {
      cell.value = target.value;
      cell.numFmt = figureFormat(target.value, c.indicator.unitOfMeasure, target.comparator);
    } else if (c.part === 'fact') {
      const value = factValue(target, c.label);
      if (value !== null) {
        cell.value = value;
        cell.numFmt = figureFormat(value, '');
      }
    } else if (target.baseline !== null) {
      cell.value = target.baseline;
      cell.numFmt = figureFormat(target.baseline, c.indicator.unitOfMeasure);
    } else if (target.baselineNote) {
      text(target.baselineNote);
    }
  });
  for (let c = 1; c <= 2 + columns.length; c++) {
    const cell = ws.getCell(r, c);
    cell.border = THIN_BORDER;
    cell.font = { name: FONT, size: FONT_SIZE };
  }
  ws.getRow(r).height = height;
}
