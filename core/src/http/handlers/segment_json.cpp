#include "http/handlers/segment_json.hpp"

#include "engine/segment_service.hpp"
#include "http/handlers/nested_errors.hpp"
#include "store/segment_repository.hpp"

namespace steward::http {

nlohmann::json segment_json(const domain::Segment& s) {
  auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"id", s.id},
          {"name", s.name},
          {"description", opt(s.description)},
          {"filter", nlohmann::json::parse(s.filter, nullptr, false)},
          {"created_by", opt(s.created_by)},
          {"created_at", s.created_at},
          {"updated_at", s.updated_at}};
}

Status filter_error(const Status& s) { return under_field(s, "filter"); }

Result<std::string> filter_for(Call& call, store::Unit& u, const std::string& filter_text) {
  auto parsed = engine::segments::parse_filter(u, filter_text);
  if (!parsed) return filter_error(parsed.status());
  if (call.sees_restricted()) return filter_text;
  // {} selects everyone and is not allowed inside a combinator.
  if (nlohmann::json::parse(filter_text, nullptr, false).empty()) {
    return std::string(R"({"restricted":false})");
  }
  return std::string(R"({"and":[)") + filter_text + R"(,{"restricted":false}]})";
}

Result<std::string> saved_filter_for(Call& call, store::Unit& u, long long segment_id) {
  auto segment = store::segments::get(u, segment_id);
  if (!segment) return segment.status();
  return filter_for(call, u, segment->filter);
}

}  // namespace steward::http
