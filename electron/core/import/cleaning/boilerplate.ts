/**
 * Removes website boilerplate: watermarks inserted mid-text (`(祕書家園 歡迎您)`, which may span a
 * line break), "members only" cut notices (`……(快文網…省略1012字,正式會員可完整閱讀)……`), page
 * markers (`第2页共6页`, `—1—`), navigation and byline lines (`當前位置:…`, `三味园范文网 导航`,
 * `首页 | 范文 | 登录`, `發言稿 閱讀(2.72W)`, `某某网 2024-12-21 09:40:19`, `相关文档`). The rules
 * are narrow on purpose (tests/unit/import/cleaning-corpus.test.ts holds content lines that look
 * similar and must survive): removing a real sentence is worse than leaving a menu line. Users add their own patterns
 * (JavaScript regular expressions, matched with the `m` and `u` flags).
 *
 * A match that covers a whole line removes the line break after it too, so no blank line is left
 * where a navigation line was; an inline match removes just itself (a watermark that split a
 * sentence across two lines joins it again).
 */
import { PizhuError } from '../../../../shared/errors';
import { applyMatches, regexMatches, type Match, type StepResult } from './edits';

/** Words of website menus (navigation lines need several items, one of them among these). */
const NAV_WORDS =
  '首页|首頁|导航|導航|登录|登錄|注册|註冊|网站地图|網站地圖|联系我们|聯繫我們|关于我们|關於我們|正文|返回';

const LINE = (body: string) => `^[ \\t\\u3000]*(?:${body})[ \\t\\u3000]*$`;

export const BUILTIN_PATTERNS: readonly { id: string; source: string }[] = [
  // Watermarks: "(祕書家園 歡迎您)", "（秘书家园\n欢迎您）"; at most 20 characters inside.
  { id: 'welcome-watermark', source: '[(（][^()（）]{0,20}?(?:歡迎您|欢迎您|歡迎你|欢迎你)[)）]' },
  {
    id: 'members-only',
    source: '…*[(（][^()（）\\n]{0,40}?(?:省略|余下|餘下)\\d*字[^()（）\\n]{0,40}?[)）]…*',
  },
  { id: 'page-of', source: '[ \\t]?第\\s*\\d+\\s*[页頁]\\s*[,，/]?\\s*共\\s*\\d+\\s*[页頁]' },
  { id: 'page-dash', source: LINE('[—–-]{1,2}\\s*\\d{1,4}\\s*[—–-]{1,2}') },
  {
    id: 'breadcrumb',
    source: LINE('(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置)[:：].*'),
  },
  // A site name followed by its navigation link: `三味园范文网 导航`.
  { id: 'site-nav', source: LINE('\\S{1,20}(?:网|網|网站|網站)\\s+(?:导航|導航|首页|首頁)') },
  // A menu: at least three short items separated by `|`, `>`, `»`, `/` or `·`, one of them a
  // navigation word (`首页 | 范文 | 登录`, `首页 > 工作报告 > 正文`). A sentence has no such separators.
  {
    id: 'nav-menu',
    source: LINE(
      `(?=[^\\n]*(?:${NAV_WORDS}))[^\\n|>»/·]{1,12}(?:\\s*[|>»/·]\\s*[^\\n|>»/·]{1,12}){2,}\\s*[|>»/·]?`,
    ),
  },
  // A read counter needs a colon or brackets: `閱讀(2.72W)`, `阅读：1234`.
  {
    id: 'read-count',
    source: LINE(
      '.{0,30}(?:阅读|閱讀|浏览|瀏覽)(?:[:：]\\s*[\\d.]+\\s*[wWkK万萬次]?|\\s*[(（][\\d.]+\\s*[wWkK万萬次]?[)）])',
    ),
  },
  // A website's byline: a site name (…网/網, not 站: 污水处理站 is a place) and a date.
  {
    id: 'site-dateline',
    source: LINE(
      '\\S{1,30}(?:网|網)\\s+\\d{4}[-/年]\\d{1,2}[-/月]\\d{1,2}日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?',
    ),
  },
  {
    id: 'related-links',
    source: LINE(
      '(?:相关文档|相關文檔|最新文档|最新文檔|相关推荐|相關推薦|推荐文章|推薦文章|热门文章|熱門文章|返回顶部|返回頂部|上一篇[:：].*|下一篇[:：].*|友情链接[:：].*|友情鏈接[:：].*)',
    ),
  },
  // A copyright line needs ©, 版权所有 or Copyright, or `(c)` with a year: `(c) 完善…制度` is an item.
  {
    id: 'copyright',
    source: LINE('(?:©|\\([cC]\\)\\s*(?:\\d{4}|Copyright)|Copyright|版权所有|版權所有).{0,60}'),
  },
];

export function compilePattern(source: string): RegExp {
  try {
    return new RegExp(source, 'gmu');
  } catch (err) {
    throw new PizhuError(
      'import-pattern-invalid',
      `Invalid pattern ${source}: ${err instanceof Error ? err.message : String(err)}`,
      { pattern: source.slice(0, 200) },
    );
  }
}

export function removeBoilerplate(text: string, userPatterns: readonly string[] = []): StepResult {
  const regexes = [
    ...BUILTIN_PATTERNS.map((p) => new RegExp(p.source, 'gmu')),
    ...userPatterns.map(compilePattern),
  ];
  const matches: Match[] = [];
  for (const regex of regexes) {
    for (const m of regexMatches(text, regex, () => '')) {
      const start = m.index;
      const end = m.index + m.length;
      const wholeLine =
        (start === 0 || text[start - 1] === '\n') && (end === text.length || text[end] === '\n');
      matches.push(wholeLine && end < text.length ? { ...m, length: m.length + 1 } : m);
    }
  }
  const { text: out, edits } = applyMatches(text, matches);
  return { text: out, edits, count: edits.length };
}
