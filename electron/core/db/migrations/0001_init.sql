-- 0001_init: the first schema of a Pizhu project.
-- Offsets (start_offset, end_offset, length) are Unicode code points into documents.text.
-- Foreign keys are RESTRICT on purpose: losing coding is the worst thing that can happen to a
-- user, so removing a document, code or coder that annotations (or the undo log) still use must
-- be an explicit decision of the app, never a silent cascade.

CREATE TABLE documents (
  id          TEXT PRIMARY KEY NOT NULL,
  title       TEXT NOT NULL,
  source_file TEXT,
  source_path TEXT,
  text        TEXT NOT NULL,
  length      INTEGER NOT NULL CHECK (length >= 0),
  sha256      TEXT NOT NULL,
  encoding    TEXT NOT NULL,
  cleaning    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(cleaning) AND json_type(cleaning) = 'array'),
  imported_at TEXT NOT NULL,
  sort_order  INTEGER NOT NULL
) STRICT;

CREATE INDEX documents_sort ON documents (sort_order);

-- The canonical text and its provenance never change after import: every annotation's offsets
-- depend on them.
CREATE TRIGGER documents_text_immutable
BEFORE UPDATE OF text, length, sha256, encoding, cleaning ON documents
BEGIN
  SELECT RAISE(ABORT, 'document text and provenance are immutable');
END;

CREATE TABLE codes (
  id          TEXT PRIMARY KEY NOT NULL,
  parent_id   TEXT REFERENCES codes (id) ON DELETE RESTRICT,
  name        TEXT NOT NULL CHECK (length(name) > 0),
  color       TEXT NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  description TEXT NOT NULL DEFAULT '',
  shortcut    TEXT,
  sort_order  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  CHECK (parent_id IS NULL OR parent_id <> id)
) STRICT;

-- Sibling names are unique (ifnull: NULL parents would otherwise never collide).
CREATE UNIQUE INDEX codes_sibling_name ON codes (ifnull(parent_id, ''), name);
CREATE UNIQUE INDEX codes_shortcut ON codes (shortcut) WHERE shortcut IS NOT NULL;
CREATE INDEX codes_tree ON codes (parent_id, sort_order);

CREATE TABLE coders (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL CHECK (length(name) > 0),
  color      TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

-- Project-wide settings (e.g. current_coder_id). Values are text; callers parse them.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE annotations (
  id           TEXT PRIMARY KEY NOT NULL,
  document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
  code_id      TEXT NOT NULL REFERENCES codes (id) ON DELETE RESTRICT,
  coder_id     TEXT NOT NULL REFERENCES coders (id) ON DELETE RESTRICT,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset   INTEGER NOT NULL,
  quote        TEXT NOT NULL,
  memo         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  CHECK (start_offset < end_offset)
) STRICT;

CREATE INDEX annotations_document ON annotations (document_id, start_offset, end_offset);
CREATE INDEX annotations_code ON annotations (code_id);
CREATE INDEX annotations_coder ON annotations (coder_id);

-- Undo/redo command log. Each entry stores the annotation row before and after the command as
-- JSON (NULL = no row): undo makes the table match `before`, redo makes it match `after`.
-- Entries with state 'done' form the undo stack (newest = highest seq); 'undone' entries form the
-- redo stack (next = lowest seq). Every done entry has a lower seq than every undone entry.
CREATE TABLE command_log (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind          TEXT NOT NULL CHECK (kind IN ('annotation-create', 'annotation-delete', 'annotation-memo')),
  annotation_id TEXT NOT NULL,
  document_id   TEXT NOT NULL,
  before_row    TEXT CHECK (before_row IS NULL OR json_valid(before_row)),
  after_row     TEXT CHECK (after_row IS NULL OR json_valid(after_row)),
  state         TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone')),
  created_at    TEXT NOT NULL,
  CHECK (before_row IS NOT NULL OR after_row IS NOT NULL)
) STRICT;

CREATE INDEX command_log_state ON command_log (state, seq);
