/**
 * Normalises white space: spaces (ASCII, full-width U+3000, no-break) at the start and end of each
 * line go, runs of blank lines become one blank line, and blank lines at the start and end of the
 * text go. Spaces inside a line stay (in web copies they often separate paragraphs).
 */
import { applyMatches, regexMatches, type StepResult } from './edits';

const SPACE = '[ \\t\\u3000\\u00a0]';
const PATTERN = new RegExp(
  [
    `(?<![\\s\\S])\\s+`, // leading white space of the text
    `\\s+(?![\\s\\S])`, // trailing white space of the text
    `\\n(?:${SPACE}*\\n){2,}`, // two or more blank lines
    `^${SPACE}+`, // indentation
    `${SPACE}+$`, // trailing spaces
  ].join('|'),
  'gmu',
);

export function normaliseWhitespace(text: string): StepResult {
  const matches = regexMatches(text, PATTERN, (m) =>
    /^\n(?:[^\n]*\n){2,}$/.test(m[0]) && m.index > 0 && m.index + m[0].length < text.length ? '\n\n' : '',
  );
  const { text: out, edits } = applyMatches(text, matches);
  return { text: out, edits, count: edits.length };
}
