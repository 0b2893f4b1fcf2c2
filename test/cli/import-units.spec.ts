/**
 * `import-units FILE` through the real CLI, as an operator runs it: a child process on the built
 * server (server/dist/cli/index.js) with DATABASE_URL pointing at a fresh database of each kind.
 * (See test/support/cli.ts for how the CLI is built.)
 *
 * Exit code: 1 when any row was rejected (the valid rows are imported all the same), else 0.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataSource } from '../../server/src/db/data-source';
import { parseDatabaseUrl } from '../../server/src/config/config';
import { freshDatabase, testDatabases, type TestDatabase } from '../support/databases';
import { CLI, runCli, type CliRun as Run } from '../support/cli';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE = path.resolve(HERE, '../../server/src/modules/seed/data/import-units-sample.csv');

function importUnits(file: string, databaseUrl: string): Promise<Run> {
  return runCli(['import-units', file], databaseUrl);
}

/** The summary line and the rejected lines the CLI prints. */
function summary(run: Run) {
  const m = /^read (\d+) rows: created (\d+), updated (\d+), unchanged (\d+), rejected (\d+)$/m.exec(run.stdout);
  if (!m) throw new Error(`no summary in the output (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  const [rows, created, updated, unchanged, rejected] = m.slice(1).map(Number);
  const lines = [...run.stdout.matchAll(/^ {2}line (\d+): (.*)$/gm)].map((l) => ({ line: Number(l[1]), reason: l[2] }));
  return { rows, created, updated, unchanged, rejected, lines };
}

// What the sample really holds, read independently of the importer (it has no quoted fields).
const sampleText = fs.readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, '');
const sampleLines = sampleText.split(/\r?\n/).filter((l) => l.trim() !== '');
const sampleRows = sampleLines.slice(1).map((l) => l.split(','));
const distinct = (col: number) => new Set(sampleRows.map((r) => r[col])).size;
const SAMPLE_UNITS = { provinces: distinct(1), districts: distinct(3), communes: distinct(5) };
const SAMPLE_TOTAL = SAMPLE_UNITS.provinces + SAMPLE_UNITS.districts + SAMPLE_UNITS.communes;

// Broken rows appended after the sample: their lines follow its last line (the header is line 1).
const BROKEN = [
  { row: 'Tỉnh Kon Tum,62,Huyện Đắk Tô,,Xã Thiếu Mã,23498,Xã,', reason: 'missing Mã QH' },
  { row: 'Tỉnh Kon Tum,62,Huyện Đắk Tô,612,Đơn vị ABC,23499,Xã,', reason: "no kind prefix in 'Đơn vị ABC'" },
  { row: 'Tỉnh Kon Tum,62,Thành phố Kon Tum,608,Xã Không Mã,,Xã,', reason: 'missing Mã PX' },
  { row: 'Tỉnh Gia Lai,64,Huyện Mới,699,Đơn vị XYZ,23497,,', reason: "no kind prefix in 'Đơn vị XYZ'" },
];
const FIRST_BROKEN_LINE = sampleLines.length + 1;

async function writeXlsx(file: string, rows: string[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(sampleLines[0].split(','));
  // Codes as numbers, as a spreadsheet stores them once someone has typed or converted them.
  for (const r of rows) ws.addRow(r.map((c, i) => ([1, 3, 5].includes(i) ? Number(c) : c)));
  await wb.xlsx.writeFile(file);
}

describe.each(await testDatabases())('import-units on %s', (kind) => {
  let db: TestDatabase;
  let other: TestDatabase | undefined;
  let dir: string;
  let csv: string;

  beforeAll(async () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: build the server first (server/node_modules/.bin/tsc -b server)`);
    db = await freshDatabase(kind);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-units-'));
    csv = path.join(dir, 'register.csv');
    fs.writeFileSync(csv, sampleText.replace(/\n?$/, '\n') + BROKEN.map((b) => b.row).join('\n') + '\n');
  });
  afterAll(async () => {
    await db?.drop();
    await other?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const ds = await openDataSource(parseDatabaseUrl(url));
    try {
      return (await ds.query(sql, params)) as T[];
    } finally {
      await ds.destroy();
    }
  }

  it('imports the sample, lists the broken rows by line number and exits 1', async () => {
    expect(SAMPLE_UNITS).toEqual({ provinces: 1, districts: 2, communes: 30 });
    const run = await importUnits(csv, db.url);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(summary(run)).toEqual({
      rows: sampleRows.length + BROKEN.length,
      created: SAMPLE_TOTAL,
      updated: 0,
      unchanged: 0,
      rejected: BROKEN.length,
      lines: BROKEN.map((b, i) => ({ line: FIRST_BROKEN_LINE + i, reason: b.reason })),
    });
    expect(run.stdout).toContain(`created ${SAMPLE_UNITS.provinces}/${SAMPLE_UNITS.districts}/${SAMPLE_UNITS.communes}`);
  });

  it('changes nothing when the same file is imported again', async () => {
    const run = await importUnits(csv, db.url);
    expect(run.code).toBe(1);
    expect(summary(run)).toMatchObject({ created: 0, updated: 0, unchanged: SAMPLE_TOTAL, rejected: BROKEN.length });
  });

  it('reads the same register as XLSX with numeric codes: nothing changes, exit 0', async () => {
    const xlsx = path.join(dir, 'register.xlsx');
    await writeXlsx(xlsx, sampleRows);
    const run = await importUnits(xlsx, db.url);
    expect(run.code).toBe(0);
    expect(summary(run)).toEqual({ rows: sampleRows.length, created: 0, updated: 0, unchanged: SAMPLE_TOTAL, rejected: 0, lines: [] });
  });

  it('stores kinds, tiers, parent links and GSO codes, and nothing for the rejected rows', async () => {
    type Row = { id: number; code: string; name: string; kind: string; level: number; parentId: number | null; path: string };
    const rows = await query<Row>(db.url, 'SELECT id, code, name, kind, level, parentId, path FROM unit ORDER BY id');
    expect(rows).toHaveLength(SAMPLE_TOTAL);
    const by = new Map(rows.map((r) => [r.code, r]));
    const pick = (code: string) => {
      const u = by.get(code)!;
      return { name: u.name, kind: u.kind, level: Number(u.level), parent: u.parentId === null ? null : rows.find((r) => r.id === Number(u.parentId))!.code };
    };
    expect(pick('62')).toEqual({ name: 'Tỉnh Kon Tum', kind: 'PROVINCE', level: 1, parent: null });
    expect(pick('608')).toEqual({ name: 'Thành phố Kon Tum', kind: 'PROVINCIAL_CITY', level: 2, parent: '62' });
    expect(pick('612')).toEqual({ name: 'Huyện Đắk Tô', kind: 'DISTRICT', level: 2, parent: '62' });
    expect(pick('23401')).toEqual({ name: 'Thị trấn Đắk Tô', kind: 'TOWNSHIP', level: 3, parent: '612' });
    expect(pick('23281')).toEqual({ name: 'Phường Quang Trung', kind: 'WARD', level: 3, parent: '608' });
    expect(pick('23311')).toEqual({ name: 'Xã Đắk Cấm', kind: 'COMMUNE', level: 3, parent: '608' });
    const p = by.get('62')!,
      d = by.get('612')!,
      c = by.get('23401')!;
    expect(c.path).toBe(`${p.id}.${d.id}.${c.id}.`);
    // Every code of the sample, nothing else: not 23497..23499, not Gia Lai's 64 nor 699.
    expect([...by.keys()].sort()).toEqual([...new Set(sampleRows.flatMap((r) => [r[1], r[3], r[5]]))].sort());
  });

  it('renames and re-kinds a commune in place, keeping its id', async () => {
    const [before] = await query<{ id: number }>(db.url, 'SELECT id FROM unit WHERE code = ?', ['23338']);
    const renamed = sampleText.replace('Xã Hòa Bình,23338,Xã', 'Phường Hòa Bình,23338,Phường');
    expect(renamed).not.toBe(sampleText);
    const file = path.join(dir, 'renamed.csv');
    fs.writeFileSync(file, renamed);
    const run = await importUnits(file, db.url);
    expect(run.code).toBe(0);
    expect(summary(run)).toMatchObject({ created: 0, updated: 1, unchanged: SAMPLE_TOTAL - 1, rejected: 0 });
    const after = await query<{ id: number; name: string; kind: string }>(db.url, 'SELECT id, name, kind FROM unit WHERE code = ?', ['23338']);
    expect(after.map((u) => ({ ...u, id: Number(u.id) }))).toEqual([{ id: Number(before.id), name: 'Phường Hòa Bình', kind: 'WARD' }]);
  });

  it('creates the whole tree from the XLSX alone in a fresh database', async () => {
    other = await freshDatabase(kind);
    const run = await importUnits(path.join(dir, 'register.xlsx'), other.url);
    expect(run.code).toBe(0);
    expect(summary(run)).toMatchObject({ created: SAMPLE_TOTAL, updated: 0, unchanged: 0, rejected: 0 });
    const codes = await query<{ code: string }>(other.url, 'SELECT code FROM unit WHERE level = 1');
    expect(codes.map((c) => c.code)).toEqual(['62']);
  });

  it('refuses a file without the register header, writing nothing, exit 1', async () => {
    const file = path.join(dir, 'not-a-register.csv');
    fs.writeFileSync(file, 'name;code\nTỉnh Kon Tum;62\n');
    const run = await importUnits(file, db.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no header row found/);
  });
});
