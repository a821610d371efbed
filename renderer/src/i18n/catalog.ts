/**
 * All UI strings: the base tables (zh-CN.ts, zh-TW.ts, en.ts) plus one table per feature in
 * `features/` (each defined with `defineMessages`). A feature adds its import and one spread per
 * locale below; keys are namespaced by feature (`search.…`, `codebook.…`).
 */
import { en } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { segmentsMessages } from './features/segments';
import { analysisMessages } from './features/analysis';

export const catalog = {
  'zh-CN': { ...zhCN, ...segmentsMessages['zh-CN'], ...analysisMessages['zh-CN'] },
  'zh-TW': { ...zhTW, ...segmentsMessages['zh-TW'], ...analysisMessages['zh-TW'] },
  en: { ...en, ...segmentsMessages.en, ...analysisMessages.en },
};

export type MessageKey = keyof (typeof catalog)['zh-CN'];
