-- 0005_segment_indexes: indexes for the coded segments view (issue 6), so that listing and
-- sorting 100,000 annotations by creation time or by length stays an index walk, and filters by
-- coder or by code within a document do not scan the table.
CREATE INDEX annotations_created ON annotations (created_at, id);
CREATE INDEX annotations_length ON annotations ((end_offset - start_offset), id);
CREATE INDEX annotations_code_document ON annotations (code_id, document_id, start_offset);
