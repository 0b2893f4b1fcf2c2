/**
 * Administrative units: kinds, tiers, allowed parents, and name matching.
 *
 * Depth is data, not code: the same kinds serve the three-tier tree (before 1 July 2025) and
 * the two-tier one (communes directly under the province).
 */

export type UnitKind =
  | 'PROVINCE'
  | 'MUNICIPALITY'
  | 'PROVINCIAL_AGENCY'
  | 'PROVINCIAL_CITY'
  | 'TOWN'
  | 'URBAN_DISTRICT'
  | 'DISTRICT'
  | 'DISTRICT_AGENCY'
  | 'WARD'
  | 'TOWNSHIP'
  | 'COMMUNE'
  | 'SPECIAL_ZONE';

export const UNIT_KINDS: readonly UnitKind[] = [
  'PROVINCE',
  'MUNICIPALITY',
  'PROVINCIAL_AGENCY',
  'PROVINCIAL_CITY',
  'TOWN',
  'URBAN_DISTRICT',
  'DISTRICT',
  'DISTRICT_AGENCY',
  'WARD',
  'TOWNSHIP',
  'COMMUNE',
  'SPECIAL_ZONE',
];

export const PROVINCE_LEVEL_KINDS: readonly UnitKind[] = ['PROVINCE', 'MUNICIPALITY'];
/** "District-level" in a plan: thành phố thuộc tỉnh, thị xã, quận, huyện. */
export const DISTRICT_LEVEL_KINDS: readonly UnitKind[] = ['PROVINCIAL_CITY', 'TOWN', 'URBAN_DISTRICT', 'DISTRICT'];
export const COMMUNE_LEVEL_KINDS: readonly UnitKind[] = ['WARD', 'TOWNSHIP', 'COMMUNE', 'SPECIAL_ZONE'];
export const AGENCY_KINDS: readonly UnitKind[] = ['PROVINCIAL_AGENCY', 'DISTRICT_AGENCY'];

/** Vietnamese and English names of the kinds, for labels and messages. */
export const UNIT_KIND_LABELS: Readonly<Record<'vi' | 'en', Readonly<Record<UnitKind, string>>>> = {
  vi: {
    PROVINCE: 'tỉnh',
    MUNICIPALITY: 'thành phố trực thuộc trung ương',
    PROVINCIAL_AGENCY: 'sở, ban, ngành',
    PROVINCIAL_CITY: 'thành phố thuộc tỉnh',
    TOWN: 'thị xã',
    URBAN_DISTRICT: 'quận',
    DISTRICT: 'huyện',
    DISTRICT_AGENCY: 'phòng, ban chuyên môn cấp huyện',
    WARD: 'phường',
    TOWNSHIP: 'thị trấn',
    COMMUNE: 'xã',
    SPECIAL_ZONE: 'đặc khu',
  },
  en: {
    PROVINCE: 'province',
    MUNICIPALITY: 'centrally-governed city',
    PROVINCIAL_AGENCY: 'provincial agency',
    PROVINCIAL_CITY: 'provincial city',
    TOWN: 'town',
    URBAN_DISTRICT: 'urban district',
    DISTRICT: 'district',
    DISTRICT_AGENCY: 'district agency',
    WARD: 'ward',
    TOWNSHIP: 'township',
    COMMUNE: 'commune',
    SPECIAL_ZONE: 'special zone',
  },
};

export function isUnitKind(s: unknown): s is UnitKind {
  return typeof s === 'string' && (UNIT_KINDS as readonly string[]).includes(s);
}

export function isDistrictLevel(kind: UnitKind): boolean {
  return DISTRICT_LEVEL_KINDS.includes(kind);
}

export function isCommuneLevel(kind: UnitKind): boolean {
  return COMMUNE_LEVEL_KINDS.includes(kind);
}

export function isAgency(kind: UnitKind): boolean {
  return AGENCY_KINDS.includes(kind);
}

/**
 * Tier of a kind (1 province-level, 2 district-level, 3 commune-level), not the depth in the
 * tree: a ward directly under a province (after 2025) is still tier 3. Agencies take their
 * parent's tier when it is known.
 */
export function kindLevel(kind: UnitKind, parentLevel?: number): 1 | 2 | 3 {
  switch (kind) {
    case 'PROVINCE':
    case 'MUNICIPALITY':
      return 1;
    case 'PROVINCIAL_CITY':
    case 'TOWN':
    case 'URBAN_DISTRICT':
    case 'DISTRICT':
      return 2;
    case 'WARD':
    case 'TOWNSHIP':
    case 'COMMUNE':
    case 'SPECIAL_ZONE':
      return 3;
    case 'PROVINCIAL_AGENCY':
      return asLevel(parentLevel) ?? 1;
    case 'DISTRICT_AGENCY':
      return asLevel(parentLevel) ?? 2;
  }
}

