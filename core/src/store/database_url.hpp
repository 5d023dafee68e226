// Reading Steward's database URLs: "sqlite:PATH", "sqlite://PATH" or a plain path for SQLite;
// "postgresql://..." / "postgres://..." (a libpq URI) for PostgreSQL.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "steward/sdk/result.hpp"

namespace steward::store {

bool is_postgresql_url(const std::string& url);
// The SQLite file a URL names; nullopt for a PostgreSQL URL or an unknown scheme, "" when the
// URL names no file.
std::optional<std::string> sqlite_path_of(const std::string& url);
// The URI's settings as libpq reads them (keyword, value), e.g. {"host", "127.0.0.1"}.
// Errors: kInvalid naming `database` for a URI libpq cannot parse.
Result<std::vector<std::pair<std::string, std::string>>> libpq_settings(const std::string& url);
// libpq's key='value' form of the URI (SOCI mangles URIs); with `with_password` false the
// password is left out (for command lines of pg_dump and pg_restore, which get it through the
// environment instead).
Result<std::string> libpq_conninfo(const std::string& url, bool with_password = true);
// The URL without its password, for messages and logs.
std::string redact_url(const std::string& url);

}  // namespace steward::store
