// Merging offline work: another Pizhu project file (and REFI files) merged into the open project —
// documents by text hash, codes by path (with a mapping for unmatched ones), coders by name, memos
// kept — in one undo step; merging the same file twice adds nothing; bad files change nothing.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Code, DocumentSummary } from '../../../shared/domain';
import type { InteropPreview } from '../../../shared/contracts/interop';
import { openCore } from '../../../electron/core/index';
import { expectCode } from '../core/helpers';
import { openDatabase } from '../../../electron/core/db/database';
import { readPizhuFile } from '../../../electron/core/interop/pizhu-read';
import { closeProject, importBytes, openCoreDb, projectContent, SEEDS_DIR, tempDir } from './helpers';

/** A seeded project coded by one coder (renamed `coder`), with `codeName` under 问题. */
async function offlineProject(name: string, coder: string, codeName: string, memo: string) {
  const core = openCore({ file: join(tempDir(), name), seedsDir: SEEDS_DIR });
  openCoreDb(core).prepare('UPDATE coders SET name = ?').run(coder);
  const codes = (await core.dispatch('codes-list', {})) as Code[];
  const problem = codes.find((c) => c.name === '问题')!;
  const sub = (
    (await core.dispatch('codes-create', { name: codeName, parentId: problem.id })) as { code: Code }
  ).code;
  const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
  for (const [i, d] of docs.entries()) {
    await core.dispatch('annotations-create', {
      documentId: d.id,
      codeId: problem.id,
      start: 0,
      end: 20 + i,
    });
    await core.dispatch('annotations-create', {
      documentId: d.id,
      codeId: sub.id,
      start: 30,
      end: 60,
      memo: `${coder} ${i}`,
    });
  }
  await core.dispatch('documents-update-memo', { id: docs[0]!.id, memo });
  return core;
}

const openDb = (file: string) => openDatabase(file);

function annotationsOf(core: ReturnType<typeof openCore>, coder: string): string[] {
  return projectContent(core).annotations.filter((a) => a.split('|')[2] === coder);
}

describe('merge another Pizhu project', () => {
  it('adds the other coder’s work once, maps an unmatched code, one undo step', async () => {
    const mine = await offlineProject('mine.pizhu', '甲', '财政压力', '甲的备忘');
    const theirs = await offlineProject('theirs.pizhu', '乙', '财政困难', '乙的备忘');
    try {
      closeProject(theirs); // a closed project has its write-ahead log folded into the file
      const bytes = new Uint8Array(readFileSync(theirs.file));
      const before = projectContent(mine);
      const preview = (await mine.dispatch('interop-preview', {
        fileName: 'theirs.pizhu',
        contentBase64: Buffer.from(bytes).toString('base64'),
      })) as InteropPreview;
      expect(preview.format).toBe('pizhu');
      expect(preview.matchedDocuments).toBe(5);
      expect(preview.unmatchedCodes).toEqual([{ path: '问题 > 财政困难', annotationCount: 5 }]);

      const target = ((await mine.dispatch('codes-list', {})) as Code[]).find((c) => c.name === '财政压力')!;
      const report = await importBytes(mine, 'theirs.pizhu', bytes, { '问题 > 财政困难': target.id });
      expect(report.documents).toEqual({ added: 0, matched: 5 });
      expect(report.codes).toEqual({ added: 0, matched: 3, mapped: 1 });
      expect(report.coders).toEqual({ added: 1, matched: 0 });
      expect(report.annotations).toEqual({ added: 10, duplicates: 0 });

      // 乙's annotations arrive unchanged except for the mapped code.
      const theirsRows = annotationsOf(theirs, '乙')
        .map((a) => a.replace('问题 > 财政困难', '问题 > 财政压力'))
        .sort();
      expect(annotationsOf(mine, '乙')).toEqual(theirsRows);
      expect(annotationsOf(mine, '甲')).toEqual(before.annotations);
      const memo = projectContent(mine).documents[0]!.memo;
      expect(memo).toBe('甲的备忘\n\n乙的备忘');

      // Twice: nothing new.
      const after = projectContent(mine);
      const again = await importBytes(mine, 'theirs.pizhu', bytes, { '问题 > 财政困难': target.id });
      expect(again.annotations).toEqual({ added: 0, duplicates: 10 });
      expect(again.coders).toEqual({ added: 0, matched: 1 });
      expect(projectContent(mine)).toEqual(after);

      // One undo step takes the (first) merge back entirely: the second added nothing, so it recorded nothing.
      const undo = (await mine.dispatch('history-undo', {})) as { effect: { kind: string } };
      expect(undo.effect.kind).toBe('project-merge');
      expect(projectContent(mine)).toEqual(before);
      expect(openCoreDb(mine).prepare("SELECT count(*) AS n FROM coders WHERE name = '乙'").get()).toEqual({
        n: 0,
      });
      await mine.dispatch('history-redo', {});
      expect(projectContent(mine)).toEqual(after);
    } finally {
      mine.close();
    }
  });

  it('without a mapping an unmatched code is created under its matched parent', async () => {
    const mine = await offlineProject('a.pizhu', '甲', '财政压力', '');
    const theirs = await offlineProject('b.pizhu', '乙', '财政困难', '');
    try {
      closeProject(theirs);
      const report = await importBytes(mine, 'b.pizhu', new Uint8Array(readFileSync(theirs.file)));
      expect(report.codes).toEqual({ added: 1, matched: 3, mapped: 0 });
      expect(projectContent(mine).codes.some((c) => c.startsWith('问题 > 财政困难|'))).toBe(true);
    } finally {
      mine.close();
    }
  });

  it('refuses a file that is not a project, its own file, and a mapping to a missing code; nothing written', async () => {
    const mine = await offlineProject('c.pizhu', '甲', '财政压力', '');
    const theirs = await offlineProject('d.pizhu', '乙', '财政困难', '');
    try {
      const before = projectContent(mine);
      await expectCode(
        () => importBytes(mine, 'x.qdpx', new TextEncoder().encode('not xml at all <')),
        'interop-invalid',
      );
      expect(() => readPizhuFile(openDb(mine.file), mine.file)).toThrow(/into itself/);
      closeProject(theirs);
      await expectCode(
        () =>
          importBytes(mine, 'd.pizhu', new Uint8Array(readFileSync(theirs.file)), {
            '问题 > 财政困难': 'nope',
          }),
        'code-not-found',
      );
      expect(projectContent(mine)).toEqual(before);
    } finally {
      mine.close();
    }
  });
});
