// Renderer helpers of the segments and analysis views: the filter in the URL (round trip, bad
// values fall back to defaults), the API filter it becomes, the CSV dialect of exported tables,
// and how shares read.
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_SEGMENTS_STATE,
  parseSegmentsHash,
  segmentsHash,
  toFilter,
  type SegmentsState,
} from '../../../renderer/src/views/segments/link';
import { csvField, exportName, toCsv } from '../../../renderer/src/views/analysis/csv';
import { parseCsvStrict } from '../core/helpers';

describe('segments link', () => {
  test('defaults give the bare view hash', () => {
    expect(segmentsHash({})).toBe('#/view/segments');
    expect(parseSegmentsHash('#/view/segments')).toEqual(DEFAULT_SEGMENTS_STATE);
  });

  test('every field survives a round trip, including text that needs escaping', () => {
    const state: SegmentsState = {
      codeIds: ['c-1', 'c 2'],
      includeSubcodes: false,
      documentId: 'd&=1',
      coderId: 'k',
      memoQuery: '备忘 #1?',
      textQuery: '財政 & 压力',
      cooccurrence: { codeA: 'a', codeB: 'b', mode: 'paragraph' },
      attributes: [
        { attributeId: 'p', values: ['河南', 'a~b & c'], missing: true, min: '', max: '' },
        { attributeId: 'y', values: [], missing: false, min: '2010', max: '2020-06' },
      ],
      sort: 'length',
      direction: 'desc',
      groupBy: 'document',
    };
    expect(parseSegmentsHash(segmentsHash(state))).toEqual(state);
  });

  test('several codes travel as repeated parameters', () => {
    expect(segmentsHash({ codeIds: ['a', 'b'] })).toBe('#/view/segments?code=a&code=b');
    expect(parseSegmentsHash('#/view/segments?code=a&code=b&code=a').codeIds).toEqual(['a', 'b']);
  });

  test('unknown values fall back to defaults', () => {
    const s = parseSegmentsHash('#/view/segments?sort=random&dir=up&group=coder&coA=a&mode=overlap');
    expect(s.sort).toBe('document');
    expect(s.direction).toBe('asc');
    expect(s.groupBy).toBeNull();
    expect(s.cooccurrence).toBeNull(); // coB missing
  });

  test('attribute conditions: URL form and API filter', () => {
    const hash = segmentsHash({
      attributes: [{ attributeId: 'p', values: ['四川'], missing: true, min: '', max: '' }],
    });
    const query = new URLSearchParams([
      ['attr', 'p'],
      ['av', 'p~四川'],
      ['av', 'p~'],
    ]);
    expect(hash).toBe(`#/view/segments?${query.toString()}`);
    const s = parseSegmentsHash(hash);
    expect(toFilter(s)).toEqual({ attributes: [{ attributeId: 'p', values: ['四川'], missing: true }] });
    // Values of an attribute not named by `attr` are ignored; a bare `attr` means "any value".
    expect(parseSegmentsHash('#/view/segments?attr=y&av=z~1').attributes).toEqual([
      { attributeId: 'y', values: [], missing: false, min: '', max: '' },
    ]);
    expect(
      toFilter({
        ...DEFAULT_SEGMENTS_STATE,
        attributes: [{ attributeId: 'y', values: [], missing: false, min: ' 2010 ', max: '' }],
      }),
    ).toEqual({ attributes: [{ attributeId: 'y', min: '2010' }] });
  });

  test('a condition left at 任意值 filters nothing (documents without a value stay)', () => {
    const unset = { values: [], missing: false, min: '', max: ' ' };
    expect(toFilter({ ...DEFAULT_SEGMENTS_STATE, attributes: [{ attributeId: 'y', ...unset }] })).toEqual({});
    expect(
      toFilter({
        ...DEFAULT_SEGMENTS_STATE,
        attributes: [
          { attributeId: 'y', ...unset },
          { attributeId: 'p', values: ['河南'], missing: false, min: '', max: '' },
        ],
      }),
    ).toEqual({ attributes: [{ attributeId: 'p', values: ['河南'] }] });
  });

  test('the API filter carries only what is set; blank queries are dropped', () => {
    expect(toFilter(DEFAULT_SEGMENTS_STATE)).toEqual({});
    expect(
      toFilter({ ...DEFAULT_SEGMENTS_STATE, codeIds: ['c'], textQuery: '  ', memoQuery: ' x ' }),
    ).toEqual({
      codeIds: ['c'],
      includeSubcodes: true,
      memoQuery: 'x',
    });
  });
});

describe('analysis CSV', () => {
  test('RFC 4180 quoting, BOM, CRLF; parses back exactly', () => {
    const rows = [
      ['代码', 'a,b', '说"明"', 'line\nbreak', ' padded', 'lone\rcr'],
      ['问题 > 财政', 1, 2.5, 0, -1, ''],
    ];
    const csv = toCsv(rows);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsvStrict(csv.slice(1).replace(/\r\n$/, ''))).toEqual(rows.map((r) => r.map(String)));
    expect(csvField('plain')).toBe('plain');
  });

  test('export names in local time', () => {
    expect(exportName('matrix', 'csv', new Date(2026, 10, 23, 9, 5, 7))).toBe(
      'pizhu-matrix-20261123-090507.csv',
    );
  });
});
