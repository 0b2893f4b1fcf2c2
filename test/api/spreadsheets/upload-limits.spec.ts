/**
 * Issue #11, classes 1 and 2: uploads that held the event loop (a one-line CSV of "a,", a
 * 200,000-row sheet) and zip bombs (an XLSX whose parts inflate to hundreds of MB, or lie about
 * their size) are refused in the user's language, while /healthz, polled on its own connection
 * during the upload, keeps answering in under 200 ms and the process does not balloon. The server
 * runs in this process, so process.memoryUsage() is the server's.
 */
import http from 'node:http';
import { monthsAgo } from '../../support/periods';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo } from '../../support/documents';
import { READ_WORKER_HEAP_MB } from '../../../server/src/modules/spreadsheets/read-limits';

type Answer = { status: number; body: { rows?: unknown[]; summary?: { rows: number; matched: number }; error?: { code: string; message: string } } };

const HEALTH_BOUND_MS = 200;
/**
 * The reading worker runs in this process, with a heap of at most READ_WORKER_HEAP_MB (256): a
 * legitimate read up to the limits may use that much; the bombs took 850 MB to 1.2 GB before.
 */
const RSS_BOUND_MB = READ_WORKER_HEAP_MB + 64;
const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// A minimal XLSX written by hand, so that its parts (and the sizes its headers declare) are ours.

interface ZipPart {
  name: string;
  /** Raw-deflated bytes. */
  data: Buffer;
  crc: number;
  size: number;
  /** What the local header and the central directory claim (default: the truth). */
  declaredSize?: number;
}

async function deflatePart(name: string, pieces: (Buffer | { byte: number; size: number })[]): Promise<ZipPart> {
  const d = zlib.createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = zlib.crc32(b, crc);
    size += b.length;
    if (!d.write(b)) await once(d, 'drain');
  };
  for (const p of pieces) {
    if (Buffer.isBuffer(p)) await write(p);
    else {
      // A long run streamed through in 1 MB chunks: the test never holds the inflated bytes.
      const chunk = Buffer.alloc(MB, p.byte);
      for (let left = p.size; left > 0; left -= MB) await write(left >= MB ? chunk : chunk.subarray(0, left));
    }
  }
  d.end();
  await once(d, 'end');
  return { name, data: Buffer.concat(out), crc, size };
}

function zip(parts: ZipPart[]): Buffer {
  const files: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    files.push(local, name, p.data);
    central.push(dir, name);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...files, cd, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>`;
const SHEET_CLOSE = '</sheetData></worksheet>';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Rows as sheet XML (inline strings and numbers). */
function sheetRows(rows: (string | number)[][], from = 1): string {
  const col = (i: number) => String.fromCharCode(65 + i);
  return rows
    .map((r, k) => {
      const n = from + k;
      const cells = r.map((v, i) => (typeof v === 'number' ? `<c r="${col(i)}${n}"><v>${v}</v></c>` : `<c r="${col(i)}${n}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`));
      return `<row r="${n}">${cells.join('')}</row>`;
    })
    .join('');
}

