/**
 * The annotation memos of `memos-list`, filtered and ordered by SQLite (issue 13): every
 * annotation with a memo whose normalised memo or quote contains the normalised query, in
 * document order (document `sort_order`, then start, end, id). The normalised texts are stored
 * (`memo_norm`, `quote_norm`, migration 0015_memo_search.sql), so only matching rows are read,
 * from one covering index. Rows written since (NULL there) are normalised by the query itself.
 */
import type { MemoEntry } from '../../../shared/domain';
import type { CoreContext } from '../context';
import { compareBinary } from '../db/binary-order';

type Db = CoreContext['db'];

/** Rows left to normalise that make a listing store their normalised texts first. */
const FILL_AT = 256;

/**
 * Stores the normalised memos and quotes written since they were last stored (by any path: the
 * API, undo, an import, another connection), once there are `FILL_AT` of them. Fewer are
 * normalised by the listing's query itself (`coalesce` below), which costs less than a write
 * and its commit before every first listing after an edit. A read-only project never stores.
 */
function fillPending(db: Db): void {
  const pending = db
    .stmt(
      `SELECT count(*) FROM (SELECT 1 FROM annotations INDEXED BY annotations_memo_pending
       WHERE memo <> '' AND memo_norm IS NULL LIMIT ${FILL_AT})`,
    )
    .pluck()
    .get() as number;
  if (pending < FILL_AT) return;
  if (db.raw.readonly || db.raw.pragma('query_only', { simple: true }) === 1) return;
  db.transaction(() =>
    db
      .stmt(
        `UPDATE annotations SET memo_norm = pizhu_normalize(memo), quote_norm = pizhu_normalize(quote)
         WHERE memo <> '' AND memo_norm IS NULL`,
      )
      .run(),
  );
}

const MATCHES = `a.memo <> '' AND (instr(coalesce(a.memo_norm, pizhu_normalize(a.memo)), @q) > 0
  OR instr(coalesce(a.quote_norm, pizhu_normalize(a.quote)), @q) > 0)`;

/**
 * The matching memos as ONE JSON text of rows: better-sqlite3 makes a JavaScript value per column
 * of each row it returns (an array of 6 columns cost 2× the LIKE baseline's 2 for 20,000 rows;
 * issue 13), JSON.parse makes the same values in one native pass. Per row only what differs from
 * row to row: the document as its rowid, the coder as NULL when it is the current coder.
 * SQLite walks the documents in `sort_order` and each one's memos along the covering
 * `annotations_memo_list` (start, end, id): rows come in listing order, which is checked below.
 */
const LIST = `SELECT json_group_array(json_array(d.rowid, a.start_offset, a.end_offset, a.id,
    nullif(a.coder_id, @coder), a.quote, a.memo, a.updated_at))
  FROM documents d INDEXED BY documents_sort CROSS JOIN annotations a INDEXED BY annotations_memo_list
  ON a.document_id = d.id WHERE ${MATCHES}`;

/** [document rowid, start, end, id, coder id or null (the current coder), quote, memo, updated at] */
type Row = [number, number, number, string, string | null, string, string, string];

/** Annotation memo entries matching `normalizedQuery` ('' = all), in document order. */
export function annotationMemos(db: Db, normalizedQuery: string): MemoEntry[] {
  fillPending(db);
  const documents = new Map<number, { id: string; order: number }>();
  for (const [rowid, id, order] of db.stmt('SELECT rowid, id, sort_order FROM documents').raw(true).all() as [
    number,
    string,
    number,
  ][])
    documents.set(rowid, { id, order });
  const coder =
    (db.stmt(`SELECT value FROM settings WHERE key = 'current_coder_id'`).pluck().get() as
      string | undefined) ?? null;
  const json = db.stmt(LIST).pluck().get({ q: normalizedQuery, coder }) as string;
  const rows = JSON.parse(json) as Row[];
  // The listing order: document sort_order, start, end, id (documents sharing a sort_order
  // interleave by offset, as they always have). The walk gives it unless documents share one.
  const compare = (a: Row, b: Row) =>
    (a[0] === b[0] ? 0 : documents.get(a[0])!.order - documents.get(b[0])!.order) ||
    a[1] - b[1] ||
    a[2] - b[2] ||
    compareBinary(a[3], b[3]);
  for (let i = 1; i < rows.length; i++)
    if (compare(rows[i - 1]!, rows[i]!) > 0) {
      rows.sort(compare);
      break;
    }
  const out = new Array<MemoEntry>(rows.length);
  let rowid = -1;
  let documentId = '';
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r[0] !== rowid) documentId = documents.get((rowid = r[0]))!.id;
    out[i] = {
      kind: 'annotation',
      ownerId: r[3],
      ownerLabel: r[5],
      documentId,
      coderId: r[4] ?? coder!,
      text: r[6],
      updatedAt: r[7],
    };
  }
  return out;
}
