import { describe, it, expect } from 'vitest';
import {
  AGENCY_KINDS,
  COMMUNE_LEVEL_KINDS,
  DISTRICT_LEVEL_KINDS,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  allowedParentKinds,
  canHaveParent,
  foldVietnamese,
  isAgency,
  isCommuneLevel,
  isDistrictLevel,
  isUnitKind,
  kindLevel,
  splitKindPrefix,
  looseUnitNameKey,
  UnitNameIndex,
  unitNameKey,
  type UnitKind,
} from './units';

describe('unit kinds', () => {
  it('lists the twelve kinds in the schema order', () => {
    // One line, as the schema's enum reads: the order is part of the contract.
    expect(UNIT_KINDS.join(' ')).toBe('PROVINCE MUNICIPALITY PROVINCIAL_AGENCY PROVINCIAL_CITY TOWN URBAN_DISTRICT DISTRICT DISTRICT_AGENCY WARD TOWNSHIP COMMUNE SPECIAL_ZONE');
  });

  it('groups district-level, commune-level and agency kinds', () => {
    expect(DISTRICT_LEVEL_KINDS).toEqual(['PROVINCIAL_CITY', 'TOWN', 'URBAN_DISTRICT', 'DISTRICT']);
    expect(COMMUNE_LEVEL_KINDS).toEqual(['WARD', 'TOWNSHIP', 'COMMUNE', 'SPECIAL_ZONE']);
    expect(AGENCY_KINDS).toEqual(['PROVINCIAL_AGENCY', 'DISTRICT_AGENCY']);
    expect(isDistrictLevel('TOWN')).toBe(true);
    expect(isDistrictLevel('WARD')).toBe(false);
    expect(isCommuneLevel('SPECIAL_ZONE')).toBe(true);
    expect(isCommuneLevel('DISTRICT')).toBe(false);
    expect(isAgency('DISTRICT_AGENCY')).toBe(true);
    expect(isAgency('PROVINCE')).toBe(false);
  });

  it.each([
    ['DISTRICT', true],
    ['SPECIAL_ZONE', true],
    ['district', false],
    ['HAMLET', false],
    [42, false],
    [null, false],
  ])('isUnitKind(%j) → %s', (s, expected) => {
    expect(isUnitKind(s)).toBe(expected);
  });

  it('has a Vietnamese and an English label for every kind', () => {
    for (const kind of UNIT_KINDS) {
      expect(UNIT_KIND_LABELS.vi[kind]).toBeTruthy();
      expect(UNIT_KIND_LABELS.en[kind]).toBeTruthy();
    }
    expect(UNIT_KIND_LABELS.vi.TOWNSHIP).toBe('thị trấn');
  });
});

describe('kindLevel', () => {
  it.each<[UnitKind, number | undefined, number]>([
    ['PROVINCE', undefined, 1],
    ['MUNICIPALITY', undefined, 1],
    ['PROVINCIAL_CITY', undefined, 2],
    ['TOWN', undefined, 2],
    ['URBAN_DISTRICT', undefined, 2],
    ['DISTRICT', undefined, 2],
    ['WARD', undefined, 3],
    ['TOWNSHIP', undefined, 3],
    ['COMMUNE', undefined, 3],
    ['SPECIAL_ZONE', undefined, 3],
    // Tier, not depth: a commune directly under a province (since 2025) stays tier 3.
    ['COMMUNE', 1, 3],
    ['PROVINCIAL_AGENCY', undefined, 1],
    ['PROVINCIAL_AGENCY', 1, 1],
    ['DISTRICT_AGENCY', undefined, 2],
    ['DISTRICT_AGENCY', 2, 2],
    ['DISTRICT_AGENCY', 7, 2],
  ])('%s under a tier-%s parent → %i', (kind, parentLevel, expected) => {
    expect(kindLevel(kind, parentLevel)).toBe(expected);
  });
});

describe('allowedParentKinds', () => {
  it.each<[UnitKind, UnitKind[] | null]>([
    ['PROVINCE', null],
    ['MUNICIPALITY', null],
    ['PROVINCIAL_AGENCY', ['PROVINCE', 'MUNICIPALITY']],
    ['PROVINCIAL_CITY', ['PROVINCE', 'MUNICIPALITY']],
    ['TOWN', ['PROVINCE', 'MUNICIPALITY']],
    ['URBAN_DISTRICT', ['PROVINCE', 'MUNICIPALITY']],
    ['DISTRICT', ['PROVINCE', 'MUNICIPALITY']],
    ['DISTRICT_AGENCY', ['PROVINCIAL_CITY', 'TOWN', 'URBAN_DISTRICT', 'DISTRICT']],
    ['WARD', ['PROVINCE', 'MUNICIPALITY', 'PROVINCIAL_CITY', 'TOWN', 'URBAN_DISTRICT', 'DISTRICT']],
    ['TOWNSHIP', ['PROVINCIAL_CITY', 'TOWN', 'URBAN_DISTRICT', 'DISTRICT']],
    ['COMMUNE', ['PROVINCE', 'MUNICIPALITY', 'PROVINCIAL_CITY', 'TOWN', 'URBAN_DISTRICT', 'DISTRICT']],
    ['SPECIAL_ZONE', ['PROVINCE', 'MUNICIPALITY']],
  ])('%s → %j', (kind, expected) => {
    expect(allowedParentKinds(kind)).toEqual(expected);
  });

  it.each<[UnitKind, UnitKind | null, boolean]>([
    ['PROVINCE', null, true],
    ['PROVINCE', 'PROVINCE', false],
    ['DISTRICT', null, false],
    ['DISTRICT', 'PROVINCE', true],
    ['TOWNSHIP', 'PROVINCE', false],
    ['TOWNSHIP', 'DISTRICT', true],
    ['WARD', 'PROVINCE', true],
    ['DISTRICT_AGENCY', 'PROVINCE', false],
  ])('canHaveParent(%s, %s) → %s', (kind, parent, expected) => {
    expect(canHaveParent(kind, parent)).toBe(expected);
  });
});

