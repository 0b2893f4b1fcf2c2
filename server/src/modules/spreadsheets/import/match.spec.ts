import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../common/scope';
import type { ParsedLine } from '../import-parse';
import { matchUnits, type ImportScope } from './match';
import type { ImportUnit } from './work';

// A province (1) with two districts; a commune under each, one of them outside the caller's district.
const tree: ImportUnit[] = [
  { id: 1, code: '66', name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE', path: '1.', parentId: null },
  { id: 2, code: '643', name: 'Huyện Ea Súp', kind: 'DISTRICT', path: '1.2.', parentId: 1 },
  { id: 3, code: '24181', name: 'Xã Ea Lê', kind: 'COMMUNE', path: '1.2.3.', parentId: 2 },
  { id: 4, code: '24184', name: 'Xã Ea Rốk', kind: 'COMMUNE', path: '1.2.4.', parentId: 2 },
  { id: 5, code: '645', name: 'Huyện Krông Búk', kind: 'DISTRICT', path: '1.5.', parentId: 1 },
  { id: 6, code: '24340', name: 'Xã Cư Né', kind: 'COMMUNE', path: '1.5.6.', parentId: 5 },
  { id: 7, code: null, name: 'Xã Ea Lê', kind: 'COMMUNE', path: '1.5.7.', parentId: 5 },
];
const actor = (unitId: number | null, unitPath: string | null): Actor => ({
  userId: 1,
  username: 'u',
  displayName: null,
  role: 'UNIT_MANAGER',
  unitId,
  unitPath,
  sessionId: 1,
});
const line = (n: number, code: string, name: string): ParsedLine => ({ line: n, code, name, period: '', values: { target: 90 }, issues: [], empty: false });
const codes = (w: { issues: { code: string }[] }) => w.issues.map((i) => i.code);

describe('matchUnits', () => {
  const district: ImportScope = { tree, actor: actor(2, '1.2.'), home: 2 };
  const province: ImportScope = { tree, actor: actor(1, '1.'), home: 1 };

  it('matches by code first, padding codes a spreadsheet stored as numbers', async () => {
    const [a, b] = await matchUnits([line(2, '24181', 'whatever'), line(3, '643', '')], province, 'vi');
    expect(a.unit?.id).toBe(3);
    expect(b.unit?.id).toBe(2);
    const [padded] = await matchUnits([line(2, '66', '')], province, 'vi');
    expect(padded.unit?.id).toBe(1);
  });

  it('matches by name, ignoring diacritics and the kind prefix', async () => {
    const [w] = await matchUnits([line(2, '', 'Ea Rok')], district, 'vi');
    expect(w.unit?.id).toBe(4);
    expect(w.issues).toEqual([]);
    expect(w.planned).toBeNull();
  });

  it('says NOT_IN_SCOPE for a unit of the tree outside the caller, UNIT_NOT_FOUND for none', async () => {
    const [outside, byCode, none] = await matchUnits([line(2, '', 'Xã Cư Né'), line(3, '24340', ''), line(4, '', 'Xã Không Có')], district, 'vi');
    expect([outside.unit, byCode.unit, none.unit]).toEqual([null, null, null]);
    expect(codes(outside)).toEqual(['NOT_IN_SCOPE']);
    expect(codes(byCode)).toEqual(['NOT_IN_SCOPE']);
    expect(codes(none)).toEqual(['UNIT_NOT_FOUND']);
    expect(none.issues[0].message).toContain('Xã Không Có');
  });

  it('never matches a name to another kind of unit: "UBND huyện Ea Rốk" is not Xã Ea Rốk (an error, the line is not written)', async () => {
    const [w] = await matchUnits([line(2, '', 'UBND huyện Ea Rốk')], province, 'vi');
    expect(w.unit).toBeNull();
    expect(codes(w)).toEqual(['UNIT_KIND_DIFFERS']);
    expect(w.issues[0].severity).toBe('ERROR');
    expect(w.issues[0].message).toContain('Xã Ea Rốk');
  });

  it("says UNIT_AMBIGUOUS for namesakes, in the caller's language, listing the candidates", async () => {
    const [w] = await matchUnits([line(2, '', 'Xã Ea Lê')], province, 'en');
    expect(w.unit).toBeNull();
    expect(codes(w)).toEqual(['UNIT_AMBIGUOUS']);
    expect(w.issues[0].message).toContain('24181');
    // Inside one district, the same name is one unit.
    const [mine] = await matchUnits([line(2, '', 'Xã Ea Lê')], district, 'vi');
    expect(mine.unit?.id).toBe(3);
  });

  it('keeps the issues the reading found and does not touch the lines it was given', async () => {
    const read = { ...line(2, '', 'Xã Ea Rốk'), issues: [{ code: 'NO_VALUE' as const, severity: 'WARNING' as const, message: 'x' }] };
    const [w] = await matchUnits([read], district, 'vi');
    expect(codes(w)).toEqual(['NO_VALUE']);
    expect(w).not.toBe(read);
    expect(w.issues).not.toBe(read.issues);
  });
});
