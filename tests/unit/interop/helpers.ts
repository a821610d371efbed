/**
 * Helpers for the exchange tests: fresh projects in a temporary folder, a coded sample project
 * (seeds, sub-codes, two coders, memos, attributes, sets, a document with characters outside the
 * BMP), and reading a project back as plain rows to compare two projects.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import type { Annotation, Code, DocumentSummary } from '../../../shared/domain';
import type { InteropReport } from '../../../shared/contracts/interop';
import { openCore, type Core } from '../../../electron/core/index';
import { SEEDS_DIR, tempDir } from '../core/helpers';

export { tempDir, SEEDS_DIR };
export const REFI_DIR = resolve(import.meta.dirname, '../../fixtures/refi');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(REFI_DIR, name)));
}

export function emptyProject(name = 'p.pizhu'): Core {
  return openCore({ file: join(tempDir(), name), empty: true });
}

export async function importBytes(
  core: Core,
  fileName: string,
  bytes: Uint8Array,
  codeMap?: Record<string, string>,
): Promise<InteropReport> {
  const r = (await core.dispatch('interop-import', {
    fileName,
    contentBase64: Buffer.from(bytes).toString('base64'),
    ...(codeMap ? { codeMap } : {}),
  })) as { report: InteropReport };
  return r.report;
}

export const ASTRAL_TEXT =
  '𠀋𪚥村的调研报告\n一、存在的问题\n基层财政压力大，𠀋𪚥两村尤甚。\n二、建议\n=SUM(A1) 增加转移支付。\n';

/** A coded project: the seeds plus an astral document, codes, two coders, memos, attributes, a set. */
export async function codedProject(file = join(tempDir(), 'coded.pizhu')): Promise<Core> {
  const core = openCore({ file, seedsDir: SEEDS_DIR });
  const d = (m: string, input: unknown) => core.dispatch(m, input);
  await d('import-commit', {
    fileName: 'astral.txt',
    contentBase64: Buffer.from(ASTRAL_TEXT).toString('base64'),
  });
  const codes = (await d('codes-list', {})) as Code[];
  const problem = codes.find((c) => c.name === '问题')!;
  const sub = ((await d('codes-create', { name: '财政压力', parentId: problem.id })) as { code: Code }).code;
  await d('codes-update', { id: sub.id, definition: '基层财政收支紧张' });
  const docs = (await d('documents-list', {})) as DocumentSummary[];
  // A second coder, written directly (the coders feature owns their API).
  const other = randomUUID();
  const coderDb = openCoreDb(core);
  coderDb
    .prepare('INSERT INTO coders (id, name, color, created_at) VALUES (?, ?, ?, ?)')
    .run(other, '第二编码员', '#805ad5', new Date().toISOString());
  const astral = docs.find((x) => x.sourceFile === 'astral.txt')!;
  const make = async (doc: string, code: string, start: number, end: number, memo?: string) =>
    (
      (await d('annotations-create', {
        documentId: doc,
        codeId: code,
        start,
        end,
        ...(memo ? { memo } : {}),
      })) as {
        annotation: Annotation;
      }
    ).annotation;
  await make(astral.id, problem.id, 0, 3, '𠀋𪚥 memo');
  await make(astral.id, sub.id, 17, 31);
  await make(astral.id, codes.find((c) => c.name === '建议')!.id, 38, 55);
  for (const [i, doc] of docs.filter((x) => x !== astral).entries()) {
    await make(doc.id, codes[i % codes.length]!.id, 10, 40 + i);
    await make(doc.id, sub.id, 50, 90, i === 0 ? 'memo with "quotes"' : undefined);
  }
  const extra = await make(docs[0]!.id, problem.id, 100, 130);
  coderDb.prepare('UPDATE annotations SET coder_id = ? WHERE id = ?').run(other, extra.id);
  await d('documents-update-memo', { id: astral.id, memo: '调研备忘 𪚥' });
  await d('memos-update-project', { memo: 'Project memo 项目备忘' });
  const region = (await d('attributes-create', { name: '地区', type: 'text' })) as {
    attribute: { id: string };
  };
  const year = (await d('attributes-create', { name: '年份', type: 'number' })) as {
    attribute: { id: string };
  };
  await d('attributes-set', {
    attributeId: region.attribute.id,
    documentIds: [astral.id, docs[0]!.id],
    value: '河南',
  });
  await d('attributes-set', { attributeId: year.attribute.id, documentIds: [astral.id], value: '2019' });
  const set = (await d('sets-create', { name: '调研报告' })) as { set: { id: string } };
  await d('sets-add-documents', { id: set.set.id, documentIds: [astral.id, docs[1]!.id] });
  return core;
}

