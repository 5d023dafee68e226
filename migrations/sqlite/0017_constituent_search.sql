-- Quick search index (decision 0185). One row per constituent holding the lower-cased text the
-- quick search matches (names, emails, postal codes, normalised phones), kept current by
-- triggers on every table it is built from, so no write path can forget it. On SQLite an FTS5
-- trigram index over that text (external content) answers "contains" in a few index reads;
-- queries shorter than three characters read the table once.
CREATE VIEW constituent_search_source AS
SELECT c.id AS id,
       lower(c.display_name) || char(10) || lower(c.sort_name) || char(10) ||
       lower(COALESCE(c.first_name, '')) || char(10) || lower(COALESCE(c.last_name, '')) ||
       char(10) || lower(COALESCE(c.preferred_name, '')) || char(10) ||
       lower(COALESCE(c.organization_name, '')) || char(10) ||
       COALESCE((SELECT group_concat(lower(e.email), char(10)) FROM emails e
                 WHERE e.constituent_id = c.id), '') || char(10) ||
       COALESCE((SELECT group_concat(lower(a.postal_code), char(10)) FROM addresses a
                 WHERE a.constituent_id = c.id AND a.postal_code IS NOT NULL), '') || char(10) ||
       COALESCE((SELECT group_concat(p.phone_normalized, char(10)) FROM phones p
                 WHERE p.constituent_id = c.id), '') AS doc
FROM constituents c;

CREATE TABLE constituent_search (
  constituent_id  INTEGER PRIMARY KEY,
  doc             TEXT NOT NULL,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE VIRTUAL TABLE fts_constituents USING fts5(
  doc, content='constituent_search', content_rowid='constituent_id',
  tokenize='trigram case_sensitive 1');

CREATE TRIGGER constituent_search_fts_insert AFTER INSERT ON constituent_search BEGIN
  INSERT INTO fts_constituents (rowid, doc) VALUES (new.constituent_id, new.doc);
END;
CREATE TRIGGER constituent_search_fts_delete AFTER DELETE ON constituent_search BEGIN
  INSERT INTO fts_constituents (fts_constituents, rowid, doc)
  VALUES ('delete', old.constituent_id, old.doc);
END;
CREATE TRIGGER constituent_search_fts_update AFTER UPDATE ON constituent_search BEGIN
  INSERT INTO fts_constituents (fts_constituents, rowid, doc)
  VALUES ('delete', old.constituent_id, old.doc);
  INSERT INTO fts_constituents (rowid, doc) VALUES (new.constituent_id, new.doc);
END;

CREATE TRIGGER constituent_search_on_insert AFTER INSERT ON constituents BEGIN
  INSERT INTO constituent_search (constituent_id, doc)
  SELECT id, doc FROM constituent_search_source WHERE id = new.id;
END;
CREATE TRIGGER constituent_search_on_update
AFTER UPDATE OF display_name, sort_name, first_name, last_name, preferred_name, organization_name
ON constituents BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.id;
END;
CREATE TRIGGER constituent_search_on_delete AFTER DELETE ON constituents BEGIN
  DELETE FROM constituent_search WHERE constituent_id = old.id;
END;

CREATE TRIGGER emails_search_on_insert AFTER INSERT ON emails BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER emails_search_on_update AFTER UPDATE ON emails BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER emails_search_on_delete AFTER DELETE ON emails BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
END;

CREATE TRIGGER phones_search_on_insert AFTER INSERT ON phones BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER phones_search_on_update AFTER UPDATE ON phones BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER phones_search_on_delete AFTER DELETE ON phones BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
END;

CREATE TRIGGER addresses_search_on_insert AFTER INSERT ON addresses BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER addresses_search_on_update AFTER UPDATE ON addresses BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = new.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = new.constituent_id;
END;
CREATE TRIGGER addresses_search_on_delete AFTER DELETE ON addresses BEGIN
  UPDATE constituent_search
     SET doc = (SELECT doc FROM constituent_search_source WHERE id = old.constituent_id),
         updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
   WHERE constituent_id = old.constituent_id;
END;

-- Existing constituents.
INSERT INTO constituent_search (constituent_id, doc) SELECT id, doc FROM constituent_search_source;
