#include "store/database_url.hpp"

#include <libpq-fe.h>

namespace steward::store {
namespace {

bool starts_with(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

bool is_postgresql_url(const std::string& url) {
  return starts_with(url, "postgresql://") || starts_with(url, "postgres://");
}

std::optional<std::string> sqlite_path_of(const std::string& url) {
  if (!starts_with(url, "sqlite:") && url.find("://") != std::string::npos) return std::nullopt;
  std::string path = starts_with(url, "sqlite:") ? url.substr(7) : url;
  if (starts_with(path, "//")) path = path.substr(2);  // sqlite://path
  return path;
}

Result<std::vector<std::pair<std::string, std::string>>> libpq_settings(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string why = error ? error : "cannot parse";
    PQfreemem(error);
    return Status::invalid_field("database", "bad PostgreSQL URL: " + why);
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (o->val) out.emplace_back(o->keyword, o->val);
  }
  PQconninfoFree(options);
  return out;
}

Result<std::string> libpq_conninfo(const std::string& url, bool with_password) {
  auto settings = libpq_settings(url);
  if (!settings) return settings.status();
  std::string out;
  for (const auto& [keyword, raw] : *settings) {
    if (!with_password && keyword == "password") continue;
    std::string value;
    for (char c : raw) {
      if (c == '\\' || c == '\'') value += '\\';
      value += c;
    }
    out += keyword + "='" + value + "' ";
  }
  return out;
}

std::string redact_url(const std::string& url) {
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + ":***" + url.substr(at);
}

}  // namespace steward::store
