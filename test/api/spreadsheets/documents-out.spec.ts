import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { testDatabases } from '../../support/databases';
import { createIndicator, demo, issuePlan, ok, setTargets, type Demo } from '../../support/documents';
import { cellText as text, paragraphs, tables, unzip } from '../../support/office';

/**
 * Documents out (issue #13, "Printing it back"): a plan written through the API — document
 * fields, headings, rows with who leads and coordinates, basis, note and fact columns, tasks,
 * targets with facts and notes down to the communes — read back as the Word document
 * (document.docx), the indicator-row annex (indicators.xlsx) and the deep annex
 * (annex.xlsx?depth=2). Every expected text comes from what the spec wrote.
 */
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const YEAR = 2025;
const FACT = 'Số lượng TTHC mức độ 3, 4';
const DISTRICT_KINDS = ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY', 'URBAN_DISTRICT'];

const PLAN = {
  year: YEAR,
  title: 'Về việc giao chỉ tiêu cải cách hành chính năm 2025 trên địa bàn tỉnh Đắk Lắk',
  documentKind: 'DECISION',
  documentNumber: '1234/QĐ-UBND',
  documentDate: '2025-06-30',
  legalBasis: 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;',
  signer: 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Kiểm Thử',
  recipients: ['Như Điều 3;', 'Văn phòng Chính phủ (b/c);', 'Lưu: VT, NC.'],
};
const HEADINGS = [
  { position: '1', text: 'Chỉ tiêu về dịch vụ công trực tuyến' },
  { position: '2', text: 'Nhiệm vụ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính' },
];
const ROW_A = {
  section: '1',
  position: '1.1',
  lead: [{ text: 'Sở Nội vụ chủ trì' }],
  coordinating: [{ text: 'UBND các huyện, thị xã, thành phố', kinds: DISTRICT_KINDS }],
  legalBasis: 'Quyết định 766/QĐ-TTg',
  note: 'Đánh giá hằng quý',
  factLabels: [FACT],
};
const ROW_B = { section: '1', position: '1.2', floors: [{ kind: 'DISTRICT', value: 70 }], note: 'Chỉ tiêu theo cấp' };
const TASKS = [
  {
    position: '2.1',
    content: 'Số hóa kết quả giải quyết TTHC còn hiệu lực',
    leads: ['Sở Thông tin và Truyền thông'],
    coordinators: ['Các sở, ban, ngành'],
    timeFrame: 'Quý III/2025',
    deliverable: 'Kho dữ liệu số hóa',
  },
  {
    position: '2.2',
    content: 'Rà soát, tái cấu trúc quy trình điện tử',
    leads: ['Văn phòng UBND tỉnh'],
    coordinators: [],
    timeFrame: 'Thường xuyên',
    deliverable: 'Quy trình điện tử được phê duyệt',
  },
];

/** "85" → "85%", 82.5 → "82,5%": a figure as a Vietnamese document writes it. */
const pct = (n: number) => `${String(n).replace('.', ',')}%`;

