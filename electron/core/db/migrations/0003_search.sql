-- 0003_search: the full-text search index (electron/core/search, docs/data-model.md "Search").
--
-- search_docs holds a NORMALISED copy of each document's canonical text (Traditional →
-- Simplified, full-width → half-width, ASCII lower-case; shared/text/normalize.ts). Normalising
-- maps every code point to one code point, so offsets in `norm` are offsets in documents.text.
-- `id` is an explicit INTEGER PRIMARY KEY because FTS5 refers to rows by rowid, and VACUUM may
-- renumber the implicit rowids of `documents`.
--
-- search_fts is an external-content FTS5 table over search_docs.norm with the trigram tokenizer
-- (substring search without word segmentation; queries of 3+ characters). Queries of 1–2
-- characters use instr() over search_docs.norm instead (measured in bench/search.ts).
--
-- Triggers keep both correct whatever inserts or deletes documents (import, split, delete, undo,
-- redo): they call pizhu_normalize(), a JavaScript function that the core registers on every
-- connection it opens (electron/core/db/database.ts), before migrations run, so the backfill
-- below can call it too. A tool that writes documents without Pizhu's function fails loudly
-- ("no such function") instead of leaving the index stale.

CREATE TABLE search_docs (
  id          INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL UNIQUE,
  norm        TEXT NOT NULL
) STRICT;

CREATE VIRTUAL TABLE search_fts USING fts5(
  norm,
  content = 'search_docs',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 1'
);

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_fts (rowid, norm) VALUES (new.id, new.norm);
END;

CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
END;

CREATE TRIGGER search_documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO search_docs (document_id, norm) VALUES (new.id, pizhu_normalize(new.text));
END;

CREATE TRIGGER search_documents_ad AFTER DELETE ON documents BEGIN
  DELETE FROM search_docs WHERE document_id = old.id;
END;

-- The text is immutable (documents_text_immutable), but an id change must follow the document.
CREATE TRIGGER search_documents_au AFTER UPDATE OF id ON documents BEGIN
  UPDATE search_docs SET document_id = new.id WHERE document_id = old.id;
END;

-- Backfill: documents imported before this migration.
INSERT INTO search_docs (document_id, norm)
SELECT id, pizhu_normalize(text) FROM documents ORDER BY sort_order;
