-- Email appeals (SQLite): a send of an appeal to a segment and its frozen recipient list.
-- Mirrors migrations/postgresql/0018_appeal_sends.sql. See docs/mail.md ("Appeals") and
-- docs/decisions/0162-email-appeals-and-unsubscribe.md.
--
-- appeal_sends: one row per "send this appeal to this segment with this template". exclusions is
-- the JSON of the counts left out when the list was frozen ({"do_not_email": 3, ...}).
-- status: sending (the job has recipients left), finished, cancelled.
CREATE TABLE appeal_sends (
  id               INTEGER PRIMARY KEY,
  appeal_id        INTEGER NOT NULL REFERENCES appeals (id),
  segment_id       INTEGER NOT NULL REFERENCES segments (id),
  template_name    TEXT NOT NULL,
  mailer           TEXT NOT NULL,
  rate_per_minute  INTEGER NOT NULL CHECK (rate_per_minute >= 1),
  status           TEXT NOT NULL CHECK (status IN ('sending', 'finished', 'cancelled')),
  recipient_count  INTEGER NOT NULL CHECK (recipient_count >= 0),
  exclusions       TEXT NOT NULL DEFAULT '{}',
  job_id           INTEGER,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  finished_at      TEXT
);
CREATE INDEX appeal_sends_appeal ON appeal_sends (appeal_id, id);

-- appeal_send_recipients: the list, frozen when the send starts; one row per (send, donor), so a
-- donor can never be on one send twice. state: queued (not yet tried), sending (claimed: the
-- mailer has it or the process stopped while it did; never sent again by itself), sent,
-- rejected (reply = the server's answer), deferred (tried again later), skipped (became
-- do-not-email or unsubscribed after the list was frozen).
CREATE TABLE appeal_send_recipients (
  id               INTEGER PRIMARY KEY,
  appeal_send_id   INTEGER NOT NULL REFERENCES appeal_sends (id),
  constituent_id   INTEGER NOT NULL REFERENCES constituents (id),
  template_id      INTEGER NOT NULL REFERENCES mail_templates (id),
  address          TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'rejected', 'deferred', 'skipped')),
  attempts         INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  mail_message_id  INTEGER REFERENCES mail_messages (id),
  reply            TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL,
  UNIQUE (appeal_send_id, constituent_id)
);
CREATE INDEX appeal_send_recipients_state ON appeal_send_recipients (appeal_send_id, state, id);
CREATE INDEX appeal_send_recipients_constituent ON appeal_send_recipients (constituent_id);
