// `npm run cli -- export --format docx|html`: parsing, document selection, and files on disk.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Annotation, Code, DocumentSummary } from '../../../shared/domain';
import { run } from '../../../electron/core/cli/commands';
import { UsageError } from '../../../electron/core/cli/args';
import { parseAnnotatedExport } from '../../../electron/core/cli/export-annotated';
import { openCore } from '../../../electron/core/index';
import { tempDir, textFolder } from '../core/helpers';
import { readDocx, readHtml } from './read-back';
import { captureIo } from '../../support/cli-io';

describe('cli export --format docx|html', () => {
  it('parses the annotated formats and rejects a missing or double selection', () => {
    expect(
      parseAnnotatedExport([
        '--project',
        'p',
        '--format',
        'docx',
        '--documents',
        'a,b',
        '--documents',
        'c',
        '--out',
        'o.docx',
      ]),
    ).toEqual({
      name: 'export-annotated',
      project: 'p',
      format: 'docx',
      documents: ['a', 'b', 'c'],
      set: null,
      script: 'original',
      locale: 'zh-CN',
      out: 'o.docx',
    });
    expect(
      parseAnnotatedExport([
        '--project',
        'p',
        '--format=html',
        '--set',
        '讲话',
        '--script',
        'traditional',
        '--lang',
        'en',
        '--out',
        'o',
      ]),
    ).toMatchObject({ format: 'html', set: '讲话', script: 'traditional', locale: 'en' });
    expect(() => parseAnnotatedExport(['--project', 'p', '--format', 'docx', '--out', 'o'])).toThrow(
      UsageError,
    );
    expect(() =>
      parseAnnotatedExport([
        '--project',
        'p',
        '--format',
        'html',
        '--set',
        's',
        '--documents',
        'all',
        '--out',
        'o',
      ]),
    ).toThrow(/either --documents or --set/);
    expect(() =>
      parseAnnotatedExport([
        '--project',
        'p',
        '--format',
        'docx',
        '--documents',
        'all',
        '--script',
        'hk',
        '--out',
        'o',
      ]),
    ).toThrow(/--script must be/);
  });

  it('writes a DOCX and an HTML file for documents chosen by number, title or all', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.pizhu');
    const seeds = textFolder({ 'a.txt': '一、成效\n𠀋县财政增长。', 'b.txt': '二、问题\n压力大。' });
    const core = openCore({ file, seedsDir: seeds });
    const docs = core.handlers['documents-list']({}) as DocumentSummary[];
    const code = (core.handlers['codes-list']({}) as Code[])[0]!;
    const a = docs.find((d) => d.sourceFile === 'a.txt')!;
    const ann = (
      core.handlers['annotations-create']({ documentId: a.id, codeId: code.id, start: 5, end: 10 }) as {
        annotation: Annotation;
      }
    ).annotation;
    core.close();
    expect(ann.text).toBe('𠀋县财政增');

    const io = captureIo();
    const docx = join(dir, 'out.docx');
    expect(
      await run(
        [
          'export',
          '--project',
          file,
          '--format',
          'docx',
          '--documents',
          String(docs.indexOf(a) + 1),
          '--out',
          docx,
        ],
        io,
      ),
    ).toBe(0);
    expect(io.stdout).toContain('Exported 1 annotation(s)');
    const back = readDocx(readFileSync(docx));
    const [s, e] = [...back.ranges.values()][0]!;
    expect(back.text.slice(s, e)).toBe('𠀋县财政增');

    const html = join(dir, 'out.html');
    expect(
      await run(['export', '--project', file, '--format', 'html', '--documents', 'all', '--out', html], io),
    ).toBe(0);
    expect(readHtml(readFileSync(html, 'utf8')).map((d) => d.documentId)).toEqual(docs.map((d) => d.id));

    const bad = captureIo();
    expect(
      await run(['export', '--project', file, '--format', 'html', '--documents', 'nope', '--out', html], bad),
    ).toBe(1);
    expect(bad.stderr).toContain('document-not-found');
  });
});
