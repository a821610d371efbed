/** Small statistics and the table printer shared by the benchmark sections. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export interface Row {
  section: string;
  measure: string;
  value: number;
  baselineName: string;
  baseline: number;
  unit: string;
}

function fmt(n: number): string {
  if (!Number.isFinite(n)) return '—';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** Prints rows as a Markdown table: value, baseline, and value ÷ baseline. */
export function printTable(rows: readonly Row[]): string {
  const header = ['section', 'measure', 'Pizhu', 'baseline', 'baseline value', 'ratio'];
  const body = rows.map((r) => [
    r.section,
    r.measure,
    `${fmt(r.value)} ${r.unit}`,
    r.baselineName,
    `${fmt(r.baseline)} ${r.unit}`,
    Number.isFinite(r.baseline) && r.baseline > 0 ? `${(r.value / r.baseline).toFixed(2)}×` : '—',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join(
    '\n',
  );
  return out;
}

/** The PRNG every section seeds its data with (one copy, shared with the tests). */
export { mulberry32 } from '../tests/support/random';
