import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitNameKey } from '@chitieu/domain';
import { DAKLAK_2022_ONLINE_RATE } from '../../../packages/domain/src/__fixtures__/daklak-2022';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, ok, type Demo } from '../../support/documents';

/**
 * Spreadsheets out: the plan's annex as the province publishes it and the dashboard's progress
 * table, read back with exceljs and compared with the decision (fixture) and with the GraphQL
 * `progress` answer.
 */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const STATUS_VI: Record<string, string> = {
  ACHIEVED: 'Đạt',
  NOT_ACHIEVED: 'Không đạt',
  NOT_APPLICABLE: 'Không phát sinh hồ sơ',
  NO_DATA: 'Chưa có số liệu',
  NO_TARGET: 'Chưa giao chỉ tiêu',
};

type Cell = ExcelJS.CellValue;
const text = (v: Cell): string => (v === null || v === undefined ? '' : typeof v === 'object' && 'richText' in v ? v.richText.map((t) => t.text).join('') : String(v));

const FIGURE = 'numerator denominator value';
const NODE = `unit { id name } target { value comparator } rolledUp { ${FIGURE} } status gap rank`;
const PROGRESS = `query($planId: ID!, $indicatorId: ID!, $unitId: ID!, $period: String) {
  progress(planId: $planId, indicatorId: $indicatorId, unitId: $unitId, period: $period) { ${NODE} children { ${NODE} } } }`;
type Node = {
  unit: { id: string; name: string };
  target: { value: number; comparator: string } | null;
  rolledUp: { numerator: number | null; denominator: number | null; value: number | null };
  status: string;
  gap: number | null;
  rank: number | null;
};

