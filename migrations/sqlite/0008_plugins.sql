-- Installed plugins (SQLite). Mirrors migrations/postgresql/0008_plugins.sql. See
-- docs/plugin-sdk.md and docs/admin-guide.md ("Plugins").
-- state: installed (present, disabled), enabled, failing (too many failed calls), missing (file
-- gone from the plugin directory), changed (file hash differs from the approved one).

CREATE TABLE plugins (
  id            INTEGER PRIMARY KEY,
  plugin_id     TEXT NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('importer', 'mailer', 'report')),
  version       TEXT NOT NULL,
  name          TEXT NOT NULL,
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  enabled       INTEGER NOT NULL DEFAULT 0,
  config        TEXT NOT NULL DEFAULT '{}',
  isolation     TEXT NOT NULL DEFAULT 'in_process' CHECK (isolation IN ('in_process', 'isolated')),
  state         TEXT NOT NULL DEFAULT 'installed'
                CHECK (state IN ('installed', 'enabled', 'failing', 'missing', 'changed')),
  last_error    TEXT,
  installed_by  TEXT NOT NULL,
  installed_at  TEXT NOT NULL,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL
);
