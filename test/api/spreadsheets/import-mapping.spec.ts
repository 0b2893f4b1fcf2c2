/**
 * The mapping step of an import over HTTP: the 2022 decision's own sheet, both indicators side by
 * side (STT | Tên đơn vị | Số lượng TTHC | Mức giao chỉ tiêu số hóa | Tỷ lệ trực tuyến thực tế năm
 * 2021 | Mức giao chỉ tiêu tỷ lệ trực tuyến năm 2022), built here from the shared fixture:
 * columns detected, both indicators imported at once, all or nothing; without the mapping the
 * online rate never takes the digitisation column.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { demo, draftPlan, targets, type Demo } from '../../support/documents';

type FixtureRow = { group: string; stt: number; name: string; procedures: number; digitization: number; baseline2021: number | null; target2022: number };
const FIXTURE = JSON.parse(fs.readFileSync(new URL('../../fixtures/daklak-2022-target-decision.json', import.meta.url), 'utf8')) as {
  rows: FixtureRow[];
  columns: Record<string, string>;
};

type Issue = { code: string; severity: string; message: string };
type Row = { line: number; name: string; unit: { id: string } | null; values: Record<string, number | null>; issues: Issue[]; status: string };
type Summary = { rows: number; matched: number; errors: number; created: number; updated: number; unchanged: number; applied: boolean };
type Outcome = { rows: Row[]; summary: Summary };
type Column = { index: number; label: string; role: string; indicatorId: string | null; samples: string[] };
type Body = Outcome & {
  parts?: (Outcome & { indicatorId: string })[];
  headerLine?: number;
  columns?: Column[];
  error?: { code: string; message: string };
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = ['STT', 'Tên đơn vị', 'Số lượng TTHC', 'Mức giao chỉ tiêu số hóa (%)', 'Tỷ lệ trực tuyến thực tế năm 2021 (%)', 'Mức giao chỉ tiêu tỷ lệ trực tuyến năm 2022 (%)'];

/** The decision's annex as it prints it: title rows, the header on line 5, group rows, "Không có hồ sơ phát sinh". */
async function decisionSheet(change: (r: FixtureRow) => Partial<Record<'digitization', string | number>> = () => ({})): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục');
  ws.addRow(['UBND TỈNH ĐẮK LẮK']);
  ws.addRow(['PHỤ LỤC']);
  ws.addRow(['(Kèm theo Quyết định số /QĐ-UBND ngày /5/2022 của Chủ tịch UBND tỉnh)']);
  ws.addRow([]);
  ws.addRow(HEADER);
  for (const [group, heading] of [
    ['AGENCY', ['I', 'CÁC SỞ, BAN, NGÀNH']],
    ['DISTRICT', ['II', 'UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ']],
  ] as const) {
    ws.addRow([...heading]);
    for (const r of FIXTURE.rows.filter((x) => x.group === group)) {
      ws.addRow([r.stt, r.name, r.procedures, change(r).digitization ?? r.digitization, r.baseline2021 ?? 'Không có hồ sơ phát sinh', r.target2022]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(await testDatabases())('import with the mapping step on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tok: string;
  let digi: string;
  let online: string;
  let file: Buffer;

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    tok = await s.login('tinh.daklak');
    digi = d.indicator('DLK22-DIGITIZATION');
    online = d.indicator('DLK22-ONLINE-RATE');
    file = await decisionSheet();
  });
  afterAll(async () => s?.close());

  const newPlan = (title: string) => draftPlan(s, tok, { issuerId: d.unit('66'), year: 2025, title }, [{ indicatorId: digi }, { indicatorId: online }]);

  async function post(path: string, query: Record<string, string | boolean>, body: Buffer): Promise<{ status: number; body: Body }> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(body)], { type: XLSX_TYPE }), 'phu-luc-2022.xlsx');
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
    const res = await fetch(`${s.url}/import/${path}?${qs}`, { method: 'POST', body: form, headers: { authorization: `Bearer ${tok}` } });
    return { status: res.status, body: (await res.json()) as Body };
  }
  const mappingOf = (columns: Column[], headerLine: number) =>
    JSON.stringify({ headerLine, columns: columns.map(({ index, role, indicatorId }) => ({ index, role, indicatorId })) });
  const stored = async (planId: string, indicatorId: string) =>
    new Map((await targets(s, tok, { planId, indicatorId })).map((t) => [t.unit.id, { value: t.value, baseline: t.baseline }]));

  it('detects each column’s role and the indicator its header names', async () => {
    const plan = await newPlan('Ghép cột (phát hiện)');
    const res = await post('targets/columns', { planId: plan }, file);
    expect(res.status).toBe(200);
    expect(res.body.headerLine).toBe(5);
    expect(res.body.columns!.map((c) => [c.label, c.role, c.indicatorId])).toEqual([
      [HEADER[0], 'ignore', null],
      [HEADER[1], 'name', null],
      [HEADER[2], 'ignore', null],
      [HEADER[3], 'target', digi],
      [HEADER[4], 'baseline', online],
      [HEADER[5], 'target', online],
    ]);
    const first = FIXTURE.rows[0];
    expect(res.body.columns![1].samples[0]).toBe(first.name);
    expect(res.body.columns![5].samples[0]).toBe(String(first.target2022));
  });

  it('imports both indicators at once: every unit gets its row’s numbers, and again changes nothing', async () => {
    const plan = await newPlan('Ghép cột (hai chỉ tiêu)');
    const detected = (await post('targets/columns', { planId: plan }, file)).body;
    const columns = mappingOf(detected.columns!, detected.headerLine!);

    const dry = await post('targets', { planId: plan, columns, dryRun: true }, file);
    expect(dry.status).toBe(200);
    expect(dry.body.parts!.map((p) => p.indicatorId)).toEqual([digi, online]);
    expect(dry.body.summary).toMatchObject({ rows: 66, matched: 66, errors: 0, created: 66, applied: false });

    const commit = await post('targets', { planId: plan, columns }, file);
    expect(commit.status).toBe(200);
    expect(commit.body.summary).toMatchObject({ created: 66, applied: true });

    const byName = new Map(commit.body.parts![0].rows.map((r) => [r.name, r.unit!.id]));
    const [digiStored, onlineStored] = [await stored(plan, digi), await stored(plan, online)];
    for (const r of FIXTURE.rows) {
      const unit = byName.get(r.name)!;
      expect(digiStored.get(unit), r.name).toEqual({ value: r.digitization, baseline: null });
      expect(onlineStored.get(unit), r.name).toEqual({ value: r.target2022, baseline: r.baseline2021 });
    }

    const again = await post('targets', { planId: plan, columns }, file);
    expect(again.body.summary).toMatchObject({ created: 0, updated: 0, unchanged: 66, applied: true });
    expect(await stored(plan, online)).toEqual(onlineStored);
  });

  it('commits all indicators or none: one bad cell of the digitisation column writes neither', async () => {
    const plan = await newPlan('Ghép cột (tất cả hoặc không)');
    const broken = await decisionSheet((r) => (r.stt === 3 && r.group === 'DISTRICT' ? { digitization: 'năm mươi' } : {}));
    const detected = (await post('targets/columns', { planId: plan }, broken)).body;
    const res = await post('targets', { planId: plan, columns: mappingOf(detected.columns!, detected.headerLine!) }, broken);
    expect(res.status).toBe(422);
    expect(res.body.summary).toMatchObject({ applied: false, errors: 1, created: 0 });
    const bad = res.body.parts![0].rows.filter((r) => r.status === 'invalid');
    expect(bad.map((r) => r.issues[0].code)).toEqual(['BAD_NUMBER']);
    expect((await stored(plan, digi)).size).toBe(0);
    expect((await stored(plan, online)).size).toBe(0);
  });

  it('without the mapping, the online rate takes its own column, never the digitisation one', async () => {
    const plan = await newPlan('Không ghép cột');
    const res = await post('targets', { planId: plan, indicatorId: online, dryRun: true }, file);
    if (res.status === 200) {
      const want = new Map(FIXTURE.rows.map((r) => [r.name, { target: r.target2022, baseline: r.baseline2021 }]));
      expect(res.body.rows.map((r) => [r.name, r.values])).toEqual([...want]);
    } else {
      expect(res.status).toBe(422);
      expect(res.body.error!.code).toBe('AMBIGUOUS_COLUMNS');
    }
    // The digitisation indicator reads its own target, and not the online rate's baseline.
    const own = await post('targets', { planId: plan, indicatorId: digi, dryRun: true }, file);
    expect(own.status).toBe(200);
    expect(own.body.rows.map((r) => [r.name, r.values])).toEqual(FIXTURE.rows.map((r) => [r.name, { target: r.digitization }]));
  });

  it('refuses a figure column without its indicator, and a mapping without a unit column', async () => {
    const plan = await newPlan('Ghép cột sai');
    const noIndicator = JSON.stringify({
      headerLine: 5,
      columns: [
        { index: 1, role: 'name' },
        { index: 3, role: 'target' },
      ],
    });
    const a = await post('targets', { planId: plan, columns: noIndicator, dryRun: true }, file);
    expect(a.status).toBe(400);
    expect(a.body.error).toMatchObject({ code: 'MAPPING_NO_INDICATOR' });
    expect(a.body.error!.message).toMatch(/Cột D .*chưa chọn chỉ tiêu/);
    const noUnit = JSON.stringify({ headerLine: 5, columns: [{ index: 3, role: 'target', indicatorId: digi }] });
    const b = await post('targets', { planId: plan, columns: noUnit, dryRun: true }, file);
    expect(b.status).toBe(400);
    expect(b.body.error).toMatchObject({ code: 'MAPPING_MISSING_ROLE' });
    expect(b.body.error!.message).toMatch(/Tên đơn vị hoặc mã đơn vị/);
  });

  it('without the mapping, two target columns that name no indicator are refused (AMBIGUOUS_COLUMNS), never guessed', async () => {
    const plan = await newPlan('Hai cột chỉ tiêu');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Phụ lục');
    ws.addRow(['Tên đơn vị', 'Chỉ tiêu năm 2025', 'Chỉ tiêu điều chỉnh']);
    ws.addRow([FIXTURE.rows[0].name, 50, 60]);
    const res = await post('targets', { planId: plan, indicatorId: online, dryRun: true }, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(422);
    expect(res.body.error!.code).toBe('AMBIGUOUS_COLUMNS');
    expect(res.body.error!.message).toMatch(/“Chỉ tiêu năm 2025”, “Chỉ tiêu điều chỉnh”.*bước ghép cột/);
    expect((await stored(plan, online)).size).toBe(0);
  });
});
