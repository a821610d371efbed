-- 0006_sets: document sets (MAXQDA "document sets", NVivo "sets"): named groups of documents,
-- many-to-many, so a document can be in 讲话 and in 2023 and in 广东 at the same time.
-- Membership rows have their own text id (the undo log tracks rows by text id) and a unique
-- (set_id, document_id) pair. Foreign keys RESTRICT like everywhere else: deleting a set or a
-- document removes its membership rows explicitly in the same undoable command.

CREATE TABLE document_sets (
  id         TEXT PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL,
  -- CSS colour `#rrggbb`, or NULL (no colour chosen).
  color      TEXT,
  sort_order INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX document_sets_name ON document_sets (name);

CREATE TABLE document_set_members (
  id          TEXT PRIMARY KEY NOT NULL,
  set_id      TEXT NOT NULL REFERENCES document_sets (id) ON DELETE RESTRICT,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE RESTRICT,
  added_at    TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX document_set_members_pair ON document_set_members (set_id, document_id);
CREATE INDEX document_set_members_document ON document_set_members (document_id);
