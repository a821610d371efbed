// Annotated export (export-annotated): DOCX comments anchored to exactly each annotation's
// characters (overlaps, astral characters, several lines, script views) and self-contained HTML.
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Annotation, Code, DocumentSummary, ExportFile } from '../../../shared/domain';
import type { ApiHandlers } from '../../../shared/api';
import { openProject } from '../../../electron/core/project/open';
import { createHandlers } from '../../../electron/core/api/handlers';
import type { CoreContext } from '../../../electron/core/context';
import { loadConverter } from '../../../shared/text/script-convert';
import { expectCode, tempDir, textFolder } from '../core/helpers';
import { readDocx, readHtml } from './read-back';

// Astral characters (𠀋 𪚥) before, inside and at the edges of annotations; a line break inside one.
const TEXT_A =
  '一、工作成效\n𠀋县财政收入增长𪚥，发展势头良好。\n\n二、存在的问题\n财政压力较大，<放权>不到位 & "审批" 慢。\n三、政策建议\n进一步扩权强县𠀋。';
const TEXT_B = '第二个文件：问题与对策。\n县级财政困难。';

interface Fixture {
  h: ApiHandlers;
  docs: DocumentSummary[];
  codes: Code[];
  child: Code;
  anns: Annotation[];
}

function cpIndex(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not in text`);
  return [...text.slice(0, at)].length;
}

function setup(): Fixture {
  const seeds = textFolder({ 'a.txt': TEXT_A, 'b.txt': TEXT_B });
  const { db, file } = openProject({ file: join(tempDir(), 'p.pizhu'), seedsDir: seeds });
  const ctx: CoreContext = { db, file, now: () => new Date(2026, 10, 26, 14, 5, 7) };
  const h = createHandlers(ctx);
  const codes = h['codes-list']({}) as Code[];
  const childId = randomUUID();
  db.raw
    .prepare(
      `INSERT INTO codes (id, parent_id, name, color, sort_order, created_at) VALUES (?, ?, '财政压力', '#aa3333', 0, ?)`,
    )
    .run(childId, codes[1]!.id, new Date().toISOString());
  const child = (h['codes-list']({}) as Code[]).find((c) => c.id === childId)!;
  const docs = h['documents-list']({}) as DocumentSummary[];
  const a = docs.find((d) => d.sourceFile === 'a.txt')!;
  const b = docs.find((d) => d.sourceFile === 'b.txt')!;
  const anns: Annotation[] = [];
  const add = (doc: DocumentSummary, code: Code, start: number, end: number, memo?: string) =>
    anns.push(
      (
        h['annotations-create']({
          documentId: doc.id,
          codeId: code.id,
          start,
          end,
          ...(memo === undefined ? {} : { memo }),
        }) as { annotation: Annotation }
      ).annotation,
    );
  const s1 = cpIndex(TEXT_A, '𠀋县');
  add(a, codes[0]!, s1, cpIndex(TEXT_A, '，发展'), '收入 & 增长 <强>\n第二行');
  // Overlaps the first (starts inside it, ends later) and spans the blank line and a heading.
  add(a, codes[2]!, cpIndex(TEXT_A, '增长'), cpIndex(TEXT_A, '二、存在') + 3);
  // Nested inside both.
  add(a, child, cpIndex(TEXT_A, '收入'), cpIndex(TEXT_A, '收入') + 2);
  // Same start as another, ends at the text's end (astral last character).
  add(a, codes[1]!, cpIndex(TEXT_A, '财政压力'), [...TEXT_A].length, '');
  add(a, codes[2]!, cpIndex(TEXT_A, '财政压力'), cpIndex(TEXT_A, '财政压力') + 4, '同起点');
  add(a, codes[1]!, cpIndex(TEXT_A, '<放权>'), cpIndex(TEXT_A, ' 慢'), 'XML 特殊字符');
  add(b, codes[1]!, cpIndex(TEXT_B, '县级'), cpIndex(TEXT_B, '困难') + 2);
  return { h, docs: [a, b], codes, child, anns };
}

async function exportFile(f: Fixture, input: Record<string, unknown>): Promise<ExportFile> {
  // Handlers receive parsed input: the contract's defaults are filled in here.
  return await f.h['export-annotated']({
    script: 'original',
    locale: 'zh-CN',
    ...input,
  } as never);
}

describe('export-annotated: DOCX', () => {
  test('every annotation is one comment anchored to exactly its quote, overlaps and astral characters included', async () => {
    const f = setup();
    const file = await exportFile(f, { format: 'docx', documentIds: f.docs.map((d) => d.id) });
    expect(file.encoding).toBe('base64');
    expect(file.mimeType).toContain('wordprocessingml');
    expect(file.rowCount).toBe(f.anns.length);
    expect(file.fileName).toBe('pizhu-annotated-20261126-140507.docx');
    const back = readDocx(Buffer.from(file.content, 'base64'));
    expect(back.files).toContain('word/comments.xml');
    expect(back.ranges.size).toBe(f.anns.length);
    expect(back.comments.size).toBe(f.anns.length);
    // The body holds both documents' texts, line by line.
    expect(back.text).toContain(TEXT_A);
    expect(back.text).toContain(TEXT_B);
    const quotes = [...back.ranges.values()].map(([s, e]) => back.text.slice(s, e)).sort();
    expect(quotes).toEqual(f.anns.map((a) => a.text).sort());
    // Each comment: its anchored text, code path, coder and memo belong to the same annotation.
    for (const [id, [s, e]] of back.ranges) {
      const quote = back.text.slice(s, e);
      const comment = back.comments.get(id)!;
      const ann = f.anns.find((a) => a.text === quote && comment.text.includes(a.memo.split('\n')[0]!))!;
      expect(ann).toBeDefined();
      const code = [...f.codes, f.child].find((c) => c.id === ann.codeId)!;
      const path = code.id === f.child.id ? '问题 > 财政压力' : code.name;
      expect(comment.text.split('\n')[0]).toBe(path);
      expect(comment.text).toContain(comment.author);
      if (ann.memo !== '') expect(comment.text).toContain(ann.memo);
    }
    // Code colours as run shading: 成效 green tint, and an averaged tint where they overlap.
    expect(back.fills.size).toBeGreaterThan(4);
  });

  test('in the Traditional view the comments anchor the converted characters at the same places', async () => {
    const f = setup();
    const file = await exportFile(f, { format: 'docx', documentIds: [f.docs[0]!.id], script: 'traditional' });
    const back = readDocx(Buffer.from(file.content, 'base64'));
    const converted = (await loadConverter('tw')).convert(TEXT_A);
    expect(back.text).toContain(converted.text);
    expect(converted.text).toContain('財政壓力');
    const cps = [...converted.text];
    const expected = f.anns
      .filter((a) => a.documentId === f.docs[0]!.id)
      .map((a) => {
        const r = converted.map.rangeToDisplay({ start: a.start, end: a.end });
        return cps.slice(r.start, r.end).join('');
      })
      .sort();
    const quotes = [...back.ranges.values()].map(([s, e]) => back.text.slice(s, e)).sort();
    expect(quotes).toEqual(expected);
  });

  test('a set exports its documents; bad input changes nothing and names the problem', async () => {
    const f = setup();
    const { set } = f.h['sets-create']({ name: '讲话' }) as { set: { id: string } };
    void f.h['sets-add-documents']({ id: set.id, documentIds: [f.docs[1]!.id] });
    const file = await exportFile(f, { format: 'html', setId: set.id });
    const docs = readHtml(file.content);
    expect(docs.map((d) => d.documentId)).toEqual([f.docs[1]!.id]);
    await expectCode(() => exportFile(f, { format: 'docx', setId: 'nope' }), 'set-not-found');
    await expectCode(() => exportFile(f, { format: 'docx', documentIds: ['nope'] }), 'document-not-found');
    await expectCode(() => exportFile(f, { format: 'docx' }), 'invalid-input');
  });
});

describe('export-annotated: HTML', () => {
  test('one self-contained file: the text, every annotation highlighted on exactly its quote, its note in the margin', async () => {
    const f = setup();
    const file = await exportFile(f, { format: 'html', documentIds: f.docs.map((d) => d.id), locale: 'en' });
    const html = file.content;
    expect(file.fileName).toBe('pizhu-annotated-20261126-140507.html');
    // Nothing to fetch: no script, no link, no src, no url(); a CSP forbids it anyway.
    expect(html).not.toMatch(/<script|<link|\ssrc=|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('@media print');
    expect(html).toContain('<h2>Codes</h2>');
    const docs = readHtml(html);
    expect(docs.map((d) => d.text)).toEqual([TEXT_A, TEXT_B]);
    const notes = [...html.matchAll(/<div class="note" id="n(\d+)" data-id="([^"]+)"/g)];
    expect(notes.length).toBe(f.anns.length);
    for (const ann of f.anns) {
      const note = notes.find((n) => n[2] === ann.id)!;
      expect(note).toBeDefined();
      const n = Number(note[1]);
      const doc = docs.find((d) => d.documentId === ann.documentId)!;
      const [s, e] = doc.ranges.get(n)!;
      expect(doc.text.slice(s, e)).toBe(ann.text);
      // Every character of the quote except line breaks is highlighted with this number.
      expect(doc.covered.get(n)).toBe([...ann.text.replace(/\n/g, '')].length);
      if (ann.memo)
        expect(html).toContain(ann.memo.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    }
    // Overlapping runs are marked.
    expect(html).toContain('class="h ov"');
  });

  test('the Simplified view of a Traditional text keeps highlights on the converted characters', async () => {
    const seeds = textFolder({ 't.txt': '二、存在的問題\n財政壓力較大，發展𠀋不平衡。' });
    const { db, file } = openProject({ file: join(tempDir(), 'p.pizhu'), seedsDir: seeds });
    const h = createHandlers({ db, file, now: () => new Date() });
    const doc = (h['documents-list']({}) as DocumentSummary[])[0]!;
    const code = (h['codes-list']({}) as Code[])[1]!;
    const text = '二、存在的問題\n財政壓力較大，發展𠀋不平衡。';
    void h['annotations-create']({
      documentId: doc.id,
      codeId: code.id,
      start: cpIndex(text, '財政'),
      end: cpIndex(text, '不平衡'),
    });
    const out = await h['export-annotated']({
      format: 'html',
      documentIds: [doc.id],
      script: 'simplified',
      locale: 'zh-CN',
    });
    const [back] = readHtml(out.content);
    expect(back!.text).toBe('二、存在的问题\n财政压力较大，发展𠀋不平衡。');
    const [s, e] = back!.ranges.get(1)!;
    expect(back!.text.slice(s, e)).toBe('财政压力较大，发展𠀋');
    expect(out.content).toContain('lang="zh-Hans"');
  });
});
