// The engine's own messages for broken patterns map to kinds the UI explains in three languages.
import { describe, expect, test } from 'vitest';
import { regexProblem } from '../../../shared/search/regex-problem';

function messageOf(source: string): string {
  try {
    new RegExp(source, 'giu');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`valid: ${source}`);
}

describe('regexProblem', () => {
  test.each([
    ['(问题', 'unclosed-group'],
    ['问题)', 'unmatched-paren'],
    ['[问题', 'unclosed-class'],
    ['*问题', 'nothing-to-repeat'],
    ['问题\\', 'bad-escape'],
    ['a{3,1}', 'bad-quantifier'],
  ])('%s → %s', (source, kind) => {
    expect(regexProblem(messageOf(source))).toBe(kind);
  });
  test('length limit and unknown messages', () => {
    expect(regexProblem('longer than 500 characters')).toBe('too-long');
    expect(regexProblem('something new')).toBe('other');
    expect(regexProblem(undefined)).toBe('other');
  });
});
