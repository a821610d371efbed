/**
 * Locale-aware formatting for the whole renderer: dates, times, numbers, percentages and plural
 * forms follow the UI language (never the browser's or the OS's), through `Intl`. Views call the
 * `useFormat()` hook; pure functions take the locale for tests and non-React code.
 *
 * Plurals in message templates use a small ICU subset, `{count, plural, one {# memo} other {# memos}}`
 * (`#` is the value as passed, so a pre-formatted "1,234" stays formatted); `=N` exact forms work too.
 */
import type { Locale } from './locale';

type When = Date | number | string;

const toDate = (when: When): Date => (when instanceof Date ? when : new Date(when));

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** Date and time, e.g. zh-CN "2026/11/26 12:28:02", en "Nov 26, 2026, 12:28:02 PM". */
export function formatDateTime(locale: Locale, when: When): string {
  return cached(
    `dt:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }),
  ).format(toDate(when));
}

/** Date only. */
export function formatDate(locale: Locale, when: When): string {
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(
    toDate(when),
  );
}

/** Time only, e.g. zh-CN "12:28:28", en "12:28:28 PM". */
export function formatTime(locale: Locale, when: When): string {
  return cached(`t:${locale}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' })).format(
    toDate(when),
  );
}

/** A number with the locale's grouping, e.g. 21,249. */
export function formatNumber(locale: Locale, value: number): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A share (0–1) as a percentage with up to `digits` decimals. */
export function formatPercent(locale: Locale, share: number, digits = 1): string {
  return cached(
    `p:${locale}:${digits}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }),
  ).format(share);
}

/** The plural category of `n` in the locale ('one', 'other', …). */
export function pluralCategory(locale: Locale, n: number): Intl.LDMLPluralRule {
  return cached(`pl:${locale}`, () => new Intl.PluralRules(locale)).select(n);
}

const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * Expands `{name, plural, one {…} other {…}}` in a template with the locale's plural rules.
 * The parameter may be a number or a formatted number ("1,234").
 */
export function applyPlurals(
  locale: Locale,
  template: string,
  params: Record<string, string | number> | undefined,
): string {
  if (!template.includes(', plural,')) return template;
  return template.replace(PLURAL, (whole, name: string, body: string) => {
    const raw = params?.[name];
    if (raw === undefined) return whole;
    const n = typeof raw === 'number' ? raw : Number(String(raw).replace(/[^\d.-]/g, ''));
    const forms = new Map<string, string>();
    for (const m of body.matchAll(FORM)) forms.set(m[1]!, m[2]!);
    const form = forms.get(`=${n}`) ?? forms.get(pluralCategory(locale, n)) ?? forms.get('other') ?? '';
    return form.replace(/#/g, String(raw));
  });
}

export interface Formatters {
  dateTime: (when: When) => string;
  date: (when: When) => string;
  time: (when: When) => string;
  number: (value: number) => string;
  percent: (share: number, digits?: number) => string;
}

export function formattersFor(locale: Locale): Formatters {
  return {
    dateTime: (when) => formatDateTime(locale, when),
    date: (when) => formatDate(locale, when),
    time: (when) => formatTime(locale, when),
    number: (value) => formatNumber(locale, value),
    percent: (share, digits) => formatPercent(locale, share, digits),
  };
}
