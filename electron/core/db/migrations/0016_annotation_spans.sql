-- 0016_annotation_spans: a document's annotations in view order, read from one index
-- (`annotations-spans`, electron/core/annotations/rows.ts `listSpans`; docs/data-model.md; issue 13).
--
-- Opening a document lists all its annotations without quotes, ordered by start, end, creation
-- time and id. 0001's annotations_document (document_id, start_offset, end_offset) found them but
-- left SQLite a lookup of every table row (quote included) and a sort of the ties: 50–70 ms for
-- 10,000 annotations, served while the renderer builds the text. This index holds every column
-- the listing returns, in its order: ~10 ms, no sort. It starts with the same three columns, so it
-- replaces annotations_document for every query that used it (the index count stays the same).

DROP INDEX annotations_document;

CREATE INDEX annotations_spans ON annotations
  (document_id, start_offset, end_offset, created_at, id, code_id, coder_id, updated_at, memo);
