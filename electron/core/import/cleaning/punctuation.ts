/**
 * Normalises full/half-width forms the way Chinese typesetting expects: full-width Latin letters
 * and digits (ＡＢＣ１２３) become half-width; half-width , ; : ! ? ( ) right after a Han character
 * become full-width （，；：！？（）); so do those after a full-width closing bracket or quote. A `?` followed by a non-ASCII letter (maybe after `;` `:` `!`) is left alone: that is
 * almost always a mojibake run (flagged separately), not a question mark.
 */
import { applyMatches, regexMatches, type StepResult } from './edits';

const TO_FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

const PATTERN =
  /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]|(?<=[\p{Script=Han}）」』”]|\p{Script=Han}\))[,;:!?()]|\((?=\p{Script=Han})/gu;

export function normalisePunctuation(text: string): StepResult {
  const matches = regexMatches(text, PATTERN, (m) => {
    const c = m[0];
    const code = c.codePointAt(0)!;
    if (code >= 0xff10) return String.fromCodePoint(code - 0xfee0);
    if (c === '?' && /^[;:!]?(?![\p{ASCII}\p{P}\s])\p{L}/u.test(text.slice(m.index + 1, m.index + 4)))
      return null;
    return TO_FULL[c] ?? null;
  });
  const { text: out, edits } = applyMatches(text, matches);
  return { text: out, edits, count: edits.length };
}
