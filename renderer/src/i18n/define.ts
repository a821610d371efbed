/**
 * Message tables for one feature, in all three locales. The type makes zh-TW and en carry exactly
 * the keys of zh-CN, so a forgotten translation fails the type check.
 */
export interface FeatureMessages<T extends Record<string, string>> {
  'zh-CN': T;
  'zh-TW': Record<keyof T, string>;
  en: Record<keyof T, string>;
}

export function defineMessages<const T extends Record<string, string>>(
  m: FeatureMessages<T>,
): FeatureMessages<T> {
  return m;
}
