#include "app/config.hpp"

#include <cstdlib>
#include <filesystem>
#include <set>

#include <toml++/toml.h>

#include "app/config_server.hpp"

namespace steward::app {
namespace {

Status config_bad_key(const std::string& path, const std::string& key, const std::string& why) {
  return Status::invalid_field(key, why + " (in " + path + ")");
}

bool parse_size(const char* text, long long& out) {
  char* end = nullptr;
  out = std::strtoll(text, &end, 10);
  return end && *end == '\0' && end != text;
}

// The [jobs] table: enabled (boolean), poll_ms (50..600000).
Status load_jobs_table(const std::string& path, const toml::table& root, Config& config) {
  const toml::node* node = root.get("jobs");
  if (!node) return Status::ok();
  const toml::table* jobs = node->as_table();
  if (!jobs) return config_bad_key(path, "jobs", "must be a table ([jobs])");
  for (const auto& [key, value] : *jobs) {
    std::string k(key.str());
    if (k != "enabled" && k != "poll_ms")
      return config_bad_key(path, "jobs." + k, "unknown setting");
  }
  if (const toml::node* enabled = jobs->get("enabled")) {
    auto v = enabled->value<bool>();
    if (!v) return config_bad_key(path, "jobs.enabled", "must be true or false");
    config.jobs_enabled = *v;
  }
  if (const toml::node* poll = jobs->get("poll_ms")) {
    auto v = poll->value<long long>();
    if (!v || *v < 50 || *v > 600000) {
      return config_bad_key(path, "jobs.poll_ms", "must be an integer between 50 and 600000");
    }
    config.jobs_poll_ms = static_cast<int>(*v);
  }
  return Status::ok();
}

}  // namespace

Status load_config_file(const std::string& path, bool required, Config& config) {
  if (!std::filesystem::exists(path)) {
    if (required) return Status::invalid_field("config", "file " + path + " does not exist");
    return Status::ok();
  }
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Status::invalid_field("config", path + ": " + std::string(e.description()));
  }
  static const std::set<std::string> kKnown = {"database",          "listen",
                                               "pool_size",         "io_threads",
                                               "log_level",         "ui_dir",
                                               "secret_key_file",   "jobs",
                                               "sessions",          "tls",
                                               "trusted_proxies",   "plugin_dir",
                                               "plugin_timeout_ms", "bundled_plugin_dir",
                                               "upload_limit_mb"};
  for (const auto& [key, value] : table) {
    std::string k(key.str());
    if (!kKnown.count(k)) return config_bad_key(path, k, "unknown setting");
  }
  auto text = [&](const char* key, std::string& out) -> Status {
    if (auto node = table[key]) {
      if (auto v = node.value<std::string>()) {
        out = *v;
      } else {
        return config_bad_key(path, key, "must be a string");
      }
    }
    return Status::ok();
  };
  auto integer = [&](const char* key, long long min, long long max, long long& out) -> Status {
    if (auto node = table[key]) {
      auto v = node.value<long long>();
      if (!v) return config_bad_key(path, key, "must be an integer");
      if (*v < min || *v > max) {
        return config_bad_key(
            path, key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
      }
      out = *v;
    }
    return Status::ok();
  };
  long long pool = static_cast<long long>(config.pool_size);
  long long threads = config.io_threads;
  long long plugin_timeout = config.plugin_timeout_ms;
  long long upload_limit = config.upload_limit_mb;
  for (Status s :
       {text("database", config.database), text("listen", config.listen),
        text("log_level", config.log_level), text("ui_dir", config.ui_dir),
        text("secret_key_file", config.secret_key_file), text("plugin_dir", config.plugin_dir),
        integer("plugin_timeout_ms", 100, 3600000, plugin_timeout),
        text("bundled_plugin_dir", config.bundled_plugin_dir),
        integer("upload_limit_mb", 1, 4096, upload_limit), integer("pool_size", 1, 256, pool),
        integer("io_threads", 1, 256, threads)}) {
    if (!s) return s;
  }
  config.pool_size = static_cast<std::size_t>(pool);
  config.io_threads = static_cast<int>(threads);
  config.plugin_timeout_ms = static_cast<int>(plugin_timeout);
  config.upload_limit_mb = static_cast<int>(upload_limit);
  if (Status s = load_jobs_table(path, table, config); !s) return s;
  return load_server_settings(path, table, config);
}

Status apply_environment(Config& config) {
  if (const char* v = std::getenv("STEWARD_DATABASE"); v && *v) config.database = v;
  if (const char* v = std::getenv("STEWARD_LISTEN"); v && *v) config.listen = v;
  if (const char* v = std::getenv("STEWARD_LOG_LEVEL"); v && *v) config.log_level = v;
  if (const char* v = std::getenv("STEWARD_UI_DIR"); v && *v) config.ui_dir = v;
  if (const char* v = std::getenv("STEWARD_SECRET_KEY_FILE"); v && *v) config.secret_key_file = v;
  if (const char* v = std::getenv("STEWARD_PLUGIN_DIR"); v && *v) config.plugin_dir = v;
  if (const char* v = std::getenv("STEWARD_BUNDLED_PLUGIN_DIR"); v && *v) {
    config.bundled_plugin_dir = v;
  }
  if (const char* v = std::getenv("STEWARD_UPLOAD_LIMIT_MB"); v && *v) {
    long long n = 0;
    if (!parse_size(v, n) || n < 1 || n > 4096) {
      return Status::invalid_field("STEWARD_UPLOAD_LIMIT_MB", "must be an integer from 1 to 4096");
    }
    config.upload_limit_mb = static_cast<int>(n);
  }
  if (const char* v = std::getenv("STEWARD_PLUGIN_TIMEOUT_MS"); v && *v) {
    long long n = 0;
    if (!parse_size(v, n) || n < 100 || n > 3600000) {
      return Status::invalid_field("STEWARD_PLUGIN_TIMEOUT_MS",
                                   "must be an integer from 100 to 3600000");
    }
    config.plugin_timeout_ms = static_cast<int>(n);
  }
  if (const char* v = std::getenv("STEWARD_POOL_SIZE"); v && *v) {
    long long n = 0;
    if (!parse_size(v, n) || n < 1 || n > 256) {
      return Status::invalid_field("STEWARD_POOL_SIZE", "must be an integer from 1 to 256");
    }
    config.pool_size = static_cast<std::size_t>(n);
  }
  if (const char* v = std::getenv("STEWARD_IO_THREADS"); v && *v) {
    long long n = 0;
    if (!parse_size(v, n) || n < 1 || n > 256) {
      return Status::invalid_field("STEWARD_IO_THREADS", "must be an integer from 1 to 256");
    }
    config.io_threads = static_cast<int>(n);
  }
  if (const char* v = std::getenv("STEWARD_JOBS_ENABLED"); v && *v) {
    std::string t(v);
    if (t == "1" || t == "true" || t == "yes" || t == "on") {
      config.jobs_enabled = true;
    } else if (t == "0" || t == "false" || t == "no" || t == "off") {
      config.jobs_enabled = false;
    } else {
      return Status::invalid_field("STEWARD_JOBS_ENABLED", "must be true or false");
    }
  }
  if (const char* v = std::getenv("STEWARD_JOBS_POLL_MS"); v && *v) {
    long long n = 0;
    if (!parse_size(v, n) || n < 50 || n > 600000) {
      return Status::invalid_field("STEWARD_JOBS_POLL_MS", "must be an integer from 50 to 600000");
    }
    config.jobs_poll_ms = static_cast<int>(n);
  }
  return apply_server_environment(config);
}

}  // namespace steward::app
