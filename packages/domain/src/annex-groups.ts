/**
 * How a plan's annex groups the units it assigns to, in the order Vietnamese annexes use:
 * agencies, the district-level people's committees, the communes, anything else. The server's
 * annex workbook and the SPA's target sheet both list rows this way; each words the headings
 * itself ("UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ" in print, the catalogue's words on screen).
 */
import { COMMUNE_LEVEL_KINDS, DISTRICT_LEVEL_KINDS, type UnitKind } from './units';

export type AnnexGroupKey = 'PROVINCIAL_AGENCY' | 'DISTRICT_AGENCY' | 'DISTRICT_LEVEL' | 'COMMUNE_LEVEL' | 'OTHER';

export const ANNEX_GROUP_ORDER: readonly AnnexGroupKey[] = ['PROVINCIAL_AGENCY', 'DISTRICT_AGENCY', 'DISTRICT_LEVEL', 'COMMUNE_LEVEL', 'OTHER'];

/** The order in which a heading names the kinds present: "huyện, thị xã, thành phố", "xã, phường, thị trấn". */
const WORD_ORDER: Partial<Record<AnnexGroupKey, readonly UnitKind[]>> = {
  DISTRICT_LEVEL: ['URBAN_DISTRICT', 'DISTRICT', 'TOWN', 'PROVINCIAL_CITY'],
  COMMUNE_LEVEL: ['COMMUNE', 'WARD', 'TOWNSHIP', 'SPECIAL_ZONE'],
};

export function annexGroupOf(kind: UnitKind): AnnexGroupKey {
  if (kind === 'PROVINCIAL_AGENCY' || kind === 'DISTRICT_AGENCY') return kind;
  if (DISTRICT_LEVEL_KINDS.includes(kind)) return 'DISTRICT_LEVEL';
  if (COMMUNE_LEVEL_KINDS.includes(kind)) return 'COMMUNE_LEVEL';
  return 'OTHER';
}

export interface AnnexGroupOf<T> {
  key: AnnexGroupKey;
  /** The kinds present, in the order a heading names them. */
  kinds: UnitKind[];
  /** In the order given. */
  rows: T[];
}

/** The non-empty groups in annex order; rows keep their given order inside a group. */
export function groupForAnnex<T extends { kind: UnitKind }>(rows: readonly T[]): AnnexGroupOf<T>[] {
  return ANNEX_GROUP_ORDER.map((key) => {
    const mine = rows.filter((r) => annexGroupOf(r.kind) === key);
    const order = WORD_ORDER[key];
    const kinds = order ? order.filter((k) => mine.some((r) => r.kind === k)) : [...new Set(mine.map((r) => r.kind))];
    return { key, kinds, rows: mine };
  }).filter((g) => g.rows.length > 0);
}