const connections = new Map<string, Database.Database>();
afterEach(() => {
  for (const c of connections.values()) c.close();
  connections.clear();
});

/** A second connection to a core's file (tests only: to add a coder before the coders feature exists, and to read rows). */
export function openCoreDb(core: Core): Database.Database {
  let c = connections.get(core.file);
  if (!c) {
    c = new Database(core.file);
    c.pragma('busy_timeout = 5000');
    connections.set(core.file, c);
  }
  return c;
}

/** Closes the test connection and the core, so the write-ahead log is folded into the file. */
export function closeProject(core: Core): void {
  connections.get(core.file)?.close();
  connections.delete(core.file);
  core.close();
}

/** Everything that must survive an exchange, as comparable plain values (ids replaced by names). */
export function projectContent(core: Core) {
  const db = openCoreDb(core);
  const docs = db.prepare('SELECT id, title, text, memo FROM documents ORDER BY sort_order').all() as {
    id: string;
    title: string;
    text: string;
    memo: string;
  }[];
  const codes = db.prepare('SELECT id, parent_id, name, color, definition FROM codes').all() as {
    id: string;
    parent_id: string | null;
    name: string;
    color: string;
    definition: string;
  }[];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (id: string): string => {
    const c = byId.get(id)!;
    return c.parent_id ? `${path(c.parent_id)} > ${c.name}` : c.name;
  };
  const titleOf = new Map(docs.map((d) => [d.id, d.text.slice(0, 40)]));
  const annotations = (
    db
      .prepare(
        `SELECT a.document_id, a.code_id, c.name AS coder, a.start_offset, a.end_offset, a.quote, a.memo
         FROM annotations a JOIN coders c ON c.id = a.coder_id`,
      )
      .all() as {
      document_id: string;
      code_id: string;
      coder: string;
      start_offset: number;
      end_offset: number;
      quote: string;
      memo: string;
    }[]
  )
    .map(
      (a) =>
        `${titleOf.get(a.document_id)}|${path(a.code_id)}|${a.coder}|${a.start_offset}|${a.end_offset}|${a.quote}|${a.memo}`,
    )
    .sort();
  const values = (
    db
      .prepare(
        `SELECT d.text AS text, a.name, v.value FROM document_attributes v
         JOIN documents d ON d.id = v.document_id JOIN attributes a ON a.id = v.attribute_id`,
      )
      .all() as { text: string; name: string; value: string }[]
  )
    .map((v) => `${v.text.slice(0, 40)}|${v.name}|${v.value}`)
    .sort();
  const sets = (
    db
      .prepare(
        `SELECT s.name, d.text FROM document_set_members m JOIN document_sets s ON s.id = m.set_id
         JOIN documents d ON d.id = m.document_id`,
      )
      .all() as { name: string; text: string }[]
  )
    .map((s) => `${s.name}|${s.text.slice(0, 40)}`)
    .sort();
  const coders = (
    db.prepare('SELECT DISTINCT c.name FROM annotations a JOIN coders c ON c.id = a.coder_id').all() as {
      name: string;
    }[]
  )
    .map((c) => c.name)
    .sort();
  const projectMemo =
    (db.prepare("SELECT text FROM memos WHERE id = 'project'").get() as { text: string } | undefined)?.text ??
    '';
  return {
    documents: docs.map((d) => ({ title: d.title, text: d.text, memo: d.memo })),
    codes: codes.map((c) => `${path(c.id)}|${c.color}|${c.definition}`).sort(),
    coders,
    annotations,
    values,
    sets,
    projectMemo,
  };
}
