/**
 * Cell-level safety for spreadsheet exports.
 *
 * Formula injection: a cell whose text starts with `=`, `+`, `-`, `@` (or a tab or carriage
 * return, which some spreadsheets skip before looking for those) is run as a formula when the
 * file is opened in Excel or LibreOffice. With the guard on (the default for CSV and XLSX) such a
 * cell gets a leading `'`, which spreadsheets show as text and hide; numbers are never guarded.
 * Researchers who load the file with pandas or R can turn the guard off to get the exact text.
 *
 * Control characters: XML 1.0 (inside XLSX) cannot hold U+0000–U+001F except tab, LF and CR.
 * They are written in OOXML's own escape `_xHHHH_` (which Excel decodes back to the character),
 * and a literal `_xHHHH_` in the text is protected as `_x005F_xHHHH_`, so nothing is dropped.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Applies the guard to every string field of a row. */
export function guardRow<R extends Record<string, unknown>>(row: R): R {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'string' ? guardFormula(v) : v;
  return out as R;
}

// eslint-disable-next-line no-control-regex -- these control characters are exactly what is matched
const NEEDS_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function escapeControlChars(value: string): string {
  // One test first: almost no cell has anything to escape (a 100,000-row export has 1.4 M cells).
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_').replace(
    // eslint-disable-next-line no-control-regex -- these control characters are exactly what is matched
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}
