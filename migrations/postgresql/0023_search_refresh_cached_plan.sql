-- The quick-search refresh with a cached plan (PostgreSQL). Mirrors
-- migrations/sqlite/0023_search_refresh_cached_plan.sql. See
-- docs/decisions/0212-import-known-donors-in-bulk.md.
--
-- constituent_search_refresh (0017) was LANGUAGE sql: PostgreSQL plans a SQL function's body
-- again on every call, and planning the view constituent_search_source (three subqueries) took
-- about 1.7 ms, run by the triggers once for every constituent and every email written. The same
-- statement in PL/pgSQL keeps its plan for the session: 3,000 constituents inserted in one
-- statement took 5.5 s before and 1.4 s after. Same behaviour, same signature.
CREATE OR REPLACE FUNCTION constituent_search_refresh(cid BIGINT) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO constituent_search (constituent_id, doc)
  SELECT id, doc FROM constituent_search_source WHERE id = cid
  ON CONFLICT (constituent_id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now();
END $$;
