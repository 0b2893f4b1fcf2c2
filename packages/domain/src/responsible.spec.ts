import { describe, it, expect } from 'vitest';
import { groupKinds, resolveResponsible } from './responsible';
import { COMMUNE_LEVEL_KINDS, DISTRICT_LEVEL_KINDS, PROVINCE_LEVEL_KINDS, UnitNameIndex, type UnitKind } from './units';

const sorted = (kinds: readonly UnitKind[] | null) => (kinds ? [...kinds].sort() : null);

describe('groupKinds', () => {
  it.each([
    // The wordings of the Đắk Lắk plans (/work/shared fixtures): "huyện" names every district-level unit but quận.
    ['UBND các huyện, thị xã, thành phố', ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
    ['UBND các huyện, thị xã, thành phố.', ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
    ['UBND các huyện, thị xã, thành phố (cấp huyện)', ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
    ['UBND các huyện', ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
    ['ubnd cac huyen, thi xa, thanh pho', ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
    ['Ủy ban nhân dân các thị xã, thành phố', ['TOWN', 'PROVINCIAL_CITY']],
    ['UBND các quận, huyện', ['URBAN_DISTRICT', 'DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
    ['Chủ tịch UBND các huyện, thị xã, thành phố', ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
    ['UBND cấp huyện', DISTRICT_LEVEL_KINDS],
    ['UBND cấp xã', COMMUNE_LEVEL_KINDS],
    ['UBND cấp huyện, cấp xã', [...DISTRICT_LEVEL_KINDS, ...COMMUNE_LEVEL_KINDS]],
    ['UBND các xã, phường, thị trấn', ['COMMUNE', 'WARD', 'TOWNSHIP']],
    ['Các sở, ban, ngành', ['PROVINCIAL_AGENCY']],
    ['các sở, ban, ngành', ['PROVINCIAL_AGENCY']],
    ['Các Sở ban ngành', ['PROVINCIAL_AGENCY']],
    ['Thủ trưởng các sở, ban, ngành tỉnh', ['PROVINCIAL_AGENCY']],
    ['UBND các huyện, thị xã, thành phố thuộc tỉnh', ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
    ['Các cơ quan, đơn vị', ['PROVINCIAL_AGENCY']],
    ['Các cơ quan, đơn vị có liên quan', ['PROVINCIAL_AGENCY']],
    ['các phòng, ban chuyên môn', ['DISTRICT_AGENCY']],
    ['Các phòng, ban chuyên môn cấp huyện', ['DISTRICT_AGENCY']],
    ['Các sở, ban, ngành, UBND các huyện, thị xã, thành phố', ['PROVINCIAL_AGENCY', 'DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
    ['UBND cấp tỉnh', PROVINCE_LEVEL_KINDS],
  ] as [string, readonly UnitKind[]][])('%s', (text, kinds) => {
    expect(sorted(groupKinds(text))).toEqual(sorted(kinds));
  });

  it.each([
    'Sở Thông tin và Truyền thông',
    'Sở Nội vụ',
    'Sở Nội vụ (cấp tỉnh)',
    'Văn phòng UBND tỉnh',
    'UBND tỉnh',
    'UBND huyện Krông Ana',
    'UBND huyện',
    'Viễn thông Đắk Lắk',
    'Công an tỉnh',
    // The police of the districts are no units of ours.
    'Công an các huyện, thị xã, thành phố',
    'Các sở, ban, ngành chủ trì, phối hợp với UBND cấp huyện, cấp xã',
    '',
    '   ',
  ])('%s names no group', (text) => {
    expect(groupKinds(text)).toBeNull();
  });

  it('answers the kinds once each, in the schema order', () => {
    const kinds = groupKinds('UBND các huyện, thị xã, thành phố, huyện') ?? [];
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toEqual(['PROVINCIAL_CITY', 'TOWN', 'DISTRICT']);
  });
});

describe('resolveResponsible', () => {
  type U = { id: number; name: string; kind: UnitKind };
  const units: U[] = [
    { id: 1, name: 'Tỉnh Đắk Lắk', kind: 'PROVINCE' },
    { id: 2, name: 'Sở Thông tin và Truyền thông', kind: 'PROVINCIAL_AGENCY' },
    { id: 3, name: 'Sở Nội vụ', kind: 'PROVINCIAL_AGENCY' },
    { id: 4, name: 'Văn phòng UBND tỉnh', kind: 'PROVINCIAL_AGENCY' },
    { id: 5, name: 'Huyện Krông Ana', kind: 'DISTRICT' },
    { id: 6, name: 'Phòng Nội vụ', kind: 'DISTRICT_AGENCY' },
    { id: 7, name: 'Thị trấn Buôn Trấp', kind: 'TOWNSHIP' },
    { id: 8, name: 'Xã Ea Na', kind: 'COMMUNE' },
    { id: 9, name: 'Phường Ea Na', kind: 'WARD' },
  ];
  const index = new UnitNameIndex(units);
  const byId = (id: number) => units.find((u) => u.id === id)!;

  it('names one unit when the whole text names it', () => {
    expect(resolveResponsible('Sở Thông tin và Truyền thông', index)).toEqual({ text: 'Sở Thông tin và Truyền thông', unitId: 2, kinds: [] });
    expect(resolveResponsible('Sở Thông tin và truyền thông', index).unitId).toBe(2);
    expect(resolveResponsible('  Sở Nội vụ  ', index)).toEqual({ text: 'Sở Nội vụ', unitId: 3, kinds: [] });
    expect(resolveResponsible('Sở Nội vụ (cấp tỉnh)', index)).toEqual({ text: 'Sở Nội vụ (cấp tỉnh)', unitId: 3, kinds: [] });
    expect(resolveResponsible('Văn phòng UBND tỉnh', index).unitId).toBe(4);
    expect(resolveResponsible('UBND huyện Krông Ana', index).unitId).toBe(5);
    expect(resolveResponsible('Xã Ea Na', index).unitId).toBe(8);
    expect(resolveResponsible('Phường Ea Na', index).unitId).toBe(9);
  });

  it('names the groups by kinds, with no unit', () => {
    const r = resolveResponsible('UBND các huyện, thị xã, thành phố', index);
    expect(r.unitId).toBeNull();
    expect(sorted(r.kinds)).toEqual(sorted(['DISTRICT', 'TOWN', 'PROVINCIAL_CITY']));
    expect(resolveResponsible('Các sở, ban, ngành', index)).toEqual({ text: 'Các sở, ban, ngành', unitId: null, kinds: ['PROVINCIAL_AGENCY'] });
  });

  it('keeps words that name nothing known as written', () => {
    expect(resolveResponsible('Viễn thông Đắk Lắk', index)).toEqual({ text: 'Viễn thông Đắk Lắk', unitId: null, kinds: [] });
    expect(resolveResponsible('Công an tỉnh', index)).toEqual({ text: 'Công an tỉnh', unitId: null, kinds: [] });
    expect(resolveResponsible('', index)).toEqual({ text: '', unitId: null, kinds: [] });
  });

  it('refuses a match whose kind differs from the one written', () => {
    // "Thị xã Buôn Trấp" is not the township of that name.
    expect(resolveResponsible('Thị xã Buôn Trấp', index).unitId).toBeNull();
    // A district's "Phòng Nội vụ" is not the province's "Sở Nội vụ", nor the other way round.
    const districtOnly = new UnitNameIndex(units.filter((u) => u.id !== 3));
    expect(resolveResponsible('Sở Nội vụ', districtOnly).unitId).toBeNull();
    const provinceOnly = new UnitNameIndex(units.filter((u) => u.id !== 6));
    expect(resolveResponsible('Phòng Nội vụ', provinceOnly).unitId).toBeNull();
  });

  it('leaves a name shared by several units unresolved', () => {
    const twice = new UnitNameIndex([...units, { id: 10, name: 'Sở Nội vụ', kind: 'PROVINCIAL_AGENCY' as const }]);
    expect(resolveResponsible('Sở Nội vụ', twice).unitId).toBeNull();
  });

  it('reads "UBND tỉnh" as the province given', () => {
    expect(resolveResponsible('UBND tỉnh', index, byId(1)).unitId).toBe(1);
    expect(resolveResponsible('Ủy ban nhân dân tỉnh', index, byId(1)).unitId).toBe(1);
    expect(resolveResponsible('UBND tỉnh', index).unitId).toBeNull();
  });
});
