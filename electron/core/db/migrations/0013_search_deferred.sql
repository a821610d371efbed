-- 0013_search_deferred: the search index can be built after a bulk import, in one pass, and the
-- duplicate check of an import uses indexes only
-- (electron/core/search/index-build.ts, docs/data-model.md "Search").
--
-- A single edit (one import, a split, undo/redo, a tool inserting one row) still indexes at once
-- through the triggers of 0003. During a bulk import the core switches its connection to deferred
-- mode (pizhu_index_now() returns 0, a per-connection flag registered in search/sql-functions.ts):
-- a new document is then only queued in search_pending, neither normalised nor added to FTS5 row
-- by row; one INSERT … SELECT per slice indexes the queue afterwards, with progress. Every search
-- builds what is still queued first, so results never miss a document.

CREATE TABLE search_pending (
  document_id TEXT PRIMARY KEY NOT NULL   -- documents.id not yet in search_docs / search_fts
) STRICT;

DROP TRIGGER search_documents_ai;

CREATE TRIGGER search_documents_ai AFTER INSERT ON documents WHEN pizhu_index_now() BEGIN
  INSERT INTO search_docs (document_id, norm) VALUES (new.id, pizhu_normalize(new.text));
END;

CREATE TRIGGER search_documents_ai_deferred AFTER INSERT ON documents WHEN NOT pizhu_index_now() BEGIN
  INSERT INTO search_pending (document_id) VALUES (new.id);
END;

CREATE TRIGGER search_documents_ad_pending AFTER DELETE ON documents BEGIN
  DELETE FROM search_pending WHERE document_id = old.id;
END;

CREATE TRIGGER search_documents_au_pending AFTER UPDATE OF id ON documents BEGIN
  UPDATE search_pending SET document_id = new.id WHERE document_id = old.id;
END;

-- The import's duplicate check (import/prepare.ts) also looks for parts split from the same text
-- (split_from.textSha256): with this index it is two index lookups, not a scan of every document
-- per imported file (quadratic over a bulk import).
CREATE INDEX documents_split_from_text ON documents (json_extract(split_from, '$.textSha256'))
WHERE split_from IS NOT NULL;
