-- Constituent merges (SQLite). Mirrors migrations/postgresql/0004_merges.sql.
-- One row per merge: the surviving record, the records merged into it (JSON array of ids), which
-- record's value was taken for each chosen field (JSON object field -> id), and a readable
-- summary of what moved. Losers keep their row (deleted_at set, merged_into_id = survivor).
CREATE TABLE merges (
  id             INTEGER PRIMARY KEY,
  survivor_id    INTEGER NOT NULL REFERENCES constituents (id),
  merged_ids     TEXT NOT NULL,
  field_choices  TEXT NOT NULL DEFAULT '{}',
  summary        TEXT NOT NULL DEFAULT '{}',
  actor          TEXT NOT NULL,
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX merges_survivor ON merges (survivor_id);
CREATE INDEX constituents_merged_into ON constituents (merged_into_id);