describe('foldVietnamese', () => {
  it.each([
    ['Tỉnh Đắk Lắk', 'tinh dak lak'],
    ['  Huyện   Krông  A Na ', 'huyen krong a na'],
    ['ĐẮK NÔNG', 'dak nong'],
    ["Huyện M'Đrắk", "huyen m'drak"],
    ['Phường Tân Lợi', 'phuong tan loi'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
    ['Uỷ ban nhân dân', 'uy ban nhan dan'],
    ['Thị\u00a0xã\tBuôn Hồ', 'thi xa buon ho'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('gives the same result for NFD and NFC input', () => {
    const nfc = 'Tỉnh Đắk Lắk, Huyện Cư M’gar, Xã Ea Tiêu'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
  });
});

describe('splitKindPrefix', () => {
  it.each<[string, UnitKind | null, string]>([
    ['Tỉnh Đắk Lắk', 'PROVINCE', 'Đắk Lắk'],
    ['Thành phố Buôn Ma Thuột', 'PROVINCIAL_CITY', 'Buôn Ma Thuột'],
    ['TP. Buôn Ma Thuột', 'PROVINCIAL_CITY', 'Buôn Ma Thuột'],
    ['TP.Buôn Ma Thuột', 'PROVINCIAL_CITY', 'Buôn Ma Thuột'],
    ['Tp Buôn Ma Thuột', 'PROVINCIAL_CITY', 'Buôn Ma Thuột'],
    ['Thị xã Buôn Hồ', 'TOWN', 'Buôn Hồ'],
    ['Quận Ba Đình', 'URBAN_DISTRICT', 'Ba Đình'],
    ['Huyện Krông A Na', 'DISTRICT', 'Krông A Na'],
    ['Phường Tân Lợi', 'WARD', 'Tân Lợi'],
    ['Phường 1', 'WARD', '1'],
    ['Thị trấn Đắk Tô', 'TOWNSHIP', 'Đắk Tô'],
    ['Xã Ea Tu', 'COMMUNE', 'Ea Tu'],
    ['Đặc khu Phú Quốc', 'SPECIAL_ZONE', 'Phú Quốc'],
    ['UBND huyện Krông Ana', 'DISTRICT', 'Krông Ana'],
    ['UBND thành phố Buôn Ma Thuột', 'PROVINCIAL_CITY', 'Buôn Ma Thuột'],
    ['UBND thị xã Buôn Hồ', 'TOWN', 'Buôn Hồ'],
    ['UBND TP. Buôn Ma Thuột', 'PROVINCIAL_CITY', 'Buôn Ma Thuột'],
    ['Ủy ban nhân dân xã Ea Tu', 'COMMUNE', 'Ea Tu'],
    ['Uỷ ban nhân dân tỉnh Đắk Lắk', 'PROVINCE', 'Đắk Lắk'],
    ['HUYỆN LẮK', 'DISTRICT', 'LẮK'],
    ['huyen krong bong', 'DISTRICT', 'krong bong'],
    // No prefix: a whole word is required ("Xuân" is not "Xã ...").
    ['Xuân Phú', null, 'Xuân Phú'],
    ['Sở Nội vụ', null, 'Sở Nội vụ'],
    ['Công an tỉnh', null, 'Công an tỉnh'],
    ['Tỉnh', null, 'Tỉnh'],
    ['UBND Krông Ana', null, 'Krông Ana'],
  ])('%j → %s %j', (name, kind, bare) => {
    expect(splitKindPrefix(name)).toEqual({ kind, bare });
  });

  it('reads NFD input the same as NFC', () => {
    expect(splitKindPrefix('Thị trấn Buôn Trấp'.normalize('NFD'))).toEqual({ kind: 'TOWNSHIP', bare: 'Buôn Trấp' });
  });
});

describe('unitNameKey', () => {
  it.each([
    ['UBND huyện Krông Ana', 'Huyện Krông A Na'],
    ["UBND huyện M'Drắk", "Huyện M'Đrắk"],
    ['TP. Buôn Ma Thuột', 'Thành phố Buôn Ma Thuột'],
    ['UBND thị xã Buôn Hồ', 'Thị xã Buôn Hồ'],
    ["UBND huyện Ea H'leo", 'Huyện Ea H’Leo'],
    ["UBND huyện Cư M'gar", 'Huyện Cư Mgar'],
    ['UBND huyện Krông Pắc', 'Huyện Krông Pắc'.normalize('NFD')],
    ['Tỉnh Đắk Lắk', 'Đắk Lắk'],
    ['Thị xã Buôn Hồ', 'Buôn-Hồ'],
  ])('%j ≡ %j', (a, b) => {
    expect(unitNameKey(a)).toBe(unitNameKey(b));
  });

  it.each([
    ['Huyện Krông Bông', 'Huyện Krông Búk'],
    ['Huyện Lắk', 'Huyện Đắk Lắk'],
    ['Xã Ea Kao', 'Xã Ea Kar'],
  ])('%j ≢ %j', (a, b) => {
    expect(unitNameKey(a)).not.toBe(unitNameKey(b));
  });

  it.each([
    ['UBND huyện Krông Ana', 'krongana'],
    ["Huyện M'Đrắk", 'mdrak'],
    ['TP. Buôn Ma Thuột', 'buonmathuot'],
    ['Tỉnh Đắk Lắk', 'daklak'],
    ['Phường 1', '1'],
  ])('%j → %j', (name, key) => {
    expect(unitNameKey(name)).toBe(key);
  });
});

describe('looseUnitNameKey', () => {
  it.each([
    ['Sở Công Thương', 'Công thương'],
    ['Sở Y tế', 'SỞ Y TẾ'],
    ['UBND huyện Krông Ana', 'Krông A Na'],
  ])('%j ≡ %j', (a, b) => expect(looseUnitNameKey(a)).toBe(looseUnitNameKey(b)));

  it('keeps a name that is only the agency word', () => expect(looseUnitNameKey('Sở')).toBe('so'));
});

describe('UnitNameIndex', () => {
  type U = { id: number; name: string; kind: UnitKind };
  const units: U[] = [
    { id: 1, name: 'Thành phố Buôn Ma Thuột', kind: 'PROVINCIAL_CITY' },
    { id: 2, name: 'Huyện Krông A Na', kind: 'DISTRICT' },
    { id: 3, name: "Huyện M'Đrắk", kind: 'DISTRICT' },
    { id: 4, name: 'Phường Tân Lập', kind: 'WARD' },
    { id: 5, name: 'Xã Tân Lập', kind: 'COMMUNE' },
    { id: 6, name: 'Phường Thống Nhất', kind: 'WARD' },
    { id: 7, name: 'Phường Thống Nhất', kind: 'WARD' },
    { id: 8, name: 'Sở Công Thương', kind: 'PROVINCIAL_AGENCY' },
    { id: 9, name: 'Sở Nội vụ', kind: 'PROVINCIAL_AGENCY' },
    { id: 10, name: 'Phòng Nội vụ', kind: 'DISTRICT_AGENCY' },
    { id: 11, name: 'Thị xã Buôn Hồ', kind: 'TOWN' },
  ];
  const index = new UnitNameIndex(units);
  const id = (name: string) => {
    const m = index.match(name);
    return m.kind === 'MATCH' ? m.unit.id : m.kind;
  };

  it.each([
    ['UBND huyện Krông Ana', 2],
    ["UBND huyện M'Drắk", 3],
    ['TP. Buôn Ma Thuột', 1],
    ['UBND thành phố Buôn Ma Thuột', 1],
    ['thị xã  buôn hồ', 11],
    ['Thị xã Buôn Hồ'.normalize('NFD'), 11],
    ['Xã Tân Lập', 5],
    ['Phường Tân Lập', 4],
    ['Công Thương', 8],
    ['Sở Nội vụ', 9],
    ['Phòng Nội vụ', 10],
  ])('%j → unit %s', (name, want) => expect(id(name)).toBe(want));

  it.each([
    ['Tân Lập', 'AMBIGUOUS'],
    ['Phường Thống Nhất', 'AMBIGUOUS'],
    ['Nội vụ', 'AMBIGUOUS'],
    ['Xã Không Có', 'NONE'],
    ['', 'NONE'],
  ])('%j → %s, never a guess', (name, want) => expect(id(name)).toBe(want));

  it('lets a preference settle a tie (the reader’s own children)', () => {
    const preferring = new UnitNameIndex(units, (u) => u.id === 6);
    expect(preferring.match('Phường Thống Nhất')).toMatchObject({ kind: 'MATCH', unit: { id: 6 } });
  });

  it('says when the kind written differs from the unit’s', () => {
    expect(index.match('Huyện Buôn Hồ')).toMatchObject({ kind: 'MATCH', unit: { id: 11 }, kindDiffers: true });
  });
});
