// Dataset export: columns, order, code paths, CSV bytes and escaping, JSONL round trip, file names.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  DATASET_COLUMNS,
  type Annotation,
  type Code,
  type DocumentDetail,
  type DocumentSummary,
  type ExportFile,
} from '../../../shared/domain';
import type { ApiHandlers } from '../../../shared/api';
import { openProject } from '../../../electron/core/project/open';
import { createHandlers } from '../../../electron/core/api/handlers';
import type { CoreContext } from '../../../electron/core/context';
import { datasetFileName } from '../../../electron/core/export/dataset';
import { parseCsvStrict, tempDir, textFolder } from './helpers';

const TRICKY_TEXT = '他说:"好,很好"\n  前后空格  \n=SUM(A1)\r\n第二篇 𠀋\n';
const TRICKY_MEMO = ' 备注 "引号", 逗号\r\n换行\r单独CR\n单独LF ';

interface Fixture {
  h: ApiHandlers;
  ctx: CoreContext;
  docs: DocumentSummary[];
  codes: Code[];
  child: Code;
}

function setup(): Fixture {
  const seeds = textFolder({ 'a.txt': TRICKY_TEXT, 'b.txt': '第二个文件\n内容' });
  const { db, file } = openProject({ file: join(tempDir(), 'p.pizhu'), seedsDir: seeds });
  const ctx: CoreContext = { db, file, now: () => new Date(2026, 10, 23, 9, 5, 7) };
  const h = createHandlers(ctx);
  const codes = h['codes-list']({}) as Code[];
  // A sub-code (问题 › 财政压力): the codebook API does not create codes yet, so insert directly.
  const childId = randomUUID();
  db.raw
    .prepare(
      `INSERT INTO codes (id, parent_id, name, color, sort_order, created_at) VALUES (?, ?, '财政压力', '#aa3333', 0, ?)`,
    )
    .run(childId, codes[1]!.id, new Date().toISOString());
  const child = (h['codes-list']({}) as Code[]).find((c) => c.id === childId)!;
  return { h, ctx, docs: h['documents-list']({}) as DocumentSummary[], codes, child };
}

function annotate(
  f: Fixture,
  doc: number,
  code: Code,
  start: number,
  end: number,
  memo?: string,
): Annotation {
  const input = {
    documentId: f.docs[doc]!.id,
    codeId: code.id,
    start,
    end,
    ...(memo === undefined ? {} : { memo }),
  };
  return (f.h['annotations-create'](input) as { annotation: Annotation }).annotation;
}

