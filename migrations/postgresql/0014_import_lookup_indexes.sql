-- Indexes for the lookups every imported payment makes (decision 0153, docs/performance.md).
-- Without them each lookup scanned its whole table, so an import got slower with every gift:
--   gifts by (source, external_id): the exactly-once check and the duplicate-gift check;
--   constituents by last_name / display_name: the import matcher's name candidates.
CREATE INDEX gifts_source_external ON gifts (source, external_id);
CREATE INDEX constituents_last_name ON constituents (last_name);
CREATE INDEX constituents_display_name ON constituents (display_name);
