-- Steward initial schema (SQLite). Mirrors migrations/postgresql/0001_initial.sql: same tables,
-- same columns. Money is integer minor units + ISO 4217 code; dates are 'YYYY-MM-DD' text;
-- instants are UTC 'YYYY-MM-DDTHH:MM:SSZ' text; booleans are 0/1.

CREATE TABLE settings (
  key         TEXT PRIMARY KEY,
  value       TEXT NOT NULL,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE constituents (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('individual', 'household', 'organization')),
  first_name         TEXT,
  middle_name        TEXT,
  last_name          TEXT,
  preferred_name     TEXT,
  organization_name  TEXT,
  display_name       TEXT NOT NULL,
  sort_name          TEXT NOT NULL,
  salutation         TEXT,
  addressee          TEXT,
  organization_type  TEXT CHECK (organization_type IN ('church', 'foundation', 'business', 'other')),
  restricted         INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
  donor_source       TEXT,
  do_not_email       INTEGER NOT NULL DEFAULT 0 CHECK (do_not_email IN (0, 1)),
  do_not_mail        INTEGER NOT NULL DEFAULT 0 CHECK (do_not_mail IN (0, 1)),
  do_not_call        INTEGER NOT NULL DEFAULT 0 CHECK (do_not_call IN (0, 1)),
  do_not_solicit     INTEGER NOT NULL DEFAULT 0 CHECK (do_not_solicit IN (0, 1)),
  anonymous_giver    INTEGER NOT NULL DEFAULT 0 CHECK (anonymous_giver IN (0, 1)),
  stage              TEXT CHECK (stage IN ('identify', 'qualify', 'cultivate', 'solicit', 'steward')),
  notes              TEXT,
  custom_fields      TEXT NOT NULL DEFAULT '{}',
  merged_into_id     INTEGER REFERENCES constituents (id),
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted_at         TEXT
);
CREATE INDEX constituents_sort_name ON constituents (sort_name, id);
CREATE INDEX constituents_kind ON constituents (kind);

