// libFuzzer target: segment filters (the text and JSON forms) and their SQL. Any filter that
// parses must compile, and the compiled SQL must carry every value as a bound ":pN" parameter:
// as many placeholders as parameters, numbered in order. A mismatch would mean a value spliced
// into the SQL text, so it aborts like a crash.
// fuzz-core-sources: domain/date.cpp domain/money.cpp domain/segment_filter.cpp
// fuzz-core-sources: domain/validation.cpp engine/segment_sql.cpp
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "domain/segment_filter.hpp"
#include "engine/segment_sql.hpp"

namespace {

std::size_t count_placeholders(const std::string& sql) {
  std::size_t n = 0;
  for (std::size_t i = sql.find(":p"); i != std::string::npos; i = sql.find(":p", i + 2)) {
    if (i + 2 < sql.size() && sql[i + 2] >= '0' && sql[i + 2] <= '9') ++n;
  }
  return n;
}

void check_compiles(const steward::domain::segment::Filter& filter) {
  namespace sql = steward::engine::segment_sql;
  sql::Context context;
  context.fiscal_year_start_month = 7;
  context.today = steward::domain::Date(2026, 11, 29);
  auto condition = sql::compile(filter, context);
  if (count_placeholders(condition.sql) != condition.params.size()) std::abort();
  auto ids = sql::select_ids(filter, context);
  if (count_placeholders(ids.sql) != ids.params.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace segment = steward::domain::segment;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  segment::ParseOptions options;
  if (auto parsed = segment::parse(text, options)) check_compiles(parsed.value());
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (!json.is_discarded()) {
    if (auto parsed = segment::parse_json(json, options)) check_compiles(parsed.value());
  }
  return 0;
}
