-- 0004_codebook_memos: code memos (definition, inclusion/exclusion criteria, example), document
-- memos and the project memo. Added columns have defaults so that existing rows stay valid; the
-- undo log fills them from `defaults` in history/tables.ts when it replays an older row.

ALTER TABLE codes ADD COLUMN definition TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN inclusion TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN exclusion TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN example TEXT NOT NULL DEFAULT '';
-- When any of the four memo fields last changed (NULL: never written).
ALTER TABLE codes ADD COLUMN memo_updated_at TEXT;

ALTER TABLE documents ADD COLUMN memo TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN memo_updated_at TEXT;

-- Project-level memos. One row today (id 'project'); a table rather than a settings key so that
-- the undo log (which tracks rows by text id) can restore it like any other row.
CREATE TABLE memos (
  id         TEXT PRIMARY KEY NOT NULL,
  text       TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
) STRICT;