function asLevel(n: number | undefined): 1 | 2 | 3 | null {
  return n === 1 || n === 2 || n === 3 ? n : null;
}

const PARENTS: Readonly<Record<UnitKind, readonly UnitKind[] | null>> = {
  PROVINCE: null,
  MUNICIPALITY: null,
  PROVINCIAL_AGENCY: PROVINCE_LEVEL_KINDS,
  PROVINCIAL_CITY: PROVINCE_LEVEL_KINDS,
  TOWN: PROVINCE_LEVEL_KINDS,
  URBAN_DISTRICT: PROVINCE_LEVEL_KINDS,
  DISTRICT: PROVINCE_LEVEL_KINDS,
  DISTRICT_AGENCY: DISTRICT_LEVEL_KINDS,
  WARD: [...PROVINCE_LEVEL_KINDS, ...DISTRICT_LEVEL_KINDS],
  TOWNSHIP: DISTRICT_LEVEL_KINDS,
  COMMUNE: [...PROVINCE_LEVEL_KINDS, ...DISTRICT_LEVEL_KINDS],
  SPECIAL_ZONE: PROVINCE_LEVEL_KINDS,
};

/**
 * Kinds a unit of `kind` may hang under (the table in docs/spec/domain.md; "province" there
 * means either province-level kind). null: the kind is a root.
 */
export function allowedParentKinds(kind: UnitKind): readonly UnitKind[] | null {
  return PARENTS[kind];
}

/** Whether a unit of `kind` may hang under `parentKind` (null parent: a root). */
export function canHaveParent(kind: UnitKind, parentKind: UnitKind | null): boolean {
  const allowed = PARENTS[kind];
  if (allowed === null) return parentKind === null;
  return parentKind !== null && allowed.includes(parentKind);
}

/**
 * Lower case, strip diacritics, đ→d, collapse whitespace, trim. NFC and NFD input give the same
 * result. Used for search ("dak lak" finds "Tỉnh Đắk Lắk") and name matching.
 */
export function foldVietnamese(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}

// Prefixes as folded word sequences; longer ones first so "thi xa" wins over "xa".
const KIND_PREFIXES: readonly { words: readonly string[]; kind: UnitKind }[] = [
  { words: ['thanh', 'pho'], kind: 'PROVINCIAL_CITY' },
  { words: ['thi', 'xa'], kind: 'TOWN' },
  { words: ['thi', 'tran'], kind: 'TOWNSHIP' },
  { words: ['dac', 'khu'], kind: 'SPECIAL_ZONE' },
  { words: ['tp'], kind: 'PROVINCIAL_CITY' },
  { words: ['tinh'], kind: 'PROVINCE' },
  { words: ['quan'], kind: 'URBAN_DISTRICT' },
  { words: ['huyen'], kind: 'DISTRICT' },
  { words: ['phuong'], kind: 'WARD' },
  { words: ['xa'], kind: 'COMMUNE' },
];

const COUNCIL_PREFIXES: readonly (readonly string[])[] = [['ubnd'], ['uy', 'ban', 'nhan', 'dan']];

/** Folded form of one word for prefix comparison: "TP." → "tp", "Ủy" → "uy". */
function foldWord(w: string): string {
  return foldVietnamese(w).replace(/\.+$/, '');
}

function startsWithWords(folded: readonly string[], at: number, words: readonly string[]): boolean {
  if (at + words.length > folded.length) return false;
  return words.every((w, i) => folded[at + i] === w);
}

/**
 * Splits a kind prefix off a unit name: "UBND huyện Krông Ana" → { kind: 'DISTRICT', bare:
 * 'Krông Ana' }. Recognises Tỉnh, Thành phố, TP., Thị xã, Quận, Huyện, Phường, Thị trấn, Xã,
 * Đặc khu, optionally after "UBND" / "Ủy ban nhân dân", ignoring case and diacritics. "Thành
 * phố" gives PROVINCIAL_CITY (the register's column tells a municipality apart). A leading
 * "UBND" without a kind is dropped too (kind null). `bare` keeps the original spelling.
 */
