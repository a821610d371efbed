// The query language (shared/search/query.ts): terms, AND, OR, phrases, regexes and errors.
import { describe, expect, it } from 'vitest';
import {
  QueryError,
  compileRegex,
  normalizeRegexSource,
  parseQuery,
  termNeedle,
} from '../../../shared/search/query';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof QueryError) return err.code;
    throw err;
  }
  return 'none';
}

describe('parseQuery', () => {
  it('one term', () => {
    expect(parseQuery('问题')).toEqual({ clauses: [[{ kind: 'text', text: '问题' }]] });
  });

  it('spaces separate AND terms (full-width space too)', () => {
    expect(parseQuery('  财政  问题\u3000县 ')).toEqual({
      clauses: [
        [{ kind: 'text', text: '财政' }],
        [{ kind: 'text', text: '问题' }],
        [{ kind: 'text', text: '县' }],
      ],
    });
  });

  it('OR joins the terms beside it and binds tighter than AND', () => {
    expect(parseQuery('财政 问题 OR 困难')).toEqual({
      clauses: [
        [{ kind: 'text', text: '财政' }],
        [
          { kind: 'text', text: '问题' },
          { kind: 'text', text: '困难' },
        ],
      ],
    });
    expect(parseQuery('a OR b OR c').clauses).toHaveLength(1);
    expect(parseQuery('a OR b OR c').clauses[0]).toHaveLength(3);
    // Lower-case "or" is a word, and leading/trailing OR are ignored.
    expect(parseQuery('a or b').clauses).toHaveLength(3);
    expect(parseQuery('OR a OR').clauses).toEqual([[{ kind: 'text', text: 'a' }]]);
  });

  it('quoted phrases keep their spaces (ASCII or Chinese quotes)', () => {
    expect(parseQuery('"放权 强县" 县长')).toEqual({
      clauses: [[{ kind: 'phrase', text: '放权 强县' }], [{ kind: 'text', text: '县长' }]],
    });
    expect(parseQuery('“省 直管”').clauses[0]).toEqual([{ kind: 'phrase', text: '省 直管' }]);
    expect(parseQuery('"OR"').clauses[0]).toEqual([{ kind: 'phrase', text: 'OR' }]);
  });

  it('regex terms run to the last slash before a space or the end', () => {
    expect(parseQuery('/第[一二三]篇/')).toEqual({ clauses: [[{ kind: 'regex', source: '第[一二三]篇' }]] });
    expect(parseQuery('/a b/ c').clauses).toEqual([
      [{ kind: 'regex', source: 'a b' }],
      [{ kind: 'text', text: 'c' }],
    ]);
    expect(parseQuery('/a\\/ b/').clauses[0]).toEqual([{ kind: 'regex', source: 'a\\/ b' }]);
    // A lone slash is an ordinary term.
    expect(parseQuery('1/2').clauses[0]).toEqual([{ kind: 'text', text: '1/2' }]);
  });

  it('rejects empty queries, unclosed quotes and invalid regexes with their codes', () => {
    expect(code(() => parseQuery(''))).toBe('search-empty-query');
    // Only `OR`: the word, not an operator (issue 9 item 11).
    expect(parseQuery('   OR  ')).toEqual({ clauses: [[{ kind: 'text', text: 'OR' }]] });
    expect(code(() => parseQuery('"问题'))).toBe('search-unclosed-quote');
    expect(code(() => parseQuery('/[问题/'))).toBe('search-invalid-regex');
    expect(code(() => parseQuery('/(a/'))).toBe('search-invalid-regex');
    expect(code(() => parseQuery(`/${'a'.repeat(501)}/`))).toBe('search-invalid-regex');
    try {
      parseQuery('/(a/');
    } catch (err) {
      expect((err as QueryError).params.reason).toMatch(/group|\(/i);
    }
  });
});

describe('normalised needles and patterns', () => {
  it('terms are normalised like the index', () => {
    expect(termNeedle({ kind: 'text', text: '問題' })).toBe('问题');
    expect(termNeedle({ kind: 'phrase', text: 'ＧＤＰ 增長' })).toBe('gdp 增长');
  });

  it('regex literals are normalised, syntax is kept, full-width punctuation stays literal', () => {
    expect(normalizeRegexSource('問題\\D+')).toBe('问题\\D+');
    expect(normalizeRegexSource('（一）')).toBe('\\x28一\\x29');
    expect(compileRegex('（一）').test('(一)')).toBe(true);
    expect(compileRegex('GDP').test('gdp')).toBe(true);
  });
});
