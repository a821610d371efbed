/**
 * CSV text for large exports: UTF-8 with a BOM, CRLF after every record, RFC 4180 quoting, and
 * fields with leading or trailing whitespace or a lone CR / LF quoted too — byte for byte what
 * csv-stringify writes with `{ bom: true, header: true, record_delimiter: '\r\n', quoted_match:
 * /^\s|\s$|[\r\n]/ }` (tests/unit/export/csv.test.ts compares the two). csv-stringify runs its
 * option handling, casting and four separator scans for every field: 1 s of a 100,000-row
 * segments export (issue 13's profile); this is two character checks and one
 * regular-expression test per string field.
 */

const QUOTE_OR_BREAK = /[",\r\n]/;

/** JavaScript's `\s` for one UTF-16 code unit (every `\s` character is in the BMP). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** One field: numbers as written by `String`, strings quoted when needed, nullish as empty. */
export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined || value === '') return '';
  const text = typeof value === 'string' ? value : String(value);
  const quote =
    isSpace(text.charCodeAt(0)) || isSpace(text.charCodeAt(text.length - 1)) || QUOTE_OR_BREAK.test(text);
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The whole file: BOM, the header row, then each row (values in column order). Fields are joined
 * by arrays, rows in batches: V8 builds long strings from `+=` as ropes, and flattening 100,000
 * of them cost more than writing the fields.
 */
export function csvText(columns: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const chunks: string[] = [`\uFEFF${columns.map(csvField).join(',')}\r\n`];
  const cells = new Array<string>(columns.length);
  let batch: string[] = [];
  for (const row of rows) {
    for (let i = 0; i < cells.length; i++) cells[i] = csvField(row[i]);
    batch.push(cells.join(','));
    if (batch.length === 1024) {
      chunks.push(`${batch.join('\r\n')}\r\n`);
      batch = [];
    }
  }
  if (batch.length > 0) chunks.push(`${batch.join('\r\n')}\r\n`);
  return chunks.join('');
}
