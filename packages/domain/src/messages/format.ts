/**
 * How a template of the catalogues becomes a sentence: {name} placeholders, [optional parts],
 * numbers and dates as the reader's language writes them.
 */

import type { Locale, MessageParams } from '../codes';
import { isUnitKind, UNIT_KIND_LABELS } from '../units';
import { ENTITY_LABELS, PERIOD_REASONS } from './issues';

/**
 * A number as a reader expects it: at most two decimals, no grouping (a year stays "2024");
 * decimal comma in Vietnamese (99,96), point in English (99.96).
 */
export function formatNumber(n: number, locale: Locale): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 100) / 100;
  const text = String(Object.is(rounded, -0) ? 0 : rounded);
  return locale === 'vi' ? text.replace('.', ',') : text;
}

/** An ISO date as the locale writes it: 30/06/2022 in Vietnamese, 2022-06-30 in English. */
function formatParamString(s: string, key: string, locale: Locale): string {
  if (locale === 'vi') {
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (d) return `${d[3]}/${d[2]}/${d[1]}`;
  }
  if ((key === 'kind' || key === 'parentKind') && isUnitKind(s)) return UNIT_KIND_LABELS[locale][s];
  if (key === 'entity') return ENTITY_LABELS[locale][s.toLowerCase()] ?? s;
  if (key === 'why') return PERIOD_REASONS[locale][s] ?? s;
  return s;
}

function unitSuffix(params: MessageParams, locale: Locale): string {
  const uom = params.unitOfMeasure;
  if (typeof uom === 'string' && uom.trim() !== '') return uom.trim() === '%' ? '%' : ` ${uom.trim()}`;
  if (params.measure === 'SCORE') return locale === 'vi' ? ' điểm' : ' points';
  if (params.measure === 'COUNT') return '';
  return '%';
}

function renderParam(key: string, params: MessageParams, locale: Locale): string | null {
  const v = params[key];
  if (v === null || v === undefined || v === '') return null;
  return typeof v === 'number' ? formatNumber(v, locale) : formatParamString(String(v), key, locale);
}

/** Fills a template (see MESSAGES). A missing parameter outside brackets prints as "—". */
export function interpolate(template: string, params: MessageParams, locale: Locale): string {
  const fill = (part: string): { text: string; missing: boolean } => {
    let missing = false;
    const text = part.replace(/\{(\w+)\}(%?)/g, (_m, key: string, pct: string) => {
      const value = renderParam(key, params, locale);
      if (value === null) {
        missing = true;
        return '—';
      }
      return pct ? value + unitSuffix(params, locale) : value;
    });
    return { text, missing };
  };
  return template
    .split(/(\[[^\]]*\])/)
    .map((seg) => {
      if (!(seg.startsWith('[') && seg.endsWith(']'))) return fill(seg).text;
      const inner = fill(seg.slice(1, -1));
      return inner.missing ? '' : inner.text;
    })
    .join('');
}
