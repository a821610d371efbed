-- 0014_search_chunks: the search index holds documents in chunks (electron/core/search/chunks.ts,
-- docs/data-model.md "Search").
--
-- One search_docs row per chunk of about 64K code points instead of one per document, so that
-- indexing a large document never normalises it or buffers its FTS5 trigrams all at once (FTS5
-- writes its in-memory buffer out between rows), and a search reads only the chunks it needs.
-- `start` and `length` are the canonical code points the chunk owns; its `norm` is the normalised
-- own part followed by the normalised start of the next chunk (`tail` canonical code points),
-- longer than any needle, so no occurrence across a boundary is missed; `own` is the UTF-16 length
-- of the own part within `norm` (occurrences starting after it belong to the next chunk).
--
-- pizhu_search_chunks(text) is a table-valued JavaScript function that the core registers on every
-- connection (search/sql-functions.ts), like pizhu_normalize before it. The triggers of 0003 and
-- 0013 are recreated over the new table; the deferred build (search_pending) is unchanged.

DROP TRIGGER search_documents_ai;
DROP TRIGGER search_documents_ad;
DROP TRIGGER search_documents_au;
DROP TRIGGER search_docs_ai;
DROP TRIGGER search_docs_ad;
DROP TABLE search_fts;
DROP TABLE search_docs;

CREATE TABLE search_docs (
  id          INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL,
  start       INTEGER NOT NULL,
  length      INTEGER NOT NULL,
  tail        INTEGER NOT NULL,
  own         INTEGER NOT NULL,
  mapped      INTEGER NOT NULL,   -- 1 when NFC changed the chunk: positions map back (chunks.ts)
  norm        TEXT NOT NULL,
  UNIQUE (document_id, start)
) STRICT;

CREATE VIRTUAL TABLE search_fts USING fts5(
  norm,
  content = 'search_docs',
  content_rowid = 'id',
  tokenize = 'trigram case_sensitive 1'
);

-- FTS5 writes its in-memory buffer out as a segment once it holds `hashsize` bytes (checked
-- between rows). The default (1 MB) makes a trigram index of Chinese text, whose vocabulary is
-- large, write and merge many small segments: 2.5–3× the CPU of one pass. 8 MB keeps the buffer
-- small next to a whole large document (~90 MB for 7.8 M characters in one row) and the build
-- about as fast as one row (measured in bench/search.ts). Persistent (stored in search_fts_config).
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 8388608);

CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_fts (rowid, norm) VALUES (new.id, new.norm);
END;

CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  INSERT INTO search_fts (search_fts, rowid, norm) VALUES ('delete', old.id, old.norm);
END;

CREATE TRIGGER search_documents_ai AFTER INSERT ON documents WHEN pizhu_index_now() BEGIN
  INSERT INTO search_docs (document_id, start, length, tail, own, mapped, norm)
  SELECT new.id, start, length, tail, own, mapped, norm FROM pizhu_search_chunks(new.text);
END;

CREATE TRIGGER search_documents_ad AFTER DELETE ON documents BEGIN
  DELETE FROM search_docs WHERE document_id = old.id;
END;

-- The text is immutable (documents_text_immutable), but an id change must follow the document.
CREATE TRIGGER search_documents_au AFTER UPDATE OF id ON documents BEGIN
  UPDATE search_docs SET document_id = new.id WHERE document_id = old.id;
END;

-- Backfill: every indexed document of an existing project, chunked (queued ones stay queued).
INSERT INTO search_docs (document_id, start, length, tail, own, mapped, norm)
SELECT d.id, c.start, c.length, c.tail, c.own, c.mapped, c.norm
FROM documents d, pizhu_search_chunks(d.text) c
WHERE d.id NOT IN (SELECT document_id FROM search_pending);
