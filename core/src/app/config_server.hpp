// The server-hardening settings of a process (config_server.cpp): the [sessions] and [tls]
// tables and trusted_proxies from the TOML file, and their STEWARD_* environment variables.
// Used by config.cpp; see config.hpp for the table of keys.
#pragma once

#include <string>

#include <toml++/toml.h>

#include "app/config.hpp"

namespace steward::app {

// Reads the keys below from the parsed file; unknown keys and wrong types name the key.
Status load_server_settings(const std::string& path, const toml::table& root, Config& config);
// STEWARD_SESSION_IDLE_MINUTES, STEWARD_SESSION_ABSOLUTE_HOURS, STEWARD_TRUSTED_PROXIES
// (comma-separated), STEWARD_TLS_CERT_FILE, STEWARD_TLS_KEY_FILE.
Status apply_server_environment(Config& config);

}  // namespace steward::app
