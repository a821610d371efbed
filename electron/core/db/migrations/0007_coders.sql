-- Several coders (issue 10): a coder can be archived (kept with their annotations, hidden from
-- the coder picker), and names are unique so that span files and the CLI can name a coder.
ALTER TABLE coders ADD COLUMN archived_at TEXT;
CREATE UNIQUE INDEX coders_name_unique ON coders (name);
