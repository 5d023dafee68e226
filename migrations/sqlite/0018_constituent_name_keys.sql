-- Stored name keys on constituents (decision 0155, docs/imports.md "Speed"): the import
-- matcher's name rule looks donors up by key through an index instead of fetching every
-- constituent with the same family name and normalising each in C++.
--   name_key:         domain::person_name_key(first_name, last_name) (NULL without a last name)
--   display_name_key: domain::name_key(display_name)
-- Both are computed in C++ (ICU: NFKC, case folding, accents, Korean titles, Hangul spacing), so
-- this migration only adds the columns; store::name_keys::fill_missing() fills rows whose keys
-- are NULL (existing rows, rows written by bulk loads) before the matcher reads them, and the
-- constituent repository and the merge keep them current.
ALTER TABLE constituents ADD COLUMN name_key TEXT;
ALTER TABLE constituents ADD COLUMN display_name_key TEXT;
ALTER TABLE constituents ADD COLUMN name_keys_ready INTEGER NOT NULL DEFAULT 0;
CREATE INDEX constituents_name_key ON constituents (name_key);
CREATE INDEX constituents_display_name_key ON constituents (display_name_key);
CREATE INDEX constituents_name_keys_pending ON constituents (id) WHERE name_keys_ready = 0;
