-- Built-in plugins Steward has installed by itself (SQLite). Mirrors
-- migrations/postgresql/0012_bundled_plugins.sql. See docs/plugin-sdk.md ("Built-in plugins").
-- A row stays after the admin removes the plugin, so a removed built-in is not installed again.

CREATE TABLE bundled_plugins (
  plugin_id   TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
