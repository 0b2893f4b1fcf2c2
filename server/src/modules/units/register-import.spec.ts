import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { importParsedRegister, normalizeCode, parseRegister, readRegisterRows, RegisterFileError } from './register-import';
import { readCsvText, readXlsxRows } from '../spreadsheets/sheets';
import { migrate, openDataSource } from '../../db/data-source';
import { Unit } from './unit.entity';
import { UnitsService } from './units.service';

const HEADER = ['Tỉnh Thành Phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp', 'Tên Tiếng Anh'];
const ROW = ['Tỉnh Kon Tum', '62', 'Huyện Đắk Tô', '612', 'Thị trấn Đắk Tô', '23401', 'Thị trấn', ''];
const ROW2 = ['Tỉnh Kon Tum', '62', 'Thành phố Kon Tum', '608', 'Phường Quang Trung', '23281', 'Phường', ''];

/** The first parsed row, flattened for comparison. */
function flat(rows: string[][]) {
  const { units, rejected } = parseRegister(rows);
  return {
    rejected,
    units: units.map((u) => [u.line, u.province.code, u.province.kind, u.district.code, u.district.kind, u.commune.code, u.commune.kind, u.commune.name]),
  };
}

describe('parseRegister', () => {
  const KON_TUM = [2, '62', 'PROVINCE', '612', 'DISTRICT', '23401', 'TOWNSHIP', 'Thị trấn Đắk Tô'];

  it.each([
    ['the header in its own order', [HEADER, ROW]],
    [
      'the header in another column order',
      [
        ['Mã PX', 'Cấp', 'Phường Xã', 'Mã QH', 'Quận Huyện', 'Tên Tiếng Anh', 'Mã TP', 'Tỉnh Thành Phố'],
        ['23401', 'Thị trấn', 'Thị trấn Đắk Tô', '612', 'Huyện Đắk Tô', '', '62', 'Tỉnh Kon Tum'],
      ],
    ],
    ['a BOM and extra spaces in the header', [['\uFEFFTỉnh Thành Phố', ' Mã  TP ', 'Quận Huyện', 'MÃ QH', 'Phường Xã', 'Mã PX', 'Cấp', 'Tên Tiếng Anh'], ROW]],
    ['an NFD header and NFD names', [HEADER.map((h) => h.normalize('NFD')), ROW.map((c) => c.normalize('NFD'))]],
    ['padded cells', [HEADER, ROW.map((c) => `  ${c} `)]],
    ['without Cấp and Tên Tiếng Anh columns', [HEADER.slice(0, 6), ROW.slice(0, 6)]],
  ])('reads %s', (_label, rows) => {
    expect(flat(rows)).toEqual({ units: [KON_TUM], rejected: [] });
  });

  it('gives NFC names whatever the input form', () => {
    const { units } = parseRegister([HEADER, ROW.map((c) => c.normalize('NFD'))]);
    expect(units[0].commune.name).toBe('Thị trấn Đắk Tô'.normalize('NFC'));
    expect(units[0].district.name).toBe('Huyện Đắk Tô'.normalize('NFC'));
  });

  it.each([
    ['Tỉnh Kon Tum', '62', 'Huyện Đắk Tô', '612', 'PROVINCE', 'DISTRICT'],
    ['Thành phố Hà Nội', '1', 'Quận Ba Đình', '1', 'MUNICIPALITY', 'URBAN_DISTRICT'],
    ['Tỉnh Đắk Lắk', '66', 'Thị xã Buôn Hồ', '644', 'PROVINCE', 'TOWN'],
    ['Tỉnh Đắk Lắk', '66', 'Thành phố Buôn Ma Thuột', '643', 'PROVINCE', 'PROVINCIAL_CITY'],
  ])('%s / %s → kinds', (province, tp, district, qh, pk, dk) => {
    const { units } = parseRegister([HEADER, [province, tp, district, qh, 'Xã A', '99999', 'Xã', '']]);
    expect([units[0].province.kind, units[0].district.kind]).toEqual([pk, dk]);
  });

  it.each([
    ['Phường', 'Phường Quang Trung', 'WARD'],
    ['Thị trấn', 'Thị trấn Đắk Tô', 'TOWNSHIP'],
    ['Xã', 'Xã Đắk Rơ Nga', 'COMMUNE'],
    ['xa', 'Xã Đắk Rơ Nga', 'COMMUNE'],
    // Cấp is the register's word on the commune's kind; the name's prefix only when Cấp says nothing.
    ['Phường', 'Xã Hòa Bình', 'WARD'],
    ['', 'Phường Hòa Bình', 'WARD'],
    ['?', 'Thị trấn Hòa Bình', 'TOWNSHIP'],
  ])('Cấp "%s", name "%s" → %s', (level, name, kind) => {
    const { units } = parseRegister([HEADER, ['Tỉnh Kon Tum', '62', 'Huyện Đắk Tô', '612', name, '23401', level, '']]);
    expect(units[0].commune.kind).toBe(kind);
  });

  it.each([
    ['a row missing Mã QH', ['Tỉnh Kon Tum', '62', 'Huyện Đắk Tô', '', 'Xã Pô Kô', '23443', 'Xã', ''], 'missing Mã QH'],
    ['a row missing Mã TP and Mã PX', ['Tỉnh Kon Tum', ' ', 'Huyện Đắk Tô', '612', 'Xã Pô Kô', '', 'Xã', ''], 'missing Mã TP, Mã PX'],
    ['a name without a kind prefix', ['Tỉnh Kon Tum', '62', 'Huyện Đắk Tô', '612', 'Đơn vị ABC', '23499', 'Xã', ''], "no kind prefix in 'Đơn vị ABC'"],
    ['a district without a kind prefix', ['Tỉnh Kon Tum', '62', 'Đắk Tô', '612', 'Xã Pô Kô', '23443', 'Xã', ''], "no kind prefix in 'Đắk Tô'"],
    ['a commune in the district column', ['Tỉnh Kon Tum', '62', 'Xã Đắk Tô', '612', 'Xã Pô Kô', '23443', 'Xã', ''], "'Xã Đắk Tô' is not a district name"],
    ['a district in the province column', ['Huyện Kon Tum', '62', 'Huyện Đắk Tô', '612', 'Xã Pô Kô', '23443', 'Xã', ''], "'Huyện Kon Tum' is not a province name"],
    ['a code too long', ['Tỉnh Kon Tum', '62', 'Huyện Đắk Tô', '6120', 'Xã Pô Kô', '23443', 'Xã', ''], "Mã QH '6120' is not a 3-digit code"],
    ['a code with letters', ['Tỉnh Kon Tum', '62', 'Huyện Đắk Tô', '612', 'Xã Pô Kô', '2344A', 'Xã', ''], "Mã PX '2344A' is not a 5-digit code"],
  ])('rejects %s', (_label, row, reason) => {
    const { units, rejected } = parseRegister([HEADER, ROW, row, ROW2]);
    expect(units.map((u) => u.line)).toEqual([2, 4]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].line).toBe(3);
    expect(rejected[0].reason).toContain(reason);
  });

  it.each([
    ['the same commune twice', [...ROW], 'Mã PX 23401 repeats line 2'],
    ['a district renamed between rows', ['Tỉnh Kon Tum', '62', 'Huyện Đắk Hà', '612', 'Xã Pô Kô', '23443', 'Xã', ''], "Mã QH 612 is 'Huyện Đắk Tô' on line 2, here 'Huyện Đắk Hà'"],
    ['a district under two provinces', ['Tỉnh Gia Lai', '64', 'Huyện Đắk Tô', '612', 'Xã Pô Kô', '23443', 'Xã', ''], 'Mã QH 612 is under 62 on line 2, here under 64'],
  ])('rejects a row contradicting an earlier one: %s', (_label, row, reason) => {
    const { rejected } = parseRegister([HEADER, ROW, row]);
    expect(rejected).toEqual([{ line: 3, reason }]);
  });

  it('counts lines as a spreadsheet shows them: header 1, blank lines kept, a title row above the header', () => {
    const rows = [['Danh mục đơn vị hành chính'], HEADER, ROW, [''], [], ['Tỉnh Kon Tum', '62', 'Huyện Đắk Tô', '', 'Xã Pô Kô', '23443', 'Xã', '']];
    const parsed = parseRegister(rows);
    expect(parsed.rows).toBe(2);
    expect(parsed.units.map((u) => u.line)).toEqual([3]);
    expect(parsed.rejected).toEqual([{ line: 6, reason: 'missing Mã QH' }]);
  });

  it('refuses a file without the header, naming what is missing', () => {
    expect(() => parseRegister([['a', 'b'], ROW])).toThrow(RegisterFileError);
    expect(() => parseRegister([HEADER.filter((h) => h !== 'Mã QH'), ROW])).toThrow(/lacks Mã QH/);
  });

  it.each([
    ['62', 2, '62'],
    ['1', 2, '01'],
    ['1', 3, '001'],
    ['1', 5, '00001'],
    ['23401', 5, '23401'],
    ['612', 3, '612'],
  ])('normalizeCode(%s, %i) = %s', (raw, width, code) => {
    expect(normalizeCode(raw, width)).toEqual({ code });
  });
});

