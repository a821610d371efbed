/**
 * The i18n layer: every UI string goes through `t(key, params)`. Simplified Chinese is the
 * default; Traditional Chinese and English are selectable and remembered in localStorage.
 * Message tables are typed against zh-CN, so a missing key fails the type check.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { catalog, type MessageKey } from './catalog';
import type { PizhuError } from '../../../shared/errors';
import { applyPlurals, formattersFor, type Formatters } from './format';
import { initialLocale, LOCALE_STORAGE_KEY, type Locale } from './locale';
import { regexProblem } from '../../../shared/search/regex-problem';

export type { Locale } from './locale';
export const LOCALES: { id: Locale; label: string }[] = [
  { id: 'zh-CN', label: '简体中文' },
  { id: 'zh-TW', label: '繁體中文' },
  { id: 'en', label: 'English' },
];

export type { MessageKey } from './catalog';

const TABLES: Record<Locale, Record<MessageKey, string>> = catalog;

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function format(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  // Keys built at run time (`history.<kind>`) may be unknown: show the key rather than crash.
  const template = TABLES[locale][key] as string | undefined;
  return format(applyPlurals(locale, template ?? key, params), params);
}

/** Label of an undo/redo kind, with a generic one for kinds this build has no text for. */
export function historyLabel(t: Translate, kind: string): string {
  const key = `history.${kind}` as MessageKey;
  return key in TABLES['zh-CN'] ? t(key) : t('history.other');
}

/** A core error in the UI's language (the core's own message is only a detail). */
export function translateError(t: Translate, err: PizhuError): string {
  const key = `error.${err.code}` as MessageKey;
  const params: Params = { detail: err.message, ...(err.params ?? {}) };
  // The engine's English message is never shown: say what is wrong in the UI's language.
  if (err.code === 'search-invalid-regex')
    params.problem = t(`regex.problem.${regexProblem(err.params?.reason)}` as MessageKey);
  return t(key, params);
}

interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Not remembered, but still switched.
    }
    document.documentElement.lang = next;
  }, []);
  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Dates, times, numbers and percentages in the UI's language (i18n/format.ts). */
export function useFormat(): Formatters {
  const { locale } = useI18n();
  return useMemo(() => formattersFor(locale), [locale]);
}
