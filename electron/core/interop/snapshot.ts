/**
 * Reads a Pizhu project database into a `ProjectModel`: the open project (for the REFI-QDA
 * writer) or another project file attached to the same connection under a schema name (for
 * merging offline work). Tolerates older schemas: tables or columns added by later migrations
 * are read as empty when absent.
 */
import { compareBinary } from '../db/binary-order';
import type { Db } from '../db/database';
import { emptyModel, type ModelAttribute, type ProjectModel } from './model';

/** A column value as text ('' for NULL). */
function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
}

function tableColumns(db: Db, schema: string, table: string): Set<string> {
  const rows = db.raw.prepare(`PRAGMA "${schema}".table_info("${table}")`).all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

function col(columns: Set<string>, name: string, fallback = "''"): string {
  return columns.has(name) ? name : `${fallback} AS ${name}`;
}

/** As selected: rowid, document, code, coder, start, end, memo, created, id. */
type AnnotationRow = [number, string, string, string, number, number, string, string, string];

const ANNOTATION_ORDER = 'document_id, start_offset, end_offset, created_at, id';

/**
 * Annotations ordered by document, start, end, creation time and id (the order the REFI-QDA
 * writer numbers them in, so it must not change). Read as one scan of the table, put in the
 * order of the covering index `annotations_document_order` (document, start, end, id), and
 * each run of equal positions re-sorted by creation time: an ORDER BY with creation time walks
 * the index and looks every row up in the table, twice as slow for 100,000 annotations.
 */
function annotationsInOrder(db: Db, schema: string): ProjectModel['annotations'] {
  const s = `"${schema}"`;
  const columns = 'rowid, document_id, code_id, coder_id, start_offset, end_offset, memo, created_at, id';
  const hasIndex = db.raw
    .prepare(`SELECT 1 FROM ${s}.sqlite_master WHERE type = 'index' AND name = 'annotations_document_order'`)
    .get();
  let rows: AnnotationRow[];
  if (!hasIndex) {
    rows = db.raw
      .prepare(`SELECT ${columns} FROM ${s}.annotations ORDER BY ${ANNOTATION_ORDER}`)
      .raw(true)
      .all() as AnnotationRow[];
  } else {
    const order = db.raw
      .prepare(
        `SELECT rowid FROM ${s}.annotations INDEXED BY annotations_document_order
         ORDER BY document_id, start_offset, end_offset, id`,
      )
      .pluck(true)
      .all() as number[];
    const place = new Map<number, number>();
    order.forEach((rowid, i) => place.set(rowid, i));
    rows = new Array<AnnotationRow>(order.length);
    const scanned = db.raw
      .prepare(`SELECT ${columns} FROM ${s}.annotations`)
      .raw(true)
      .all() as AnnotationRow[];
    for (const row of scanned) rows[place.get(row[0])!] = row;
    const samePlace = (a: AnnotationRow, b: AnnotationRow) => a[1] === b[1] && a[4] === b[4] && a[5] === b[5];
    for (let i = 0; i < rows.length;) {
      let j = i + 1;
      while (j < rows.length && samePlace(rows[i]!, rows[j]!)) j++;
      if (j - i > 1) {
        const run = rows.slice(i, j).sort((a, b) => compareBinary(a[7], b[7]) || compareBinary(a[8], b[8]));
        for (let k = i; k < j; k++) rows[k] = run[k - i]!;
      }
      i = j;
    }
  }
  return rows.map(([, documentKey, codeKey, coderKey, start, end, memo, createdAt]) => ({
    documentKey,
    codeKey,
    coderKey,
    start,
    end,
    memo,
    createdAt,
  }));
}

export function snapshotProject(db: Db, schema = 'main', name = ''): ProjectModel {
  const model = emptyModel('pizhu', 'Pizhu', name);
  const q = (sql: string) => db.raw.prepare(sql).all() as Record<string, unknown>[];
  const s = `"${schema}"`;

  const coders = q(`SELECT id, name, color FROM ${s}.coders ORDER BY created_at, name`);
  model.coders = coders.map((r) => ({ key: str(r.id), name: str(r.name), color: str(r.color) }));

  const codeCols = tableColumns(db, schema, 'codes');
  const codes = q(
    `SELECT id, parent_id, name, color, description, ${col(codeCols, 'definition')}, ${col(codeCols, 'inclusion')},
            ${col(codeCols, 'exclusion')}, ${col(codeCols, 'example')}
     FROM ${s}.codes ORDER BY sort_order, name`,
  );
  // Parents before children: walk the tree from the roots in sibling order.
  const byParent = new Map<string | null, Record<string, unknown>[]>();
  for (const c of codes) {
    const p = (c.parent_id as string | null) ?? null;
    const list = byParent.get(p);
    if (list) list.push(c);
    else byParent.set(p, [c]);
  }
  const walk = (parent: string | null) => {
    for (const c of byParent.get(parent) ?? []) {
      model.codes.push({
        key: str(c.id),
        parentKey: parent,
        name: str(c.name),
        color: str(c.color),
        description: str(c.description, ''),
        definition: str(c.definition, ''),
        inclusion: str(c.inclusion, ''),
        exclusion: str(c.exclusion, ''),
        example: str(c.example, ''),
      });
      walk(str(c.id));
    }
  };
  walk(null);

  const docCols = tableColumns(db, schema, 'documents');
  const docs = q(
    `SELECT id, title, source_file, text, sha256, encoding, cleaning, ${col(docCols, 'memo')},
            ${col(docCols, 'source_format', "'txt'")}
     FROM ${s}.documents ORDER BY sort_order`,
  );
  model.documents = docs.map((d) => ({
    key: str(d.id),
    title: str(d.title),
    text: str(d.text),
    sourceFile: (d.source_file as string | null) ?? null,
    memo: str(d.memo, ''),
    encoding: str(d.encoding),
    cleaning: JSON.parse(str(d.cleaning, '[]')) as string[],
    sourceFormat: str(d.source_format, 'txt'),
    sha256: str(d.sha256),
  }));

  model.annotations = annotationsInOrder(db, schema);

  const tables = new Set(
    (q(`SELECT name FROM ${s}.sqlite_master WHERE type = 'table'`) as { name: string }[]).map((r) => r.name),
  );
  if (tables.has('attributes')) {
    model.attributes = q(`SELECT id, name, type, choices FROM ${s}.attributes ORDER BY sort_order`).map(
      (a): ModelAttribute => ({
        key: str(a.id),
        name: str(a.name),
        type: a.type as ModelAttribute['type'],
        choices: JSON.parse(str(a.choices, '[]')) as string[],
      }),
    );
    model.values = q(`SELECT document_id, attribute_id, value FROM ${s}.document_attributes`).map((v) => [
      str(v.document_id),
      str(v.attribute_id),
      str(v.value),
    ]);
  }
  if (tables.has('document_sets')) {
    const members = q(
      `SELECT m.set_id, m.document_id FROM ${s}.document_set_members m
       JOIN ${s}.documents d ON d.id = m.document_id ORDER BY d.sort_order`,
    );
    model.sets = q(`SELECT id, name, color FROM ${s}.document_sets ORDER BY sort_order`).map((x) => ({
      key: str(x.id),
      name: str(x.name),
      color: (x.color as string | null) ?? null,
      description: '',
      documentKeys: members.filter((m) => m.set_id === x.id).map((m) => str(m.document_id)),
    }));
  }
  if (tables.has('memos')) {
    const memo = q(`SELECT text FROM ${s}.memos WHERE id = 'project'`)[0];
    model.projectMemo = memo ? String(memo.text) : '';
  }
  return model;
}
