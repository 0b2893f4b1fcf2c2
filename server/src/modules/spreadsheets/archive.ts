/**
 * XLSX files are zip archives, and a zip can be a bomb: a 400 KB file whose entries inflate to
 * gigabytes, or whose headers lie about their sizes. Before anything is inflated the central
 * directory is read (yauzl) and the archive refused when its entry count, total uncompressed size
 * or compression ratio is out of bounds; then only the parts a first-sheet read needs are
 * inflated, counting bytes as they come (yauzl's validateEntrySizes refuses an entry that inflates
 * past what it declared). Those parts are handed on as a small uncompressed zip in a fixed order.
 */
import path from 'node:path';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { ARCHIVE_RATIO_FLOOR_BYTES, MAX_ARCHIVE_ENTRIES, MAX_ARCHIVE_RATIO, MAX_ARCHIVE_UNCOMPRESSED_BYTES } from './read-limits';
import { SheetFileError } from './sheets-error';

const MB = 1024 * 1024;

const suspicious = (why: string) => new SheetFileError(`suspicious archive: ${why}`, 'FILE_ARCHIVE_SUSPICIOUS', 422);
const tooLarge = () => new SheetFileError('the archive inflates past the limit', 'FILE_ARCHIVE_TOO_LARGE', 413, { maxMb: MAX_ARCHIVE_UNCOMPRESSED_BYTES / MB });
const notXlsx = (why: string) => new SheetFileError(`the file is a zip archive but not an XLSX workbook: ${why}`);

/** One entry's bytes, inflated with a running count: never more than it declared, nor than `cap`. */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<Buffer> {
  if (entry.uncompressedSize > cap) throw tooLarge();
  let stream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch (err) {
    throw suspicious((err as Error).message);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.uncompressedSize || total > cap) {
        stream.destroy();
        throw suspicious(`${entry.fileName} inflates past its declared size`);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof SheetFileError) throw err;
    // yauzl: "too many bytes in the stream", a bad CRC, a broken deflate stream.
    throw suspicious((err as Error).message);
  }
  return Buffer.concat(chunks, total);
}

/** Attributes of the XML elements named `tag` (any namespace prefix), in document order. */
function elements(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const m of xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, 'g'))) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = a[2] ?? a[3];
    out.push(attrs);
  }
  return out;
}

/** A relationship target resolved against the part that owns it ("/xl/x.xml" is absolute). */
function resolveTarget(owner: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(owner), target));
}

const relsOf = (part: string) => path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);

/** A zip of stored (uncompressed) entries, in the given order: what exceljs' streaming reader reads. */
export function storedZip(entries: [string, Buffer][]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(fileName.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, fileName, data);
    central.push(dir, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const EMPTY_SST = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);
const EMPTY_RELS = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');

/**
 * The parts of an XLSX that reading its first worksheet needs, checked and inflated under the
 * limits, as a stored zip with the names and order exceljs' WorkbookReader expects (workbook,
 * styles and shared strings before the sheet, so it never spills the sheet to a temp file).
 */
export async function firstSheetArchive(bytes: Buffer): Promise<Buffer> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true });
  } catch (err) {
    throw notXlsx((err as Error).message);
  }
  try {
    if (zip.entryCount > MAX_ARCHIVE_ENTRIES) throw suspicious(`${zip.entryCount} entries`);
    // The central directory only: nothing is inflated until the whole archive passes.
    const entries = new Map<string, yauzl.Entry>();
    let declared = 0;
    let compressed = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        declared += entry.uncompressedSize;
        compressed += entry.compressedSize;
        if (declared > MAX_ARCHIVE_UNCOMPRESSED_BYTES) throw tooLarge();
        if (!entry.fileName.endsWith('/')) entries.set(entry.fileName.replace(/^\/+/, ''), entry);
      }
    } catch (err) {
      if (err instanceof SheetFileError) throw err;
      throw notXlsx((err as Error).message);
    }
    if (declared > ARCHIVE_RATIO_FLOOR_BYTES && declared > MAX_ARCHIVE_RATIO * Math.max(compressed, 1)) {
      throw suspicious(`compression ratio ${Math.round(declared / Math.max(compressed, 1))}:1`);
    }
    // Each part is inflated at most once, and all of them together stay under the limit.
    let budget = MAX_ARCHIVE_UNCOMPRESSED_BYTES;
    const read = async (name: string): Promise<Buffer | null> => {
      const entry = entries.get(name);
      if (!entry) return null;
      const data = await inflate(zip, entry, budget);
      budget -= data.length;
      return data;
    };
    const rootRels = await read('_rels/.rels');
    const officeDoc = rootRels && elements(rootRels.toString('utf8'), 'Relationship').find((r) => /\/officeDocument$/.test(r.Type ?? ''));
    const workbookPath = officeDoc?.Target ? resolveTarget('', officeDoc.Target) : 'xl/workbook.xml';
    const workbook = await read(workbookPath);
    if (!workbook) throw notXlsx('no workbook part');
    const workbookRels = (await read(relsOf(workbookPath))) ?? EMPTY_RELS;
    const rels = elements(workbookRels.toString('utf8'), 'Relationship');
    const target = (type: RegExp, id?: string) => {
      const rel = rels.find((r) => (id ? r.Id === id : type.test(r.Type ?? '')));
      return rel?.Target ? resolveTarget(workbookPath, rel.Target) : null;
    };
    // The first sheet in the workbook's order (what exceljs' worksheets[0] was).
    const firstSheet = elements(workbook.toString('utf8'), 'sheet')[0];
    const sheetId = firstSheet && (firstSheet['r:id'] ?? Object.entries(firstSheet).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1]);
    const sheetPath = sheetId ? target(/./, sheetId) : null;
    const sheet = sheetPath ? await read(sheetPath) : null;
    if (!sheet) throw new SheetFileError('the workbook has no worksheet');
    const stylesPath = target(/\/styles$/);
    const sharedPath = target(/\/sharedStrings$/);
    const styles = stylesPath ? await read(stylesPath) : null;
    const shared = sharedPath ? await read(sharedPath) : null;
    // The reader finds the sheet by its relationship "worksheets/sheet1.xml": say so.
    const rewiredRels = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="${escapeXml(sheetId!)}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    );
    return storedZip([
      ['xl/_rels/workbook.xml.rels', rewiredRels],
      ['xl/workbook.xml', workbook],
      ...(styles ? [['xl/styles.xml', styles] as [string, Buffer]] : []),
      ['xl/sharedStrings.xml', shared ?? EMPTY_SST],
      ['xl/worksheets/sheet1.xml', sheet],
    ]);
  } finally {
    zip.close();
  }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
