-- The quick-search refresh with a cached plan (SQLite). Mirrors
-- migrations/postgresql/0023_search_refresh_cached_plan.sql. See
-- docs/decisions/0212-import-known-donors-in-bulk.md.
--
-- Nothing to change here: SQLite's triggers run their statements compiled with the trigger, so
-- the refresh is not planned again per row as PostgreSQL's SQL function was.
SELECT 1;
