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

-- Undo/redo command log. A command (one user action: a new annotation, a merge of two codes, a
-- bulk "code all hits") is a list of row changes to tracked tables, each with the row before and
-- after as JSON (NULL = no row). Undo applies the `before` rows in reverse order, redo the
-- `after` rows in order, so one generic rule serves every feature. Commands with state 'done'
-- form the undo stack (newest = highest seq); 'undone' ones the redo stack (next = lowest seq).
CREATE TABLE commands (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL CHECK (length(kind) > 0),
  state      TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone')),
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX commands_state ON commands (state, seq);

-- CASCADE is right here (and only here): dropping an old command drops its own change records.
CREATE TABLE command_changes (
  seq        INTEGER NOT NULL REFERENCES commands (seq) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  table_name TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  before_row TEXT CHECK (before_row IS NULL OR json_valid(before_row)),
  after_row  TEXT CHECK (after_row IS NULL OR json_valid(after_row)),
  PRIMARY KEY (seq, ord),
  CHECK (before_row IS NOT NULL OR after_row IS NOT NULL)
) STRICT;
