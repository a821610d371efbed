/**
 * Removes pinyin glosses that websites insert after Han characters: `標(biāo)題` → `標題`.
 * A gloss is one syllable of lower-case pinyin with a tone mark (or a tone number), in half- or
 * full-width parentheses, directly after a Han character. Only the gloss goes; the character
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
    const toned = /[1-5]$/.test(syllable) || [...syllable].some((c) => TONED.includes(c));
    return toned && SYLLABLE.test(syllable) ? '' : null;
  });
  const { text: out, edits } = applyMatches(text, matches);
  return { text: out, edits, count: edits.length };
}
