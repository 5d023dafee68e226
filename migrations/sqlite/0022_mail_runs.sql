-- Thank-you and statement runs as background jobs; tribute notices handled by hand (SQLite).
-- Mirrors migrations/postgresql/0022_mail_runs.sql. See docs/mail.md and
-- docs/decisions/0211-mail-runs-as-jobs.md.
--
-- mail_runs: one acknowledgment run (kind 'thank') or year-end statement run ('statements')
-- started from the API or the command line and carried out by the mail.run job. options: the
-- run's JSON request ({"since": ..., "gift_id": ...} or {"year": 2026, ...}). total: how many
-- items the run expected when it started. documents: JSON of the PDFs it wrote
-- ({"letters_pdf": "letters-....pdf", ...}). status: queued, running, finished, cancelled,
-- failed (error says why).
CREATE TABLE mail_runs (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('thank', 'statements')),
  options      TEXT NOT NULL DEFAULT '{}',
  status       TEXT NOT NULL CHECK (status IN ('queued', 'running', 'finished', 'cancelled', 'failed')),
  total        INTEGER NOT NULL DEFAULT 0 CHECK (total >= 0),
  documents    TEXT NOT NULL DEFAULT '{}',
  error        TEXT,
  job_id       INTEGER,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  finished_at  TEXT
);
CREATE INDEX mail_runs_kind ON mail_runs (kind, id);

-- mail_run_items: what a run did, one row per (run, section, key): section 'message' (a
-- thank-you email, key = gift), 'letter' (a thank-you letter, key = gift), 'tribute' (a tribute
-- notification, key = gift) or 'statement' (key = donor). body: the item's JSON as the API
-- answers it. Written in the unit that makes the outcome durable, so a resumed run neither
-- loses nor double-counts an item.
CREATE TABLE mail_run_items (
  id           INTEGER PRIMARY KEY,
  run_id       INTEGER NOT NULL REFERENCES mail_runs (id),
  section      TEXT NOT NULL CHECK (section IN ('message', 'letter', 'tribute', 'statement')),
  item_key     INTEGER NOT NULL,
  state        TEXT NOT NULL,
  body         TEXT NOT NULL DEFAULT '{}',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (run_id, section, item_key)
);

-- tribute_notifications.method gains 'by_hand': staff told the family themselves (a restricted
-- donor's gift, which is never notified automatically); note says how. Rebuilt: SQLite cannot
-- change a CHECK in place (nothing references the table).
CREATE TABLE tribute_notifications_0022 (
  id               INTEGER PRIMARY KEY,
  gift_id          INTEGER NOT NULL UNIQUE REFERENCES gifts (id),
  constituent_id   INTEGER NOT NULL REFERENCES constituents (id),
  method           TEXT NOT NULL CHECK (method IN ('email', 'letter', 'by_hand')),
  mail_message_id  INTEGER REFERENCES mail_messages (id),
  document         TEXT,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  note             TEXT
);
INSERT INTO tribute_notifications_0022 (id, gift_id, constituent_id, method, mail_message_id,
  document, created_by, created_at, updated_at)
SELECT id, gift_id, constituent_id, method, mail_message_id, document, created_by, created_at,
  updated_at FROM tribute_notifications;
DROP TABLE tribute_notifications;
ALTER TABLE tribute_notifications_0022 RENAME TO tribute_notifications;
CREATE INDEX tribute_notifications_constituent ON tribute_notifications (constituent_id);
