/**
 * Which plan indicator a header names, and what each column of a file holds: the detection the
 * mapping step shows (POST /import/{kind}/columns) and the automatic header recognition uses when
 * two columns could hold the same figure of different indicators (the 2022 decision's sheet).
 * Pure: runs in the sheet worker.
 */
import { foldVietnamese, type ImportColumnRole, type ImportKind } from '@chitieu/domain';

/** A plan indicator as a header may name it. */
export interface IndicatorNames {
  id: string;
  code: string;
  name: string;
}

/** Words every header or indicator name uses: they say which figure, not which indicator. */
const GENERIC = new Set(
  (
    'muc giao chi tieu ty le thuc te nam ket qua co so gia tri tong ho tthc hien truoc cua va doi voi tren duoc cac nhung don vi ' +
    'thu tuc hanh chinh dat tu mau phan tram target baseline rate value result of the and in for year actual'
  ).split(' '),
);

function contentWords(text: string): Set<string> {
  const words = foldVietnamese(text.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 1 && !GENERIC.has(w));
  return new Set(words);
}

/**
 * The indicator a header names: the one sharing most distinctive words with it (or whose code it
 * holds); null when none does, or two do equally — the user then chooses.
 */
export function indicatorOfHeader(label: string, indicators: readonly IndicatorNames[]): string | null {
  const header = contentWords(label);
  const folded = foldVietnamese(label);
  let best: { id: string; score: number } | null = null;
  let tie = false;
  for (const ind of indicators) {
    const own = contentWords(ind.name);
    let score = [...header].filter((w) => own.has(w)).length;
    if (ind.code && folded.includes(foldVietnamese(ind.code))) score += 10;
    if (score === 0) continue;
    if (!best || score > best.score) {
      best = { id: ind.id, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.id : null;
}

/** The roles a kind of import reads; other detected roles are shown as "ignore". */
export const KIND_ROLES: Readonly<Record<ImportKind, readonly ImportColumnRole[]>> = {
  targets: ['code', 'name', 'target', 'baseline', 'fact', 'ignore'],
  baselines: ['code', 'name', 'baseline', 'fact', 'ignore'],
  results: ['code', 'name', 'numerator', 'denominator', 'value', 'period', 'ignore'],
};

/** The figure roles a kind reads. */
export const KIND_FIGURES: Readonly<Record<ImportKind, readonly ImportColumnRole[]>> = {
  targets: ['target', 'baseline'],
  baselines: ['baseline'],
  results: ['numerator', 'denominator', 'value'],
};

/**
 * The header labels of row `i`, completed from the row above when the header is two rows (the
 * annex: the indicator's name merged over "Thực hiện năm 2021 | Mức giao năm 2022"): a cell of
 * row i under a name of row i−1 reads "<name> — <cell>", and a column empty in row i takes the
 * label above it ("STT", "Cơ quan, đơn vị" merged down).
 */
export function headerLabels(rows: readonly (readonly string[])[], i: number, clean: (s: string | undefined) => string): string[] {
  const row = rows[i] ?? [];
  const above = i > 0 ? (rows[i - 1] ?? []) : [];
  if (!above.some((c) => clean(c))) return row.map((c) => clean(c));
  const width = Math.max(row.length, above.length);
  const out: string[] = [];
  let span = '';
  for (let c = 0; c < width; c++) {
    const own = clean(row[c]);
    const top = clean(above[c]);
    if (top) span = top;
    else if (!own) span = '';
    if (!own) out.push(top);
    else out.push(span && span !== own ? `${span} — ${own}` : own);
  }
  return out;
}
