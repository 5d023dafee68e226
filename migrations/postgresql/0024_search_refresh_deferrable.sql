-- The quick-search refresh can be deferred by a bulk writer (PostgreSQL). Mirrors
-- migrations/sqlite/0024_search_refresh_deferrable.sql. See
-- docs/decisions/0217-import-search-index-per-batch.md.
--
-- The triggers of 0017 refresh a constituent's search row for every constituent, email, phone and
-- address row written: a view evaluation and a GIN trigram insert per row, twice per new donor
-- with an email. A bulk writer (the import commit, the demo generator, a merge) now sets
-- steward.defer_search to 'on' for its own transaction (set_config(..., true)), writes its rows,
-- then refreshes the constituents it wrote in one set-based statement and sets it back
-- (store/constituent_search_refresh.hpp). The setting is transaction-local: nothing another
-- session does is deferred, and a transaction that ends forgets it. The WHEN clause keeps the
-- trigger function from being called at all while it is on. Deleting a constituent still deletes
-- its search row at once.
--
-- search_refresh_pauses is SQLite's switch (a trigger there cannot read a setting); it exists
-- here too so that both dialects define the same tables, and stays empty.
CREATE TABLE search_refresh_pauses (
  id          BIGINT PRIMARY KEY,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

DROP TRIGGER constituent_search_on_insert ON constituents;
DROP TRIGGER constituent_search_on_update ON constituents;
DROP TRIGGER emails_search ON emails;
DROP TRIGGER phones_search ON phones;
DROP TRIGGER addresses_search ON addresses;

CREATE TRIGGER constituent_search_on_insert AFTER INSERT ON constituents
  FOR EACH ROW WHEN (current_setting('steward.defer_search', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION constituent_search_on_constituent();
CREATE TRIGGER constituent_search_on_update
  AFTER UPDATE OF display_name, sort_name, first_name, last_name, preferred_name,
  organization_name ON constituents
  FOR EACH ROW WHEN (current_setting('steward.defer_search', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION constituent_search_on_constituent();

CREATE TRIGGER emails_search AFTER INSERT OR UPDATE OR DELETE ON emails
  FOR EACH ROW WHEN (current_setting('steward.defer_search', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION constituent_search_on_contact();
CREATE TRIGGER phones_search AFTER INSERT OR UPDATE OR DELETE ON phones
  FOR EACH ROW WHEN (current_setting('steward.defer_search', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION constituent_search_on_contact();
CREATE TRIGGER addresses_search AFTER INSERT OR UPDATE OR DELETE ON addresses
  FOR EACH ROW WHEN (current_setting('steward.defer_search', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION constituent_search_on_contact();
