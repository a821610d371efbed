-- 0015_memo_search: the memos view's text filter runs in SQLite over stored normalised texts
-- (electron/core/memos/annotation-memos.ts, docs/data-model.md "Memo search"; issue 13).
--
-- `memo_norm` / `quote_norm` hold an annotation's memo and quote normalised as memo search
-- compares them (pizhu_normalize: shared/text/normalize.ts), or NULL: "not normalised yet". The
-- invariant, whichever connection writes: each is NULL or the normalisation of the current text.
-- The triggers below keep it with built-in SQL only (a connection without Pizhu's functions, such
-- as a plain sqlite3 shell, can still write annotations): a changed memo or quote drops both, an
-- insert never brings its own. A listing reads `coalesce(memo_norm, pizhu_normalize(memo))`, so it
-- is right whatever is stored (a read-only project too); once many rows are NULL it stores them
-- first, in one UPDATE over the small index of rows still to do.

ALTER TABLE annotations ADD COLUMN memo_norm TEXT;
ALTER TABLE annotations ADD COLUMN quote_norm TEXT;

-- Existing memos of an older project.
UPDATE annotations SET memo_norm = pizhu_normalize(memo), quote_norm = pizhu_normalize(quote)
WHERE memo <> '';

CREATE TRIGGER annotations_memo_norm_au AFTER UPDATE OF memo, quote ON annotations
WHEN new.memo IS NOT old.memo OR new.quote IS NOT old.quote BEGIN
  UPDATE annotations SET memo_norm = NULL, quote_norm = NULL WHERE rowid = new.rowid;
END;

CREATE TRIGGER annotations_memo_norm_ai AFTER INSERT ON annotations
WHEN new.memo_norm IS NOT NULL OR new.quote_norm IS NOT NULL BEGIN
  UPDATE annotations SET memo_norm = NULL, quote_norm = NULL WHERE rowid = new.rowid;
END;

-- The memo listing in document order: one walk per document, already ordered (id breaks ties),
-- covering every column an entry and the filter need, so listing 20,000 memos never touches the
-- table. Only annotations with a memo.
CREATE INDEX annotations_memo_list ON annotations
  (document_id, start_offset, end_offset, id, coder_id, updated_at, memo, quote, memo_norm, quote_norm)
  WHERE memo <> '';

-- The rows still to normalise (usually none).
CREATE INDEX annotations_memo_pending ON annotations (id) WHERE memo <> '' AND memo_norm IS NULL;
