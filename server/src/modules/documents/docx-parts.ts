import { AlignmentType, BorderStyle, Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';

/**
 * The pieces a document is made of, set as Vietnamese administrative documents are (Nghị định
 * 30/2020/NĐ-CP): Times New Roman, body 14 pt, tables 12 pt, black thin borders.
 */

export const FONT = 'Times New Roman';
/** Sizes in points. */
export const BODY = 14;
export const TABLE = 12;

export type Align = 'left' | 'center' | 'right' | 'justify';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED } as const;

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  align?: Align;
  /** First-line indent in twips (body paragraphs: 1 cm). */
  firstLine?: number;
  before?: number;
  after?: number;
  keepNext?: boolean;
}

/** One paragraph in the document's font; the font is written on every run so every reader (Word, LibreOffice) uses it. */
export function para(text: string, style: TextStyle = {}): Paragraph {
  return new Paragraph({
    alignment: ALIGN[style.align ?? 'left'],
    spacing: { before: style.before ?? 0, after: style.after ?? 0 },
    indent: style.firstLine ? { firstLine: style.firstLine } : undefined,
    keepNext: style.keepNext,
    children: [new TextRun({ text, font: FONT, size: (style.size ?? BODY) * 2, bold: style.bold, italics: style.italic })],
  });
}

/** A text of several lines (as written, "\n" apart) as one paragraph each. */
export function paras(text: string | null | undefined, style: TextStyle = {}): Paragraph[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => para(l, style));
}

/** The short rule under the issuer's name and under the national motto: a bottom border on an empty paragraph, indented from both sides. */
export function rule(indentEachSide: number): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: indentEachSide, right: indentEachSide },
    spacing: { before: 0, after: 60, line: 120 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', font: FONT, size: 4 })],
  });
}

export interface CellOptions {
  width: number;
  span?: number;
  bold?: boolean;
  italic?: boolean;
  align?: Align;
  size?: number;
}

/** A table cell of lines (each its own paragraph); an empty cell still holds one paragraph, as Word requires. */
export function cell(lines: readonly string[], o: CellOptions): TableCell {
  const style: TextStyle = { bold: o.bold, italic: o.italic, align: o.align ?? 'left', size: o.size ?? TABLE };
  const children = lines.length ? lines.map((l) => para(l, style)) : [para('', style)];
  return new TableCell({
    children,
    width: { size: o.width, type: WidthType.DXA },
    columnSpan: o.span,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
  });
}

/** A bordered table with fixed column widths (twips) whose first row is its header, repeated on every page. */
export function gridTable(widths: number[], header: string[], body: TableRow[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((h, i) => cell([h], { width: widths[i], bold: true, align: 'center' })),
      }),
      ...body,
    ],
  });
}

/** A row spanning the whole table: a section ("I. CÁC SỞ, BAN, NGÀNH") or a parent under it. */
export function spanRow(text: string, widths: number[], style: { bold?: boolean; italic?: boolean } = { bold: true }): TableRow {
  return new TableRow({ cantSplit: true, children: [cell([text], { width: widths.reduce((a, b) => a + b, 0), span: widths.length, ...style })] });
}

/** A borderless layout table: the header block, the signature block. */
export function layoutTable(widths: number[], rows: TableCell[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: rows.map((children) => new TableRow({ children })),
  });
}

/** A layout cell holding paragraphs. */
export function box(children: Paragraph[], width: number): TableCell {
  return new TableCell({ children: children.length ? children : [para('')], width: { size: width, type: WidthType.DXA }, margins: { left: 0, right: 0 } });
}
