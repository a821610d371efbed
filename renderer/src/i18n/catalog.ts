/**
 * All UI strings: the base tables (zh-CN.ts, zh-TW.ts, en.ts) plus one table per feature in
 * `features/` (each defined with `defineMessages`). A feature adds its import and one spread per
 * locale below; keys are namespaced by feature (`search.…`, `codebook.…`).
 */
import { en } from './en';
import { zhCN } from './zh-CN';
import { zhTW } from './zh-TW';
import { analysisMessages } from './features/analysis';
import { codebookMessages } from './features/codebook';
import { documentsMessages } from './features/documents';
import { docviewMessages } from './features/docview';
import { importMessages } from './features/import';
import { searchMessages } from './features/search';
import { segmentsMessages } from './features/segments';
import { setsMessages } from './features/sets';
import { readingMessages } from './features/reading';
import { suggestMessages } from './features/suggest';
import { interopMessages } from './features/interop';
import { codersMessages } from './features/coders';
import { backupsMessages } from './features/backups';

export const catalog = {
  'zh-CN': {
    ...zhCN,
    ...analysisMessages['zh-CN'],
    ...codebookMessages['zh-CN'],
    ...documentsMessages['zh-CN'],
    ...docviewMessages['zh-CN'],
    ...importMessages['zh-CN'],
    ...searchMessages['zh-CN'],
    ...segmentsMessages['zh-CN'],
    ...setsMessages['zh-CN'],
    ...readingMessages['zh-CN'],
    ...suggestMessages['zh-CN'],
    ...interopMessages['zh-CN'],
    ...codersMessages['zh-CN'],
    ...backupsMessages['zh-CN'],
  },
  'zh-TW': {
    ...zhTW,
    ...analysisMessages['zh-TW'],
    ...codebookMessages['zh-TW'],
    ...documentsMessages['zh-TW'],
    ...docviewMessages['zh-TW'],
    ...importMessages['zh-TW'],
    ...searchMessages['zh-TW'],
    ...segmentsMessages['zh-TW'],
    ...setsMessages['zh-TW'],
    ...readingMessages['zh-TW'],
    ...suggestMessages['zh-TW'],
    ...interopMessages['zh-TW'],
    ...codersMessages['zh-TW'],
    ...backupsMessages['zh-TW'],
  },
  en: {
    ...en,
    ...analysisMessages.en,
    ...codebookMessages.en,
    ...documentsMessages.en,
    ...docviewMessages.en,
    ...importMessages.en,
    ...searchMessages.en,
    ...segmentsMessages.en,
    ...setsMessages.en,
    ...readingMessages.en,
    ...suggestMessages.en,
    ...interopMessages.en,
    ...codersMessages.en,
    ...backupsMessages.en,
  },
};

export type MessageKey = keyof (typeof catalog)['zh-CN'];