describe('file readers', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const csv = (rows: string[][], d: string) => rows.map((r) => r.join(d)).join('\r\n') + '\r\n';

  it.each([
    ['commas', ','],
    ['semicolons', ';'],
    ['tabs', '\t'],
  ])('reads CSV with %s', (_label, d) => {
    expect(flat(readCsvText(csv([HEADER, ROW], d))).units).toHaveLength(1);
  });

  it.each([
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv([HEADER, ROW], ';'))])],
    ['UTF-8 without BOM', Buffer.from(csv([HEADER, ROW], ','))],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([HEADER, ROW], '\t'), 'utf16le')])],
  ])('reads a CSV file in %s', async (_label, bytes) => {
    const file = path.join(dir, 'register.csv');
    fs.writeFileSync(file, bytes);
    expect(flat(await readRegisterRows(file)).units).toHaveLength(1);
  });

  it('keeps quoted fields with the delimiter inside', () => {
    const rows = readCsvText(`${HEADER.join(',')}\n"Tỉnh Kon Tum",62,"Huyện Đắk Tô",612,"Xã A, B",23499,Xã,"Commune A, B"\n`);
    expect(parseRegister(rows).units[0].commune.name).toBe('Xã A, B');
  });

  it('refuses a file that is not UTF-8', async () => {
    const file = path.join(dir, 'register.csv');
    fs.writeFileSync(file, Buffer.from([...Buffer.from('Mã TP'.normalize('NFC'), 'latin1'), 0x0a]));
    await expect(readRegisterRows(file)).rejects.toThrow(/not UTF-8/);
  });

  it("reads XLSX numeric cells as codes with the register's leading zeros", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(HEADER);
    ws.addRow(['Tỉnh Kon Tum', 62, 'Huyện Đắk Tô', 612, 'Thị trấn Đắk Tô', 23401, 'Thị trấn', null]);
    ws.addRow([]);
    ws.addRow(['Thành phố Hà Nội', 1, 'Quận Ba Đình', 1, 'Phường Phúc Xá', 1, 'Phường', 'Phuc Xa Ward']);
    ws.addRow([{ richText: [{ text: 'Tỉnh ' }, { text: 'Kon Tum' }] }, { formula: '60+2', result: 62 }, 'Huyện Đắk Tô', '612', 'Xã Pô Kô', '23443', 'Xã']);
    const file = path.join(dir, 'register.xlsx');
    await wb.xlsx.writeFile(file);

    const rows = await readRegisterRows(file);
    expect(rows[1].slice(0, 6)).toEqual(['Tỉnh Kon Tum', '62', 'Huyện Đắk Tô', '612', 'Thị trấn Đắk Tô', '23401']);
    expect(rows[2]).toEqual([]);
    const parsed = parseRegister(rows);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.units.map((u) => [u.line, u.province.code, u.district.code, u.commune.code, u.province.kind, u.commune.kind])).toEqual([
      [2, '62', '612', '23401', 'PROVINCE', 'TOWNSHIP'],
      [4, '01', '001', '00001', 'MUNICIPALITY', 'WARD'],
      [5, '62', '612', '23443', 'PROVINCE', 'COMMUNE'],
    ]);
    expect(parsed.units[1].englishName).toBe('Phuc Xa Ward');
    expect((await readXlsxRows(fs.readFileSync(file))).length).toBe(5);
  });
});

