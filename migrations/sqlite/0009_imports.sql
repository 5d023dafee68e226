-- Payment imports (SQLite). Mirrors migrations/postgresql/0009_imports.sql. See docs/imports.md
-- and docs/decisions/0150-import-pipeline.md.
--
-- imports: one uploaded file and where its import stands.
--   status: staged (being read), previewed (read and matched, nothing applied), committing
--   (some chunks applied; `steward import resume` finishes it), committed, failed (the file
--   could not be read), cancelled.
--   source: the processor name the identities are scoped by ("stripe", "paypal", ...).
-- import_rows: one line of the file (a payment record, or a problem with its line number).
--   outcome: new_gift | duplicate | refund | review | error | skipped; committed = 1 once the
--   row's effect (gift, refund, identity) is in the database.
-- payment_identities: every payment line ever applied, by (source, external_id): gifts are also
--   unique by gifts(source, external_id); refunds and reversals have no gift of their own, so
--   this table is what keeps them exactly once.
-- constituent_external_ids: the processor's payer id (Stripe customer, PayPal payer) -> donor.
-- designation_rules: "description contains 'medical' -> fund 3"; highest priority wins.

CREATE TABLE imports (
  id               INTEGER PRIMARY KEY,
  file_name        TEXT NOT NULL,
  file_sha256      TEXT NOT NULL,
  file_size        INTEGER NOT NULL CHECK (file_size >= 0),
  plugin_id        TEXT NOT NULL,
  source           TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'staged'
                   CHECK (status IN ('staged', 'previewed', 'committing', 'committed', 'failed', 'cancelled')),
  policy           TEXT NOT NULL DEFAULT '{}',
  default_fund_id  INTEGER REFERENCES funds (id),
  rows_total       INTEGER NOT NULL DEFAULT 0,
  rows_committed   INTEGER NOT NULL DEFAULT 0,
  gifts_created    INTEGER NOT NULL DEFAULT 0,
  error            TEXT,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  committed_at     TEXT
);
CREATE INDEX imports_sha ON imports (file_sha256);

CREATE TABLE import_rows (
  id               INTEGER PRIMARY KEY,
  import_id        INTEGER NOT NULL REFERENCES imports (id),
  seq              INTEGER NOT NULL,
  line             INTEGER NOT NULL DEFAULT 0,
  record           TEXT,
  identity         TEXT,
  outcome          TEXT NOT NULL
                   CHECK (outcome IN ('new_gift', 'duplicate', 'refund', 'review', 'error', 'skipped')),
  constituent_id   INTEGER REFERENCES constituents (id),
  create_donor     INTEGER NOT NULL DEFAULT 0 CHECK (create_donor IN (0, 1)),
  decided_by       TEXT,
  matched_by       TEXT,
  fund_id          INTEGER REFERENCES funds (id),
  gift_id          INTEGER REFERENCES gifts (id),
  message          TEXT,
  committed        INTEGER NOT NULL DEFAULT 0 CHECK (committed IN (0, 1)),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (import_id, seq)
);
CREATE INDEX import_rows_pending ON import_rows (import_id, committed, seq);

CREATE TABLE payment_identities (
  id           INTEGER PRIMARY KEY,
  source       TEXT NOT NULL,
  external_id  TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('payment', 'refund', 'reversal')),
  gift_id      INTEGER REFERENCES gifts (id),
  import_id    INTEGER REFERENCES imports (id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (source, external_id)
);

CREATE TABLE constituent_external_ids (
  id              INTEGER PRIMARY KEY,
  source          TEXT NOT NULL,
  external_id     TEXT NOT NULL,
  constituent_id  INTEGER NOT NULL REFERENCES constituents (id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (source, external_id)
);
CREATE INDEX constituent_external_ids_constituent ON constituent_external_ids (constituent_id);

CREATE TABLE designation_rules (
  id          INTEGER PRIMARY KEY,
  field       TEXT NOT NULL DEFAULT 'any' CHECK (field IN ('any', 'description', 'fund_hint')),
  pattern     TEXT NOT NULL,
  fund_id     INTEGER NOT NULL REFERENCES funds (id),
  priority    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
