import { describe, expect, it } from 'vitest';
import type { UnitKind } from '@chitieu/domain';
import { groupRows } from './grouping';

const u = (name: string, kind: UnitKind) => ({ name, kind });

describe('groupRows', () => {
  it('groups as the annex: agencies, then district-level committees, then communes, numbered by the groups present', () => {
    const rows = [
      u('Huyện Krông A Na', 'DISTRICT'),
      u('Sở Nội vụ', 'PROVINCIAL_AGENCY'),
      u('Thành phố Buôn Ma Thuột', 'PROVINCIAL_CITY'),
      u('Thị xã Buôn Hồ', 'TOWN'),
      u('Sở Y tế', 'PROVINCIAL_AGENCY'),
    ];
    const groups = groupRows(rows);
    expect(groups.map((g) => [g.numeral, g.key])).toEqual([
      ['I', 'PROVINCIAL_AGENCY'],
      ['II', 'DISTRICT_LEVEL'],
    ]);
    // Rows keep their order inside a group; kinds are named in the annex's word order.
    expect(groups[0].rows.map((r) => r.name)).toEqual(['Sở Nội vụ', 'Sở Y tế']);
    expect(groups[1].rows.map((r) => r.name)).toEqual(['Huyện Krông A Na', 'Thành phố Buôn Ma Thuột', 'Thị xã Buôn Hồ']);
    expect(groups[1].kinds).toEqual(['DISTRICT', 'TOWN', 'PROVINCIAL_CITY']);
  });

  it("a district's children: its offices, then its communes and townships; other kinds last", () => {
    const groups = groupRows([u('Thị trấn Buôn Trấp', 'TOWNSHIP'), u('Xã Ea Bông', 'COMMUNE'), u('Phòng Nội vụ', 'DISTRICT_AGENCY'), u('Tỉnh X', 'PROVINCE')]);
    expect(groups.map((g) => `${g.numeral} ${g.key}`)).toEqual(['I DISTRICT_AGENCY', 'II COMMUNE_LEVEL', 'III OTHER']);
    expect(groups[1].kinds).toEqual(['COMMUNE', 'TOWNSHIP']);
  });

  it('no rows, no groups', () => {
    expect(groupRows([])).toEqual([]);
  });
});
