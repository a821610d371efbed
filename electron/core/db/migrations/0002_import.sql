-- 0002_import: provenance of imported documents (format, detected script, raw text, cleaning
-- edits, invalid bytes, split origin) and the canonical text's hash for duplicate detection.
-- Existing rows get script 'unknown' and text_sha256 NULL here; the core fills both when it
-- opens the project (SQLite has neither OpenCC nor SHA-256), see electron/core/import/backfill.ts.

ALTER TABLE documents ADD COLUMN script TEXT NOT NULL DEFAULT 'unknown'
  CHECK (script IN ('simplified', 'traditional', 'mixed', 'unknown'));
-- SHA-256 (hex) of the canonical text (UTF-8): two files with the same text are duplicates even
-- when their bytes (encoding, BOM, line ends) differ.
ALTER TABLE documents ADD COLUMN text_sha256 TEXT;
ALTER TABLE documents ADD COLUMN source_format TEXT NOT NULL DEFAULT 'txt';
-- The decoded text before any optional cleaning step; NULL when no cleaning step changed it
-- (then it equals `text`) and for parts of a split document (see split_from).
ALTER TABLE documents ADD COLUMN raw_text TEXT;
-- JSON array of { step, count, edits: [{ start, end, removed, inserted }] }: apply each step's
-- edits (code points into that step's input) in order to raw_text to get text.
ALTER TABLE documents ADD COLUMN removed_spans TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(removed_spans) AND json_type(removed_spans) = 'array');
-- JSON object: { invalidBytes: { count, positions }, mojibake: n }.
ALTER TABLE documents ADD COLUMN import_report TEXT NOT NULL DEFAULT '{}'
  CHECK (json_valid(import_report) AND json_type(import_report) = 'object');
-- JSON object { documentId, title, start, end } when this document is a part of a split one.
ALTER TABLE documents ADD COLUMN split_from TEXT CHECK (split_from IS NULL OR json_valid(split_from));

CREATE INDEX documents_text_sha256 ON documents (text_sha256);

-- Provenance never changes once set (text_sha256 and script may be filled once, from NULL/unknown).
CREATE TRIGGER documents_provenance_immutable
BEFORE UPDATE OF source_format, raw_text, removed_spans, import_report, split_from ON documents
WHEN OLD.source_format IS NOT NEW.source_format OR OLD.raw_text IS NOT NEW.raw_text
  OR OLD.removed_spans IS NOT NEW.removed_spans OR OLD.import_report IS NOT NEW.import_report
  OR OLD.split_from IS NOT NEW.split_from
BEGIN
  SELECT RAISE(ABORT, 'document provenance is immutable');
END;

CREATE TRIGGER documents_hash_immutable
BEFORE UPDATE OF text_sha256, script ON documents
WHEN (OLD.text_sha256 IS NOT NULL AND OLD.text_sha256 IS NOT NEW.text_sha256)
  OR (OLD.script <> 'unknown' AND OLD.script IS NOT NEW.script)
BEGIN
  SELECT RAISE(ABORT, 'document text hash and script are immutable');
END;

-- Document attributes (user-defined fields: 年份, 地区, 文种 …) and their values per document.
CREATE TABLE attributes (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL CHECK (length(name) > 0),
  type       TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice')),
  -- JSON array of the allowed values of a 'choice' attribute ([] for the other types).
  choices    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(choices) AND json_type(choices) = 'array'),
  sort_order INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX attributes_name ON attributes (name);

-- One value per (document, attribute); the id is '<document_id>/<attribute_id>' so that the undo
-- log (which tracks rows by id) restores the same row. No row = no value.
CREATE TABLE document_attributes (
  id           TEXT PRIMARY KEY NOT NULL,
  document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
  attribute_id TEXT NOT NULL REFERENCES attributes (id) ON DELETE RESTRICT,
  value        TEXT NOT NULL CHECK (length(value) > 0),
  CHECK (id = document_id || '/' || attribute_id)
) STRICT;

CREATE INDEX document_attributes_attribute ON document_attributes (attribute_id);
CREATE INDEX document_attributes_document ON document_attributes (document_id);
