/**
 * What is wrong with a regular expression, as one of a few kinds the UI can explain in the
 * user's language, from the JavaScript engine's English message (which must never be shown raw).
 */
export type RegexProblem =
  | 'unclosed-group'
  | 'unmatched-paren'
  | 'unclosed-class'
  | 'nothing-to-repeat'
  | 'bad-escape'
  | 'bad-quantifier'
  | 'too-long'
  | 'other';

const RULES: [RegExp, RegexProblem][] = [
  [/unterminated group/i, 'unclosed-group'],
  [/unmatched '\)'/i, 'unmatched-paren'],
  [/unterminated character class|missing \/|lone quantifier brackets/i, 'unclosed-class'],
  [/nothing to repeat/i, 'nothing-to-repeat'],
  [
    /invalid (unicode |class |property name|named capture referenced|decimal )?escape|\\ at end of pattern|invalid named reference/i,
    'bad-escape',
  ],
  [/numbers out of order|incomplete quantifier|invalid quantifier/i, 'bad-quantifier'],
  [/longer than \d+/i, 'too-long'],
];

export function regexProblem(reason: unknown): RegexProblem {
  const text = typeof reason === 'string' ? reason : '';
  for (const [pattern, problem] of RULES) if (pattern.test(text)) return problem;
  return 'other';
}
