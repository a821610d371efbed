/**
 * The words of the agreement report (HTML) in the three UI languages: headings, unit definitions,
 * the method paragraph a paper can quote, and why a value is missing. Kept in the core because
 * the report is a file the core writes; the UI's own texts are in renderer/src/i18n.
 */
import type { AgreementUnit } from '../../../shared/contracts/agreement';
import type { NullReason } from '../../../shared/stats/agreement';

export type ReportLanguage = 'zh-CN' | 'zh-TW' | 'en';

export interface ReportText {
  title: string;
  date: string;
  coders: string;
  unit: string;
  scope: string;
  documents: (n: number) => string;
  code: string;
  units: string;
  percent: string;
  cohen: string;
  fleiss: string;
  alpha: string;
  alphaU: string;
  mean: string;
  pooled: string;
  method: string;
  unitNames: Record<AgreementUnit, string>;
  unitDefinitions: Record<AgreementUnit, string>;
  methodParagraphs: string[];
  reasons: Record<NullReason, string>;
  notes: string;
}

const en: ReportText = {
  title: 'Inter-coder agreement',
  date: 'Computed',
  coders: 'Coders',
  unit: 'Unit',
  scope: 'Scope',
  documents: (n) => `${n} document${n === 1 ? '' : 's'}`,
  code: 'Code',
  units: 'Units',
  percent: 'Percent agreement',
  cohen: "Cohen's κ",
  fleiss: "Fleiss' κ",
  alpha: "Krippendorff's α (nominal)",
  alphaU: "Krippendorff's α_u (unitized)",
  mean: 'Mean of the codes',
  pooled: 'Pooled',
  method: 'Method',
  unitNames: { character: 'character', sentence: 'sentence', paragraph: 'paragraph', document: 'document' },
  unitDefinitions: {
    character: 'every character (Unicode code point) of the documents is one unit',
    sentence:
      "every sentence is one unit (ends after 。！？；… and their half-width forms, at line ends and before numbered items, as in Pizhu's sentence segmentation)",
    paragraph: 'every block of text separated from the next by a blank line is one unit',
    document: 'every document is one unit (code present or absent)',
  },
  methodParagraphs: [
    'Agreement was computed per code. For each code, each unit was classified by each coder as coded (one of the coder’s annotations with that code overlaps the unit; for characters: covers it) or not coded, giving binary ratings with no missing values.',
    'Percent agreement is the share of units on which all coders agree. Cohen’s κ (two coders) is (p_o − p_e)/(1 − p_e) with p_e from each coder’s own marginal proportions (Cohen 1960). Fleiss’ κ (three or more coders) uses the pooled category proportions (Fleiss 1971). Krippendorff’s α (nominal) is 1 − D_o/D_e computed from the coincidence matrix (Krippendorff 2011).',
    'Krippendorff’s unitized α (α_u) compares the coded stretches of text themselves, not predefined units: each coder’s text is divided into coded sections and gaps, observed disagreement sums the squared differences of the ends of overlapping sections, expected disagreement is computed from all sections’ lengths (Krippendorff 2004, Quality & Quantity 38, 787–800). Documents are treated as one continuum, one after another, with no section crossing a document boundary; overlapping or touching annotations of one coder with the same code are merged into one section.',
    'Overall values are given twice: the mean of the per-code values (codes without a value left out) and a pooled value computed over all (unit, code) pairs together; the pooled α_u is 1 − ΣD_o/ΣD_e over the codes. A value that is not defined for the data is left empty and its reason given.',
  ],
  reasons: {
    'empty-scope': 'no units in scope',
    'code-unused': 'no coder used this code in the scope',
    'one-category': 'only one category occurs (every unit coded the same way), chance agreement is 1',
    'not-two-coders': "Cohen's κ is defined for exactly two coders",
    'fewer-than-three-coders': "Fleiss' κ is reported for three or more coders",
    'no-pairable-values': 'no unit was rated by two coders',
    'no-values': 'no code has a value',
  },
  notes: 'Notes',
};

