/**
 * Who a plan's row or task names as lead or coordinating unit: one unit ("Sở Nội vụ"), a group
 * of units by kind ("UBND các huyện, thị xã, thành phố"), or words we keep as written.
 */

import type { ResponsibleRef } from './plan-rows';
import { COMMUNE_LEVEL_KINDS, DISTRICT_LEVEL_KINDS, PROVINCE_LEVEL_KINDS, UNIT_KINDS, UnitNameIndex, foldVietnamese, type UnitKind } from './units';

/** Marks a group of agencies; resolved to provincial or district agencies once the whole text is read. */
const AGENCY = 'AGENCY';
const DISTRICT_AGENCY_MARK = 'DISTRICT_AGENCY_MARK';
type GroupWord = UnitKind | typeof AGENCY | typeof DISTRICT_AGENCY_MARK;

// Folded group words → what they name. "huyện" in "UBND các huyện" is the colloquial name of
// every district-level unit but quận, which documents name when they mean it.
const GROUP_WORDS: ReadonlyMap<string, readonly GroupWord[]> = new Map<string, readonly GroupWord[]>([
  ['huyen', ['DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
  ['thi xa', ['TOWN']],
  ['thanh pho', ['PROVINCIAL_CITY']],
  ['tp', ['PROVINCIAL_CITY']],
  ['quan', ['URBAN_DISTRICT']],
  ['quan huyen', ['URBAN_DISTRICT', 'DISTRICT', 'TOWN', 'PROVINCIAL_CITY']],
  ['xa', ['COMMUNE']],
  ['phuong', ['WARD']],
  ['thi tran', ['TOWNSHIP']],
  ['dac khu', ['SPECIAL_ZONE']],
  ['cap huyen', DISTRICT_LEVEL_KINDS],
  ['cap xa', COMMUNE_LEVEL_KINDS],
  ['cap tinh', PROVINCE_LEVEL_KINDS],
  ['so', [AGENCY]],
  ['ban', [AGENCY]],
  ['nganh', [AGENCY]],
  ['so nganh', [AGENCY]],
  ['ban nganh', [AGENCY]],
  ['so ban nganh', [AGENCY]],
  ['co quan', [AGENCY]],
  ['don vi', [AGENCY]],
  ['co quan don vi', [AGENCY]],
  ['co quan chuyen mon', [AGENCY]],
  ['phong', [AGENCY, DISTRICT_AGENCY_MARK]],
  ['phong ban', [AGENCY, DISTRICT_AGENCY_MARK]],
]);

// Words before a group that do not change it: "UBND", "Chủ tịch UBND", "các", "tất cả các".
const LEADING: readonly string[] = ['chu tich', 'giam doc', 'thu truong', 'lanh dao', 'uy ban nhan dan', 'ubnd', 'tat ca', 'nhung', 'cac'];
// Words after a group that do not change it: "chuyên môn", "có liên quan", "thuộc tỉnh".
const TRAILING: readonly string[] = [
  'chuyen mon',
  'co lien quan',
  'lien quan',
  'thuoc tinh',
  'truc thuoc',
  'tren dia ban tinh',
  'tren dia ban',
  'cap tinh',
  'cap huyen',
  'cap xa',
  'tinh',
];
// Words that make a text plural: without them, "UBND huyện" is one (unnamed) unit, not a group.
const PLURAL = /(^| )(cac|cap|tat ca|nhung)( |$)/;

/** Folded text without what is in parentheses and without closing punctuation. */
function foldClause(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, ' ').replace(/[.:;]+\s*$/, ''));
}

function stripLeading(item: string): string {
  let s = item;
  for (let changed = true; changed;) {
    changed = false;
    for (const w of LEADING) {
      if (s.startsWith(w + ' ')) {
        s = s.slice(w.length + 1);
        changed = true;
      }
    }
  }
  return s;
}

function stripTrailing(item: string): string {
  let s = item;
  for (let changed = true; changed;) {
    changed = false;
    for (const w of TRAILING) {
      // Kept when it is the whole item: "cấp huyện" is a group itself.
      if (s.endsWith(' ' + w) && !(w === 'tinh' && s.endsWith('cap tinh'))) {
        s = s.slice(0, -(w.length + 1));
        changed = true;
      }
    }
  }
  return s;
}

/**
 * The kinds a group's words name: "UBND các huyện, thị xã, thành phố" → DISTRICT, TOWN,
 * PROVINCIAL_CITY; "UBND cấp xã" → the commune-level kinds; "Các sở, ban, ngành" →
 * PROVINCIAL_AGENCY; "các phòng, ban chuyên môn" → DISTRICT_AGENCY. Tolerant of case,
 * diacritics, "UBND" and parenthesised remarks. null when the words, all of them, do not name
 * groups ("Sở Nội vụ", "Công an các huyện").
 */
export function groupKinds(text: string): UnitKind[] | null {
  const folded = foldClause(text);
  if (!folded) return null;
  const items = folded
    .split(/\s*[,;/&]\s*|\s+va\s+|\s+-\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (!items.length) return null;
  if (items.length < 2 && !PLURAL.test(folded)) return null;
  const found = new Set<GroupWord>();
  for (const raw of items) {
    const item = stripTrailing(stripLeading(raw));
    const words = GROUP_WORDS.get(item);
    if (!words) return null;
    for (const w of words) found.add(w);
  }
  const kinds = new Set<UnitKind>();
  for (const w of found) {
    if (w === AGENCY) kinds.add(found.has(DISTRICT_AGENCY_MARK) ? 'DISTRICT_AGENCY' : 'PROVINCIAL_AGENCY');
    else if (w !== DISTRICT_AGENCY_MARK) kinds.add(w);
  }
  return UNIT_KINDS.filter((k) => kinds.has(k));
}

// "Sở X" is a provincial agency, "Phòng X" a district's: the loose key drops the word, so check it.
function agencyWordFits(folded: string, kind: UnitKind): boolean {
  if (/^so /.test(folded)) return kind === 'PROVINCIAL_AGENCY';
  if (/^phong /.test(folded)) return kind === 'DISTRICT_AGENCY';
  return true;
}

const PROVINCE_COUNCIL = /^(ubnd|uy ban nhan dan) tinh$|^tinh$/;

/**
 * The document's words with the unit or the kinds they name. One unit when the whole text names
 * exactly one unit of the index (and of the kind its prefix names); the kinds when it names a
 * group; neither otherwise. `province`, when given, is the unit "UBND tỉnh" means.
 */
export function resolveResponsible<T extends { id: number; name: string; kind: UnitKind }>(text: string, index: UnitNameIndex<T>, province?: T | null): ResponsibleRef {
  const written = text.trim();
  const kinds = groupKinds(written);
  if (kinds) return { text: written, unitId: null, kinds };
  const folded = foldClause(written);
  if (!folded) return { text: written, unitId: null, kinds: [] };
  if (province && PROVINCE_COUNCIL.test(folded)) return { text: written, unitId: province.id, kinds: [] };
  const name = written.replace(/\([^)]*\)/g, ' ').replace(/[.:;]+\s*$/, '');
  const m = index.match(name);
  const unitId = m.kind === 'MATCH' && !m.kindDiffers && agencyWordFits(folded, m.unit.kind) ? m.unit.id : null;
  return { text: written, unitId, kinds: [] };
}
