-- Saved segments: a named JSON filter over constituents (grammar in docs/segments.md).
-- Mirrors migrations/postgresql/0003_segments.sql. A name is unique among live segments, so a
-- deleted segment's name can be used again.
CREATE TABLE segments (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL,
  description  TEXT,
  filter       TEXT NOT NULL,
  created_by   TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted_at   TEXT
);
CREATE UNIQUE INDEX segments_live_name ON segments (name) WHERE deleted_at IS NULL;
