-- 0017_search_grams: the search index holds each chunk's bigram buckets instead of its trigrams
-- with positions (electron/core/search/grams.ts, docs/data-model.md "Search").
--
-- search_fts (0014) indexed every chunk with FTS5's trigram tokenizer and full position lists.
-- Its build cost grows with the number of distinct terms, which varied Chinese text has in the
-- millions: 5–9 s for 8 M characters. search_grams indexes the set of a chunk's adjacent code-unit
-- pairs, hashed into 131,072 buckets and written as words of three CJK ideographs by
-- pizhu_search_grams(norm) (a JavaScript function registered on every connection,
-- search/sql-functions.ts); FTS5 keeps only which chunks hold each word (detail=none). It is
-- contentless: the words are derived, and search-run reads the text from search_docs.norm.
-- contentless_delete lets the delete trigger remove a chunk by its rowid.
--
-- The chunks (search_docs), the queue (search_pending) and the triggers on documents are
-- unchanged; the triggers on search_docs now keep search_grams in step.

DROP TRIGGER search_docs_ai;
DROP TRIGGER search_docs_ad;
DROP TABLE search_fts;

CREATE VIRTUAL TABLE search_grams USING fts5(
  grams,
  content = '',
  contentless_delete = 1,
  tokenize = 'ascii',
  detail = none
);

-- FTS5 writes its in-memory buffer out as a segment once it holds `hashsize` bytes. With at most
-- 131,072 words the buffer rarely fills; 8 MB, as before, keeps it bounded. Persistent.
INSERT INTO search_grams (search_grams, rank) VALUES ('hashsize', 8388608);

-- A row fed by the chunk worker of a large build comes with its words (pizhu_feed_grams, computed
-- on the worker's thread); COALESCE evaluates pizhu_search_grams(new.norm) only without them.
CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
  INSERT INTO search_grams (rowid, grams) VALUES (
    new.id,
    COALESCE(CAST(pizhu_feed_grams(new.document_id, new.start) AS TEXT), pizhu_search_grams(new.norm))
  );
END;

CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
  DELETE FROM search_grams WHERE rowid = old.id;
END;

-- Every chunk of an existing project (queued documents have none yet and stay queued).
INSERT INTO search_grams (rowid, grams) SELECT id, pizhu_search_grams(norm) FROM search_docs ORDER BY id;
