// libFuzzer target: analytics queries from their JSON form (POST /api/v1/analytics/query).
// Any query that parses and validates must compile, with every value bound: as many `?`
// placeholders in the SQL as parameters. A mismatch would mean a value spliced into the SQL
// text, so it aborts like a crash.
// fuzz-core-sources: domain/date.cpp engine/analytics_compile.cpp engine/analytics_request.cpp
// fuzz-core-sources: engine/analytics_validate.cpp store/database.cpp store/database_url.cpp
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/analytics_query.hpp"
#include "engine/analytics_request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace analytics = steward::engine::analytics;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) return 0;
  auto query = analytics::parse_query(json);
  if (!query) return 0;
  if (!analytics::validate(query.value())) return 0;

  analytics::Context context;
  context.from = query->from.empty() ? "2025-07-01" : query->from;
  context.to = query->to.empty() ? "2026-06-30" : query->to;
  context.fiscal_year_start_month = query->fiscal_year_start_month.value_or(7);
  context.sees_restricted = (size % 2) == 0;
  for (std::int64_t id = 1; id <= 3; ++id) {
    analytics::Segment segment;
    segment.id = id;
    segment.name = "segment " + std::to_string(id);
    segment.condition = "c.id > ? AND c.kind <> ?";
    segment.params = {steward::sdk::Value{id}, steward::sdk::Value{std::string("household")}};
    context.segments.push_back(segment);
  }
  const auto compiled = analytics::compile(query.value(), context);
  const auto placeholders =
      static_cast<std::size_t>(std::count(compiled.sql.begin(), compiled.sql.end(), '?'));
  if (placeholders != compiled.params.size()) std::abort();
  return 0;
}
