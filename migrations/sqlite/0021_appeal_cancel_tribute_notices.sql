-- Cancelling an appeal send, and tribute notifications (SQLite). Mirrors
-- migrations/postgresql/0021_appeal_cancel_tribute_notices.sql. See docs/mail.md and
-- docs/decisions/0201-appeal-cancel-and-tribute-notifications.md.
--
-- appeal_send_recipients.state gains 'cancelled': a recipient still queued (or deferred) when
-- the send was cancelled; never sent. SQLite cannot change a CHECK in place, so the table is
-- rebuilt with the same columns in the same order (nothing references it).
CREATE TABLE appeal_send_recipients_0021 (
  id               INTEGER PRIMARY KEY,
  appeal_send_id   INTEGER NOT NULL REFERENCES appeal_sends (id),
  constituent_id   INTEGER NOT NULL REFERENCES constituents (id),
  template_id      INTEGER NOT NULL REFERENCES mail_templates (id),
  address          TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'rejected', 'deferred', 'skipped', 'cancelled')),
  attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  mail_message_id  INTEGER REFERENCES mail_messages (id),
  reply            TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL,
  UNIQUE (appeal_send_id, constituent_id)
);
INSERT INTO appeal_send_recipients_0021 (id, appeal_send_id, constituent_id, template_id, address,
  state, attempts, mail_message_id, reply, created_at, updated_at)
SELECT id, appeal_send_id, constituent_id, template_id, address, state, attempts,
  mail_message_id, reply, created_at, updated_at FROM appeal_send_recipients;
DROP TABLE appeal_send_recipients;
ALTER TABLE appeal_send_recipients_0021 RENAME TO appeal_send_recipients;
CREATE INDEX appeal_send_recipients_state ON appeal_send_recipients (appeal_send_id, state, id);
CREATE INDEX appeal_send_recipients_constituent ON appeal_send_recipients (constituent_id);

-- tribute_notifications: the one notification per tribute gift to the person the donor asked
-- to tell (gifts.tribute_notify_id), made by the acknowledgment run. method: email (through
-- mail_message_id) or letter (printed into the run's letters PDF). UNIQUE (gift_id): once.
CREATE TABLE tribute_notifications (
  id               INTEGER PRIMARY KEY,
  gift_id          INTEGER NOT NULL UNIQUE REFERENCES gifts (id),
  constituent_id   INTEGER NOT NULL REFERENCES constituents (id),
  method           TEXT NOT NULL CHECK (method IN ('email', 'letter')),
  mail_message_id  INTEGER REFERENCES mail_messages (id),
  document         TEXT,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
);
CREATE INDEX tribute_notifications_constituent ON tribute_notifications (constituent_id);
