// The search index after a bulk import (0013_search_deferred.sql, search/index-build.ts): files
// imported with `deferIndex` are queued, not indexed row by row; `search-index-build` indexes the
// queue in slices with progress; a search never misses a queued document; undoing a queued import
// leaves the FTS index consistent; a plain import still indexes at once.
import { describe, expect, it } from 'vitest';
import type { SearchIndexProgress, SearchResult } from '../../../shared/contracts/search';
import { openCore, type Core } from '../../../electron/core/index';
import { openDatabase } from '../../../electron/core/db/database';
import { tempDir } from '../core/helpers';
import { join } from 'node:path';
import { candidateChunks } from '../../../electron/core/search/run';

const TEXTS = ['甲文件：量子計算機與縣長𠀋。', '乙文件：量子计算机的问题𪚥。', '丙文件：财政压力。'];

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

async function importAll(core: Core, deferIndex: boolean): Promise<void> {
  for (const [i, text] of TEXTS.entries())
    await core.dispatch('import-commit', { fileName: `f${i}.txt`, contentBase64: b64(text), deferIndex });
}

function ftsCount(file: string, phrase: string): number {
  const db = openDatabase(file, { readonly: true });
  try {
    return candidateChunks(db, phrase).length;
  } finally {
    db.close();
  }
}

function integrity(file: string): void {
  const db = openDatabase(file);
  try {
    db.raw.exec(`INSERT INTO search_grams (search_grams) VALUES ('integrity-check')`);
  } finally {
    db.close();
  }
}

describe('deferred search index', () => {
  it('queues a bulk import and indexes it in slices with progress', async () => {
    const file = join(tempDir(), 'd.pizhu');
    const core = openCore({ file, empty: true });
    try {
      await importAll(core, true);
      expect(ftsCount(file, '量子计算机')).toBe(0);
      const first = (await core.dispatch('search-index-build', { maxDocuments: 2 })) as SearchIndexProgress;
      expect(first).toEqual({ indexed: 2, pending: 1 });
      expect(ftsCount(file, '量子计算机')).toBe(2);
      expect(await core.dispatch('search-index-build', {})).toEqual({ indexed: 1, pending: 0 });
      expect(await core.dispatch('search-index-build', {})).toEqual({ indexed: 0, pending: 0 });
      expect(ftsCount(file, '财政压力')).toBe(1);
      integrity(file);
    } finally {
      core.close();
    }
  });

  it('a search indexes what is still queued first', async () => {
    const file = join(tempDir(), 's.pizhu');
    const core = openCore({ file, empty: true });
    try {
      await importAll(core, true);
      const r = (await core.dispatch('search-run', { query: '量子计算机' })) as SearchResult;
      expect(r.total).toBe(2);
      expect(r.documents[0]!.hits[0]).toMatchObject({ start: 4, end: 9, match: '量子計算機' });
      expect(await core.dispatch('search-index-build', {})).toEqual({ indexed: 0, pending: 0 });
      integrity(file);
    } finally {
      core.close();
    }
  });

  it('undo and redo of a queued import keep the index consistent', async () => {
    const file = join(tempDir(), 'u.pizhu');
    const core = openCore({ file, empty: true });
    try {
      await importAll(core, true);
      await core.dispatch('history-undo', {}); // removes 丙, still queued
      integrity(file);
      expect(await core.dispatch('search-index-build', {})).toEqual({ indexed: 2, pending: 0 });
      await core.dispatch('history-undo', {}); // removes 乙, already indexed
      integrity(file);
      expect(ftsCount(file, '量子计算机')).toBe(1);
      await core.dispatch('history-redo', {}); // a single edit: indexed at once
      expect(ftsCount(file, '量子计算机')).toBe(2);
      const r = (await core.dispatch('search-run', { query: '问题' })) as SearchResult;
      expect(r.total).toBe(1);
      integrity(file);
    } finally {
      core.close();
    }
  });

  it('a plain import is indexed at once', async () => {
    const file = join(tempDir(), 'p.pizhu');
    const core = openCore({ file, empty: true });
    try {
      await importAll(core, false);
      expect(ftsCount(file, '量子计算机')).toBe(2);
      expect(await core.dispatch('search-index-build', {})).toEqual({ indexed: 0, pending: 0 });
    } finally {
      core.close();
    }
  });
});
