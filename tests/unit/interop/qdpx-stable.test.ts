/**
 * The REFI-QDA export stays the same across versions: its name-based GUIDs (pinned here as
 * earlier versions computed them), the order annotations are numbered in (document, start, end,
 * creation time, id — as SQLite orders them, ties included), and the archive's entries.
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/index';
import { buildQde, buildQdpx, toGuid } from '../../../electron/core/interop/refi-write';
import { compareBinary } from '../../../electron/core/db/binary-order';
import { snapshotProject } from '../../../electron/core/interop/snapshot';
import { emptyModel } from '../../../electron/core/interop/model';
import { openDatabase } from '../../../electron/core/db/database';
import { SEEDS_DIR, tempDir } from './helpers';

describe('QDPX export stability', () => {
  it('name-based GUIDs are those earlier versions wrote', () => {
    expect(toGuid('d1/0/1/3/c1/u1', 'selection')).toBe('8F1EF44E-6C86-51A7-AEF9-B2AF63DD135B');
    expect(toGuid('d1/0/1/3/c1/u1', 'coding')).toBe('2F159AD2-368A-50D1-AD21-732C612AF47D');
    expect(toGuid('d1/0/1/3/c1/u1', 'note')).toBe('B8E8DE05-9DCD-5D20-AF83-FED0834E817D');
    expect(toGuid('项目-𠀋', 'note')).toBe('0E7304ED-0817-5C13-A871-194E2228AF53');
    expect(toGuid('not-a-uuid')).toBe('BAB6FE0E-680F-5824-A540-19010FD95624');
    expect(toGuid('project', 'note')).toBe('7BA9B040-CC5F-547A-AB0D-2F528E6B225C');
    expect(toGuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe('0F8FAD5B-D9CB-469F-A165-70867728950E');
  });

  it('compareBinary orders strings as SQLite does (UTF-8 bytes), astral characters included', () => {
    const db = new Database(':memory:');
    const values = [
      '',
      'a',
      'ab',
      'b',
      '\uE000',
      '\uFFFF',
      '𠀋',
      '𪚥',
      '批注',
      '批',
      'Z',
      '\u00e9',
      '2026-01-01T00:00:00.000Z',
    ];
    for (const a of values)
      for (const b of values) {
        const sqlite = (db.prepare('SELECT (? > ?) - (? < ?)').pluck().get(a, b, a, b) as number) || 0;
        expect(Math.sign(compareBinary(a, b)), `${a} vs ${b}`).toBe(sqlite);
      }
    db.close();
  });

  it('annotations are read in the order of ORDER BY document, start, end, created_at, id', () => {
    const file = join(tempDir(), 'order.pizhu');
    openCore({ file, seedsDir: SEEDS_DIR }).close();
    const db = new Database(file);
    const [doc1, doc2] = db.prepare('SELECT id FROM documents ORDER BY sort_order').pluck().all() as string[];
    const code = db.prepare('SELECT id FROM codes').pluck().get() as string;
    const coder = db.prepare('SELECT id FROM coders').pluck().get() as string;
    const insert = db.prepare(
      `INSERT INTO annotations (id, document_id, code_id, coder_id, start_offset, end_offset, quote, memo, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
    );
    // Equal positions whose creation times run against their ids (the index's order), ids and
    // times with characters whose UTF-16 and UTF-8 orders differ, and plain rows in between.
    const rows: [string, string, number, number, string][] = [
      ['z-1', doc1!, 5, 9, '2026-01-01T00:00:00.000Z'],
      ['a-2', doc1!, 5, 9, '2026-01-02T00:00:00.000Z'],
      ['m-3', doc1!, 5, 9, '2026-01-01T00:00:00.000Z'],
      ['\uE000', doc1!, 5, 9, '2025-12-31T00:00:00.000Z'],
      ['𠀋', doc1!, 5, 9, '2025-12-31T00:00:00.000Z'],
      ['q', doc1!, 5, 10, '2020-01-01T00:00:00.000Z'],
      ['r', doc1!, 2, 9, '2030-01-01T00:00:00.000Z'],
      ['s', doc2!, 0, 1, '𪚥'],
      ['t', doc2!, 0, 1, '\uFFFF'],
    ];
    db.transaction(() => {
      for (const [id, doc, start, end, at] of rows) insert.run(id, doc, code, coder, start, end, id, at, at);
      for (let i = 0; i < 200; i++) {
        const at = `2026-02-0${i % 3}T00:00:00.000Z`;
        insert.run(randomUUID(), i % 2 ? doc1 : doc2, code, coder, i % 7, 20 + (i % 5), `${i}`, at, at);
      }
    })();
    const expected = db
      .prepare('SELECT memo FROM annotations ORDER BY document_id, start_offset, end_offset, created_at, id')
      .pluck()
      .all();
    db.close();
    const pizhu = openDatabase(file);
    try {
      expect(snapshotProject(pizhu).annotations.map((a) => a.memo)).toEqual(expected);
    } finally {
      pizhu.close();
    }
  });

  it('the archive holds the QDA-XML (as buildQde writes it), each source text and the extra files', async () => {
    const m = emptyModel('qdpx', 'x', 'p');
    m.coders.push({ key: 'u1', name: '编码员', color: null });
    m.codes.push({
      key: 'c1',
      parentKey: null,
      name: '问题 & <代码>',
      color: '#aabbcc',
      description: '',
      definition: '',
      inclusion: '',
      exclusion: '',
      example: '',
    });
    const text = '𠀋𪚥村的调研报告\r\n'.repeat(20_000);
    m.documents.push({
      key: 'd1',
      title: '文档',
      text,
      sourceFile: null,
      memo: '备忘',
      encoding: 'utf-8',
      cleaning: [],
      sourceFormat: 'txt',
      sha256: '',
    });
    for (let i = 0; i < 5000; i++)
      m.annotations.push({
        documentKey: 'd1',
        codeKey: 'c1',
        coderKey: 'u1',
        start: i,
        end: i + 3,
        memo: i % 10 ? '' : `memo ${i}`,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
    const files = unzipSync(await buildQdpx(m, 'o', '2026-01-02T00:00:00Z', { 'README.md': '# 说明' }));
    expect(Object.keys(files)).toEqual(['project.qde', `sources/${toGuid('d1')}.txt`, 'README.md']);
    expect(strFromU8(files['project.qde']!)).toBe(buildQde(m, 'o', '2026-01-02T00:00:00Z'));
    expect(strFromU8(files[`sources/${toGuid('d1')}.txt`]!)).toBe(text);
    expect(strFromU8(files['README.md']!)).toBe('# 说明');
  });
});
