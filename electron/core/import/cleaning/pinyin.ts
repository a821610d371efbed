/**
 * Removes pinyin glosses that websites insert after Han characters: `標(biāo)題` → `標題`.
 * A gloss is one valid syllable of lower-case pinyin with a tone mark (or, two letters or more,
 * a tone number), in half- or full-width parentheses, directly after a Han character. Only the gloss goes; the character
 * stays (a test checks that no Han character is lost on seed 002).
 */
import { applyMatches, regexMatches, type StepResult } from './edits';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
/** Initial + final of one syllable; requires a vowel (or the syllabic n/m/ng). */
const SYLLABLE = new RegExp(
  `^(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:[aeiouüv${TONED}]+(?:ng|n|r)?|[nm${'ńňǹḿ'}]g?)[1-5]?$`,
  'u',
);
const GLOSS = new RegExp(`(?<=\\p{Script=Han})[(（]([a-zü${TONED}]{1,7}[1-5]?)[)）]`, 'gu');

export function removePinyin(text: string): StepResult {
  const matches = regexMatches(text, GLOSS, (m) => {
    const syllable = m[1]!;
    // Needs a tone (mark or number) so that ordinary bracketed Latin (`(a)`, `(cm)`) survives.
    // A tone number needs two letters or more: `(a4)`, `(e1)`, `(o2)` are item codes far more
    // often than glosses of 啊, 呃, 哦 (which websites write with tone marks anyway).
    const marked = [...syllable].some((c) => TONED.includes(c));
    const numbered = /^[a-zü]{2,6}[1-5]$/u.test(syllable);
    return (marked || numbered) && SYLLABLE.test(syllable) ? '' : null;
  });
  const { text: out, edits } = applyMatches(text, matches);
  return { text: out, edits, count: edits.length };
}
