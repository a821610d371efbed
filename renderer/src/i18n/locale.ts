/** The UI languages (a type of its own so that pure i18n helpers need not import the provider). */
export type Locale = 'zh-CN' | 'zh-TW' | 'en';
