/**
 * Issue 9 item 11: search normalises Unicode to NFC (precomposed `école` finds `e` + U+0301 and
 * the reverse), with hit offsets exact code points of the canonical text (even after astral
 * characters); a query of just `OR` searches for the word.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/index';
import type { SearchResult } from '../../../shared/contracts/search';
import { parseQuery } from '../../../shared/search/query';
import { normalizeWithMap } from '../../../shared/text/normalize';
import { cpSlice, tempDir, textFolder } from '../core/helpers';

const DECOMPOSED = '𠀋 Le\u0301cole e\u0301te\u0301 ou OR 𪚥 Ecole';
const PRECOMPOSED = '𪚥 Une école d’été ici';

describe('NFC in search', () => {
  it('finds both forms with exact canonical offsets', async () => {
    const core = openCore({
      file: join(tempDir(), 'p.pizhu'),
      seedsDir: textFolder({ 'a.txt': DECOMPOSED, 'b.txt': PRECOMPOSED }),
    });
    try {
      for (const query of ['école', 'e\u0301cole', 'été']) {
        const r = (await core.dispatch('search-run', { query })) as SearchResult;
        expect(r.total).toBe(2);
        for (const group of r.documents) {
          const text = group.title.startsWith('𠀋') ? DECOMPOSED : PRECOMPOSED;
          for (const hit of group.hits) {
            expect(cpSlice(text, hit.start, hit.end)).toBe(hit.match);
            expect(hit.match.normalize('NFC')).toBe(query.normalize('NFC'));
          }
        }
      }
      const lone = (await core.dispatch('search-run', { query: 'OR' })) as SearchResult;
      // `ou OR` in the first text, case-insensitive: "OR" and nothing else ("ou" is not "or").
      expect(lone.total).toBe(1);
      expect(lone.documents[0]!.hits[0]!.match).toBe('OR');
    } finally {
      core.close();
    }
  });

  it('the map sends every normalised code point back to its canonical span', () => {
    const { norm, starts, ends } = normalizeWithMap('a\u0301𠀋e\u0302\u0301x');
    expect(norm).toBe('á𠀋ế x'.replace(' ', ''));
    expect(Array.from(starts!)).toEqual([0, 2, 3, 6]);
    expect(Array.from(ends!)).toEqual([2, 3, 6, 7]);
    expect(normalizeWithMap('no change 问题').starts).toBeNull();
  });

  it('a lone OR is the word', () => {
    expect(parseQuery('OR')).toEqual({ clauses: [[{ kind: 'text', text: 'OR' }]] });
    expect(parseQuery('问题 OR 困难')).toEqual({
      clauses: [
        [
          { kind: 'text', text: '问题' },
          { kind: 'text', text: '困难' },
        ],
      ],
    });
  });
});
