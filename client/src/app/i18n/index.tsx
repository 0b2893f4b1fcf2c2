import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { vi, type MessageKey } from './vi';
import { en } from './en';

export type Locale = 'vi' | 'en';
export type { MessageKey };
type Params = Record<string, string | number | null | undefined>;

const LOCALE_KEY = 'chitieu.locale';
const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { vi, en };
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
    setState(l);
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
