-- Idempotency keys for the API (docs/api.md, decision 0110): the first answer to a POST sent
-- with an Idempotency-Key, replayed for the same user, key and request for 24 hours.
CREATE TABLE idempotency_keys (
  id                INTEGER PRIMARY KEY,
  user_id           INTEGER NOT NULL REFERENCES users (id),
  idem_key          TEXT NOT NULL,
  method            TEXT NOT NULL,
  target            TEXT NOT NULL,
  body_sha256       TEXT NOT NULL,
  status            INTEGER,          -- NULL while the first request is running
  content_type      TEXT,
  response_headers  TEXT,             -- JSON object: Location, ETag
  response_body     TEXT,
  expires_at        TEXT NOT NULL,
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (user_id, idem_key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (expires_at);
