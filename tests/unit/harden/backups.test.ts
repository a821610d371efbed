/**
 * Issue 12, findings 4, 5 and 9 (files): backups are change-driven and tiered, read-only
 * commands write nothing, a full disk during the routine backup warns and opens, the restore
 * view's methods list, look at and restore copies; read-only projects open read-only with a
 * clear error on writes; project files and backups are owner-only (0600).
 */
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { run, type CliIo } from '../../../electron/core/cli/commands';
import { openCore, type Core } from '../../../electron/core/index';
import { backupDir, backupIo, listBackupFiles, takeBackup } from '../../../electron/core/db/backup';
import type { BackupContents, BackupList } from '../../../shared/contracts/backups';
import type { DocumentSummary, ProjectInfo } from '../../../shared/domain';
import { expectCode, sha256File, tempDir } from '../core/helpers';

const quiet: CliIo = { out: () => undefined, err: () => undefined };
const b64 = (s: string) => Buffer.from(s).toString('base64');

async function addDocument(core: Core, text: string): Promise<string> {
  const r = (await core.dispatch('import-commit', {
    fileName: `${text.slice(0, 4)}.txt`,
    contentBase64: b64(text),
  })) as {
    documents: { id: string }[];
  };
  return r.documents[0]!.id;
}

async function session(file: string, fn: (core: Core) => Promise<void>): Promise<void> {
  const core = openCore({ file });
  try {
    await fn(core);
  } finally {
    core.close();
  }
}

const restoreMode: { file: string; mode: number }[] = [];
afterEach(() => {
  for (const r of restoreMode.splice(0)) chmodSync(r.file, r.mode);
  backupIo.vacuumInto = originalVacuum;
});
const originalVacuum = backupIo.vacuumInto;

describe('change-driven, tiered backups', () => {
  it('read-only commands and unchanged opens rotate nothing away (the bad-delete scenario)', async () => {
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, empty: true }).close();
    for (const text of ['第一篇 成效', '第二篇 问题', '第三篇 建议'])
      await session(file, (c) => addDocument(c, text).then(() => undefined));
    await session(file, async () => undefined); // backs up the state with three documents
    const before = listBackupFiles(file).map((b) => b.id);
    // A bad delete, then the commands a worried user runs.
    await session(file, async (core) => {
      const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      for (const d of docs) await core.dispatch('documents-delete', { id: d.id });
    });
    const hash = sha256File(file);
    const io = { out: () => undefined, err: (t: string) => void console.log('ERR', t) };
    for (let i = 0; i < 3; i++) expect(await run(['info', '--project', file], io)).toBe(0);
    await run(['search', '--project', file, '成效'], quiet);
    expect(
      await run(['export', '--project', file, '--format', 'csv', '--out', join(tempDir(), 'x.csv')], io),
    ).toBe(0);
    expect(sha256File(file)).toBe(hash);
    expect(listBackupFiles(file).map((b) => b.id)).toEqual(before);
    // The state with three documents is still there.
    const list = (await openCore({ file, readOnly: true }).dispatch('backups-list', {})) as BackupList;
    expect(list.backups.some((b) => b.documentCount === 3)).toBe(true);
  });

  it('opening again without a change makes no new copy', async () => {
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, empty: true }).close();
    for (let i = 0; i < 5; i++) openCore({ file }).close();
    expect(listBackupFiles(file).filter((b) => b.kind === 'recent')).toHaveLength(1);
  });

  it('keeps daily and weekly copies, and never rotates pre-migration or pre-restore copies', async () => {
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, empty: true }).close();
    takeBackup(file, { kind: 'pre-migration', schemaVersion: 5, now: new Date('2026-01-01T00:00:00Z') });
    const start = Date.parse('2026-02-01T10:00:00Z');
    for (let day = 0; day < 60; day++) {
      await session(file, (c) => addDocument(c, `第${day}天 的文本`).then(() => undefined));
      takeBackup(file, { kind: 'recent', now: new Date(start + day * 86_400_000) });
    }
    const kinds = (k: string) =>
      listBackupFiles(file)
        .filter((b) => b.kind === k)
        .map((b) => b.id)
        .sort();
    expect(kinds('recent')).toHaveLength(3);
    expect(kinds('daily')).toHaveLength(7);
    expect(kinds('daily').at(-1)).toBe('daily-2026-04-01.pizhu');
    expect(kinds('weekly')).toHaveLength(4);
    expect(kinds('pre-migration')).toHaveLength(1);
  });

  it('a full disk during the routine backup warns and still opens', async () => {
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, empty: true }).close();
    backupIo.vacuumInto = () => {
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    };
    const core = openCore({ file });
    try {
      const list = (await core.dispatch('backups-list', {})) as BackupList;
      expect(list.backupWarning).toContain('disk is full');
      await addDocument(core, '仍然可以工作');
    } finally {
      core.close();
    }
    expect(readdirSync(backupDir(file))).toEqual([]); // no half-written copy left behind
  });
});

