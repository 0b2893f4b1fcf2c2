/**
 * POST /import/{baselines|targets|results} and GET /import/templates/{kind}.xlsx over HTTP:
 * files built here with exceljs (and as CSV), as people send them — the 2022 decision's own
 * spellings, Vietnamese numbers, title and group rows — matched, checked, applied once.
 */
import ExcelJS from 'exceljs';
import { monthsAgo, monthSlashYear } from '../../support/periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAKLAK_2022_ONLINE_RATE } from '../../../packages/domain/src/__fixtures__/daklak-2022';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { createIndicator, demo, draftPlan, progress, setTargets, targets, type Demo } from '../../support/documents';

type Issue = { code: string; severity: 'ERROR' | 'WARNING'; message: string };
type Row = { line: number; name: string; unit: { id: string; code: string | null; name: string } | null; values: Record<string, number | null>; issues: Issue[]; status: string };
type Summary = { rows: number; matched: number; errors: number; warnings: number; created: number; updated: number; unchanged: number; skipped: number; applied: boolean };
type Answer = { status: number; body: { rows: Row[]; summary: Summary; error?: { code: string; message: string } } };

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV as Excel's "CSV UTF-8" writes it in a Vietnamese locale: BOM, semicolons, CRLF. */
function csv(rows: (string | number)[][], delimiter = ';'): Buffer {
  const text = rows.map((r) => r.map((c) => (String(c).includes(delimiter) ? `"${c}"` : String(c))).join(delimiter)).join('\r\n');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

/** "99,96%" as the decision writes it. */
const viPercent = (n: number) => `${String(n).replace('.', ',')}%`;

describe.each(await testDatabases())('spreadsheet import on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  const tok: Record<string, string> = {};
  let plan22: string;
  let online22: string;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    for (const u of ['tinh.daklak', 'huyen.krongana', 'xa.buontrap', 'phantich.daklak']) tok[u] = await s.login(u);
    plan22 = d.plan(2022);
    online22 = d.indicator('DLK22-ONLINE-RATE');
  });
  afterAll(async () => s?.close());

  async function send(
    kindPath: string,
    query: Record<string, string | boolean>,
    file: Buffer | null,
    token: string | null,
    opts: { name?: string; type?: string; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const form = new FormData();
    if (file) form.append('file', new Blob([new Uint8Array(file)], { type: opts.type ?? XLSX_TYPE }), opts.name ?? 'bang.xlsx');
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
    const res = await fetch(`${s.url}/import/${kindPath}?${qs}`, {
      method: 'POST',
      body: form,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(opts.headers ?? {}) },
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }
  const count = async (sql: string, params: unknown[]) => Number((await s.ds.query(sql, params))[0].n);
  const targetRows = (planId: string) => count('SELECT COUNT(*) AS n FROM target WHERE planId = ?', [Number(planId)]);
  const resultRows = (indicatorId: string, period: string) => count('SELECT COUNT(*) AS n FROM result WHERE indicatorId = ? AND period = ?', [Number(indicatorId), period]);
  const codes = (r: Row) => r.issues.map((i) => i.code);

  /** The 2022 annex as the decision prints it: title rows, groups, its own names, "99,96%". */
  async function decisionSheet(change: (name: string, baseline: number | null) => number | null = (_n, b) => b): Promise<Buffer> {
    const row = (r: (typeof DAKLAK_2022_ONLINE_RATE)[number], i: number) => {
      const b = change(r.name, r.baseline2021);
      return [i + 1, r.name, b === null ? 'Không có hồ sơ phát sinh' : viPercent(b), r.target2022];
    };
    const agencies = DAKLAK_2022_ONLINE_RATE.filter((r) => r.group === 'AGENCY');
    const districts = DAKLAK_2022_ONLINE_RATE.filter((r) => r.group === 'DISTRICT');
    return xlsx([
      ['UBND TỈNH ĐẮK LẮK'],
      ['Phụ lục: BIỂU MỨC GIAO CHỈ TIÊU HỒ SƠ TIẾP NHẬN, GIẢI QUYẾT TRỰC TUYẾN NĂM 2022'],
      [],
      ['STT', 'Cơ quan, đơn vị', 'Kết quả 2021', 'Chỉ tiêu năm 2022 (%)'],
      ['I', 'CÁC SỞ, BAN, NGÀNH', null, null],
      ...agencies.map(row),
      ['II', 'UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ', null, null],
      ...districts.map((r, i) => row(r, agencies.length + i)),
    ]);
  }

  describe('the 2022 decision’s own table into the demo 2022 plan', () => {
    it('matches every one of its 33 names, "UBND huyện Krông Ana" to Huyện Krông A Na, and changes nothing', async () => {
      const file = await decisionSheet();
      const dry = await send('targets', { planId: plan22, indicatorId: online22, dryRun: true }, file, tok['tinh.daklak']);
      expect(dry.status).toBe(200);
      expect(dry.body.summary).toMatchObject({ rows: 33, matched: 33, errors: 0, created: 0, updated: 0, unchanged: 33, applied: false });
      const byName = new Map(dry.body.rows.map((r) => [r.name, r]));
      expect(byName.get('UBND huyện Krông Ana')!.unit).toMatchObject({ code: '655', name: 'Huyện Krông A Na' });
      expect(byName.get("UBND huyện M'Drắk")!.unit).toMatchObject({ code: '652', name: "Huyện M'Đrắk" });
      expect(byName.get('UBND thành phố Buôn Ma Thuột')!.unit).toMatchObject({ code: '643' });
      expect(byName.get('Sở Công Thương')!.values).toEqual({ target: 99, baseline: 99.96 });
      expect(byName.get('Ban Quản lý các Khu công nghiệp tỉnh')!.values).toEqual({ target: 50, baseline: null });
      // Line numbers are the sheet's: the header is on line 4, a group row on line 5.
      expect(dry.body.rows[0]).toMatchObject({ line: 6, name: 'Sở Công Thương', status: 'unchanged' });

      const before = await targetRows(plan22);
      const commit = await send('targets', { planId: plan22, indicatorId: online22 }, file, tok['tinh.daklak']);
      expect(commit.status).toBe(200);
      expect(commit.body.summary).toMatchObject({ created: 0, updated: 0, unchanged: 33, applied: true });
      expect(await targetRows(plan22)).toBe(before);
    });

    it('as baselines: the same table is unchanged, and a changed baseline meets the issued plan (PLAN_NOT_EDITABLE)', async () => {
      const same = await send('baselines', { planId: plan22, indicatorId: online22, dryRun: true }, await decisionSheet(), tok['tinh.daklak']);
      expect(same.body.summary).toMatchObject({ rows: 33, matched: 33, errors: 0, unchanged: 33 });

      const changed = await decisionSheet((name, b) => (name === 'Sở Nội vụ' ? 93 : b));
      const dry = await send('baselines', { planId: plan22, indicatorId: online22, dryRun: true }, changed, tok['tinh.daklak']);
      const noiVu = dry.body.rows.find((r) => r.name === 'Sở Nội vụ')!;
      expect(noiVu.values).toEqual({ baseline: 93 });
      // 87 against 93: the warning the API gives too.
      expect(codes(noiVu)).toEqual(['PLAN_NOT_EDITABLE', 'BELOW_BASELINE']);
      expect(noiVu.issues[0].message).toMatch(/đã ban hành/);
      const commit = await send('baselines', { planId: plan22, indicatorId: online22 }, changed, tok['tinh.daklak']);
      expect(commit.status).toBe(422);
      expect(commit.body.summary).toMatchObject({ applied: false, errors: 1, updated: 0 });
      const stored = await targets(s, tok['tinh.daklak'], { planId: plan22, indicatorId: online22, unitId: d.unit('66.SNV') });
      expect(stored[0].baseline).toBe(92.57);
    });
  });

  describe('targets and baselines in a draft plan', () => {
    let plan: string;
    let rate: string;
    beforeAll(async () => {
      rate = await createIndicator(s, tok['tinh.daklak'], { code: 'T-IMP', name: 'Tỷ lệ (nhập thử)', measure: 'RATE', comparator: 'AT_LEAST' });
      plan = await draftPlan(s, tok['tinh.daklak'], { issuerId: d.unit('66'), year: 2024, title: 'Nhập chỉ tiêu (thử)' }, [
        { indicatorId: rate, floors: [{ kind: 'DISTRICT', value: 40 }] },
      ]);
    });

    it('lists every problem of a broken file, commits nothing without skipInvalid, the good lines with it, then nothing again', async () => {
      const file = await xlsx([
        ['Tên đơn vị', 'Chỉ tiêu'],
        ['UBND huyện Krông Búk', 45],
        ['Huyện Không Tồn Tại', 50],
        ['Phường Thống Nhất', 60],
        ['UBND huyện Lắk', 'bốn mươi'],
        ['UBND huyện Ea Súp', 150],
        ['UBND huyện Cư Kuin', '10'],
        ['Huyện Krông Búk', '46'],
        ['UBND huyện Krông Năng', '55,5'],
      ]);
      const dry = await send('targets', { planId: plan, indicatorId: rate, dryRun: true }, file, tok['tinh.daklak']);
      expect(dry.status).toBe(200);
      expect(dry.body.rows.map((r) => [r.line, codes(r).filter((c) => c !== 'PAST_DEADLINE')])).toEqual([
        [2, []],
        [3, ['UNIT_NOT_FOUND']],
        [4, ['UNIT_AMBIGUOUS']],
        [5, ['BAD_NUMBER']],
        [6, ['OUT_OF_RANGE']],
        [7, ['BELOW_FLOOR']],
        [8, ['DUPLICATE_ROW']],
        [9, []],
      ]);
      expect(dry.body.rows[2].issues[0].message).toMatch(/Phường Thống Nhất – 24127/);
      expect(dry.body.rows[7].values).toEqual({ target: 55.5 });
      expect(dry.body.summary).toMatchObject({ rows: 8, matched: 6, errors: 6, created: 2, applied: false });

      const before = await targetRows(plan);
      const refused = await send('targets', { planId: plan, indicatorId: rate }, file, tok['tinh.daklak']);
      expect(refused.status).toBe(422);
      expect(refused.body.summary).toMatchObject({ applied: false, created: 0, updated: 0 });
      expect(await targetRows(plan)).toBe(before);

      const skipping = await send('targets', { planId: plan, indicatorId: rate, skipInvalid: true }, file, tok['tinh.daklak']);
      expect(skipping.status).toBe(200);
      expect(skipping.body.summary).toMatchObject({ applied: true, created: 2, updated: 0, skipped: 6 });
      expect(await targetRows(plan)).toBe(before + 2);
      const stored = await targets(s, tok['tinh.daklak'], { planId: plan, indicatorId: rate });
      expect(Object.fromEntries(stored.map((t) => [t.unit.code, [t.value, t.origin]]))).toEqual({ 649: [45, 'MANUAL'], 650: [55.5, 'MANUAL'] });

      const again = await send('targets', { planId: plan, indicatorId: rate, skipInvalid: true }, file, tok['tinh.daklak']);
      expect(again.body.summary).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 2 });
      expect(await targetRows(plan)).toBe(before + 2);
    });

    it('sets baselines on the targets there are, and says NO_TARGET where there is none', async () => {
      const file = csv([
        ['Mã', 'Tên đơn vị', 'Cơ sở'],
        ['649', 'Huyện Krông Búk', '2,39'],
        ['', 'Huyện Krông Năng', 'Không có hồ sơ phát sinh'],
        ['', 'Huyện Krông Bông', '0,02'],
      ]);
      const opts = { name: 'ket-qua-2023.csv', type: 'text/csv' };
      const dry = await send('baselines', { planId: plan, indicatorId: rate, dryRun: true }, file, tok['tinh.daklak'], opts);
      expect(dry.body.rows.map((r) => [r.unit?.code, r.values, codes(r)])).toEqual([
        ['649', { baseline: 2.39 }, []],
        ['650', { baseline: null }, []],
        ['653', { baseline: 0.02 }, ['NO_TARGET']],
      ]);
      const commit = await send('baselines', { planId: plan, indicatorId: rate, skipInvalid: true }, file, tok['tinh.daklak'], opts);
      // Krông Năng had no baseline: "no dossier arose" leaves it so.
      expect(commit.body.summary).toMatchObject({ applied: true, updated: 1, unchanged: 1, errors: 1 });
      const stored = await targets(s, tok['tinh.daklak'], { planId: plan, indicatorId: rate });
      expect(Object.fromEntries(stored.map((t) => [t.unit.code, [t.value, t.baseline]]))).toEqual({ 649: [45, 2.39], 650: [55.5, null] });
    });

    it('keeps a district inside its own subtree: another district’s commune is NOT_IN_SCOPE and nothing is written', async () => {
      await setTargets(s, tok['tinh.daklak'], { planId: plan, indicatorId: rate, targets: [{ unitId: d.unit('655'), value: 50 }] });
      const file = await xlsx([
        ['Tên đơn vị', 'Chỉ tiêu'],
        ['Thị trấn Buôn Trấp', 70],
        ['Thị trấn Liên Sơn', 70],
      ]);
      const before = await targetRows(plan);
      const dry = await send('targets', { planId: plan, indicatorId: rate, dryRun: true }, file, tok['huyen.krongana']);
      // A draft plan is not the district's to see.
      expect(dry.status).toBe(404);
      expect(dry.body.error?.code).toBe('NOT_FOUND');
      const issued = await send('targets', { planId: plan22, indicatorId: online22 }, file, tok['huyen.krongana']);
      expect(issued.status).toBe(422);
      expect(issued.body.rows.map((r) => [r.unit?.code ?? null, codes(r).filter((c) => c !== 'PAST_DEADLINE')])).toEqual([
        ['24538', []],
        [null, ['NOT_IN_SCOPE']],
      ]);
      expect(await targetRows(plan)).toBe(before);
    });
  });

  describe('results of a district’s communes', () => {
    const header = ['Mã', 'Tên đơn vị', 'Số hồ sơ trực tuyến', 'Tổng số hồ sơ', 'Tỷ lệ (%)'];
    const lines = [
      ['24538', 'Thị trấn Buôn Trấp', '1.234', '1.500', '82,27'],
      ['', 'Xã Dray Sáp', 'Không có hồ sơ phát sinh', '', ''],
      ['', 'xã ea na', '45', '50', '90'],
      ['', 'Xã Băng A Drênh', '', '', ''],
    ];

    it('reads CSV with BOM and semicolons, commits once, and the same sheet as XLSX changes nothing', async () => {
      const period = monthsAgo(1);
      const file = csv([[`BÁO CÁO KẾT QUẢ THÁNG ${monthSlashYear(period)}`], header, ...lines]);
      const query = { planId: plan22, indicatorId: online22, period };
      const dry = await send('results', { ...query, dryRun: true }, file, tok['huyen.krongana'], { name: 'ket-qua.csv', type: 'text/csv' });
      expect(dry.status).toBe(200);
      expect(dry.body.rows.map((r) => [r.line, r.unit?.code, r.values, r.status])).toEqual([
        [3, '24538', { numerator: 1234, denominator: 1500 }, 'created'],
        [4, '24556', { numerator: 0, denominator: 0 }, 'created'],
        [5, '24559', { numerator: 45, denominator: 50 }, 'created'],
        [6, '24568', {}, 'skipped'],
      ]);
      expect(dry.body.summary).toMatchObject({ rows: 4, matched: 4, errors: 0, warnings: 1, created: 3 });
      expect(await resultRows(online22, period)).toBe(0);

      const commit = await send('results', query, file, tok['huyen.krongana'], { name: 'ket-qua.csv', type: 'text/csv' });
      expect(commit.body.summary).toMatchObject({ applied: true, created: 3, updated: 0 });
      expect(await resultRows(online22, period)).toBe(3);
      const p = await progress(s, tok['huyen.krongana'], { planId: plan22, indicatorId: online22, unitId: d.unit('24538'), period });
      expect(p.own).toEqual({ numerator: 1234, denominator: 1500, value: (100 * 1234) / 1500 });

      const asXlsx = await xlsx([
        [`BÁO CÁO KẾT QUẢ THÁNG ${monthSlashYear(period)}`],
        header,
        ...lines.map((l) => [l[0], l[1], l[2] === '1.234' ? 1234 : l[2], l[3] === '1.500' ? 1500 : l[3], l[4]]),
      ]);
      const again = await send('results', query, asXlsx, tok['huyen.krongana']);
      expect(again.body.summary).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 3 });
      expect(await resultRows(online22, period)).toBe(3);
    });

    it('refuses another district’s commune (NOT_IN_SCOPE) and b > a, writing nothing', async () => {
      const period = monthsAgo(2);
      const file = await xlsx([header, ['', 'Thị trấn Buôn Trấp', 10, 20], ['', 'Thị trấn Liên Sơn', 5, 10], ['', 'Xã Ea Na', 30, 20]]);
      const res = await send('results', { planId: plan22, indicatorId: online22, period }, file, tok['huyen.krongana']);
      expect(res.status).toBe(422);
      expect(res.body.rows.map(codes)).toEqual([[], ['NOT_IN_SCOPE'], ['OUT_OF_RANGE']]);
      expect(await resultRows(online22, period)).toBe(0);
    });

    it('lets a commune import its own figures, with the period in a column', async () => {
      const [first, second] = [monthsAgo(4), monthsAgo(3)];
      const file = await xlsx([
        ['Kỳ báo cáo', 'Tên đơn vị', 'Số hồ sơ trực tuyến', 'Tổng số hồ sơ'],
        [monthSlashYear(first), 'Thị trấn Buôn Trấp', 3, 4],
        [second, 'Thị trấn Buôn Trấp', 5, 6],
      ]);
      const res = await send('results', { planId: plan22, indicatorId: online22 }, file, tok['xa.buontrap']);
      expect(res.body.summary).toMatchObject({ applied: true, created: 2 });
      expect(await resultRows(online22, first)).toBe(1);
      expect(await resultRows(online22, second)).toBe(1);
    });

    it('says on its line why a figure is out of time (a period not begun, a year without a target) and writes only with skipInvalid', async () => {
      const future = monthsAgo(-2);
      const file = await xlsx([
        ['Kỳ báo cáo', 'Tên đơn vị', 'Số hồ sơ trực tuyến', 'Tổng số hồ sơ'],
        [monthsAgo(5), 'Thị trấn Buôn Trấp', 1, 2],
        [future, 'Thị trấn Buôn Trấp', 1, 2],
        ['1999-05', 'Thị trấn Buôn Trấp', 1, 2],
      ]);
      const res = await send('results', { planId: plan22, indicatorId: online22 }, file, tok['xa.buontrap']);
      expect(res.status).toBe(422);
      expect(res.body.rows.map(codes)).toEqual([[], ['PERIOD_OUT_OF_RANGE'], ['PERIOD_OUT_OF_RANGE']]);
      expect(res.body.rows[1].issues[0].message).toMatch(/chưa bắt đầu|chưa đến|tương lai/i);
      expect(await resultRows(online22, future)).toBe(0);
      const skip = await send('results', { planId: plan22, indicatorId: online22, skipInvalid: true }, file, tok['xa.buontrap']);
      expect(skip.body.summary).toMatchObject({ applied: true, created: 1, errors: 2 });
      expect(await resultRows(online22, '1999-05')).toBe(0);
    });
  });

  describe('requests refused as a whole', () => {
    const q = () => ({ planId: plan22, indicatorId: online22, period: monthsAgo(6), dryRun: true });
    const good = () =>
      xlsx([
        ['Tên đơn vị', 'Số hồ sơ trực tuyến', 'Tổng số hồ sơ'],
        ['Thị trấn Buôn Trấp', 1, 2],
      ]);

    it('401 without a token', async () => {
      const res = await send('results', q(), await good(), null);
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('UNAUTHENTICATED');
    });

    it('400 for a file that is not a spreadsheet, in the caller’s language', async () => {
      const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
      const vi = await send('results', q(), png, tok['huyen.krongana'], { name: 'anh.png', type: 'image/png' });
      expect(vi.status).toBe(400);
      expect(vi.body.error).toEqual({ code: 'FILE_NOT_SPREADSHEET', message: 'Tệp không phải bảng tính XLSX hoặc CSV' });
      const en = await send('results', q(), png, tok['huyen.krongana'], { name: 'anh.png', headers: { 'accept-language': 'en' } });
      expect(en.body.error?.message).toBe('The file is not an XLSX or CSV spreadsheet');
    });

    it.each([
      ['no file', 400, 'FILE_MISSING', 'results', {}, 'none'],
      ['an unknown kind', 404, 'UNKNOWN_KIND', 'budgets', {}, 'good'],
      ['no plan', 400, 'MISSING_PARAMETER', 'results', { planId: '' }, 'good'],
      ['no header', 400, 'FILE_NO_HEADER', 'results', {}, 'noHeader'],
      ['an old .xls workbook', 400, 'FILE_OLD_XLS', 'results', {}, 'xls'],
      ['a plan the caller cannot see', 404, 'NOT_FOUND', 'results', { planId: '987654' }, 'good'],
      // As many as one setTargets takes; a results import takes up to 200,000 lines (upload-limits.spec).
      ['more than 5,000 target lines', 400, 'FILE_TOO_MANY_ROWS', 'targets', {}, 'long'],
    ])('%s → %d %s', async (_label, status, code, kindPath, extra, fileKind) => {
      const file =
        fileKind === 'none'
          ? null
          : fileKind === 'noHeader'
            ? csv([
                ['a', 'b'],
                ['1', '2'],
              ])
            : fileKind === 'long'
              ? csv([['Tên đơn vị', 'Chỉ tiêu'], ...Array.from({ length: 5001 }, (_, i) => [`Xã ${i}`, 80])])
              : fileKind === 'xls'
                ? Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
                : await good();
      const res = await send(kindPath, { ...q(), ...extra }, file, tok['huyen.krongana']);
      expect(res.status).toBe(status);
      expect(res.body.error?.code).toBe(code);
      expect(res.body.error?.message).toBeTruthy();
    });

    it('403 for an analyst', async () => {
      const res = await send('results', q(), await good(), tok['phantich.daklak']);
      expect(res.status).toBe(403);
    });

    it('413 for a file over 10 MB', async () => {
      const res = await send('results', q(), Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), tok['huyen.krongana'], { name: 'big.csv', type: 'text/csv' });
      expect(res.status).toBe(413);
      expect(res.body.error?.code).toBe('FILE_TOO_LARGE');
    });
  });

  describe('templates', () => {
    it('lists the caller’s children under a Vietnamese header, and reads back as a file with no figures yet', async () => {
      const res = await fetch(`${s.url}/import/templates/results.xlsx?planId=${plan22}&indicatorId=${online22}`, {
        headers: { authorization: `Bearer ${tok['huyen.krongana']}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
      const bytes = Buffer.from(await res.arrayBuffer());
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect((ws.getRow(1).values as string[]).slice(1, 3)).toEqual(['Mã đơn vị', 'Tên đơn vị']);
      const codes = [] as string[];
      ws.eachRow((r, n) => n > 1 && codes.push(String(r.getCell(1).value)));
      expect(codes).toEqual(expect.arrayContaining(d.childrenOf('655')));

      const back = await send('results', { planId: plan22, indicatorId: online22, period: monthsAgo(7), dryRun: true }, bytes, tok['huyen.krongana']);
      expect(back.status).toBe(200);
      expect(back.body.summary).toMatchObject({ rows: codes.length, matched: codes.length, errors: 0 });
      expect(back.body.rows.every((r) => r.status === 'skipped')).toBe(true);
    });

    it.each(['targets', 'baselines'])('has a %s template without a plan, and 401 without a token', async (k) => {
      expect((await fetch(`${s.url}/import/templates/${k}.xlsx`, { headers: { authorization: `Bearer ${tok['tinh.daklak']}` } })).status).toBe(200);
      expect((await fetch(`${s.url}/import/templates/${k}.xlsx`)).status).toBe(401);
    });
  });
});
