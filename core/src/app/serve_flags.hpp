// The `steward serve` flags for sessions, trusted proxies and TLS (they win over the config
// file and the environment), and the http::ApiOptions a Config gives.
//   --session-idle-minutes N  --session-absolute-hours N
//   --trusted-proxy ADDRESS (repeatable; replaces the configured list)
//   --tls-cert-file PATH  --tls-key-file PATH
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/config.hpp"
#include "http/api.hpp"

namespace steward::app {

struct ServeFlags {
  int idle_minutes = 0;    // 0: not given
  int absolute_hours = 0;  // 0: not given
  std::vector<std::string> trusted_proxies;
  std::string tls_cert_file;
  std::string tls_key_file;
};

void add_serve_flags(CLI::App& serve, ServeFlags& flags);
// Applies the flags that were given over `config` and checks the result (errors name the flag).
Status apply_serve_flags(const ServeFlags& flags, Config& config);
// Session timeouts from [sessions]; Secure cookies when TLS is on.
http::ApiOptions api_options_from(const Config& config);

}  // namespace steward::app
