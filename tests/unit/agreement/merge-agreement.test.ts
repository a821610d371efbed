/**
 * Issue 10, "Done when": two coders code the same documents offline in two project files; merging
 * one file into the other (twice) adds nothing twice, and the merged project's agreement equals
 * the agreement computed from the two files' span exports imported side by side into a fresh
 * project. Span files name documents by source file, so they travel between projects.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementReport } from '../../../shared/contracts/agreement';
import type { DocumentDetail, DocumentSummary, ProjectInfo } from '../../../shared/domain';
import { run } from '../../../electron/core/cli/commands';
import { openCore } from '../../../electron/core/index';
import { captureIo } from '../../support/cli-io';

const SEEDS = resolve(import.meta.dirname, '../../../seeds');
const CODES = ['成效', '问题', '建议'];

async function cli(args: string[]): Promise<string> {
  const io = captureIo();
  const code = await run(args, io);
  expect(io.stderr).toBe('');
  expect(code).toBe(0);
  return io.stdout;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

let dir: string;
const file = (name: string) => join(dir, name);

/** Random spans over every document, named by source file; `shift` moves B's ends a little. */
function spansFor(docs: { sourceFile: string; length: number }[], seed: number): string {
  const r = rng(seed);
  const lines: string[] = [];
  for (const doc of docs)
    for (const code of CODES)
      for (let k = 0; k < 4; k++) {
        const start = Math.floor(r() * (doc.length - 200));
        lines.push(
          JSON.stringify({ document: doc.sourceFile, start, end: start + 5 + Math.floor(r() * 120), code }),
        );
      }
  return `${lines.join('\n')}\n`;
}

function annotationCount(project: string): number {
  const core = openCore({ file: project, empty: true });
  try {
    return (core.handlers['project-info']({}) as ProjectInfo).annotationCount;
  } finally {
    core.close();
  }
}

async function agreement(project: string, unit: string): Promise<AgreementReport> {
  return JSON.parse(
    await cli(['agreement', '--project', project, '--coders', 'A,B', '--unit', unit, '--format', 'json']),
  ) as AgreementReport;
}

beforeAll(async () => {
  process.env.PIZHU_LOG = 'silent';
  dir = mkdtempSync(join(tmpdir(), 'pizhu-merge-agreement-'));
  for (const name of ['a.pizhu', 'b.pizhu', 'both.pizhu'])
    await cli(['init', '--project', file(name), '--seeds', SEEDS]);
  const core = openCore({ file: file('a.pizhu'), empty: true });
  let docs: { sourceFile: string; length: number }[];
  try {
    docs = (core.handlers['documents-list']({}) as DocumentSummary[]).map((d) => {
      const detail = core.handlers['documents-get']({ id: d.id }) as DocumentDetail;
      return { sourceFile: d.sourceFile!, length: [...detail.text].length };
    });
  } finally {
    core.close();
  }
  writeFileSync(file('A.jsonl'), spansFor(docs, 7));
  writeFileSync(file('B.jsonl'), spansFor(docs, 11));
  // Offline: A codes in a.pizhu, B in b.pizhu; the reference project gets both span files.
  await cli(['import-annotations', '--project', file('a.pizhu'), '--coder', 'A', file('A.jsonl')]);
  await cli(['import-annotations', '--project', file('b.pizhu'), '--coder', 'B', file('B.jsonl')]);
  await cli(['import-annotations', '--project', file('both.pizhu'), '--coder', 'A', file('A.jsonl')]);
  await cli(['import-annotations', '--project', file('both.pizhu'), '--coder', 'B', file('B.jsonl')]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('merging offline work of two coders', () => {
  it('merging twice adds each annotation once, and agreement equals that of the two files', async () => {
    const expected = annotationCount(file('both.pizhu'));
    await cli(['merge', '--project', file('a.pizhu'), file('b.pizhu')]);
    expect(annotationCount(file('a.pizhu'))).toBe(expected);
    await cli(['merge', '--project', file('a.pizhu'), file('b.pizhu')]);
    expect(annotationCount(file('a.pizhu'))).toBe(expected);

    for (const unit of ['character', 'sentence', 'document']) {
      const merged = await agreement(file('a.pizhu'), unit);
      const reference = await agreement(file('both.pizhu'), unit);
      // Code ids differ between projects; everything else must be equal.
      const strip = (r: AgreementReport) => ({
        codes: r.codes.map(({ code_id: _id, ...rest }) => rest),
        overall: r.overall,
      });
      expect(merged.codes.length).toBe(CODES.length);
      expect(strip(merged)).toEqual(strip(reference));
    }
    // The merged coder B's spans are exactly B's file.
    const out = file('B-out.jsonl');
    await cli(['export', '--project', file('a.pizhu'), '--format', 'spans', '--coder', 'B', '--out', out]);
    const core = openCore({ file: file('a.pizhu'), empty: true });
    let sourceOf: Map<string, string>;
    try {
      sourceOf = new Map(
        (core.handlers['documents-list']({}) as DocumentSummary[]).map((d) => [d.id, d.sourceFile!]),
      );
    } finally {
      core.close();
    }
    const key = (l: string) => {
      const s = JSON.parse(l) as { document: string; start: number; end: number; code: string };
      return `${sourceOf.get(s.document) ?? s.document}|${s.start}|${s.end}|${s.code}`;
    };
    const lines = (p: string) =>
      readFileSync(p, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
    expect(new Set(lines(out).map(key))).toEqual(new Set(lines(file('B.jsonl')).map(key)));
  });
});