/** An XLSX of one sheet, the sheet given as its parts (so a run of padding can be streamed in). */
async function xlsx(sheet: (Buffer | { byte: number; size: number })[], extra: ZipPart[] = [], lie?: number): Promise<Buffer> {
  const text = (name: string, s: string) => deflatePart(name, [Buffer.from(s)]);
  const sheetPart = await deflatePart('xl/worksheets/sheet1.xml', sheet);
  if (lie !== undefined) sheetPart.declaredSize = lie;
  return zip([
    await text(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    await text(
      '_rels/.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    await text(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Kết quả" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    await text(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    sheetPart,
    ...extra,
  ]);
}

const HEADER: (string | number)[] = ['Tên đơn vị', 'Số hồ sơ trực tuyến (b)', 'Tổng số hồ sơ (a)'];
const GOOD_ROW: (string | number)[] = ['Thị trấn Buôn Trấp', 1, 2];

// ---------------------------------------------------------------------------------------------

describe.each(await testDatabases())('upload limits on %s', (kind) => {
  let s: TestServer;
  let token: string;
  let planId: string;
  let indicatorId: string;
  // /healthz on a connection of its own, never queued behind the upload; a fresh one per watched
  // upload, since a socket left idle while the next test builds its file may be closed by the
  // server's keep-alive timeout just as it is reused (ECONNRESET, nothing to do with the upload).
  let healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    const d = await demo(s);
    planId = d.plan(2022);
    indicatorId = d.indicator('DLK22-ONLINE-RATE');
    token = await s.login('xa.buontrap');
  });
  afterAll(async () => {
    healthAgent.destroy();
    await s?.close();
  });

  function health(): Promise<number> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.get(`${s.url}/healthz`, { agent: healthAgent }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`healthz ${res.statusCode}`))));
      });
      req.on('error', reject);
    });
  }

  async function send(file: Buffer, name: string, headers: Record<string, string> = {}, period = monthsAgo(1)): Promise<Answer> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), name);
    // Dry runs: the read is what is tested here, and a dry run answers 200 whatever the lines hold.
    const qs = new URLSearchParams({ planId, indicatorId, period, dryRun: 'true' });
    const res = await fetch(`${s.url}/import/results?${qs}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}`, ...headers } });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }

  /** The upload, with /healthz polled every ~50 ms until it is answered; the slowest poll and the RSS growth. */
  async function sendWatched(file: Buffer, name: string, headers: Record<string, string> = {}) {
    healthAgent.destroy();
    healthAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const samples: number[] = [];
    let done = false;
    const upload = send(file, name, headers).finally(() => {
      done = true;
    });
    const poll = (async () => {
      while (!done || samples.length < 3) {
        samples.push(await health());
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const [answer] = await Promise.all([upload, poll]);
    return { answer, slowest: Math.max(...samples), samples: samples.length, rssGrowthMb: (peakRss - rssBefore) / MB };
  }

  const resultCount = async () => Number((await s.ds.query('SELECT COUNT(*) AS n FROM result WHERE indicatorId = ?', [Number(indicatorId)]))[0].n);

  it('still imports an ordinary XLSX and CSV (and warms the reader up)', async () => {
    const file = await xlsx([Buffer.from(SHEET_OPEN + sheetRows([HEADER, GOOD_ROW]) + SHEET_CLOSE)]);
    const dry = await send(file, 'ket-qua.xlsx');
    expect(dry.status).toBe(200);
    expect(dry.body.summary).toMatchObject({ rows: 1, matched: 1 });
    const csv = await send(Buffer.from(`${HEADER.join(';')}\r\n${GOOD_ROW.join(';')}\r\n`), 'ket-qua.csv', {}, monthsAgo(2));
    expect(csv.status).toBe(200);
    expect(csv.body.summary).toMatchObject({ rows: 1, matched: 1 });
  });

  it('refuses the one-line 2 MB CSV of "a," (413, in Vietnamese and English) while /healthz stays fast', async () => {
    const before = await resultCount();
    const file = Buffer.from('a,'.repeat(1024 * 1024));
    const { answer, slowest } = await sendWatched(file, 'a.csv');
    expect(answer.status).toBe(413);
    expect(answer.body.error).toEqual({ code: 'FILE_TOO_MANY_COLUMNS', message: 'Dòng 1 có hơn 200 cột; hãy chỉ giữ các cột của biểu mẫu' });
    expect(slowest).toBeLessThan(HEALTH_BOUND_MS);
    const en = await send(file, 'a.csv', { 'accept-language': 'en' });
    expect(en.body.error?.message).toBe('Line 1 has more than 200 columns; keep only the columns of the template');
    expect(await resultCount()).toBe(before);
  });

  it('refuses a CSV with a cell over 1,000 characters (413)', async () => {
    const res = await send(Buffer.from(`${HEADER.join(';')}\n${'x'.repeat(5000)};1;2\n`), 'dai.csv');
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('FILE_CELL_TOO_LONG');
    expect(res.body.error?.message).toBe('Dòng 2 có ô dài hơn 1000 ký tự');
  });

  it('refuses a CSV of more than 200,000 rows (413) while /healthz stays fast', async () => {
    const lines = [HEADER.join(';'), ...Array.from({ length: 200_001 }, (_, i) => `Xã ${i};1;2`)];
    const { answer, slowest } = await sendWatched(Buffer.from(lines.join('\n')), 'dai.csv');
    expect(answer.status).toBe(413);
    expect(answer.body.error).toEqual({ code: 'FILE_ROWS_OVER_LIMIT', message: 'Tệp có hơn 200000 dòng, vượt giới hạn đọc; hãy chia thành các tệp nhỏ hơn' });
    expect(slowest).toBeLessThan(HEALTH_BOUND_MS);
  });

  it('reads a 100,000-row results CSV through, every line answered (a results import takes up to 200,000)', async () => {
    const lines = [HEADER.join(';'), ...Array.from({ length: 100_000 }, (_, i) => `Xã ${i};1;2`)];
    const res = await send(Buffer.from(lines.join('\n')), 'ket-qua.csv');
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ rows: 100_000, matched: 0 });
  });

  it('refuses an XLSX of more than 200,000 rows (413) while /healthz stays fast', async () => {
    const rows = Array.from({ length: 200_001 }, (_, i): (string | number)[] => [i, 1, 2]);
    const file = await xlsx([Buffer.from(SHEET_OPEN + sheetRows([HEADER]) + sheetRows(rows, 2) + SHEET_CLOSE)]);
    const { answer, slowest, rssGrowthMb } = await sendWatched(file, 'dai.xlsx');
    expect(answer.status).toBe(413);
    expect(answer.body.error?.code).toBe('FILE_ROWS_OVER_LIMIT');
    expect(slowest).toBeLessThan(HEALTH_BOUND_MS);
    expect(rssGrowthMb).toBeLessThan(RSS_BOUND_MB);
  });

  describe('zip bombs', () => {
    const sheet = () => [Buffer.from(SHEET_OPEN + sheetRows([HEADER, GOOD_ROW]))];

    it('refuses an XLSX with an extra entry inflating to 300 MB (413) without inflating it', async () => {
      const media = await deflatePart('xl/media/image1.png', [{ byte: 0, size: 300 * MB }]);
      const file = await xlsx([...sheet(), Buffer.from(SHEET_CLOSE)], [media]);
      expect(file.length).toBeLessThan(MB);
      const { answer, slowest, rssGrowthMb } = await sendWatched(file, 'bom.xlsx');
      expect(answer.status).toBe(413);
      expect(answer.body.error).toEqual({
        code: 'FILE_ARCHIVE_TOO_LARGE',
        message: 'Tệp XLSX khi giải nén lớn hơn 50 MB; hãy bỏ hình ảnh, các trang tính thừa hoặc chia nhỏ tệp',
      });
      expect(slowest).toBeLessThan(HEALTH_BOUND_MS);
      expect(rssGrowthMb).toBeLessThan(RSS_BOUND_MB);
    });

    it('refuses a sheet whose headers say 2 KB but which inflates to 300 MB (422), counting as it inflates', async () => {
      const file = await xlsx([...sheet(), { byte: 0x20, size: 300 * MB }, Buffer.from(SHEET_CLOSE)], [], 2048);
      const { answer, slowest, rssGrowthMb } = await sendWatched(file, 'bom.xlsx', { 'accept-language': 'en' });
      expect(answer.status).toBe(422);
      expect(answer.body.error).toEqual({
        code: 'FILE_ARCHIVE_SUSPICIOUS',
        message: 'The XLSX file has an abnormal structure (over-compressed, too many parts or false sizes) and was not read; open it in Excel and save it again',
      });
      expect(slowest).toBeLessThan(HEALTH_BOUND_MS);
      expect(rssGrowthMb).toBeLessThan(RSS_BOUND_MB);
    });

    it('refuses a sheet honestly declared at 40 MB that compresses 1000:1 (422)', async () => {
      const file = await xlsx([...sheet(), { byte: 0x20, size: 40 * MB }, Buffer.from(SHEET_CLOSE)]);
      const res = await send(file, 'bom.xlsx');
      expect(res.status).toBe(422);
      expect(res.body.error?.code).toBe('FILE_ARCHIVE_SUSPICIOUS');
    });

    it('refuses an archive of 600 entries (422)', async () => {
      const empty = await deflatePart('x', [Buffer.from('')]);
      const file = await xlsx(
        [...sheet(), Buffer.from(SHEET_CLOSE)],
        Array.from({ length: 600 }, (_, i) => ({ ...empty, name: `xl/media/e${i}.bin` })),
      );
      const res = await send(file, 'nhieu.xlsx');
      expect(res.status).toBe(422);
      expect(res.body.error?.code).toBe('FILE_ARCHIVE_SUSPICIOUS');
    });
  });
});
