// The text checks on report SQL (engine/report_sandbox.hpp): one SELECT/WITH statement, no
// set_config, and `?` -> $n for PostgreSQL. The database enforces the rest (read-only session,
// role or authorizer); these catch mistakes early with a clear message.
#include <cctype>
#include <string>

#include "engine/report_sandbox.hpp"

namespace steward::engine {
namespace {

std::string sql_check_lower(std::string_view s) {
  std::string out(s);
  for (auto& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
}

// Walks sql, calling on_code(i) for each character outside quotes and comments.
template <typename F>
void walk_code(std::string_view sql, F&& on_code) {
  std::size_t i = 0;
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      std::size_t j = i + 1;
      while (j < sql.size()) {
        if (sql[j] == c) {
          if (j + 1 < sql.size() && sql[j + 1] == c) {
            j += 2;
            continue;
          }
          break;
        }
        ++j;
      }
      i = j + 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      while (i < sql.size() && sql[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      auto end = sql.find("*/", i + 2);
      i = end == std::string_view::npos ? sql.size() : end + 2;
    } else {
      on_code(i);
      ++i;
    }
  }
}

}  // namespace

Status check_report_sql(std::string_view sql) {
  std::string code;
  std::size_t last_semicolon = std::string_view::npos;
  walk_code(sql, [&](std::size_t i) {
    code.push_back(sql[i]);
    if (sql[i] == ';') last_semicolon = code.size() - 1;
  });
  std::string lc = sql_check_lower(code);
  std::size_t start = lc.find_first_not_of(" \t\r\n(");
  if (start == std::string::npos) return Status::invalid_field("sql", "is empty");
  auto word_at = [&](const char* w) {
    std::string_view word(w);
    return lc.compare(start, word.size(), word) == 0 &&
           (start + word.size() == lc.size() ||
            !std::isalnum(static_cast<unsigned char>(lc[start + word.size()])));
  };
  if (!word_at("select") && !word_at("with"))
    return Status::permission_denied(
        "report query refused: only SELECT or WITH statements may run");
  if (last_semicolon != std::string::npos &&
      lc.find_first_not_of(" \t\r\n", last_semicolon + 1) != std::string::npos)
    return Status::permission_denied("report query refused: one statement at a time");
  if (code.find(';') != last_semicolon)
    return Status::permission_denied("report query refused: one statement at a time");
  if (sql_check_lower(sql).find("set_config") != std::string::npos ||
      lc.find("u&") != std::string::npos)
    return Status::permission_denied(
        "report query refused: set_config and U& names are not allowed");
  return Status::ok();
}

std::string to_numbered_placeholders(std::string_view sql) {
  std::string out;
  int n = 0;
  std::size_t copied = 0;
  walk_code(sql, [&](std::size_t i) {
    if (sql[i] != '?') return;
    out.append(sql.substr(copied, i - copied));
    out += "$" + std::to_string(++n);
    copied = i + 1;
  });
  out.append(sql.substr(copied));
  return out;
}

}  // namespace steward::engine
