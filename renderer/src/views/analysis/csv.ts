/**
 * Tables of the analysis view as CSV, the same dialect as the core's exports: UTF-8 with BOM (so
 * Excel reads Chinese), CRLF, RFC 4180 quoting (fields with a comma, quote, CR, LF or
 * leading/trailing white space are quoted; quotes doubled). Numbers are written as plain numbers.
 */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `pizhu-<what>-YYYYMMDD-HHmmss.<ext>` in local time, like the core's export names. */
export function exportName(what: string, ext: string, at = new Date()): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `pizhu-${what}-${date}-${time}.${ext}`;
}
