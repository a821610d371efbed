/**
 * The UI languages, and the one remembered, in a module of their own so that pure i18n helpers
 * (and the entry module, before React loads) need not import the provider.
 */
export type Locale = 'zh-CN' | 'zh-TW' | 'en';

export const LOCALE_STORAGE_KEY = 'pizhu.locale';

/** The language chosen last time, or Simplified Chinese. */
export function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'zh-TW' || saved === 'en') return saved;
  } catch {
    // Storage can be unavailable (privacy settings); fall back to the default.
  }
  return 'zh-CN';
}