describe('export-dataset', () => {
  test('CSV: BOM, exact header, CRLF records, RFC 4180 escaping that parses back exactly', () => {
    const f = setup();
    try {
      // Canonical text: the CRLF of the fixture became LF on import.
      const text = [...(f.h['documents-get']({ id: f.docs[0]!.id }) as DocumentDetail).text];
      expect(text.join('')).toBe(TRICKY_TEXT.replace('\r\n', '\n'));
      const inDoc2 = annotate(f, 1, f.codes[0]!, 0, 2);
      const quoted = annotate(f, 0, f.child, 0, 10, TRICKY_MEMO); // 他说:"好,很好"\n
      const spaces = annotate(f, 0, f.codes[2]!, 10, 18); // "  前后空格  "
      const crlfSpan = annotate(f, 0, f.codes[0]!, 18, text.length);
      // Memos of the document and the code travel with each row, in the last two columns.
      void f.h['documents-update-memo']({ id: f.docs[0]!.id, memo: '文档备忘, "引号"\n第二行' });
      void f.h['codes-update']({ id: f.child.id, definition: '财政收支压力' });
      // Set names of the document, in set order, in the last column (quoted like any field).
      for (const name of ['讲话, "甲"', '省份']) {
        const { set } = f.h['sets-create']({ name }) as { set: { id: string } };
        void f.h['sets-add-documents']({ id: set.id, documentIds: [f.docs[0]!.id] });
      }
      const file = f.h['export-dataset']({ format: 'csv' }) as ExportFile;
      expect(file.fileName).toBe('pizhu-dataset-20261123-090507.csv');
      expect(file.mimeType).toMatch(/^text\/csv/);
      expect(file.rowCount).toBe(4);

      const bytes = Buffer.from(file.content, 'utf8');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(file.content.startsWith(`\ufeff${DATASET_COLUMNS.join(',')}\r\n`)).toBe(true);
      expect(file.content.endsWith('\r\n')).toBe(true);

      const records = parseCsvStrict(file.content.slice(1));
      expect(records[0]).toEqual([...DATASET_COLUMNS]);
      const rows = records.slice(1).map((r) => Object.fromEntries(DATASET_COLUMNS.map((c, i) => [c, r[i]])));
      // Document order first, then start, then end.
      expect(rows.map((r) => r.annotation_id)).toEqual([quoted.id, spaces.id, crlfSpan.id, inDoc2.id]);
      expect(rows[0]).toEqual({
        annotation_id: quoted.id,
        document_id: f.docs[0]!.id,
        document_title: '他说:"好,很好"',
        source_file: 'a.txt',
        code: '财政压力',
        code_path: '问题 > 财政压力',
        coder: rows[0]!.coder,
        start: '0',
        end: '10',
        text: '他说:"好,很好"\n',
        memo: TRICKY_MEMO,
        created_at: quoted.createdAt,
        updated_at: quoted.updatedAt,
        document_memo: '文档备忘, "引号"\n第二行',
        code_memo: '财政收支压力',
        document_sets: '讲话, "甲"; 省份',
      });
      expect(DATASET_COLUMNS.slice(-3)).toEqual(['document_memo', 'code_memo', 'document_sets']);
      expect(rows[3]).toMatchObject({ document_memo: '', code_memo: '', document_sets: '' });
      expect(rows[0]!.coder!.length).toBeGreaterThan(0);
      expect(rows[1]!.text).toBe('  前后空格  ');
      expect(rows[2]!.text).toBe(text.slice(18).join(''));
      expect(rows[2]!.text).toContain('=SUM(A1)\n'); // CRLF became LF on import; formula kept verbatim
      expect(rows[3]!.code_path).toBe('成效');

      // Exact bytes of the escaping: quotes doubled, and whitespace-edged fields quoted.
      expect(file.content).toContain(',"他说:""好,很好""",a.txt,');
      expect(file.content).toContain(',"  前后空格  ",');
      expect(file.content).toContain(`,"${TRICKY_MEMO.replaceAll('"', '""')}",`);
    } finally {
      f.ctx.db.close();
    }
  });

  test('CSV quotes a field with a line break even without commas or quotes (document memos)', () => {
    const f = setup();
    try {
      annotate(f, 0, f.codes[0]!, 0, 2, '第一行\n第二行');
      void f.h['documents-update-memo']({ id: f.docs[0]!.id, memo: '甲\r\n乙' });
      const file = f.h['export-dataset']({ format: 'csv' }) as ExportFile;
      expect(file.content).toContain(',"第一行\n第二行",');
      const [header, row] = parseCsvStrict(file.content.slice(1));
      expect(row![header!.indexOf('memo')]).toBe('第一行\n第二行');
      expect(row![header!.indexOf('document_memo')]).toBe('甲\r\n乙');
    } finally {
      f.ctx.db.close();
    }
  });

  test('JSONL: one object per line, keys in column order, numbers as numbers, no BOM', () => {
    const f = setup();
    try {
      const a = annotate(f, 0, f.child, 0, 10, TRICKY_MEMO + '\u2028段');
      annotate(f, 0, f.codes[0]!, 2, 4);
      const file = f.h['export-dataset']({ format: 'jsonl' }) as ExportFile;
      expect(file.fileName).toBe('pizhu-dataset-20261123-090507.jsonl');
      expect(file.content.charCodeAt(0)).toBe('{'.charCodeAt(0));
      expect(file.content).not.toContain('\u2028');
      const lines = file.content.split('\n');
      expect(lines.at(-1)).toBe('');
      const objects = lines.slice(0, -1).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(objects).toHaveLength(2);
      for (const o of objects) expect(Object.keys(o)).toEqual([...DATASET_COLUMNS]);
      expect(objects[0]).toMatchObject({
        annotation_id: a.id,
        code: '财政压力',
        code_path: '问题 > 财政压力',
        start: 0,
        end: 10,
        text: '他说:"好,很好"\n',
        memo: TRICKY_MEMO + '\u2028段',
      });
      expect(typeof objects[1]!.start).toBe('number');
    } finally {
      f.ctx.db.close();
    }
  });

  test('an empty project exports a header-only CSV and an empty JSONL', () => {
    const f = setup();
    try {
      const csv = f.h['export-dataset']({ format: 'csv' }) as ExportFile;
      expect(csv.content).toBe(`\ufeff${DATASET_COLUMNS.join(',')}\r\n`);
      expect(csv.rowCount).toBe(0);
      expect((f.h['export-dataset']({ format: 'jsonl' }) as ExportFile).content).toBe('');
    } finally {
      f.ctx.db.close();
    }
  });

  test('file names use local time, zero-padded', () => {
    expect(datasetFileName(new Date(2027, 0, 2, 3, 4, 5), 'csv')).toBe('pizhu-dataset-20270102-030405.csv');
  });
});
