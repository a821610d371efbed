/**
 * The few words an annotated export writes around the text (legend, outline, comment fields),
 * in the language the user chose for the UI (the core has no i18n catalogue of its own).
 */
import type { ExportLocale, ExportScript } from '../../../../shared/contracts/annotated-export';

export interface ExportLabels {
  legend: string;
  outline: string;
  coder: string;
  memo: string;
  annotations: (n: number) => string;
  script: Record<ExportScript, string>;
  exported: (when: string, script: string) => string;
  source: string;
  untitled: string;
}

export const EXPORT_LABELS: Record<ExportLocale, ExportLabels> = {
  'zh-CN': {
    legend: '编码图例',
    outline: '目录',
    coder: '编码者',
    memo: '备忘',
    annotations: (n) => `${n} 处编码`,
    script: { original: '原文', simplified: '简体', traditional: '繁體' },
    exported: (when, script) => `批注 Pizhu 导出 · ${when} · 文字：${script}`,
    source: '来源',
    untitled: '批注导出',
  },
  'zh-TW': {
    legend: '編碼圖例',
    outline: '目錄',
    coder: '編碼者',
    memo: '備忘',
    annotations: (n) => `${n} 處編碼`,
    script: { original: '原文', simplified: '简体', traditional: '繁體' },
    exported: (when, script) => `批注 Pizhu 匯出 · ${when} · 文字：${script}`,
    source: '來源',
    untitled: '批注匯出',
  },
  en: {
    legend: 'Codes',
    outline: 'Contents',
    coder: 'Coder',
    memo: 'Memo',
    annotations: (n) => `${n} annotation${n === 1 ? '' : 's'}`,
    script: { original: 'original script', simplified: 'Simplified', traditional: 'Traditional' },
    exported: (when, script) => `Exported from Pizhu · ${when} · text: ${script}`,
    source: 'Source',
    untitled: 'Pizhu export',
  },
};

/** The `lang` of the exported text: the script view's, or Chinese in general for the original. */
export function textLang(script: ExportScript): string {
  return script === 'simplified' ? 'zh-Hans' : script === 'traditional' ? 'zh-Hant' : 'zh';
}
