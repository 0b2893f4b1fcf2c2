import { describe, expect, it } from 'vitest';
import { annexGroupOf, groupForAnnex } from './annex-groups';
import type { UnitKind } from './units';

describe('groupForAnnex', () => {
  it('lists agencies, then district-level, then commune-level units, each group in the given order, naming the kinds present in the annex’s word order', () => {
    const rows: { name: string; kind: UnitKind }[] = [
      { name: 'Thành phố Buôn Ma Thuột', kind: 'PROVINCIAL_CITY' },
      { name: 'Sở Công Thương', kind: 'PROVINCIAL_AGENCY' },
      { name: 'Huyện Krông A Na', kind: 'DISTRICT' },
      { name: 'Thị xã Buôn Hồ', kind: 'TOWN' },
      { name: 'Sở Nội vụ', kind: 'PROVINCIAL_AGENCY' },
    ];
    expect(groupForAnnex(rows).map((g) => [g.key, g.kinds, g.rows.map((r) => r.name)])).toEqual([
      ['PROVINCIAL_AGENCY', ['PROVINCIAL_AGENCY'], ['Sở Công Thương', 'Sở Nội vụ']],
      ['DISTRICT_LEVEL', ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY'], ['Thành phố Buôn Ma Thuột', 'Huyện Krông A Na', 'Thị xã Buôn Hồ']],
    ]);
  });

  it('puts communes after districts and a kind no annex names last', () => {
    expect(['TOWNSHIP', 'PROVINCE', 'COMMUNE', 'DISTRICT_AGENCY'].map((k) => annexGroupOf(k as UnitKind))).toEqual(['COMMUNE_LEVEL', 'OTHER', 'COMMUNE_LEVEL', 'DISTRICT_AGENCY']);
    expect(groupForAnnex<{ kind: UnitKind }>([{ kind: 'PROVINCE' }, { kind: 'TOWNSHIP' }, { kind: 'COMMUNE' }]).map((g) => [g.key, g.kinds])).toEqual([
      ['COMMUNE_LEVEL', ['COMMUNE', 'TOWNSHIP']],
      ['OTHER', ['PROVINCE']],
    ]);
  });
});
