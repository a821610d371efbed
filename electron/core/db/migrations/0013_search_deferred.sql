-- 0013_search_deferred: the search index can be built after a bulk import, in one pass, and the
-- duplicate check of an import uses indexes only
-- (electron/core/search/index-build.ts, docs/data-model.md "Search").
--
-- A single edit (one import, a split, undo/redo, a tool inserting one row) still indexes at once
-- through the triggers. During a bulk import the core switches its connection to deferred mode
-- (pizhu_index_now() returns 0, a per-connection flag registered in search/sql-functions.ts):
-- new search_docs rows are then queued in search_pending instead of going into search_fts row by
-- row, and one INSERT … SELECT adds the queue to the FTS5 index afterwards, with progress. Every
-- search builds what is still queued first, so results never miss a document.

CREATE TABLE search_pending (
  id INTEGER PRIMARY KEY   -- search_docs.id not yet in search_fts
) STRICT;

DROP TRIGGER search_docs_ai;

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs WHEN pizhu_index_now() BEGIN
  INSERT INTO search_fts (rowid, norm) VALUES (new.id, new.norm);
END;

CREATE TRIGGER search_docs_ai_deferred AFTER INSERT ON search_docs WHEN NOT pizhu_index_now() BEGIN
  INSERT INTO search_pending (id) VALUES (new.id);
END;

DROP TRIGGER search_docs_ad;

-- A row still queued was never added to search_fts: drop it from the queue, not from the index.
-- One trigger, statements in this order (two triggers would run in an unspecified order).
CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, norm)
  SELECT 'delete', old.id, old.norm WHERE NOT EXISTS (SELECT 1 FROM search_pending WHERE id = old.id);
  DELETE FROM search_pending WHERE id = old.id;
END;

-- The import's duplicate check (import/prepare.ts) also looks for parts split from the same text
-- (split_from.textSha256): with this index it is two index lookups, not a scan of every document
-- per imported file (quadratic over a bulk import).
CREATE INDEX documents_split_from_text ON documents (json_extract(split_from, '$.textSha256'))
WHERE split_from IS NOT NULL;
