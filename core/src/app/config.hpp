// Steward's settings for a process: from a TOML file, then environment variables, then
// command-line flags (each later source wins). Only what a process needs to start lives here;
// organisation settings (name, base currency, fiscal year) live in the database.
//
//   steward.toml                       environment            flag
//   database = "sqlite:var/steward.db" STEWARD_DATABASE       --database
//   listen = "127.0.0.1:8080"          STEWARD_LISTEN         --listen (serve)
//   pool_size = 4                      STEWARD_POOL_SIZE
//   io_threads = 2                     STEWARD_IO_THREADS
//   log_level = "info"                 STEWARD_LOG_LEVEL
//   ui_dir = "ui-web/dist"             STEWARD_UI_DIR
//   secret_key_file = "var/secret.key" STEWARD_SECRET_KEY_FILE
//   [jobs] enabled = true              STEWARD_JOBS_ENABLED   (background worker in serve)
//   [jobs] poll_ms = 1000              STEWARD_JOBS_POLL_MS
//   [sessions] idle_minutes = 30       STEWARD_SESSION_IDLE_MINUTES    --session-idle-minutes
//   [sessions] absolute_hours = 12     STEWARD_SESSION_ABSOLUTE_HOURS  --session-absolute-hours
//   trusted_proxies = ["127.0.0.1"]    STEWARD_TRUSTED_PROXIES (a,b)   --trusted-proxy (repeat)
//   [tls] cert_file = "var/tls.crt"    STEWARD_TLS_CERT_FILE           --tls-cert-file
//   [tls] key_file = "var/tls.key"     STEWARD_TLS_KEY_FILE            --tls-key-file
// (the flags belong to `steward serve`; config_server.cpp reads these settings)
//   plugin_dir = "var/plugins"         STEWARD_PLUGIN_DIR     --plugin-dir
//   plugin_timeout_ms = 30000          STEWARD_PLUGIN_TIMEOUT_MS (per call, isolated plugins)
//   bundled_plugin_dir = ""            STEWARD_BUNDLED_PLUGIN_DIR (built-in plugins; "" = next
//                                      to the executable: <bin>/../plugins)
//   upload_limit_mb = 64               STEWARD_UPLOAD_LIMIT_MB (bodies of upload routes; others 1
//   MiB)
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "steward/sdk/result.hpp"

namespace steward::app {

struct Config {
  std::string database = "sqlite:var/steward.db";
  std::string listen = "127.0.0.1:8080";
  std::size_t pool_size = 4;
  int io_threads = 2;
  std::string log_level = "info";
  std::string ui_dir = "ui-web/dist";              // the built web UI; absent = API only
  std::string secret_key_file = "var/secret.key";  // seals TOTP secrets (auth/secret_box.hpp)
  bool jobs_enabled = true;         // run the job worker and daily scheduler inside `steward serve`
  int jobs_poll_ms = 1000;          // how often an idle worker looks for due jobs
  int session_idle_minutes = 30;    // a session ends after this long unused
  int session_absolute_hours = 12;  // ... and this long after sign-in
  std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-* headers are believed
  std::string tls_cert_file;                 // PEM chain; with tls_key_file: HTTPS only
  std::string tls_key_file;                  // PEM private key
  std::string plugin_dir = "var/plugins";    // the only directory plugins load from
  int plugin_timeout_ms = 30000;             // an isolated plugin call taking longer is killed
  std::string bundled_plugin_dir;            // built-in plugins to install on first run
  int upload_limit_mb = 64;                  // request body limit of the upload routes
};

// Reads `path` (TOML) over the defaults; a missing file is an error only when `required`.
// Unknown keys and wrong types are errors that name the key.
Status load_config_file(const std::string& path, bool required, Config& config);
// Applies STEWARD_* environment variables.
Status apply_environment(Config& config);
// Whether the TLS and proxy settings hang together: both TLS files or neither, and every
// trusted proxy an IP address. Errors name the setting.
Status check_server_settings(const Config& config);

}  // namespace steward::app
