import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './vi';
import { common as viCommon } from './vi/common';
import { common as enCommon } from './en/common';

export type Locale = 'vi' | 'en';
export type { MessageKey };
type Params = Record<string, string | number | null | undefined>;

const LOCALE_KEY = 'chitieu.locale';
/**
 * What is known of each language. At first only `common` (the login page, loading and error
 * states, the menu): the whole catalogue of a language (~13 kB gzip each) is a chunk of its own,
 * loaded with the signed-in frame (routes.tsx) or when the language changes there, so the login
 * route on a slow link carries neither.
 */
const DICTIONARIES: Record<Locale, Partial<Record<MessageKey, string>>> = { vi: { ...viCommon }, en: { ...enCommon } };
const loaded = new Set<Locale>();
const loading = new Map<Locale, Promise<void>>();
/** Set once something asked for a whole catalogue: from then on a language change waits for its own. */
let wholeWanted = false;

/** The whole catalogue of a language, once (every key of every feature). */
export function loadCatalogue(locale: Locale): Promise<void> {
  wholeWanted = true;
  if (loaded.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = (locale === 'en' ? import('./en').then((m) => m.en) : import('./vi').then((m) => m.vi)).then((all) => {
      Object.assign(DICTIONARIES[locale], all);
      loaded.add(locale);
    });
    // A failed download (offline) may be retried by the next caller.
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}
const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** The remembered language; Vietnamese unless the user picked English. Read by the Apollo link too. */
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const template = DICTIONARIES[locale][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? m : String(v);
  });
}

/** Numbers the way the reader writes them: "99,96" in Vietnamese, "99.96" in English. */
export function formatNumber(locale: Locale, n: number | null | undefined, maxFractionDigits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** A value with its unit of measure: "99,96%", "20 dịch vụ". */
export function formatValue(locale: Locale, n: number | null | undefined, unitOfMeasure?: string | null): string {
  const s = formatNumber(locale, n);
  if (s === '—' || !unitOfMeasure) return s;
  return unitOfMeasure === '%' ? `${s}%` : `${s} ${unitOfMeasure}`;
}

export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
}

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Params): string;
  num(n: number | null | undefined, maxFractionDigits?: number): string;
  value(n: number | null | undefined, unitOfMeasure?: string | null): string;
  date(iso: string | null | undefined): string;
}

function makeI18n(locale: Locale, setLocale: (l: Locale) => void): I18n {
  return {
    locale,
    setLocale,
    t: (key, params) => translate(locale, key, params),
    num: (n, d) => formatNumber(locale, n, d),
    value: (n, u) => formatValue(locale, n, u),
    date: (iso) => formatDate(locale, iso),
  };
}

const I18nContext = createContext<I18n>(makeI18n('vi', () => {}));

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Locale }) {
  const [locale, setState] = useState<Locale>(initial ?? storedLocale());
  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(LOCALE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
    // In the signed-in frame, the new language shows once its catalogue is here (no bare keys meanwhile).
    if (!wholeWanted || loaded.has(l)) setState(l);
    else
      loadCatalogue(l).then(
        () => setState(l),
        () => setState(l),
      );
  }, []);
  // <html lang> follows the language, the stored one at start-up included (screen readers, hyphenation).
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const value = useMemo(() => makeI18n(locale, setLocale), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
