-- Import refund reconciliation and exchange rates (SQLite). Mirrors
-- migrations/postgresql/0013_import_refunds_rates.sql. See docs/imports.md and
-- docs/decisions/0154-import-mapping-refunds-currency.md.
--
-- import_refund_lines: every refund/dispute figure a processor stated for a gift, by the line's
--   identity. part: 'refund_total' (a charge's cumulative Amount Refunded from a payments
--   export), 'refund' (one refund, re_...), 'dispute_total' (a charge's lost Disputed Amount),
--   'dispute' (one lost dispute). A gift's imported refunds are
--     max(largest refund_total, sum of refund) + max(largest dispute_total, sum of dispute)
--   capped by the gift's amount; an import applies only the difference to what the gift shows.
-- exchange_rates: base-currency units per unit of `currency` on `rate_on`, kept by the admin
--   (`steward import rates set EUR 2026-11-01 1.0875`). An import uses the latest rate on or
--   before the payment's date when the file gives no converted amount.
-- import_cancel_requests: `steward import cancel ID` on an import being committed: the
--   committer stops at its next chunk boundary and leaves it resumable; a second cancel (or a
--   cancel while nothing commits it) closes it as cancelled. Resume clears the request.

CREATE TABLE import_refund_lines (
  id            INTEGER PRIMARY KEY,
  source        TEXT NOT NULL,
  external_id   TEXT NOT NULL,
  gift_id       INTEGER NOT NULL REFERENCES gifts (id),
  part          TEXT NOT NULL
                CHECK (part IN ('refund_total', 'refund', 'dispute_total', 'dispute')),
  amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
  import_id     INTEGER REFERENCES imports (id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (source, external_id)
);
CREATE INDEX import_refund_lines_gift ON import_refund_lines (gift_id);

CREATE TABLE exchange_rates (
  id             INTEGER PRIMARY KEY,
  currency       TEXT NOT NULL,
  rate_on        TEXT NOT NULL,
  rate           TEXT NOT NULL,
  base_currency  TEXT NOT NULL,
  created_by     TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  UNIQUE (currency, rate_on)
);

CREATE TABLE import_cancel_requests (
  import_id     INTEGER PRIMARY KEY REFERENCES imports (id),
  requested_by  TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
