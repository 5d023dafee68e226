-- The quick-search refresh per row (the triggers) against once per batch (decision 0217), on
-- SQLite: 5,000 donors with an email each, written both ways in a transaction that is rolled
-- back. Run against a migrated database file:
--   sqlite3 FILE < bench/search_refresh_sqlite.sql
-- The first two timings are the triggers' way; the pause, the two inserts, the resume and the one
-- refresh are the batch's way.
.timer on
BEGIN;
INSERT INTO constituents (id, kind, first_name, last_name, display_name, sort_name, created_at, updated_at) SELECT value, 'individual', '하나'||value, '김', '김하나'||value, '김하나'||value, 'x', 'x' FROM generate_series(1000, 5999);
INSERT INTO emails (constituent_id, email, kind, is_primary, created_at, updated_at) SELECT value, 'donor'||value||'@example.org', 'home', 1, 'x', 'x' FROM generate_series(1000, 5999);
ROLLBACK;
BEGIN;
INSERT INTO search_refresh_pauses (id) VALUES (1);
INSERT INTO constituents (id, kind, first_name, last_name, display_name, sort_name, created_at, updated_at) SELECT value, 'individual', '하나'||value, '김', '김하나'||value, '김하나'||value, 'x', 'x' FROM generate_series(1000, 5999);
INSERT INTO emails (constituent_id, email, kind, is_primary, created_at, updated_at) SELECT value, 'donor'||value||'@example.org', 'home', 1, 'x', 'x' FROM generate_series(1000, 5999);
DELETE FROM search_refresh_pauses;
INSERT INTO constituent_search (constituent_id, doc) SELECT id, doc FROM constituent_search_source WHERE id IN (SELECT value FROM generate_series(1000, 5999)) ON CONFLICT (constituent_id) DO UPDATE SET doc = excluded.doc, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now');
ROLLBACK;