const zhCN: ReportText = {
  title: '编码员间一致性',
  date: '计算时间',
  coders: '编码员',
  unit: '单位',
  scope: '范围',
  documents: (n) => `${n} 篇文档`,
  code: '编码',
  units: '单位数',
  percent: '百分比一致',
  cohen: 'Cohen κ',
  fleiss: 'Fleiss κ',
  alpha: 'Krippendorff α（名义）',
  alphaU: 'Krippendorff α_u（单元化）',
  mean: '各编码平均',
  pooled: '合并计算',
  method: '方法',
  unitNames: { character: '字', sentence: '句', paragraph: '段', document: '文档' },
  unitDefinitions: {
    character: '文档中的每个字符（Unicode 码点）为一个单位',
    sentence:
      '每个句子为一个单位（按批注的分句规则：在 。！？；… 及其半角形式之后、行末以及编号条目之前断句）',
    paragraph: '以空行分隔的每个文本块为一个单位',
    document: '每篇文档为一个单位（是否出现该编码）',
  },
  methodParagraphs: [
    '一致性按编码分别计算。对每个编码，每位编码员对每个单位的判断为“已编码”（该编码员在该编码下的某条批注与该单位重叠；按字计算时须覆盖该字）或“未编码”，即无缺失值的二分类评定。',
    '百分比一致为所有编码员判断相同的单位所占比例。Cohen κ（两位编码员）为 (p_o − p_e)/(1 − p_e)，p_e 由各编码员自己的边际比例求得（Cohen 1960）。Fleiss κ（三位及以上编码员）使用合并的类别比例（Fleiss 1971）。Krippendorff α（名义）为 1 − D_o/D_e，由一致矩阵计算（Krippendorff 2011）。',
    'Krippendorff 单元化 α（α_u）直接比较编码的文本片段而非预先划分的单位：每位编码员的文本被分为已编码片段和空隙，观察不一致为重叠片段端点差的平方和，期望不一致由所有片段长度计算（Krippendorff 2004, Quality & Quantity 38, 787–800）。多篇文档首尾相接视为一个连续体，片段不跨越文档边界；同一编码员同一编码下重叠或相接的批注合并为一个片段。',
    '总体值给出两种：各编码值的平均（无值的编码不计入）与把所有（单位, 编码）对合并后计算的值；合并的 α_u 为 1 − ΣD_o/ΣD_e。数据无法定义的值留空并说明原因。',
  ],
  reasons: {
    'empty-scope': '范围内没有单位',
    'code-unused': '范围内没有编码员使用此编码',
    'one-category': '只出现一种类别（所有单位判断相同），机遇一致为 1',
    'not-two-coders': 'Cohen κ 只适用于两位编码员',
    'fewer-than-three-coders': 'Fleiss κ 用于三位及以上编码员',
    'no-pairable-values': '没有单位由两位编码员评定',
    'no-values': '没有编码有值',
  },
  notes: '说明',
};

const zhTW: ReportText = {
  ...zhCN,
  title: '編碼員間一致性',
  date: '計算時間',
  coders: '編碼員',
  unit: '單位',
  scope: '範圍',
  documents: (n) => `${n} 篇文件`,
  code: '編碼',
  units: '單位數',
  percent: '百分比一致',
  alpha: 'Krippendorff α（名義）',
  alphaU: 'Krippendorff α_u（單元化）',
  mean: '各編碼平均',
  pooled: '合併計算',
  method: '方法',
  unitNames: { character: '字', sentence: '句', paragraph: '段', document: '文件' },
  unitDefinitions: {
    character: '文件中的每個字元（Unicode 碼點）為一個單位',
    sentence:
      '每個句子為一個單位（按批註的分句規則：在 。！？；… 及其半形形式之後、行末以及編號條目之前斷句）',
    paragraph: '以空行分隔的每個文字區塊為一個單位',
    document: '每篇文件為一個單位（是否出現該編碼）',
  },
  methodParagraphs: [
    '一致性按編碼分別計算。對每個編碼，每位編碼員對每個單位的判斷為「已編碼」（該編碼員在該編碼下的某條批註與該單位重疊；按字計算時須覆蓋該字）或「未編碼」，即無缺失值的二分類評定。',
    '百分比一致為所有編碼員判斷相同的單位所佔比例。Cohen κ（兩位編碼員）為 (p_o − p_e)/(1 − p_e)，p_e 由各編碼員自己的邊際比例求得（Cohen 1960）。Fleiss κ（三位及以上編碼員）使用合併的類別比例（Fleiss 1971）。Krippendorff α（名義）為 1 − D_o/D_e，由一致矩陣計算（Krippendorff 2011）。',
    'Krippendorff 單元化 α（α_u）直接比較編碼的文字片段而非預先劃分的單位：每位編碼員的文字被分為已編碼片段和空隙，觀察不一致為重疊片段端點差的平方和，期望不一致由所有片段長度計算（Krippendorff 2004, Quality & Quantity 38, 787–800）。多篇文件首尾相接視為一個連續體，片段不跨越文件邊界；同一編碼員同一編碼下重疊或相接的批註合併為一個片段。',
    '總體值給出兩種：各編碼值的平均（無值的編碼不計入）與把所有（單位, 編碼）對合併後計算的值；合併的 α_u 為 1 − ΣD_o/ΣD_e。資料無法定義的值留空並說明原因。',
  ],
  reasons: {
    'empty-scope': '範圍內沒有單位',
    'code-unused': '範圍內沒有編碼員使用此編碼',
    'one-category': '只出現一種類別（所有單位判斷相同），機遇一致為 1',
    'not-two-coders': 'Cohen κ 只適用於兩位編碼員',
    'fewer-than-three-coders': 'Fleiss κ 用於三位及以上編碼員',
    'no-pairable-values': '沒有單位由兩位編碼員評定',
    'no-values': '沒有編碼有值',
  },
  notes: '說明',
};

export const REPORT_TEXT: Record<ReportLanguage, ReportText> = { en, 'zh-CN': zhCN, 'zh-TW': zhTW };
