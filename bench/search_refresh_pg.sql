-- The quick-search refresh per row (the triggers) against once per batch (decision 0217), on
-- PostgreSQL: 5,000 donors with an email each, written both ways in a transaction that is rolled
-- back. Run against a migrated schema:
--   psql -X -q "$URL" -v schema=SCHEMA -f bench/search_refresh_pg.sql | grep Time
-- The first two timings are the triggers' way; the set_config, the two inserts, set_config and
-- the one refresh are the batch's way.
SET search_path = :schema, public;
\timing on
-- per-row triggers (before)
BEGIN;
INSERT INTO constituents (id, kind, first_name, last_name, display_name, sort_name, created_at, updated_at) SELECT g, 'individual', '하나'||g, '김', '김하나'||g, '김하나'||g, now(), now() FROM generate_series(1000, 5999) g;
INSERT INTO emails (constituent_id, email, kind, is_primary, created_at, updated_at) SELECT g, 'donor'||g||'@example.org', 'home', true, now(), now() FROM generate_series(1000, 5999) g;
ROLLBACK;
-- deferred, one refresh (after)
BEGIN;
SELECT set_config('steward.defer_search', 'on', true);
INSERT INTO constituents (id, kind, first_name, last_name, display_name, sort_name, created_at, updated_at) SELECT g, 'individual', '하나'||g, '김', '김하나'||g, '김하나'||g, now(), now() FROM generate_series(1000, 5999) g;
INSERT INTO emails (constituent_id, email, kind, is_primary, created_at, updated_at) SELECT g, 'donor'||g||'@example.org', 'home', true, now(), now() FROM generate_series(1000, 5999) g;
SELECT set_config('steward.defer_search', 'off', true);
INSERT INTO constituent_search (constituent_id, doc) SELECT id, doc FROM constituent_search_source WHERE id = ANY(CAST((SELECT array_agg(g) FROM generate_series(1000, 5999) g) AS BIGINT[])) ON CONFLICT (constituent_id) DO UPDATE SET doc = EXCLUDED.doc, updated_at = now();
ROLLBACK;
