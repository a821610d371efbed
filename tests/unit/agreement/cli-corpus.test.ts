/**
 * Two coders' span files over the sample corpus, imported with the CLI; `agreement --format json`
 * must print, per code, the values this test computes itself straight from the formulas (Cohen's
 * κ from the 2×2 table, Krippendorff's α from the coincidence matrix, α_u by brute force over all
 * section pairs), to 3 decimals — for character and document units.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementReport } from '../../../shared/contracts/agreement';
import type { DocumentDetail, DocumentSummary } from '../../../shared/domain';
import { run } from '../../../electron/core/cli/commands';
import { openCore } from '../../../electron/core/index';
import { captureIo } from '../../support/cli-io';

const SEEDS = resolve(__dirname, '../../../seeds');
const CODES = ['成效', '问题', '建议'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Span {
  document: string;
  start: number;
  end: number;
  code: string;
}

let dir: string;
let file: string;
let docs: { id: string; length: number }[];
const spansA: Span[] = [];
const spansB: Span[] = [];

beforeAll(async () => {
  process.env.PIZHU_LOG = 'silent';
  dir = mkdtempSync(join(tmpdir(), 'pizhu-agreement-'));
  file = join(dir, 'p.pizhu');
  expect(await run(['init', '--project', file, '--seeds', SEEDS], captureIo())).toBe(0);
  const core = openCore({ file });
  try {
    docs = (core.handlers['documents-list']({}) as DocumentSummary[]).map((d) => {
      const detail = core.handlers['documents-get']({ id: d.id }) as DocumentDetail;
      return { id: d.id, length: [...detail.text].length };
    });
  } finally {
    core.close();
  }
  // Coder A: random spans; coder B: most of A's with moved ends, some dropped, some of its own.
  // The last document is coded by A only with 问题, so 建议/成效 are absent there for both.
  const r = rng(2026);
  docs.forEach((doc, di) => {
    for (const code of CODES) {
      if (di === docs.length - 1 && code !== '问题') continue;
      const n = 3 + Math.floor(r() * 6);
      for (let k = 0; k < n; k++) {
        const start = Math.floor(r() * (doc.length - 200));
        const end = start + 5 + Math.floor(r() * 150);
        spansA.push({ document: doc.id, start, end, code });
        const roll = r();
        if (di === docs.length - 1) continue;
        if (roll < 0.6) {
          const s = Math.max(0, start + Math.floor(r() * 21) - 10);
          const e = Math.min(doc.length, Math.max(s + 1, end + Math.floor(r() * 21) - 10));
          spansB.push({ document: doc.id, start: s, end: e, code });
        } else if (roll < 0.8) {
          const s = Math.floor(r() * (doc.length - 100));
          spansB.push({ document: doc.id, start: s, end: s + 10 + Math.floor(r() * 60), code });
        }
      }
    }
  });
  const write = (name: string, spans: Span[]) => {
    const path = join(dir, name);
    writeFileSync(path, spans.map((s) => JSON.stringify(s)).join('\n') + '\n');
    return path;
  };
  for (const [coder, spans] of [
    ['A', spansA],
    ['B', spansB],
  ] as const) {
    const io = captureIo();
    expect(
      await run(
        ['import-annotations', '--project', file, '--coder', coder, write(`${coder}.jsonl`, spans)],
        io,
      ),
    ).toBe(0);
    expect(io.stdout).toContain('(created)');
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Per code: coder → document → boolean per character. */
function coverage(spans: Span[], code: string): Map<string, Uint8Array> {
  const out = new Map(docs.map((d) => [d.id, new Uint8Array(d.length)]));
  for (const s of spans) if (s.code === code) out.get(s.document)!.fill(1, s.start, s.end);
  return out;
}

