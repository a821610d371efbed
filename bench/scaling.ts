/**
 * Benchmark: the scaling table. Each core path at 1×, 4× and 16× its data, next to the same path
 * at 1× in the same run: a path that grows linearly shows about 4× and 16×, a quadratic one 16×
 * and 256×. Sizes are a sixteenth, a quarter and all of the main sections' (import: documents;
 * search: characters; analysis and export: annotations), so the 16× row can be read next to them.
 */
import { benchAnalysis } from './analysis';
import { benchImport } from './import';
import { benchSearch } from './search';
import type { Row } from './stats';

const FACTORS = [1, 4, 16] as const;

interface Path {
  name: string;
  unit: string;
  size: (factor: number) => number;
  sizeLabel: (size: number) => string;
  run: (size: number) => Promise<Row[]>;
  /** Rows of the section to follow, by measure prefix; 'rate' rows are turned into seconds. */
  pick: { prefix: string; label: string; rate?: number }[];
}

export async function benchScaling(opts: {
  workDir: string;
  repoRoot: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const paths: Path[] = [
    {
      name: 'import',
      unit: 's',
      size: (f) => Math.round(1000 * (f / 16)),
      sizeLabel: (n) => `${n} docs`,
      run: (n) => benchImport({ ...opts, documents: n }),
      pick: [{ prefix: `__DOCS__ docs × 5000 chars`, label: 'import (UTF-8, index built once)', rate: 1 }],
    },
    {
      name: 'search',
      unit: 'ms',
      size: (f) => 25_000_000 * (f / 16),
      sizeLabel: (n) => `${(n / 1e6).toFixed(2)} M chars`,
      run: (n) => benchSearch({ ...opts, chars: n }),
      pick: [
        { prefix: 'bulk insert', label: 'bulk insert (index queued)' },
        { prefix: 'index build after it', label: 'search index build, one pass' },
        { prefix: 'search-run 2 chars p50', label: 'search-run 2 chars p50' },
        { prefix: 'search-run 3 chars p50', label: 'search-run 3 chars p50' },
      ],
    },
    {
      name: 'analysis',
      unit: 'ms',
      size: (f) => 100_000 * (f / 16),
      sizeLabel: (n) => `${n.toLocaleString('en')} annotations`,
      run: (n) => benchAnalysis({ ...opts, browser: null, annotations: n }),
      pick: [
        { prefix: 'core analysis-matrix', label: 'analysis-matrix' },
        { prefix: 'core analysis-cooccurrence overlap', label: 'analysis-cooccurrence overlap' },
        {
          prefix: 'core segments-query, co-occurrence cell',
          label: 'co-occurrence cell segments (after an edit)',
        },
        { prefix: 'core segments-export CSV', label: 'segments-export CSV' },
        { prefix: 'core segments-export XLSX', label: 'segments-export XLSX' },
      ],
    },
  ];
  const rows: Row[] = [];
  for (const path of paths) {
    const values = new Map<string, number[]>();
    const sizes: number[] = [];
    for (const factor of FACTORS) {
      const size = path.size(factor);
      sizes.push(size);
      opts.log(`scaling: ${path.name} at ${factor}× (${path.sizeLabel(size)})`);
      const got = await path.run(size);
      for (const p of path.pick) {
        const prefix = p.prefix.replace('__DOCS__', String(size));
        const r = got.find((x) => x.measure.startsWith(prefix));
        if (!r) throw new Error(`scaling: no row "${prefix}" in ${path.name}`);
        // Rates (docs/s) become durations so that every row grows with the data.
        const v = p.rate ? size / r.value : r.value;
        values.set(p.label, [...(values.get(p.label) ?? []), v]);
      }
    }
    for (const p of path.pick) {
      const v = values.get(p.label)!;
      FACTORS.forEach((factor, i) =>
        rows.push({
          section: 'scaling',
          measure: `${p.label} at ${factor}× (${path.sizeLabel(sizes[i]!)})`,
          value: v[i]!,
          baselineName: 'same path at 1×',
          baseline: v[0]!,
          unit: p.rate
            ? 's'
            : (path.name === 'search' && p.label.startsWith('bulk')) || p.label.startsWith('search index')
              ? 's'
              : path.unit,
        }),
      );
    }
  }
  return rows;
}
