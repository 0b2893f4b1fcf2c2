import { groupForAnnex, type AnnexGroupKey, type UnitKind } from '@chitieu/domain';

/**
 * The matrix's rows grouped as the plan's annex lists them (groupForAnnex, shared with the
 * printed annex): agencies, the district-level people's committees, the communes, anything
 * else; numbered I, II… in the order of the groups present. The heading words are the
 * catalogue's (sheet.group.*).
 */
export type SheetGroupKey = AnnexGroupKey;

export interface SheetGroup<T> {
  key: SheetGroupKey;
  /** "I", "II"… in the annex's order of the groups present. */
  numeral: string;
  /** The kinds present in the group, in the annex's order of words ("huyện, thị xã, thành phố"). */
  kinds: UnitKind[];
  rows: T[];
}

const NUMERALS = ['I', 'II', 'III', 'IV', 'V'];

/** The non-empty groups in annex order; rows keep their given order inside a group. */
export function groupRows<T extends { kind: UnitKind }>(rows: readonly T[]): SheetGroup<T>[] {
  return groupForAnnex(rows).map((g, i) => ({ ...g, numeral: NUMERALS[i] ?? String(i + 1) }));
}