describe('restore view methods', () => {
  it('lists, looks at read-only, and restores with a copy of the current state first', async () => {
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, empty: true }).close();
    await session(file, async (core) => {
      const id = await addDocument(core, '𠀋 一是加强财政管理');
      const codes = (await core.dispatch('codes-list', {})) as { id: string }[];
      await core.dispatch('annotations-create', { documentId: id, codeId: codes[0]!.id, start: 0, end: 3 });
    });
    const core = openCore({ file }); // backs up the coded state
    try {
      const docs = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      await core.dispatch('documents-delete', { id: docs[0]!.id });
      const list = (await core.dispatch('backups-list', {})) as BackupList;
      const good = list.backups.find((b) => b.documentCount === 1 && b.annotationCount === 1)!;
      expect(good).toBeDefined();
      expect(good.size).toBeGreaterThan(0);
      const hash = sha256File(join(list.folder, good.id));
      const look = (await core.dispatch('backups-inspect', { id: good.id })) as BackupContents;
      expect(look.documents).toEqual([{ title: '𠀋 一是加强财政管理', length: 10, annotationCount: 1 }]);
      expect(sha256File(join(list.folder, good.id))).toBe(hash); // looking wrote nothing
      const r = (await core.dispatch('backups-restore', { id: good.id })) as { safetyCopy: string };
      expect(r.safetyCopy).toMatch(/^pre-restore-/);
      const after = (await core.dispatch('documents-list', {})) as DocumentSummary[];
      expect(after.map((d) => d.annotationTotal)).toEqual([1]);
      const again = (await core.dispatch('backups-list', {})) as BackupList;
      const safety = again.backups.find((b) => b.id === r.safetyCopy)!;
      expect(safety.documentCount).toBe(0); // the state before the restore, kept
      await expectCode(() => core.dispatch('backups-inspect', { id: '../p.pizhu' }), 'invalid-input');
      await expectCode(
        () => core.dispatch('backups-restore', { id: 'recent-nope.pizhu' }),
        'backup-not-found',
      );
    } finally {
      core.close();
    }
  });
});

describe('read-only projects (finding 5)', () => {
  it('a read-only file opens read-only; a write is project-read-only, not internal', async () => {
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, empty: true }).close();
    chmodSync(file, 0o444);
    restoreMode.push({ file, mode: 0o600 });
    const hash = sha256File(file);
    const core = openCore({ file });
    try {
      expect(((await core.dispatch('project-info', {})) as ProjectInfo).readOnly).toBe('file');
      await expectCode(() => addDocument(core, '写不进去'), 'project-read-only');
      await expectCode(() => core.dispatch('sets-create', { name: '讲话' }), 'project-read-only');
    } finally {
      core.close();
    }
    expect(sha256File(file)).toBe(hash);
  });

  it('a healthy project in a read-only folder opens read-only (not "damaged")', async () => {
    const dir = tempDir();
    const file = join(dir, 'p.pizhu');
    openCore({ file, empty: true }).close();
    chmodSync(dir, 0o555);
    restoreMode.push({ file: dir, mode: 0o755 });
    const core = openCore({ file });
    try {
      expect(((await core.dispatch('project-info', {})) as ProjectInfo).readOnly).toBe('folder');
      expect(await core.dispatch('documents-list', {})).toEqual([]);
    } finally {
      core.close();
    }
    expect(readdirSync(dir)).toEqual(['p.pizhu']);
  });
});

describe('file modes (finding 9)', () => {
  it('project files, their backups and the backup folder are owner-only', async () => {
    const file = join(tempDir(), 'p.pizhu');
    openCore({ file, empty: true }).close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(join(tempDir(), 'unused'), '');
    const core = openCore({ file });
    core.close();
    const [backup] = listBackupFiles(file);
    expect(statSync(backup!.path).mode & 0o777).toBe(0o600);
    expect(statSync(backupDir(file)).mode & 0o777).toBe(0o700);
  });
});
