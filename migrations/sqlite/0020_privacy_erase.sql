-- Personal-data erasure (SQLite). Mirrors migrations/postgresql/0019_privacy_erase.sql. See
-- docs/privacy.md and docs/decisions/0190-personal-data-export-and-erase.md.
--
-- constituents.erased_at: set once when a donor's identity was erased on request. The row stays
--   (its gifts keep every total exact) under the name "Erased donor #<id>"; search, segments,
--   duplicates and import matching leave erased rows out.
-- audit_events.redacted_at: set when an erase redacted the personal values in the row's before
--   and after images. This is the one exception to append-only: the trigger still refuses every
--   DELETE, and every UPDATE except one that sets redacted_at and changes nothing but the two
--   images (and updated_at). The erase itself appends an "erase" event naming the redacted rows.
ALTER TABLE constituents ADD COLUMN erased_at TEXT;
ALTER TABLE audit_events ADD COLUMN redacted_at TEXT;
CREATE INDEX constituents_erased ON constituents (erased_at);

DROP TRIGGER audit_events_no_update;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
WHEN NOT (NEW.redacted_at IS NOT NULL AND NEW.id = OLD.id AND NEW.actor = OLD.actor
          AND NEW.action = OLD.action AND NEW.entity_type = OLD.entity_type
          AND NEW.entity_id IS OLD.entity_id AND NEW.remote_addr IS OLD.remote_addr
          AND NEW.created_at = OLD.created_at)
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
