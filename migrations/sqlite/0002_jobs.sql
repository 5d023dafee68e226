-- Background jobs (SQLite). Mirrors migrations/postgresql/0002_jobs.sql. See docs/jobs.md.
-- Instants are UTC 'YYYY-MM-DDTHH:MM:SSZ' text, so text order is time order.

CREATE TABLE jobs (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,
  payload       TEXT NOT NULL DEFAULT '{}',
  status        TEXT NOT NULL DEFAULT 'queued'
                CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  attempts      INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  max_attempts  INTEGER NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
  run_after     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  unique_key    TEXT,
  locked_by     TEXT,
  locked_until  TEXT,
  last_error    TEXT,
  result        TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  finished_at   TEXT
);

-- Claiming: the oldest due queued job.
CREATE INDEX jobs_due ON jobs (run_after, id) WHERE status = 'queued';
-- Lease expiry: running jobs by lease end.
CREATE INDEX jobs_leases ON jobs (locked_until) WHERE status = 'running';
-- At most one unfinished job per unique_key ("recurring.process:2026-11-29").
CREATE UNIQUE INDEX jobs_unique_unfinished ON jobs (unique_key)
  WHERE unique_key IS NOT NULL AND status IN ('queued', 'running');
-- The scheduler's "already ran today?" lookup, whatever the status.
CREATE INDEX jobs_unique_key ON jobs (unique_key);
CREATE INDEX jobs_status_kind ON jobs (status, kind, id);
