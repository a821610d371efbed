-- 0005_segment_indexes: indexes for coded segments and analysis (issue 6), so that 100,000
-- annotations list, sort and aggregate as index walks instead of table scans plus sorts.
-- Listing in document order: one walk per document, already ordered (id breaks ties); covering
-- code and coder too, so per-document analyses (coverage, co-occurrence) never touch the table.
CREATE INDEX annotations_document_order ON annotations (document_id, start_offset, end_offset, id, code_id, coder_id);
-- Sorting by creation time or by length.
CREATE INDEX annotations_created ON annotations (created_at, id);
CREATE INDEX annotations_length ON annotations ((end_offset - start_offset), id);
-- Analyses read (code, document, start, end, coder) of every annotation: covering, in the order
-- the union of coded ranges needs (by code, then document, then start).
CREATE INDEX annotations_code_cover ON annotations (code_id, document_id, start_offset, end_offset, coder_id);