CREATE TABLE emails (
  id              INTEGER PRIMARY KEY,
  constituent_id  INTEGER NOT NULL REFERENCES constituents (id),
  email           TEXT NOT NULL,
  kind            TEXT NOT NULL DEFAULT 'home' CHECK (kind IN ('home', 'work', 'other')),
  is_primary      INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  unsubscribed_at TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX emails_constituent ON emails (constituent_id);
CREATE INDEX emails_email ON emails (lower(email));
CREATE UNIQUE INDEX emails_one_primary ON emails (constituent_id) WHERE is_primary = 1;

CREATE TABLE phones (
  id               INTEGER PRIMARY KEY,
  constituent_id   INTEGER NOT NULL REFERENCES constituents (id),
  phone            TEXT NOT NULL,
  phone_normalized TEXT NOT NULL,
  kind             TEXT NOT NULL DEFAULT 'mobile' CHECK (kind IN ('mobile', 'home', 'work', 'other')),
  is_primary       INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX phones_constituent ON phones (constituent_id);
CREATE INDEX phones_normalized ON phones (phone_normalized);
CREATE UNIQUE INDEX phones_one_primary ON phones (constituent_id) WHERE is_primary = 1;

CREATE TABLE addresses (
  id              INTEGER PRIMARY KEY,
  constituent_id  INTEGER NOT NULL REFERENCES constituents (id),
  kind            TEXT NOT NULL DEFAULT 'home' CHECK (kind IN ('home', 'work', 'mailing', 'other')),
  line1           TEXT NOT NULL,
  line2           TEXT,
  line3           TEXT,
  city            TEXT,
  region          TEXT,
  postal_code     TEXT,
  country         TEXT NOT NULL DEFAULT 'US',
  is_primary      INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
  undeliverable   INTEGER NOT NULL DEFAULT 0 CHECK (undeliverable IN (0, 1)),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX addresses_constituent ON addresses (constituent_id);
CREATE INDEX addresses_postal_code ON addresses (postal_code);
CREATE UNIQUE INDEX addresses_one_primary ON addresses (constituent_id) WHERE is_primary = 1;

CREATE TABLE household_members (
  id              INTEGER PRIMARY KEY,
  household_id    INTEGER NOT NULL REFERENCES constituents (id),
  member_id       INTEGER NOT NULL REFERENCES constituents (id),
  role            TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('head', 'spouse', 'partner', 'child', 'member')),
  started_on      TEXT,
  ended_on        TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX household_members_household ON household_members (household_id);
CREATE UNIQUE INDEX household_members_one_current ON household_members (member_id) WHERE ended_on IS NULL;

CREATE TABLE relationships (
  id               INTEGER PRIMARY KEY,
  constituent_id   INTEGER NOT NULL REFERENCES constituents (id),
  related_id       INTEGER NOT NULL REFERENCES constituents (id),
  type             TEXT NOT NULL,
  reciprocal_type  TEXT NOT NULL,
  started_on       TEXT,
  ended_on         TEXT,
  notes            TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (constituent_id <> related_id)
);
CREATE INDEX relationships_constituent ON relationships (constituent_id);
CREATE INDEX relationships_related ON relationships (related_id);

CREATE TABLE funds (
  id                     INTEGER PRIMARY KEY,
  code                   TEXT NOT NULL UNIQUE,
  name                   TEXT NOT NULL,
  program                TEXT,
  description            TEXT,
  restricted             INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
  active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  monthly_need_minor     INTEGER CHECK (monthly_need_minor > 0),
  monthly_need_currency  TEXT,
  people_served          INTEGER CHECK (people_served >= 0),
  created_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK ((monthly_need_minor IS NULL) = (monthly_need_currency IS NULL))
);

CREATE TABLE campaigns (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  description   TEXT,
  goal_minor    INTEGER CHECK (goal_minor >= 0),
  currency      TEXT NOT NULL,
  starts_on     TEXT,
  ends_on       TEXT,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE appeals (
  id            INTEGER PRIMARY KEY,
  campaign_id   INTEGER NOT NULL REFERENCES campaigns (id),
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  channel       TEXT NOT NULL DEFAULT 'mail' CHECK (channel IN ('mail', 'email', 'event', 'online', 'phone', 'other')),
  goal_minor    INTEGER CHECK (goal_minor >= 0),
  currency      TEXT NOT NULL,
  starts_on     TEXT,
  ends_on       TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX appeals_campaign ON appeals (campaign_id);

CREATE TABLE gift_batches (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT NOT NULL,
  expected_count        INTEGER NOT NULL CHECK (expected_count >= 0),
  expected_total_minor  INTEGER NOT NULL CHECK (expected_total_minor >= 0),
  currency              TEXT NOT NULL,
  status                TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at             TEXT,
  created_by            TEXT,
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE recurring_plans (
  id                    INTEGER PRIMARY KEY,
  constituent_id        INTEGER NOT NULL REFERENCES constituents (id),
  amount_minor          INTEGER NOT NULL CHECK (amount_minor > 0),
  currency              TEXT NOT NULL,
  frequency             TEXT NOT NULL CHECK (frequency IN ('weekly', 'monthly', 'quarterly', 'yearly')),
  anchor_day            INTEGER NOT NULL CHECK (anchor_day BETWEEN 1 AND 31),
  starts_on             TEXT NOT NULL,
  ends_on               TEXT,
  status                TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'failing', 'lapsed', 'cancelled', 'completed')),
  fund_id               INTEGER REFERENCES funds (id),
  campaign_id           INTEGER REFERENCES campaigns (id),
  appeal_id             INTEGER REFERENCES appeals (id),
  processor             TEXT,
  processor_reference   TEXT,
  next_expected_on      TEXT,
  last_paid_on          TEXT,
  consecutive_failures  INTEGER NOT NULL DEFAULT 0,
  status_changed_at     TEXT,
  notes                 TEXT,
  version               INTEGER NOT NULL DEFAULT 1,
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (processor, processor_reference)
);
CREATE INDEX recurring_plans_constituent ON recurring_plans (constituent_id);
CREATE INDEX recurring_plans_status ON recurring_plans (status, next_expected_on);

CREATE TABLE recurring_plan_transitions (
  id           INTEGER PRIMARY KEY,
  plan_id      INTEGER NOT NULL REFERENCES recurring_plans (id),
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  reason       TEXT NOT NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX recurring_plan_transitions_plan ON recurring_plan_transitions (plan_id);

CREATE TABLE pledges (
  id                  INTEGER PRIMARY KEY,
  constituent_id      INTEGER NOT NULL REFERENCES constituents (id),
  amount_minor        INTEGER NOT NULL CHECK (amount_minor > 0),
  currency            TEXT NOT NULL,
  fund_id             INTEGER REFERENCES funds (id),
  campaign_id         INTEGER REFERENCES campaigns (id),
  appeal_id           INTEGER REFERENCES appeals (id),
  pledged_on          TEXT NOT NULL,
  status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fulfilled', 'written_off', 'cancelled')),
  written_off_minor   INTEGER NOT NULL DEFAULT 0 CHECK (written_off_minor >= 0),
  written_off_on      TEXT,
  write_off_reason    TEXT,
  notes               TEXT,
  version             INTEGER NOT NULL DEFAULT 1,
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted_at          TEXT
);
CREATE INDEX pledges_constituent ON pledges (constituent_id);

CREATE TABLE pledge_installments (
  id            INTEGER PRIMARY KEY,
  pledge_id     INTEGER NOT NULL REFERENCES pledges (id),
  seq           INTEGER NOT NULL CHECK (seq >= 1),
  due_on        TEXT NOT NULL,
  amount_minor  INTEGER NOT NULL CHECK (amount_minor > 0),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (pledge_id, seq)
);

CREATE TABLE gifts (
  id                          INTEGER PRIMARY KEY,
  constituent_id              INTEGER NOT NULL REFERENCES constituents (id),
  received_on                 TEXT NOT NULL,
  amount_minor                INTEGER NOT NULL CHECK (amount_minor > 0),
  currency                    TEXT NOT NULL,
  base_amount_minor           INTEGER NOT NULL CHECK (base_amount_minor >= 0),
  base_currency               TEXT NOT NULL,
  exchange_rate               TEXT NOT NULL DEFAULT '1',
  fee_minor                   INTEGER NOT NULL DEFAULT 0 CHECK (fee_minor >= 0),
  refunded_minor              INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
  base_refunded_minor         INTEGER NOT NULL DEFAULT 0 CHECK (base_refunded_minor >= 0),
  payment_method              TEXT NOT NULL CHECK (payment_method IN ('cash', 'check', 'card', 'ach', 'wire', 'stock', 'in_kind', 'other')),
  check_number                TEXT,
  status                      TEXT NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'pending', 'failed', 'refunded', 'partially_refunded')),
  source                      TEXT,
  external_id                 TEXT,
  idempotency_key             TEXT UNIQUE,
  request_hash                TEXT,
  campaign_id                 INTEGER REFERENCES campaigns (id),
  appeal_id                   INTEGER REFERENCES appeals (id),
  recurring_plan_id           INTEGER REFERENCES recurring_plans (id),
  pledge_id                   INTEGER REFERENCES pledges (id),
  tribute_type                TEXT CHECK (tribute_type IN ('in_honor', 'in_memory')),
  tribute_name                TEXT,
  tribute_notify_id           INTEGER REFERENCES constituents (id),
  tribute_notify_name         TEXT,
  anonymous                   INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
  in_kind_description         TEXT,
  acknowledged_at             TEXT,
  acknowledgment_method       TEXT CHECK (acknowledgment_method IN ('email', 'letter', 'phone', 'in_person', 'other')),
  receipt_number              TEXT UNIQUE,
  batch_id                    INTEGER REFERENCES gift_batches (id),
  notes                       TEXT,
  created_by                  TEXT,
  version                     INTEGER NOT NULL DEFAULT 1,
  created_at                  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at                  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted_at                  TEXT,
  UNIQUE (source, external_id),
  CHECK (refunded_minor <= amount_minor)
);
CREATE INDEX gifts_constituent ON gifts (constituent_id, received_on);
CREATE INDEX gifts_received_on ON gifts (received_on);
CREATE INDEX gifts_campaign ON gifts (campaign_id);
CREATE INDEX gifts_appeal ON gifts (appeal_id);
CREATE INDEX gifts_plan ON gifts (recurring_plan_id);
CREATE INDEX gifts_pledge ON gifts (pledge_id);
CREATE INDEX gifts_batch ON gifts (batch_id);
CREATE INDEX gifts_unacknowledged ON gifts (received_on) WHERE acknowledged_at IS NULL AND deleted_at IS NULL;

CREATE TABLE gift_allocations (
  id              INTEGER PRIMARY KEY,
  gift_id         INTEGER NOT NULL REFERENCES gifts (id),
  fund_id         INTEGER NOT NULL REFERENCES funds (id),
  amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
  refunded_minor  INTEGER NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CHECK (refunded_minor <= amount_minor)
);
CREATE INDEX gift_allocations_gift ON gift_allocations (gift_id);
CREATE INDEX gift_allocations_fund ON gift_allocations (fund_id);

CREATE TABLE soft_credits (
  id              INTEGER PRIMARY KEY,
  gift_id         INTEGER NOT NULL REFERENCES gifts (id),
  constituent_id  INTEGER NOT NULL REFERENCES constituents (id),
  amount_minor    INTEGER NOT NULL CHECK (amount_minor > 0),
  role            TEXT NOT NULL CHECK (role IN ('household_member', 'solicitor', 'church', 'matching_employer', 'tribute', 'other')),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (gift_id, constituent_id, role)
);
CREATE INDEX soft_credits_constituent ON soft_credits (constituent_id);

CREATE TABLE interactions (
  id              INTEGER PRIMARY KEY,
  constituent_id  INTEGER NOT NULL REFERENCES constituents (id),
  kind            TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'letter', 'visit', 'note')),
  occurred_at     TEXT NOT NULL,
  staff           TEXT,
  summary         TEXT NOT NULL,
  details         TEXT,
  restricted      INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1)),
  created_by      TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted_at      TEXT
);
CREATE INDEX interactions_constituent ON interactions (constituent_id, occurred_at);

