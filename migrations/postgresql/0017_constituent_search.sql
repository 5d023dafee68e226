-- Quick search index (decision 0185). One row per constituent holding the lower-cased text the
-- quick search matches (names, emails, postal codes, normalised phones), kept current by
-- triggers on every table it is built from, so no write path can forget it. On PostgreSQL a
-- pg_trgm GIN index over that text answers "contains" (LIKE '%...%') in a few index reads;
-- queries shorter than three characters read the table once. pg_trgm is a trusted
-- extension: the database owner may create it (docs/admin.md). It goes into the public schema so
-- that every schema of the database shares it.
SELECT pg_advisory_xact_lock(7234001);
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;

CREATE VIEW constituent_search_source AS
SELECT c.id AS id,
       lower(c.display_name) || chr(10) || lower(c.sort_name) || chr(10) ||
       lower(COALESCE(c.first_name, '')) || chr(10) || lower(COALESCE(c.last_name, '')) ||
       chr(10) || lower(COALESCE(c.preferred_name, '')) || chr(10) ||
       lower(COALESCE(c.organization_name, '')) || chr(10) ||
       COALESCE((SELECT string_agg(lower(e.email), chr(10)) FROM emails e
                 WHERE e.constituent_id = c.id), '') || chr(10) ||
       COALESCE((SELECT string_agg(lower(a.postal_code), chr(10)) FROM addresses a
                 WHERE a.constituent_id = c.id AND a.postal_code IS NOT NULL), '') || chr(10) ||
       COALESCE((SELECT string_agg(p.phone_normalized, chr(10)) FROM phones p
                 WHERE p.constituent_id = c.id), '') AS doc
FROM constituents c;

CREATE TABLE constituent_search (
  constituent_id  BIGINT PRIMARY KEY,
  doc             TEXT NOT NULL,
  created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX constituent_search_doc ON constituent_search USING gin (doc public.gin_trgm_ops);

CREATE FUNCTION constituent_search_refresh(cid BIGINT) RETURNS void LANGUAGE sql AS $$
  INSERT INTO constituent_search (constituent_id, doc)
  SELECT id, doc FROM constituent_search_source WHERE id = cid
  ON CONFLICT (constituent_id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now();
$$;

CREATE FUNCTION constituent_search_on_constituent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM constituent_search WHERE constituent_id = OLD.id;
  ELSE
    PERFORM constituent_search_refresh(NEW.id);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION constituent_search_on_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM constituent_search_refresh(OLD.constituent_id);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.constituent_id <> OLD.constituent_id) THEN
    PERFORM constituent_search_refresh(NEW.constituent_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER constituent_search_on_insert AFTER INSERT ON constituents
  FOR EACH ROW EXECUTE FUNCTION constituent_search_on_constituent();
CREATE TRIGGER constituent_search_on_update
  AFTER UPDATE OF display_name, sort_name, first_name, last_name, preferred_name,
  organization_name ON constituents
  FOR EACH ROW EXECUTE FUNCTION constituent_search_on_constituent();
CREATE TRIGGER constituent_search_on_delete AFTER DELETE ON constituents
  FOR EACH ROW EXECUTE FUNCTION constituent_search_on_constituent();

CREATE TRIGGER emails_search AFTER INSERT OR UPDATE OR DELETE ON emails
  FOR EACH ROW EXECUTE FUNCTION constituent_search_on_contact();
CREATE TRIGGER phones_search AFTER INSERT OR UPDATE OR DELETE ON phones
  FOR EACH ROW EXECUTE FUNCTION constituent_search_on_contact();
CREATE TRIGGER addresses_search AFTER INSERT OR UPDATE OR DELETE ON addresses
  FOR EACH ROW EXECUTE FUNCTION constituent_search_on_contact();

-- Existing constituents.
INSERT INTO constituent_search (constituent_id, doc) SELECT id, doc FROM constituent_search_source;
