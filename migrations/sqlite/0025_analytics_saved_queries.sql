-- Saved analytics queries on the server (SQLite). Mirrors
-- migrations/postgresql/0025_analytics_saved_queries.sql. See docs/api.md and
-- docs/decisions/0218-ui-mail-runs-saved-queries-compressed-assets.md.
--
-- analytics_saved_queries: a named analytics explorer query (the JSON body of
-- POST /api/v1/analytics/query, checked by the same parser before it is stored) kept by its
-- owner (a user). shared = 1: every user with analytics rights sees it in their list; only the
-- owner or an admin changes or deletes it. A name is unique per owner.
CREATE TABLE analytics_saved_queries (
  id              INTEGER PRIMARY KEY,
  owner_user_id   INTEGER NOT NULL REFERENCES users (id),
  name            TEXT NOT NULL,
  query           TEXT NOT NULL,
  shared          INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (owner_user_id, name)
);
CREATE INDEX analytics_saved_queries_shared ON analytics_saved_queries (shared, name);
