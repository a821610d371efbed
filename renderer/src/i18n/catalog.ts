/**
 * All UI strings: the base tables (zh-CN.ts, zh-TW.ts, en.ts) plus one table per feature in
 * `features/` (each defined with `defineMessages`). A feature adds its import and one spread per
 * locale below; keys are namespaced by feature (`search.…`, `codebook.…`).
 */
import { en } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { searchMessages } from './features/search';

export const catalog = {
  'zh-CN': { ...zhCN, ...searchMessages['zh-CN'] },
  'zh-TW': { ...zhTW, ...searchMessages['zh-TW'] },
  en: { ...en, ...searchMessages.en },
};

export type MessageKey = keyof (typeof catalog)['zh-CN'];
