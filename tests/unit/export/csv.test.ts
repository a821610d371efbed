// The fast CSV writer (electron/core/export/csv.ts) against csv-stringify with the options the
// exports used before: the same bytes for awkward fields (quotes, commas, CR/LF alone and
// together, surrounding whitespace of every kind, empty strings, numbers, astral characters).
import { describe, expect, test } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { csvField, csvText } from '../../../electron/core/export/csv';

const AWKWARD = [
  '',
  'plain',
  '财政压力',
  '𠀋𪚥 outside the BMP',
  'a,b',
  'say "hi"',
  '"',
  'line\nbreak',
  'cr\ronly',
  'crlf\r\nend',
  ' leading',
  'trailing ',
  '\tTab',
  'tab\t',
  '\u3000全角空格',
  '全角空格\u3000',
  '\u00a0nbsp',
  '\uFEFFbom',
  'ends in nbsp\u00a0',
  '\u2028ls',
  'ogham\u1680',
  '\u2009thin',
  '\u200bzero width is not space',
  '\u000bvt',
  'ff\u000c',
  '\u202f',
  ' ',
  '=1+1',
  '-2',
  'in\tside',
  'mid space',
  '_x0041_',
];

function reference(columns: string[], rows: (string | number | undefined)[][]): string {
  return stringify(rows, {
    bom: true,
    header: true,
    columns,
    record_delimiter: '\r\n',
    quoted_match: /^\s|\s$|[\r\n]/,
  });
}

describe('csvText', () => {
  test('matches csv-stringify byte for byte on awkward fields', () => {
    const columns = ['text', 'n', 'other', ' spaced header', 'a"b'];
    const rows: (string | number | undefined)[][] = AWKWARD.map((text, i) => [
      text,
      i - 3,
      AWKWARD[(i * 7) % AWKWARD.length],
      0,
      1.5,
    ]);
    rows.push(['', 0, '', -0.25, 1e21]);
    expect(csvText(columns, rows)).toBe(reference(columns, rows));
  });

  test('many rows (batched inside) still equal', () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => [AWKWARD[i % AWKWARD.length]!, i]);
    expect(csvText(['text', 'n'], rows)).toBe(reference(['text', 'n'], rows));
  });

  test('no rows: BOM and header only, like csv-stringify', () => {
    expect(csvText(['a', 'b'], [])).toBe(reference(['a', 'b'], []));
    expect(csvText(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
  });

  test('fields', () => {
    expect(csvField('a"b')).toBe('"a""b"');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
  });
});
