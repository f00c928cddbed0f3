/**
 * The UI language: Danish by default, English on request; the choice is remembered in localStorage and
 * passed to the API client so the core's messages come back in the same language.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { translate, translatePlural, type MessageKey, type PluralBase } from '../shared/i18n';
import { LOCALES, type Locale } from './messages';
import { client } from './api/instance';
import { formatDateTime, formatDay, formatNumber } from '../shared/format';
import { memberOf } from './member-of';
import { readStored, STORAGE_KEYS, writeStored } from './storage';

export type TParams = Record<string, string | number>;
export type TFunction = (key: MessageKey, params?: TParams) => string;

interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: TFunction;
  /** The plural form of `<base>.one|other` that fits `count` (Intl.PluralRules). */
  tPlural(base: PluralBase, count: number, params?: TParams): string;
  /** "28.11.2026 14:05" */
  dateTime(iso: string | undefined): string;
  /** "02.11.2026" from "2026-11-02" */
  day(isoDay: string | undefined): string;
  number(n: number | undefined, maximumFractionDigits?: number): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function initialLocale(): Locale {
  return memberOf(LOCALES, readStored('local', STORAGE_KEYS.locale)) ?? 'da';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const l = initialLocale();
    client.setLocale(l);
    return l;
  });

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((l: Locale) => {
    client.setLocale(l);
    writeStored('local', STORAGE_KEYS.locale, l);
    setLocaleState(l);
  }, []);

  const value = useMemo<I18n>(() => {
    return {
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      tPlural: (base, count, params) => translatePlural(locale, base, count, params),
      dateTime: (iso) => formatDateTime(iso, locale),
      day: (d) => formatDay(d, locale),
      number: (n, digits) => formatNumber(n, locale, digits),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

/** The `t(key, params?)` function alone. */
export function useT(): TFunction {
  return useI18n().t;
}
