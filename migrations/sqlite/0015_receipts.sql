-- Receipts and year-end giving statements (SQLite). Mirrors migrations/postgresql/0014_receipts.sql.
-- See docs/mail.md and docs/decisions/0161-pdf-letters-receipts-statements.md.
--
-- receipt_sequences: the last receipt number handed out per statement year. Numbers are taken
-- with one UPSERT ... RETURNING, so two writers never get the same one; rows are never deleted.
CREATE TABLE receipt_sequences (
  year         INTEGER PRIMARY KEY,
  last_number  INTEGER NOT NULL CHECK (last_number >= 1),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TRIGGER receipt_sequences_no_delete BEFORE DELETE ON receipt_sequences
BEGIN SELECT RAISE(ABORT, 'receipt numbers are never reused'); END;

-- receipts: one per donor per statement year, numbered "<year>-<6 digits>" (2026-000123). A
-- statement issued again keeps its number (issue_count + 1, printed as a replacement); rows are
-- never deleted. email_state: NULL (not emailed), sending, accepted, rejected, deferred.
CREATE TABLE receipts (
  id               INTEGER PRIMARY KEY,
  receipt_number   TEXT NOT NULL UNIQUE,
  constituent_id   INTEGER NOT NULL REFERENCES constituents (id),
  year             INTEGER NOT NULL,
  period_start     TEXT NOT NULL,
  period_end       TEXT NOT NULL,
  gift_count       INTEGER NOT NULL CHECK (gift_count >= 0),
  totals           TEXT NOT NULL,
  issue_count      INTEGER NOT NULL DEFAULT 1 CHECK (issue_count >= 1),
  email_state      TEXT CHECK (email_state IN ('sending', 'accepted', 'rejected', 'deferred')),
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (constituent_id, year)
);
CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
BEGIN SELECT RAISE(ABORT, 'receipt numbers are never reused'); END;