CREATE TABLE tasks (
  id              INTEGER PRIMARY KEY,
  constituent_id  INTEGER REFERENCES constituents (id),
  assignee        TEXT NOT NULL,
  title           TEXT NOT NULL,
  details         TEXT,
  due_on          TEXT,
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  completed_at    TEXT,
  created_by      TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  deleted_at      TEXT
);
CREATE INDEX tasks_assignee ON tasks (assignee, status, due_on);
CREATE INDEX tasks_constituent ON tasks (constituent_id);

CREATE TABLE stage_history (
  id              INTEGER PRIMARY KEY,
  constituent_id  INTEGER NOT NULL REFERENCES constituents (id),
  from_stage      TEXT,
  to_stage        TEXT,
  changed_by      TEXT,
  note            TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX stage_history_constituent ON stage_history (constituent_id);

CREATE TABLE tags (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE constituent_tags (
  constituent_id  INTEGER NOT NULL REFERENCES constituents (id),
  tag_id          INTEGER NOT NULL REFERENCES tags (id),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (constituent_id, tag_id)
);
CREATE INDEX constituent_tags_tag ON constituent_tags (tag_id);

-- Giving summaries are derived data: kept exact in the same transaction as every gift change,
-- and rebuildable from gifts with `steward rollups rebuild`. Amounts are in the base currency.
-- "This/last fiscal year" are read from giving_by_year so they never go stale at year end.
CREATE TABLE giving_summaries (
  constituent_id         INTEGER PRIMARY KEY REFERENCES constituents (id),
  first_gift_on          TEXT,
  first_gift_minor       INTEGER NOT NULL DEFAULT 0,
  last_gift_on           TEXT,
  last_gift_minor        INTEGER NOT NULL DEFAULT 0,
  largest_gift_minor     INTEGER NOT NULL DEFAULT 0,
  gift_count             INTEGER NOT NULL DEFAULT 0,
  lifetime_minor         INTEGER NOT NULL DEFAULT 0,
  soft_credit_count      INTEGER NOT NULL DEFAULT 0,
  soft_credit_minor      INTEGER NOT NULL DEFAULT 0,
  created_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at             TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE giving_by_year (
  constituent_id  INTEGER NOT NULL REFERENCES constituents (id),
  fiscal_year     INTEGER NOT NULL,
  gift_count      INTEGER NOT NULL DEFAULT 0,
  total_minor     INTEGER NOT NULL DEFAULT 0,
  soft_credit_minor INTEGER NOT NULL DEFAULT 0,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  PRIMARY KEY (constituent_id, fiscal_year)
);

-- Append-only record of every change to donor data: who, what, when, before and after (JSON).
CREATE TABLE audit_events (
  id           INTEGER PRIMARY KEY,
  actor        TEXT NOT NULL,
  action       TEXT NOT NULL,
  entity_type  TEXT NOT NULL,
  entity_id    INTEGER,
  before_json  TEXT,
  after_json   TEXT,
  remote_addr  TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
