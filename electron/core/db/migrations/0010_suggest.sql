-- 0010_suggest: offline code suggestions. Rules are data (per project, editable, exportable as
-- JSON); rejected suggestions are remembered so that a re-run does not propose them again.
--
-- No foreign keys on purpose: a rule or a rejection is advice about a code or a document, not
-- coding. Deleting a code or a document (and undoing that) must not be blocked by them, and undo
-- restores codes and documents with their old ids, which brings their rules and rejections back.
-- Rows pointing at a code or document that no longer exists are ignored.

CREATE TABLE suggest_rules (
  id         TEXT PRIMARY KEY NOT NULL,
  code_id    TEXT NOT NULL,
  -- 'cue': matched in a sentence; 'heading': matched in a section heading or item title, whose
  -- sentences then inherit the code.
  kind       TEXT NOT NULL CHECK (kind IN ('cue', 'heading')),
  -- Literal text; '…' is a gap of up to 12 characters inside the sentence; a leading '^' anchors
  -- it at the start of the sentence's content (after any item marker).
  pattern    TEXT NOT NULL CHECK (length(pattern) > 0),
  weight     REAL NOT NULL CHECK (weight BETWEEN -10 AND 10),
  enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  note       TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX suggest_rules_order ON suggest_rules (sort_order);

-- id = '<document_id>/<code_id>/<start>/<end>': one row per rejected suggestion, so the undo log
-- (which tracks rows by text id) restores exactly that rejection.
CREATE TABLE suggest_rejections (
  id           TEXT PRIMARY KEY NOT NULL,
  document_id  TEXT NOT NULL,
  code_id      TEXT NOT NULL,
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset   INTEGER NOT NULL,
  created_at   TEXT NOT NULL,
  CHECK (start_offset < end_offset)
) STRICT;
CREATE INDEX suggest_rejections_document ON suggest_rejections (document_id);
