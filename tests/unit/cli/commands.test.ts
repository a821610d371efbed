// Runs the CLI's commands in-process (electron/core/cli/commands.ts `run`) on real project files
// in a temporary folder, and checks files, output and exit codes.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, DocumentSummary, Code } from '../../../shared/domain';
import { DATASET_COLUMNS } from '../../../shared/domain';
import { run } from '../../../electron/core/cli/commands';
import { openCore } from '../../../electron/core/index';
import { SEEDS_DIR } from '../core/helpers';
import { captureIo } from '../../support/cli-io';

let dir: string;
const previousLog = process.env.PIZHU_LOG;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pizhu-cli-'));
  process.env.PIZHU_LOG = 'silent';
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (previousLog === undefined) delete process.env.PIZHU_LOG;
  else process.env.PIZHU_LOG = previousLog;
});

function documentCount(file: string): number {
  const core = openCore({ file });
  try {
    return (core.handlers['documents-list']({}) as DocumentSummary[]).length;
  } finally {
    core.close();
  }
}

describe('cli init', () => {
  it('creates a project with the 5 sample documents (an explicit seeds folder, imported raw)', async () => {
    const file = join(dir, 'p.pizhu');
    const io = captureIo();
    expect(await run(['init', '--project', file, '--seeds', SEEDS_DIR], io)).toBe(0);
    expect(io.stdout).toContain('5 document(s)');
    expect(existsSync(file)).toBe(true);
    expect(documentCount(file)).toBe(5);
  });

  it('without --seeds creates the prepared sample corpus (split, cleaned, titled)', async () => {
    const file = join(dir, 'prepared.pizhu');
    const io = captureIo();
    expect(await run(['init', '--project', file], io)).toBe(0);
    expect(documentCount(file)).toBeGreaterThan(20);
  });

  it('with --empty creates a project without documents', async () => {
    const file = join(dir, 'empty.pizhu');
    expect(await run(['init', '--project', file, '--empty'], captureIo())).toBe(0);
    expect(documentCount(file)).toBe(0);
  });

  it('refuses to overwrite an existing file', async () => {
    const file = join(dir, 'taken.pizhu');
    writeFileSync(file, 'not a project');
    const io = captureIo();
    expect(await run(['init', '--project', file], io)).toBe(1);
    expect(io.stderr).toMatch(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe('not a project');
  });
});

describe('cli export', () => {
  it('writes a CSV with a BOM, the header and one row per annotation created through the API', async () => {
    const file = join(dir, 'p.pizhu');
    expect(await run(['init', '--project', file, '--seeds', SEEDS_DIR], captureIo())).toBe(0);

    const core = openCore({ file });
    const created: Annotation[] = [];
    try {
      const [doc] = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      const codes = (await core.dispatch('codes-list', {})) as Code[];
      expect(doc).toBeDefined();
      for (const [i, code] of codes.slice(0, 2).entries()) {
        const result = (await core.dispatch('annotations-create', {
          documentId: doc!.id,
          codeId: code.id,
          start: 10 * i,
          end: 10 * i + 5,
          memo: i === 0 ? 'memo, with "quotes"' : undefined,
        })) as { annotation: Annotation };
        created.push(result.annotation);
      }
    } finally {
      core.close();
    }

    const out = join(dir, 'dataset.csv');
    const io = captureIo();
    expect(await run(['export', '--project', file, '--format', 'csv', '--out', out], io)).toBe(0);
    expect(io.stdout).toContain('Exported 2 row(s)');

    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter((l) => l !== '');
    expect(lines[0]).toBe(DATASET_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    for (const annotation of created) {
      const line = lines.find((l) => l.startsWith(`${annotation.id},`));
      expect(line, `row for ${annotation.id}`).toBeDefined();
      expect(line).toContain(annotation.text);
    }
    expect(text).toContain('"memo, with ""quotes"""');
  });

  it('writes JSONL, one object per annotation', async () => {
    const file = join(dir, 'p.pizhu');
    expect(await run(['init', '--project', file, '--empty'], captureIo())).toBe(0);
    const out = join(dir, 'dataset.jsonl');
    const io = captureIo();
    expect(await run(['export', '--project', file, '--format', 'jsonl', '--out', out], io)).toBe(0);
    expect(io.stdout).toContain('Exported 0 row(s)');
    expect(statSync(out).size).toBe(0);
  });

  it('fails with code: message when the project does not exist, and creates nothing', async () => {
    const file = join(dir, 'missing.pizhu');
    const io = captureIo();
    expect(await run(['export', '--project', file, '--format', 'csv', '--out', join(dir, 'x.csv')], io)).toBe(
      1,
    );
    expect(io.stderr).toMatch(/^project-open-failed: .*does not exist/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
  });
});

describe('cli info and usage', () => {
  it('prints the project summary', async () => {
    const file = join(dir, 'p.pizhu');
    expect(await run(['init', '--project', file, '--seeds', SEEDS_DIR], captureIo())).toBe(0);
    const io = captureIo();
    expect(await run(['info', '--project', file], io)).toBe(0);
    expect(io.stdout).toMatch(/Documents:\s+5/);
    expect(io.stdout).toContain('成效');
    expect(io.stdout).toContain('问题');
    expect(io.stdout).toContain('建议');
  });

  it('unknown command: exit code 1 with a message and the usage', async () => {
    const io = captureIo();
    expect(await run(['frobnicate'], io)).toBe(1);
    expect(io.stderr).toMatch(/Unknown command "frobnicate"/);
    expect(io.stderr).toContain('Usage: npm run cli');
  });

  it('help prints the usage on stdout', async () => {
    const io = captureIo();
    expect(await run(['help'], io)).toBe(0);
    expect(io.stdout).toContain('Usage: npm run cli');
  });
});
