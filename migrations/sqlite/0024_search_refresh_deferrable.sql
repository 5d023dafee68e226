-- The quick-search refresh can be deferred by a bulk writer (SQLite). Mirrors
-- migrations/postgresql/0024_search_refresh_deferrable.sql. See
-- docs/decisions/0217-import-search-index-per-batch.md.
--
-- The triggers of 0017 refresh a constituent's search row (and its FTS5 trigram entries) for
-- every constituent, email, phone and address row written. A bulk writer (the import commit, the
-- demo generator, a merge) now inserts a row into search_refresh_pauses inside its own
-- transaction, writes its rows, refreshes the constituents it wrote in one set-based statement
-- and deletes the row again before it commits (store/constituent_search_refresh.hpp). SQLite has
-- one writer at a time and no reader sees an uncommitted row, so the pause is the writer's own;
-- a transaction that rolls back takes the row with it. A trigger in the main schema cannot read a
-- TEMP table, and a function the connection registers would make every other client (the sqlite3
-- shell, a backup tool) fail on its first write, hence a table. Deleting a constituent still
-- deletes its search row at once.
CREATE TABLE search_refresh_pauses (
  id          INTEGER PRIMARY KEY,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

DROP TRIGGER constituent_search_on_insert;
DROP TRIGGER constituent_search_on_update;
DROP TRIGGER emails_search_on_insert;
DROP TRIGGER emails_search_on_update;
DROP TRIGGER emails_search_on_delete;
DROP TRIGGER phones_search_on_insert;
DROP TRIGGER phones_search_on_update;
DROP TRIGGER phones_search_on_delete;
DROP TRIGGER addresses_search_on_insert;
DROP TRIGGER addresses_search_on_update;
DROP TRIGGER addresses_search_on_delete;

CREATE TRIGGER constituent_search_on_insert
AFTER INSERT ON constituents
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  INSERT INTO constituent_search (constituent_id, doc)
  SELECT id, doc FROM constituent_search_source WHERE id = new.id;
END;
CREATE TRIGGER constituent_search_on_update
AFTER UPDATE OF display_name, sort_name, first_name, last_name, preferred_name, organization_name
ON constituents
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.id;
END;
CREATE TRIGGER emails_search_on_insert
AFTER INSERT ON emails
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER emails_search_on_update
AFTER UPDATE ON emails
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER emails_search_on_delete
AFTER DELETE ON emails
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
END;
CREATE TRIGGER phones_search_on_insert
AFTER INSERT ON phones
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER phones_search_on_update
AFTER UPDATE ON phones
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER phones_search_on_delete
AFTER DELETE ON phones
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
END;
CREATE TRIGGER addresses_search_on_insert
AFTER INSERT ON addresses
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER addresses_search_on_update
AFTER UPDATE ON addresses
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER addresses_search_on_delete
AFTER DELETE ON addresses
WHEN NOT EXISTS (SELECT 1 FROM search_refresh_pauses) BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
END;