describe.each(await testDatabases())('spreadsheet exports on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;
  let huyen: string;
  let analyst: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    [tinh, huyen, analyst] = await Promise.all([s.login('tinh.daklak'), s.login('huyen.krongana'), s.login('phantich.daklak')]);
  });
  afterAll(async () => s?.close());

  async function get(path: string, token?: string, lang?: string) {
    const res = await fetch(`${s.url}${path}`, {
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(lang ? { 'accept-language': lang } : {}) },
    });
    const body = Buffer.from(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) as { error: { code: string; message: string } } };
  }

  async function sheet(path: string, token: string): Promise<ExcelJS.Worksheet> {
    const res = await get(path, token);
    expect(res.status, res.body.toString('utf8').slice(0, 300)).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    return wb.worksheets[0];
  }

  /** Row values, 1-based columns, as plain arrays. */
  const rows = (ws: ExcelJS.Worksheet): Cell[][] => {
    const out: Cell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) out.push(Array.from({ length: ws.columnCount }, (_, c) => ws.getCell(r, c + 1).value));
    return out;
  };

  const annexPath = () => `/export/plans/${d.plan(2022)}/annex.xlsx`;

  /** The annex's table: header rows, columns of the online-rate indicator, sections with their rows. */
  function readAnnex(ws: ExcelJS.Worksheet) {
    const all = rows(ws);
    const h1 = all.findIndex((r) => r[0] === 'STT');
    const [top, sub] = [all[h1].map(text), all[h1 + 1].map(text)];
    const col = (indicator: RegExp, part: RegExp) => top.findIndex((t, i) => indicator.test(t) && part.test(sub[i]));
    const sections: { heading: string; rows: Cell[][] }[] = [];
    for (const r of all.slice(h1 + 2)) {
      if (typeof r[0] === 'string') sections.push({ heading: r[0], rows: [] });
      else if (typeof r[0] === 'number') sections.at(-1)!.rows.push(r);
    }
    return {
      h1: h1 + 1,
      top,
      sub,
      sections,
      digitization: col(/Số hóa/, /^Mức giao năm 2022$/),
      baseline: col(/trực tuyến/, /^Thực hiện năm 2021$/),
      target: col(/trực tuyến/, /^Mức giao năm 2022$/),
    };
  }

  it('regenerates the 2022 annex: every baseline and target of the decision on its unit’s row, in the decision’s order', async () => {
    const ws = await sheet(annexPath(), tinh);
    const a = readAnnex(ws);
    expect(
      [a.digitization, a.baseline, a.target].every((i) => i >= 2),
      JSON.stringify(a.top),
    ).toBe(true);
    const byGroup = { AGENCY: a.sections[0].rows, DISTRICT: a.sections[1].rows };
    expect(byGroup.AGENCY).toHaveLength(18);
    expect(byGroup.DISTRICT).toHaveLength(15);
    const seen = { AGENCY: 0, DISTRICT: 0 };
    for (const want of DAKLAK_2022_ONLINE_RATE) {
      const row = byGroup[want.group][seen[want.group]++];
      const where = `${want.group} ${seen[want.group]}: ${want.name}`;
      expect(row[0], where).toBe(seen[want.group]); // STT
      // Agencies by their name; districts by the register name behind the document's spelling ("Krông Ana" = "Krông A Na").
      if (want.group === 'AGENCY') expect(row[1], where).toBe(want.name);
      else expect(unitNameKey(text(row[1])), where).toBe(unitNameKey(want.name));
      expect(row[a.target], where).toBe(want.target2022);
      if (want.baseline2021 === null) expect(text(row[a.baseline]), where).toMatch(/^Không có hồ sơ phát sinh/);
      else expect(row[a.baseline], where).toBe(want.baseline2021);
      expect(row[a.digitization], where).toBe(want.group === 'AGENCY' ? 50 : 40);
    }
    expect(byGroup.DISTRICT[0][1]).toBe('UBND thành phố Buôn Ma Thuột');
    expect(byGroup.DISTRICT[2][1]).toBe('UBND huyện Krông A Na');
  });

  it('lays the annex out as published: title rows, merged cells, header, sections, borders, A4 landscape with repeated header', async () => {
    const ws = await sheet(annexPath(), analyst);
    const a = readAnnex(ws);
    const last = ws.columnCount;
    expect(last).toBe(6); // STT, name, digitisation target, procedures at level 3-4 (a fact column), 2021 online rate, 2022 online-rate target
    expect(ws.getCell('A1').value).toBe('Phụ lục');
    expect(text(ws.getCell('A2').value)).toMatch(/^GIAO CHỈ TIÊU SỐ HÓA HỒ SƠ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH.*NĂM 2022 TRÊN ĐỊA BÀN TỈNH ĐẮK LẮK$/);
    expect(text(ws.getCell('A3').value)).toMatch(/^\(Kèm theo Quyết định số \/QĐ-UBND ngày\s+\/\s+\/2022 của UBND tỉnh Đắk Lắk\)$/);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    for (const m of ['A1:F1', 'A2:F2', 'A3:F3', `A${a.h1}:A${a.h1 + 1}`, `B${a.h1}:B${a.h1 + 1}`, `D${a.h1}:F${a.h1}`]) expect(merges).toContain(m);
    expect(a.top.slice(0, 2)).toEqual(['STT', 'Cơ quan, đơn vị']);
    expect(a.top[2]).toMatch(/^Số hóa hồ sơ/); // the decision does not number its indicators
    expect(a.top[3]).toMatch(/^Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến/);
    expect(a.sub.slice(2)).toEqual(['Mức giao năm 2022', 'Số lượng TTHC mức độ 3, 4', 'Thực hiện năm 2021', 'Mức giao năm 2022']);
    expect(a.sections.map((x) => x.heading)).toEqual(['I. CÁC SỞ, BAN, NGÀNH', 'II. UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ']);
    expect(a.sections.map((x) => x.rows.map((r) => r[0]))).toEqual([Array.from({ length: 18 }, (_, i) => i + 1), Array.from({ length: 15 }, (_, i) => i + 1)]);
    // Print: A4 (9) landscape, one page wide, the two header rows on every page.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: `${a.h1}:${a.h1 + 1}` });
    // Percentages: the cell holds the figure, the format adds "%" with the decimals it has.
    const firstRow = a.h1 + 3; // header, header, section I
    expect(ws.getCell(firstRow, 2).value).toBe('Sở Công Thương');
    expect(ws.getCell(firstRow, a.baseline + 1)).toMatchObject({ value: 99.96, numFmt: '0.00"%"' });
    expect(ws.getCell(firstRow, a.target + 1)).toMatchObject({ value: 99, numFmt: '0"%"' });
    const stttt = a.sections[0].rows.findIndex((r) => r[1] === 'Sở Thông tin và Truyền thông');
    expect(ws.getCell(firstRow + stttt, a.baseline + 1)).toMatchObject({ value: 97.4, numFmt: '0.0"%"' });
    for (let c = 1; c <= last; c++)
      expect(ws.getCell(firstRow, c).border, `column ${c}`).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    for (let c = 1; c <= last; c++) expect(ws.getColumn(c).width, `column ${c}`).toBeGreaterThan(5);
  });

  it('sends the file name in ASCII and in full (RFC 5987)', async () => {
    const res = await get(annexPath(), tinh);
    const cd = res.headers.get('content-disposition')!;
    expect(cd).toContain('attachment; filename="Phu luc 2022 - Tinh Dak Lak.xlsx"');
    expect(cd).toContain(`filename*=UTF-8''${encodeURIComponent('Phụ lục 2022 - Tỉnh Đắk Lắk.xlsx')}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('gives a district its own sub-assignment annex: its communes, numbered, under their section', async () => {
    const ws = await sheet(annexPath(), huyen); // no unitId: the district's own children
    const a = readAnnex(ws);
    expect(text(ws.getCell('A4').value)).toBe('Mức giao của UBND huyện Krông A Na cho các đơn vị trực thuộc');
    expect(a.sections.map((x) => x.heading)).toEqual(['I. UBND CÁC XÃ, THỊ TRẤN']);
    expect(a.sections[0].rows).toHaveLength(d.childrenOf('655').length);
    expect(a.sections[0].rows.map((r) => r[1])).toContain('UBND thị trấn Buôn Trấp');
    // The province exporting the same annex by unit gets the same rows.
    const same = readAnnex(await sheet(`${annexPath()}?unitId=${d.unit('655')}`, tinh));
    expect(same.sections).toEqual(a.sections);
  });

  it.each([
    ['2022', 'the province', '66', () => tinh],
    ['2022-Q2', 'Huyện Krông A Na', '655', () => huyen],
  ])('exports the progress table for %s of %s as the GraphQL progress query answers it', async (period, _name, code, token) => {
    const args = { planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE'), unitId: d.unit(code), period };
    const want = ok(await s.gql<{ progress: Node & { children: Node[] } }>(PROGRESS, args, token())).progress;
    const ws = await sheet(`/export/progress.xlsx?${new URLSearchParams(args)}`, token());
    const all = rows(ws);
    expect(text(all[0][0])).toBe('TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU');
    const titles = all
      .slice(1, 5)
      .map((r) => text(r[0]))
      .join('\n');
    expect(titles).toContain('Kế hoạch: Về việc giao chỉ tiêu số hóa');
    expect(titles).toContain('Chỉ tiêu: Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến');
    expect(titles).toContain(`Đơn vị: ${want.unit.name} — Kỳ: ${period === '2022' ? 'Năm 2022' : 'Quý 2/2022'}`);
    const h = all.findIndex((r) => r[0] === 'STT');
    expect(all[h].map(text)).toEqual(['STT', 'Đơn vị', 'Mức giao', 'b (đạt)', 'a (tổng)', 'Kết quả', 'Trạng thái', 'Chênh lệch (điểm %)', 'Xếp hạng']);
    const body = all.slice(h + 1).filter((r) => r[1] !== null);
    expect(body).toHaveLength(1 + want.children.length);
    [want, ...want.children].forEach((n, i) => {
      const where = `${i}: ${n.unit.name}`;
      expect(body[i], where).toEqual([
        i === 0 ? null : i,
        n.unit.name,
        n.target?.value ?? null,
        n.rolledUp.numerator,
        n.rolledUp.denominator,
        n.rolledUp.value,
        STATUS_VI[n.status],
        n.gap,
        n.rank,
      ]);
    });
    expect(want.children.length).toBeGreaterThan(0);
    expect(want.children.some((c) => c.rank !== null)).toBe(true);
    expect(ws.getCell(h + 2, 6).numFmt).toBe('0.00"%"');
  });

  it('keeps scope as GraphQL does: a district exports its own progress, not another district’s (404 in the user’s language)', async () => {
    const q = (unit: string) => `/export/progress.xlsx?${new URLSearchParams({ planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE'), unitId: d.unit(unit) })}`;
    expect((await get(q('655'), huyen)).status).toBe(200);
    const other = await get(q('643'), huyen);
    expect(other.status).toBe(404);
    expect(other.json().error).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/^Không tìm thấy đơn vị/) });
    const english = await get(q('643'), huyen, 'en');
    expect(english.json().error.message).toMatch(/^Not found/);
    // The annex of another district, and a draft plan of the province, are just as unseen.
    expect((await get(`${annexPath()}?unitId=${d.unit('643')}`, huyen)).status).toBe(404);
    const draft = await get(`/export/plans/${d.plan(2024)}/annex.xlsx`, huyen);
    expect(draft.status).toBe(404);
    expect(draft.json().error.message).toMatch(/^Không tìm thấy kế hoạch/);
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'not-a-session'],
  ])('answers 401 with %s', async (_what, token) => {
    for (const path of [annexPath(), `/export/progress.xlsx?planId=${d.plan(2022)}&indicatorId=1&unitId=1`]) {
      const res = await get(path, token);
      expect(res.status, path).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers 400 for a missing parameter or a bad period', async () => {
    const base = { planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE') };
    const missing = await get(`/export/progress.xlsx?${new URLSearchParams(base)}`, tinh);
    expect(missing.status).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('unitId') });
    const period = await get(`/export/progress.xlsx?${new URLSearchParams({ ...base, unitId: d.unit('66'), period: '2022-13' })}`, tinh);
    expect(period.status).toBe(400);
    expect(period.json().error).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringContaining('2022-13') });
  });
});
