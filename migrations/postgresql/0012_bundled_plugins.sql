-- Built-in plugins Steward has installed by itself (PostgreSQL). Mirrors
-- migrations/sqlite/0012_bundled_plugins.sql. See docs/plugin-sdk.md ("Built-in plugins").
-- A row stays after the admin removes the plugin, so a removed built-in is not installed again.

CREATE TABLE bundled_plugins (
  plugin_id   TEXT PRIMARY KEY,
  created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
