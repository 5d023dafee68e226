#include "app/config_server.hpp"

#include <cstdlib>

#include "http/forwarded.hpp"

namespace steward::app {
namespace {

constexpr long long kMaxIdleMinutes = 24 * 60;    // a day
constexpr long long kMaxAbsoluteHours = 24 * 30;  // a month

Status server_bad_key(const std::string& path, const std::string& key, const std::string& why) {
  return Status::invalid_field(key, why + " (in " + path + ")");
}

Status read_int(const std::string& path, const toml::table& table, const std::string& prefix,
                const char* key, long long min, long long max, int& out) {
  const toml::node* node = table.get(key);
  if (!node) return Status::ok();
  auto v = node->value<long long>();
  if (!v || *v < min || *v > max) {
    return server_bad_key(
        path, prefix + key,
        "must be an integer between " + std::to_string(min) + " and " + std::to_string(max));
  }
  out = static_cast<int>(*v);
  return Status::ok();
}

Status read_text(const std::string& path, const toml::table& table, const std::string& prefix,
                 const char* key, std::string& out) {
  const toml::node* node = table.get(key);
  if (!node) return Status::ok();
  auto v = node->value<std::string>();
  if (!v) return server_bad_key(path, prefix + key, "must be a string");
  out = *v;
  return Status::ok();
}

const toml::table* subtable(const toml::table& root, const char* name, Status& error,
                            const std::string& path) {
  const toml::node* node = root.get(name);
  if (!node) return nullptr;
  const toml::table* t = node->as_table();
  if (!t) error = server_bad_key(path, name, std::string("must be a table ([") + name + "])");
  return t;
}

Status only_keys(const std::string& path, const toml::table& table, const std::string& prefix,
                 std::initializer_list<const char*> known) {
  for (const auto& [key, value] : table) {
    std::string k(key.str());
    bool ok = false;
    for (const char* name : known) ok = ok || k == name;
    if (!ok) return server_bad_key(path, prefix + k, "unknown setting");
  }
  return Status::ok();
}

Status env_int(const char* name, long long min, long long max, int& out) {
  const char* v = std::getenv(name);
  if (!v || !*v) return Status::ok();
  char* end = nullptr;
  long long n = std::strtoll(v, &end, 10);
  if (!end || *end != '\0' || n < min || n > max) {
    return Status::invalid_field(
        name, "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
  }
  out = static_cast<int>(n);
  return Status::ok();
}

}  // namespace

Status load_server_settings(const std::string& path, const toml::table& root, Config& config) {
  Status error = Status::ok();
  if (const toml::table* sessions = subtable(root, "sessions", error, path)) {
    if (Status s = only_keys(path, *sessions, "sessions.", {"idle_minutes", "absolute_hours"}); !s)
      return s;
    if (Status s = read_int(path, *sessions, "sessions.", "idle_minutes", 1, kMaxIdleMinutes,
                            config.session_idle_minutes);
        !s)
      return s;
    if (Status s = read_int(path, *sessions, "sessions.", "absolute_hours", 1, kMaxAbsoluteHours,
                            config.session_absolute_hours);
        !s)
      return s;
  }
  if (!error) return error;
  if (const toml::table* tls = subtable(root, "tls", error, path)) {
    if (Status s = only_keys(path, *tls, "tls.", {"cert_file", "key_file"}); !s) return s;
    if (Status s = read_text(path, *tls, "tls.", "cert_file", config.tls_cert_file); !s) return s;
    if (Status s = read_text(path, *tls, "tls.", "key_file", config.tls_key_file); !s) return s;
  }
  if (!error) return error;
  if (const toml::node* node = root.get("trusted_proxies")) {
    const toml::array* list = node->as_array();
    if (!list)
      return server_bad_key(path, "trusted_proxies",
                            "must be a list of IP addresses or CIDR ranges");
    config.trusted_proxies.clear();
    for (const toml::node& item : *list) {
      auto v = item.value<std::string>();
      if (!v)
        return server_bad_key(path, "trusted_proxies",
                              "must be a list of IP addresses or CIDR ranges");
      config.trusted_proxies.push_back(*v);
    }
  }
  return check_server_settings(config);
}

Status apply_server_environment(Config& config) {
  if (Status s =
          env_int("STEWARD_SESSION_IDLE_MINUTES", 1, kMaxIdleMinutes, config.session_idle_minutes);
      !s)
    return s;
  if (Status s = env_int("STEWARD_SESSION_ABSOLUTE_HOURS", 1, kMaxAbsoluteHours,
                         config.session_absolute_hours);
      !s)
    return s;
  if (const char* v = std::getenv("STEWARD_TLS_CERT_FILE"); v && *v) config.tls_cert_file = v;
  if (const char* v = std::getenv("STEWARD_TLS_KEY_FILE"); v && *v) config.tls_key_file = v;
  if (const char* v = std::getenv("STEWARD_TRUSTED_PROXIES"); v && *v) {
    config.trusted_proxies.clear();
    std::string all(v);
    std::size_t start = 0;
    while (start <= all.size()) {
      std::size_t comma = all.find(',', start);
      if (comma == std::string::npos) comma = all.size();
      std::string item = all.substr(start, comma - start);
      while (!item.empty() && item.front() == ' ') item.erase(item.begin());
      while (!item.empty() && item.back() == ' ') item.pop_back();
      if (!item.empty()) config.trusted_proxies.push_back(item);
      start = comma + 1;
    }
  }
  return check_server_settings(config);
}

Status check_server_settings(const Config& config) {
  for (const std::string& proxy : config.trusted_proxies) {
    if (Status s = http::check_trusted_proxy(proxy); !s) return s;
  }
  if (config.tls_cert_file.empty() != config.tls_key_file.empty()) {
    return Status::invalid_field(
        config.tls_cert_file.empty() ? "tls.cert_file" : "tls.key_file",
        "is needed too: set both tls.cert_file and tls.key_file, or neither");
  }
  return Status::ok();
}

}  // namespace steward::app
