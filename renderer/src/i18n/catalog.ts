/**
 * All UI strings: the base tables (zh-CN.ts, zh-TW.ts, en.ts) plus one table per feature in
 * `features/` (each defined with `defineMessages`). A feature adds its import and one spread per
 * locale below; keys are namespaced by feature (`search.…`, `codebook.…`).
 */
import { en } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { codebookMessages } from './features/codebook';
import { docviewMessages } from './features/docview';

export const catalog = {
  'zh-CN': { ...zhCN, ...codebookMessages['zh-CN'], ...docviewMessages['zh-CN'] },
  'zh-TW': { ...zhTW, ...codebookMessages['zh-TW'], ...docviewMessages['zh-TW'] },
  en: { ...en, ...codebookMessages.en, ...docviewMessages.en },
};

export type MessageKey = keyof (typeof catalog)['zh-CN'];