export function splitKindPrefix(name: string): { kind: UnitKind | null; bare: string } {
  // "TP.Buôn Ma Thuột": make the abbreviation its own word.
  const words = name
    .normalize('NFC')
    .replace(/^(\s*(?:ubnd\s+)?tp\.)(?=[^\s.])/iu, '$1 ')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const folded = words.map(foldWord);

  let at = 0;
  for (const council of COUNCIL_PREFIXES) {
    if (startsWithWords(folded, 0, council)) {
      at = council.length;
      break;
    }
  }
  for (const p of KIND_PREFIXES) {
    // A prefix is a whole word: "Xã" but not "Xuân"; "TP." or "TP", not "TPHCM".
    if (startsWithWords(folded, at, p.words) && words.length > at + p.words.length) {
      return { kind: p.kind, bare: words.slice(at + p.words.length).join(' ') };
    }
  }
  if (at > 0 && words.length > at) return { kind: null, bare: words.slice(at).join(' ') };
  return { kind: null, bare: words.join(' ') };
}

/**
 * Matching key tolerant of the variants documents use: folded, without the kind prefix or
 * "UBND", without apostrophes, hyphens, dots and spaces. "UBND huyện Krông Ana" and "Huyện
 * Krông A Na" → "krongana"; "M'Drắk" and "M'Đrắk" → "mdrak". The kind is not part of the key:
 * compare kinds separately where "Thành phố X" and "Phường X" may both exist.
 */
export function unitNameKey(name: string): string {
  const { bare } = splitKindPrefix(name);
  return foldVietnamese(bare).replace(/['’‘ʼ`´\-‐‑–—.\s]/gu, '');
}

// Agency prefixes documents drop or add ("Sở Công Thương" / "Công Thương"); only a fallback
// key, so "Sở Nội vụ" still tells itself apart from a district's "Phòng Nội vụ".
const AGENCY_PREFIXES: readonly (readonly string[])[] = [['so'], ['phong']];

/**
 * A looser key than unitNameKey: also without a leading agency word (Sở, Phòng). For a second
 * pass when the strict key finds nothing.
 */
export function looseUnitNameKey(name: string): string {
  const { bare } = splitKindPrefix(name);
  const words = bare.split(/\s+/).filter(Boolean);
  const folded = words.map(foldWord);
  const prefix = AGENCY_PREFIXES.find((p) => startsWithWords(folded, 0, p) && words.length > p.length);
  const rest = prefix ? words.slice(prefix.length).join(' ') : bare;
  return foldVietnamese(rest).replace(/['’‘ʼ`´\-‐‑–—.\s]/gu, '');
}

/** Whether a kind written in a document ("Thành phố", "Huyện") fits a stored unit's kind. */
function kindFits(written: UnitKind, stored: UnitKind): boolean {
  if (written === stored) return true;
  // "Thành phố X" is a provincial city or a municipality; the register tells them apart, documents do not.
  return written === 'PROVINCIAL_CITY' && stored === 'MUNICIPALITY';
}

export type UnitNameMatch<T> = { kind: 'MATCH'; unit: T; kindDiffers: boolean } | { kind: 'AMBIGUOUS'; units: T[] } | { kind: 'NONE' };

/**
 * Finds units by the names documents use, among a fixed set (the units a file may name). Tries
 * the strict key (unitNameKey), then the loose one; where several units share the key, the kind
 * written in the name ("Xã Tân Lập" vs "Phường Tân Lập") and then `prefer` (e.g. the reader's
 * own children, the units a template lists) narrow them. Never picks one of several silently:
 * what is left ambiguous is reported as such.
 */
export class UnitNameIndex<T extends { name: string; kind: UnitKind }> {
  private readonly strict = new Map<string, T[]>();
  private readonly loose = new Map<string, T[]>();

  constructor(
    units: readonly T[],
    private readonly prefer: (u: T) => boolean = () => false,
  ) {
    for (const u of units) {
      for (const [map, key] of [
        [this.strict, unitNameKey(u.name)],
        [this.loose, looseUnitNameKey(u.name)],
      ] as const) {
        if (!key) continue;
        const list = map.get(key);
        if (list) list.push(u);
        else map.set(key, [u]);
      }
    }
  }

  match(name: string): UnitNameMatch<T> {
    const written = splitKindPrefix(name).kind;
    let found = this.strict.get(unitNameKey(name)) ?? [];
    if (!found.length) found = this.loose.get(looseUnitNameKey(name)) ?? [];
    if (!found.length) return { kind: 'NONE' };
    let kindDiffers = false;
    if (written !== null) {
      const fitting = found.filter((u) => kindFits(written, u.kind));
      if (fitting.length) found = fitting;
      else kindDiffers = true;
    }
    if (found.length > 1) {
      const preferred = found.filter(this.prefer);
      if (preferred.length === 1) found = preferred;
    }
    return found.length === 1 ? { kind: 'MATCH', unit: found[0], kindDiffers } : { kind: 'AMBIGUOUS', units: found };
  }
}
