-- Mail (SQLite): templates and the log of messages sent. Mirrors migrations/postgresql/0010_mail.sql.
-- See docs/mail.md and docs/decisions/0160-mail-templates-and-delivery.md.
--
-- mail_templates: every save is a new row (version + 1 for that name and language); rows are
-- never updated or deleted (triggers refuse it), so a message log row always points at the exact
-- text that was sent. The current version of a template is the one with the highest version;
-- `active` = 0 on the current version retires the template.
CREATE TABLE mail_templates (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('thank_you_email', 'thank_you_letter', 'tribute', 'year_end', 'appeal')),
  language    TEXT NOT NULL,
  version     INTEGER NOT NULL CHECK (version >= 1),
  subject     TEXT NOT NULL,
  body_text   TEXT NOT NULL,
  body_html   TEXT NOT NULL DEFAULT '',
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  UNIQUE (name, language, version)
);
CREATE INDEX mail_templates_kind ON mail_templates (kind, language);
CREATE TRIGGER mail_templates_no_update BEFORE UPDATE ON mail_templates
BEGIN SELECT RAISE(ABORT, 'mail_templates rows are never changed: save a new version'); END;
CREATE TRIGGER mail_templates_no_delete BEFORE DELETE ON mail_templates
BEGIN SELECT RAISE(ABORT, 'mail_templates rows are never changed: save a new version'); END;

-- mail_messages: one row per message handed to a mailer (or about to be). state: sending (claimed,
-- the mailer has it or the process stopped while it did), accepted, rejected, deferred.
-- At most one thank-you that is sending or accepted per gift: two senders cannot both mail it.
CREATE TABLE mail_messages (
  id              INTEGER PRIMARY KEY,
  purpose         TEXT NOT NULL CHECK (purpose IN ('thank_you', 'tribute', 'year_end', 'appeal', 'other')),
  template_id     INTEGER REFERENCES mail_templates (id),
  constituent_id  INTEGER NOT NULL REFERENCES constituents (id),
  gift_id         INTEGER REFERENCES gifts (id),
  address         TEXT NOT NULL,
  subject         TEXT NOT NULL,
  message_id      TEXT NOT NULL UNIQUE,
  mailer          TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('sending', 'accepted', 'rejected', 'deferred')),
  reply           TEXT,
  sent_at         TEXT,
  created_by      TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);
CREATE INDEX mail_messages_constituent ON mail_messages (constituent_id, created_at);
CREATE INDEX mail_messages_gift ON mail_messages (gift_id);
CREATE UNIQUE INDEX mail_messages_one_per_gift ON mail_messages (gift_id, purpose)
  WHERE state IN ('sending', 'accepted');