describe('importParsedRegister (SQLite in memory)', () => {
  let ds: DataSource;
  beforeEach(async () => {
    ds = await openDataSource({ type: 'sqlite', file: ':memory:' });
    await migrate(ds);
  });
  afterEach(async () => ds?.destroy());

  const run = (rows: string[][]) => importParsedRegister(ds, parseRegister([HEADER, ...rows]));
  const byCode = (code: string) => ds.getRepository(Unit).findOneByOrFail({ code });

  it('creates the tree once, then changes nothing', async () => {
    const first = await run([ROW, ROW2]);
    expect(first).toMatchObject({ rows: 2, created: 5, updated: 0, unchanged: 0, rejected: [] });
    expect(first.byLevel.created).toEqual([1, 2, 2]);
    const again = await run([ROW, ROW2]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    const [p, d, c] = await Promise.all([byCode('62'), byCode('612'), byCode('23401')]);
    expect([p.kind, p.level, p.parentId, p.depth]).toEqual(['PROVINCE', 1, null, 0]);
    expect([d.kind, d.level, d.parentId, d.path]).toEqual(['DISTRICT', 2, p.id, `${p.id}.${d.id}.`]);
    expect([c.kind, c.level, c.parentId, c.path, c.nameFolded]).toEqual(['TOWNSHIP', 3, d.id, `${p.id}.${d.id}.${c.id}.`, 'thi tran dak to']);
  });

  it('renames and re-kinds in place, keeping the id', async () => {
    await run([ROW]);
    const before = await byCode('612');
    const report = await run([['Tỉnh Kon Tum', '62', 'Thị xã Đắk Tô', '612', 'Phường Đắk Tô', '23401', 'Phường', '']]);
    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    const after = await byCode('612');
    expect([after.id, after.name, after.kind, after.nameFolded]).toEqual([before.id, 'Thị xã Đắk Tô', 'TOWN', 'thi xa dak to']);
    expect((await byCode('23401')).kind).toBe('WARD');
  });

  it('rejects a unit the register places under another parent, and every row that needs it', async () => {
    await run([ROW]);
    const report = await run([
      ['Tỉnh Kon Tum', '62', 'Huyện Ngọc Hồi', '610', 'Thị trấn Đắk Tô', '23401', 'Thị trấn', ''],
      ['Tỉnh Gia Lai', '64', 'Huyện Đắk Tô', '612', 'Xã Pô Kô', '23443', 'Xã', ''],
      ROW2,
    ]);
    expect(report.rejected.map((r) => r.line)).toEqual([2, 3]);
    expect(report.rejected[0].reason).toMatch(/Mã PX 23401: 'Thị trấn Đắk Tô' .* has another parent in the database; import-units does not move units/);
    expect(report.rejected[1].reason).toMatch(/^Mã QH 612: 'Huyện Đắk Tô'/);
    // Only the valid row wrote anything: Thành phố Kon Tum and its ward; not 610, 64 nor 23443.
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 1 });
    expect(await ds.getRepository(Unit).countBy({ code: '610' })).toBe(0);
    expect(await ds.getRepository(Unit).countBy({ code: '64' })).toBe(0);
  });

  it('leaves alone a code held by an agency', async () => {
    const service = new UnitsService(ds);
    await ds.transaction(async (m) => {
      const p = await service.insert(m, { code: '62', name: 'Tỉnh Kon Tum', kind: 'PROVINCE', parent: null });
      await service.insert(m, { code: '612', name: 'Sở Nội vụ', kind: 'PROVINCIAL_AGENCY', parent: p });
    });
    const report = await run([ROW, ROW2]);
    expect(report.rejected).toEqual([{ line: 2, reason: expect.stringContaining("Mã QH 612 is already held by 'Sở Nội vụ' (provincial agency, code 612)") }]);
    expect(report).toMatchObject({ created: 2, unchanged: 1 });
  });

  it('ignores units merged away (validTo set) and creates the current holder of the code', async () => {
    await run([ROW]);
    await ds.getRepository(Unit).update({ code: '23401' }, { validTo: '2024-12-31' });
    const report = await run([ROW]);
    expect(report).toMatchObject({ created: 1, unchanged: 2 });
    expect(await ds.getRepository(Unit).countBy({ code: '23401' })).toBe(2);
  });
});