/** Cohen's κ and Krippendorff's α of two binary rating vectors, straight from the definitions. */
function reference(a: number[], b: number[]) {
  const n = a.length;
  let n11 = 0;
  let n10 = 0;
  let n01 = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] && b[i]) n11++;
    else if (a[i]) n10++;
    else if (b[i]) n01++;
  }
  const n00 = n - n11 - n10 - n01;
  const po = (n11 + n00) / n;
  const pa = (n11 + n10) / n;
  const pb = (n11 + n01) / n;
  const pe = pa * pb + (1 - pa) * (1 - pb);
  const kappa = (po - pe) / (1 - pe);
  // Coincidence matrix for 2 coders without missing data: o_ck counts ordered pairs within units.
  const o01 = n10 + n01; // each disagreeing unit contributes o_01 = o_10 = 1
  const ones = 2 * n11 + n10 + n01;
  const zeros = 2 * n - ones;
  const total = 2 * n;
  const alpha = 1 - ((total - 1) * (2 * o01)) / (2 * ones * zeros);
  return { percent: po, kappa, alpha };
}

/** α_u by brute force: every section of one coder against every section of the other. */
function bruteAlphaU(a: Map<string, Uint8Array>, b: Map<string, Uint8Array>): number {
  type Sec = { b: number; e: number; unit: boolean };
  const sectionsOf = (bits: Uint8Array): Sec[] => {
    const out: Sec[] = [];
    let s = 0;
    for (let i = 1; i <= bits.length; i++) {
      if (i === bits.length || bits[i] !== bits[s]) {
        out.push({ b: s, e: i, unit: bits[s] === 1 });
        s = i;
      }
    }
    return out;
  };
  const L = docs.reduce((x, d) => x + d.length, 0);
  let dO = 0;
  const units: number[] = [];
  const gaps: number[] = [];
  for (const d of docs) {
    const sa = sectionsOf(a.get(d.id)!);
    const sb = sectionsOf(b.get(d.id)!);
    for (const list of [sa, sb]) for (const s of list) (s.unit ? units : gaps).push(s.e - s.b);
    for (const [X, Y] of [
      [sa, sb],
      [sb, sa],
    ] as const)
      for (const u of X)
        for (const v of Y) {
          const lu = u.e - u.b;
          const lv = v.e - v.b;
          if (u.unit && v.unit && u.b < v.e && v.b < u.e) dO += (u.b - v.b) ** 2 + (u.e - v.e) ** 2;
          else if (u.unit && !v.unit && v.b <= u.b && u.e <= v.e) dO += lu * lu;
          else if (!u.unit && v.unit && u.b <= v.b && v.e <= u.e) dO += lv * lv;
        }
  }
  dO /= 2 * 1 * L * L;
  const nc = units.length;
  let num = 0;
  let self = 0;
  for (const l of units) {
    let fit = 0;
    for (const g of gaps) if (g >= l) fit += g - l + 1;
    num += ((nc - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l * l * fit;
    self += l * (l - 1);
  }
  const dE = ((2 / L) * num) / (2 * L * (2 * L - 1) - self);
  return 1 - dO / dE;
}

async function agreementJson(unit: string): Promise<AgreementReport> {
  const io = captureIo();
  expect(
    await run(['agreement', '--project', file, '--coders', 'A,B', '--unit', unit, '--format', 'json'], io),
  ).toBe(0);
  expect(io.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(io.stdout) as AgreementReport;
}

describe('cli agreement over the sample corpus', () => {
  it('character units: κ, α, percent agreement and α_u per code equal the independent computation', async () => {
    const report = await agreementJson('character');
    expect(report.unit).toBe('character');
    expect(report.coders).toEqual(['A', 'B']);
    expect(report.documents).toHaveLength(docs.length);
    expect(report.codes.map((c) => c.code)).toEqual(CODES);
    for (const code of CODES) {
      const a = coverage(spansA, code);
      const b = coverage(spansB, code);
      const va: number[] = [];
      const vb: number[] = [];
      for (const d of docs) {
        va.push(...a.get(d.id)!);
        vb.push(...b.get(d.id)!);
      }
      const ref = reference(va, vb);
      const row = report.codes.find((c) => c.code === code)!;
      expect(row.units).toBe(va.length);
      expect(row.percent_agreement!).toBeCloseTo(ref.percent, 3);
      expect(row.cohen_kappa!).toBeCloseTo(ref.kappa, 3);
      expect(row.krippendorff_alpha!).toBeCloseTo(ref.alpha, 3);
      expect(row.fleiss_kappa).toBeNull();
      expect(row.null_reasons.fleiss_kappa).toBe('fewer-than-three-coders');
      expect(row.krippendorff_alpha_u!).toBeCloseTo(bruteAlphaU(a, b), 3);
    }
    const mean = report.codes.reduce((s, c) => s + c.cohen_kappa!, 0) / CODES.length;
    expect(report.overall.mean.cohen_kappa!).toBeCloseTo(mean, 10);
    expect(report.overall.pooled.units).toBe(CODES.length * docs.reduce((s, d) => s + d.length, 0));
  });

  it('document units: present/absent per document', async () => {
    const report = await agreementJson('document');
    for (const code of CODES) {
      const va = docs.map((d) => (spansA.some((s) => s.code === code && s.document === d.id) ? 1 : 0));
      const vb = docs.map((d) => (spansB.some((s) => s.code === code && s.document === d.id) ? 1 : 0));
      const row = report.codes.find((c) => c.code === code)!;
      expect(row.units).toBe(docs.length);
      const agree = va.filter((v, i) => v === vb[i]).length / docs.length;
      expect(row.percent_agreement!).toBeCloseTo(agree, 3);
      if (va.every((v, i) => v === vb[i]) && new Set(va).size === 1) expect(row.cohen_kappa).toBeNull();
      else expect(row.cohen_kappa!).toBeCloseTo(reference(va, vb).kappa, 3);
    }
  });

  it('table and csv formats print the same numbers', async () => {
    const report = await agreementJson('character');
    const table = captureIo();
    expect(await run(['agreement', '--project', file, '--coders', 'A,B', '--unit', 'character'], table)).toBe(
      0,
    );
    expect(table.stdout).toContain(report.codes[0]!.cohen_kappa!.toFixed(3));
    const csv = captureIo();
    expect(
      await run(
        ['agreement', '--project', file, '--coders', 'A,B', '--unit', 'character', '--format', 'csv'],
        csv,
      ),
    ).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'code_path,units,percent_agreement,cohen_kappa,fleiss_kappa,krippendorff_alpha,krippendorff_alpha_u,null_reasons',
    );
    expect(csv.stdout).toContain(String(report.codes[0]!.cohen_kappa));
  });

  it('export --format spans --coder writes back exactly the spans that coder imported', async () => {
    const out = join(dir, 'A-out.jsonl');
    const io = captureIo();
    expect(
      await run(['export', '--project', file, '--format', 'spans', '--coder', 'A', '--out', out], io),
    ).toBe(0);
    const key = (s: Span) => `${s.document}|${s.start}|${s.end}|${s.code}`;
    const written = readFileSync(out, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Span);
    expect(new Set(written.map(key))).toEqual(new Set(spansA.map(key)));
    const unknown = captureIo();
    expect(
      await run(['export', '--project', file, '--format', 'spans', '--coder', 'Z', '--out', out], unknown),
    ).toBe(1);
    expect(unknown.stderr).toContain('coder-not-found');
  });

  it('unknown coders and bad units are clear errors', async () => {
    const io = captureIo();
    expect(await run(['agreement', '--project', file, '--coders', 'A,Z', '--unit', 'character'], io)).toBe(1);
    expect(io.stderr).toContain('coder-not-found');
    const bad = captureIo();
    expect(await run(['agreement', '--project', file, '--coders', 'A,B', '--unit', 'word'], bad)).toBe(1);
    expect(bad.stderr).toContain('--unit must be one of');
  });
});
