/**
 * All UI strings: the base tables (zh-CN.ts, zh-TW.ts, en.ts) plus one table per feature in
 * `features/` (each defined with `defineMessages`). A feature adds its import and one spread per
 * locale below; keys are namespaced by feature (`search.…`, `codebook.…`).
 */
import { en } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { importMessages } from './features/import';
import { documentsMessages } from './features/documents';

export const catalog = {
  'zh-CN': { ...zhCN, ...importMessages['zh-CN'], ...documentsMessages['zh-CN'] },
  'zh-TW': { ...zhTW, ...importMessages['zh-TW'], ...documentsMessages['zh-TW'] },
  en: { ...en, ...importMessages.en, ...documentsMessages.en },
};

export type MessageKey = keyof (typeof catalog)['zh-CN'];
