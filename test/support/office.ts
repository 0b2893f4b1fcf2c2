/** Reading back what the product exports: DOCX (WordprocessingML) and XLSX cells, for the specs. */
import { inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';

/** The entries of a zip archive (stored or deflated), read from its central directory. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const [method, size, nameLength, extra, comment, local] = [10, 20, 28, 30, 32, 42].map((o) => (o === 20 || o === 42 ? buf.readUInt32LE(at + o) : buf.readUInt16LE(at + o)));
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
/** The text of each paragraph of a piece of WordprocessingML. */
export const paragraphs = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => decode([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
/** Tables → rows → cells (their paragraphs joined by "\n"), and whether each table's first row repeats as a header. */
export function tables(xml: string) {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => {
    const rows = [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => r[0]);
    return {
      header: rows[0]?.includes('<w:tblHeader/>') ?? false,
      rows: rows.map((r) => [...r.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => paragraphs(c[0]).join('\n'))),
    };
  });
}

export type Cell = ExcelJS.CellValue;
export const cellText = (v: Cell): string => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : String(v));