describe.each(await testDatabases())('documents out on %s', (kind) => {
  let s: TestServer;
  let d: Demo;
  let tinh: string;
  let huyen: string;
  let plan: string;
  let a: string;
  let b: string;
  let province: { id: string; name: string };
  let agency: { code: string; name: string };
  let district: { code: string; name: string };
  let communes: { code: string; name: string }[];
  const own = 85;
  const assigned: Record<string, { value: number; fact: number; note: string }> = {};

  beforeAll(async () => {
    s = await bootServer(kind, { seed: 'demo' });
    d = await demo(s);
    [tinh, huyen] = await Promise.all([s.login('tinh.daklak'), s.login('huyen.krongana')]);
    const names = ok(
      await s.gql<{ unit: { id: string; name: string; children: { code: string; name: string; kind: string; children: { code: string; name: string }[] }[] } }>(
        '{ unit(code: "66") { id name children(at: "2025-01-01") { code name kind children(at: "2025-01-01") { code name } } } }',
        {},
        d.admin,
      ),
    ).unit;
    province = { id: names.id, name: names.name };
    agency = names.children.find((c) => c.kind === 'PROVINCIAL_AGENCY')!;
    const krongAna = names.children.find((c) => c.code === '655')!;
    district = krongAna;
    communes = krongAna.children.slice(0, 3);

    a = await createIndicator(s, d.admin, { code: 'H4-ONLINE', name: 'Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến', measure: 'RATE', comparator: 'AT_LEAST' });
    b = await createIndicator(s, d.admin, { code: 'H4-PAY', name: 'Tỷ lệ hồ sơ thanh toán trực tuyến', measure: 'RATE', comparator: 'AT_LEAST' });
    plan = ok(
      await s.gql<{ createPlan: { id: string } }>('mutation($input: PlanInput!) { createPlan(input: $input) { id } }', { input: { ...PLAN, issuerId: d.unit('66') } }, tinh),
    ).createPlan.id;
    ok(await s.gql('mutation($p: ID!, $h: [PlanHeadingInput!]!) { setPlanHeadings(planId: $p, headings: $h) { id } }', { p: plan, h: HEADINGS }, tinh));
    for (const row of [
      { ...ROW_A, indicatorId: a },
      { ...ROW_B, indicatorId: b },
    ]) {
      ok(await s.gql('mutation($input: PlanIndicatorInput!) { addPlanIndicator(input: $input) { id } }', { input: { planId: plan, ...row } }, tinh));
    }
    for (const t of TASKS) ok(await s.gql('mutation($input: PlanTaskInput!) { addPlanTask(input: $input) { id } }', { input: { planId: plan, ...t } }, tinh));

    // The province's own whole-area target, an agency and the district; then the district's communes.
    assigned[agency.code] = { value: 90, fact: 41, note: 'Cơ quan chủ trì' };
    assigned[district.code] = { value: 82.5, fact: 120, note: 'Huyện điểm' };
    communes.forEach((c, i) => (assigned[c.code] = { value: 75 + i, fact: 10 + i, note: `Xã ghi chú ${i + 1}` }));
    const row = (code: string) => ({ unitId: d.unit(code), value: assigned[code].value, note: assigned[code].note, facts: [{ label: FACT, value: assigned[code].fact }] });
    const first = await setTargets(s, tinh, { planId: plan, indicatorId: a, targets: [{ unitId: d.unit('66'), value: own }, row(agency.code), row(district.code)] });
    expect(first.applied, JSON.stringify(first.issues)).toBe(true);
    await issuePlan(s, tinh, plan);
    const second = await setTargets(s, huyen, { planId: plan, indicatorId: a, targets: communes.map((c) => row(c.code)) });
    expect(second.applied, JSON.stringify(second.issues)).toBe(true);
  });
  afterAll(async () => s?.close());

  async function get(path: string, token: string) {
    const res = await fetch(`${s.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  async function sheet(path: string, token = tinh): Promise<ExcelJS.Worksheet> {
    const res = await get(path, token);
    expect(res.status, res.body.toString('utf8').slice(0, 300)).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    return wb.worksheets[0];
  }

  const rows = (ws: ExcelJS.Worksheet): string[][] => {
    const out: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) out.push(Array.from({ length: ws.columnCount }, (_, c) => text(ws.getCell(r, c + 1).value)));
    return out;
  };

  async function docx() {
    const res = await get(`/export/plans/${plan}/document.docx`, tinh);
    expect(res.status, res.body.toString('utf8').slice(0, 300)).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    const files = unzip(res.body);
    const xml = files.get('word/document.xml')!.toString('utf8');
    return { res, xml, styles: files.get('word/styles.xml')?.toString('utf8') ?? '', lines: paragraphs(xml), tables: tables(xml) };
  }

  it('prints the header block, number, date line, kind, title and legal basis as the document writes them', async () => {
    const { lines, res } = await docx();
    const place = province.name.replace(/^Tỉnh\s+/u, '');
    const [y, m, day] = PLAN.documentDate.split('-').map(Number);
    expect(lines).toContain(`UBND ${province.name.toLocaleUpperCase('vi')}`); // "UBND TỈNH ĐẮK LẮK"
    expect(lines).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(lines).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(lines).toContain(`Số: ${PLAN.documentNumber}`);
    expect(lines).toContain(`${place}, ngày ${day} tháng ${m} năm ${y}`);
    const kindAt = lines.indexOf('QUYẾT ĐỊNH');
    expect(kindAt).toBeGreaterThan(0);
    expect(lines[kindAt + 1]).toBe(PLAN.title);
    for (const line of PLAN.legalBasis.split('\n')) expect(lines).toContain(line);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`Quyết định ${YEAR} - ${province.name}.docx`)}`);
  });

  it('prints each heading with its indicator rows and tasks in tables whose header repeats on every page', async () => {
    const { lines, tables: all, xml } = await docx();
    const headingAt = HEADINGS.map((h) => lines.indexOf(`${h.position}. ${h.text}`));
    expect(headingAt.every((i) => i > 0) && headingAt[0] < headingAt[1], JSON.stringify(headingAt)).toBe(true);
    const grids = all.filter((t) => t.rows[0]?.[0] === 'STT');
    expect(grids.length).toBeGreaterThanOrEqual(3); // indicators, tasks, the annex
    for (const t of grids) expect(t.header, t.rows[0].join('|')).toBe(true);

    const indicatorTable = grids.find((t) => t.rows[0].join('|') === 'STT|Nội dung|Chủ trì|Phối hợp|ĐVT|Chỉ tiêu|Căn cứ|Ghi chú')!;
    expect(indicatorTable).toBeDefined();
    const names = ok(await s.gql<{ indicators: { id: string; name: string }[] }>('{ indicators { id name } }', {}, d.admin)).indicators;
    const nameOf = (id: string) => names.find((i) => i.id === id)!.name;
    expect(indicatorTable.rows.slice(1)).toEqual([
      [ROW_A.position, nameOf(a), ROW_A.lead[0].text, ROW_A.coordinating[0].text, '%', `≥ ${pct(own)}`, ROW_A.legalBasis, ROW_A.note],
      [ROW_B.position, nameOf(b), '', '', '%', `Cấp huyện: ≥ ${pct(ROW_B.floors[0].value)}`, '', ROW_B.note],
    ]);
    // The indicator table sits under heading 1, the tasks under heading 2.
    const tableAt = (first: string) => xml.indexOf(first);
    expect(tableAt(nameOf(a))).toBeGreaterThan(xml.indexOf(HEADINGS[0].text));
    expect(tableAt(TASKS[0].content)).toBeGreaterThan(xml.indexOf(HEADINGS[1].text));

    const taskTable = grids.find((t) => t.rows[0].join('|') === 'STT|Nội dung|Chủ trì|Phối hợp|Thời gian|Sản phẩm')!;
    expect(taskTable.rows.slice(1)).toEqual(TASKS.map((t) => [t.position, t.content, t.leads.join('\n'), t.coordinators.join('\n'), t.timeFrame, t.deliverable]));
  });

  it('signs and lists the recipients, then annexes each unit’s target with its fact and note', async () => {
    const { lines, tables: all } = await docx();
    for (const line of PLAN.signer.split('\n')) expect(lines).toContain(line);
    expect(lines).toContain('Nơi nhận:');
    for (const r of PLAN.recipients) expect(lines).toContain(`- ${r}`);
    const annex = all.find((t) => t.rows[0]?.[1] === 'Cơ quan, đơn vị')!;
    expect(annex.rows[0]).toEqual(['STT', 'Cơ quan, đơn vị', FACT, `Mức giao năm ${YEAR}`, 'Ghi chú']);
    const byName = new Map(annex.rows.map((r) => [r[1], r]));
    const agencyRow = byName.get(agency.name)!;
    expect(agencyRow.slice(2)).toEqual([String(assigned[agency.code].fact), `≥ ${pct(assigned[agency.code].value)}`, assigned[agency.code].note]);
    const districtRow = annex.rows.find((r) => r[1]?.endsWith(district.name.replace(/^Huyện /u, '')))!;
    expect(districtRow.slice(2)).toEqual([String(assigned[district.code].fact), `≥ ${pct(assigned[district.code].value)}`, assigned[district.code].note]);
    // Sections as the annex workbook names them.
    expect(annex.rows.map((r) => r[0]).filter((c) => /^I+\. /.test(c))).toEqual(['I. CÁC SỞ, BAN, NGÀNH', expect.stringMatching(/^II\. UBND CÁC /)]);
  });

  it('sets the page as the decree does: A4, Times New Roman', async () => {
    const { xml, styles } = await docx();
    const sizes = [...xml.matchAll(/<w:pgSz ([^>]*)\/>/g)].map((m) => m[1]);
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) {
      const w = Number(/w:w="(\d+)"/.exec(size)![1]);
      const h = Number(/w:h="(\d+)"/.exec(size)![1]);
      expect([w, h].sort()).toEqual(['11906', '16838'].map(Number).sort());
    }
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    const mm = (attr: string) => Number(new RegExp(`w:${attr}="(\\d+)"`).exec(margins)![1]) / 56.7;
    expect(mm('top')).toBeGreaterThanOrEqual(19.9);
    expect(mm('left')).toBeGreaterThanOrEqual(29.9);
    expect(mm('right')).toBeGreaterThanOrEqual(14.9);
    expect(`${xml}${styles}`).toMatch(/w:ascii="Times New Roman"/);
  });

  it('exports the indicator rows as a workbook with the same columns, headings as merged rows', async () => {
    const ws = await sheet(`/export/plans/${plan}/indicators.xlsx`);
    const all = rows(ws);
    const h = all.findIndex((r) => r[0] === 'STT');
    expect(all[h]).toEqual(['STT', 'Nội dung', 'Chủ trì', 'Phối hợp', 'ĐVT', 'Chỉ tiêu', 'Căn cứ', 'Ghi chú']);
    expect(all[h + 1][0]).toBe(`${HEADINGS[0].position}. ${HEADINGS[0].text}`);
    expect((ws.model as unknown as { merges: string[] }).merges).toContain(`A${h + 2}:H${h + 2}`);
    expect(all[h + 2]).toEqual([ROW_A.position, expect.any(String), ROW_A.lead[0].text, ROW_A.coordinating[0].text, '%', `≥ ${pct(own)}`, ROW_A.legalBasis, ROW_A.note]);
    expect(all[h + 3].slice(0, 1).concat(all[h + 3].slice(5))).toEqual([ROW_B.position, `Cấp huyện: ≥ ${pct(ROW_B.floors[0].value)}`, '', ROW_B.note]);
  });

  it('reaches below the children with depth=2: a section per level, the district’s communes under it with facts and notes', async () => {
    const ws = await sheet(`/export/plans/${plan}/annex.xlsx?depth=2`);
    const all = rows(ws);
    const h1 = all.findIndex((r) => r[0] === 'STT');
    const top = all[h1];
    const sub = all[h1 + 1];
    const target = sub.findIndex((t, i) => /trực tuyến/.test(top[i]) && t === `Mức giao năm ${YEAR}` && /giải quyết/.test(top[i]));
    const fact = sub.indexOf(FACT);
    const note = top.indexOf('Ghi chú');
    expect(
      [target, fact, note].every((i) => i >= 2),
      JSON.stringify([top, sub]),
    ).toBe(true);
    const headings = all
      .slice(h1 + 2)
      .filter((r) => r[0] && !/^\d+$/.test(r[0]) && !/^\d+\. /.test(r[0]))
      .map((r) => r[0]);
    expect(headings).toEqual(['I. CÁC SỞ, BAN, NGÀNH', 'II. UBND CẤP HUYỆN', 'III. UBND CẤP XÃ']);
    const communeSection = all.findIndex((r) => r[0] === 'III. UBND CẤP XÃ');
    const parentRow = all.findIndex((r, i) => i > communeSection && r[0].endsWith(district.name.replace(/^Huyện /u, '')));
    expect(parentRow).toBeGreaterThan(communeSection);
    const after = all.slice(parentRow + 1);
    const end = after.findIndex((r) => !/^\d+$/.test(r[0]));
    const listed = end === -1 ? after : after.slice(0, end);
    expect(listed).toHaveLength(d.childrenOf(district.code).length);
    for (const c of communes) {
      const r = listed.find((x) => x[1].endsWith(c.name.replace(/^(Xã|Thị trấn|Phường) /u, '')))!;
      expect(r, c.name).toBeDefined();
      expect([Number(r[target]), Number(r[fact]), r[note]]).toEqual([assigned[c.code].value, assigned[c.code].fact, assigned[c.code].note]);
    }
    // Without depth the same annex stops at the children.
    const shallow = rows(await sheet(`/export/plans/${plan}/annex.xlsx`));
    expect(shallow.some((r) => r[0] === 'III. UBND CẤP XÃ')).toBe(false);
  });

  it('keeps scope and refuses a bad depth: a draft is not found by a district, depth 9 is bad input', async () => {
    const draft = ok(
      await s.gql<{ createPlan: { id: string } }>(
        'mutation($input: PlanInput!) { createPlan(input: $input) { id } }',
        { input: { ...PLAN, year: YEAR + 1, issuerId: d.unit('66') } },
        tinh,
      ),
    ).createPlan.id;
    for (const path of [`/export/plans/${draft}/document.docx`, `/export/plans/${draft}/indicators.xlsx`]) {
      expect((await get(path, huyen)).status, path).toBe(404);
      expect((await get(path, tinh)).status, path).toBe(200);
    }
    expect((await get(`/export/plans/${plan}/document.docx`, huyen)).status).toBe(200);
    const bad = await get(`/export/plans/${plan}/annex.xlsx?depth=9`, tinh);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString('utf8')).error.code).toBe('BAD_USER_INPUT');
  });
});
