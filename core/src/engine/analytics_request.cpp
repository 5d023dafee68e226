#include "engine/analytics_request.hpp"

#include <algorithm>

namespace steward::engine::analytics {
namespace {

using nlohmann::json;

Result<std::vector<std::string>> strings(const json& body, const std::string& key) {
  std::vector<std::string> out;
  if (!body.contains(key)) return out;
  const json& v = body.at(key);
  if (!v.is_array()) return Status::invalid_field(key, "must be an array of names");
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (!v[i].is_string())
      return Status::invalid_field(key + "[" + std::to_string(i) + "]", "must be a name");
    out.push_back(v[i].get<std::string>());
  }
  return out;
}

Result<sdk::Value> scalar(const json& v, const std::string& at) {
  if (v.is_number_integer()) return sdk::Value{v.get<std::int64_t>()};
  if (v.is_string()) return sdk::Value{v.get<std::string>()};
  return Status::invalid_field(at, "must be an integer or text");
}

Result<Filter> filter(const json& v, const std::string& at) {
  if (!v.is_object()) return Status::invalid_field(at, "must be an object {field, op, value(s)}");
  Filter f;
  for (const auto& [key, value] : v.items()) {
    if (key != "field" && key != "op" && key != "value" && key != "values")
      return Status::invalid_field(at + "." + key, "unknown key (known: field, op, value, values)");
  }
  if (!v.contains("field") || !v.at("field").is_string())
    return Status::invalid_field(at + ".field", "is required");
  f.field = v.at("field").get<std::string>();
  f.op = v.contains("op") && v.at("op").is_string() ? v.at("op").get<std::string>() : "";
  if (f.op.empty()) f.op = v.contains("values") ? "in" : "=";
  if (v.contains("value")) {
    auto s = scalar(v.at("value"), at + ".value");
    if (!s) return s.status();
    f.values.push_back(*s);
  }
  if (v.contains("values")) {
    const json& list = v.at("values");
    if (!list.is_array()) return Status::invalid_field(at + ".values", "must be an array");
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto s = scalar(list[i], at + ".values[" + std::to_string(i) + "]");
      if (!s) return s.status();
      f.values.push_back(*s);
    }
  }
  return f;
}

}  // namespace

Result<Query> parse_query(const json& body) {
  if (!body.is_object()) return Status::invalid("the body must be a JSON object");
  static const std::vector<std::string> kKeys{"measures", "dimensions", "grain",
                                              "from",     "to",         "filters",
                                              "sort",     "limit",      "fiscal_year_start_month"};
  for (const auto& [key, value] : body.items()) {
    if (std::find(kKeys.begin(), kKeys.end(), key) == kKeys.end()) {
      std::string known;
      for (const auto& k : kKeys) known += (known.empty() ? "" : ", ") + k;
      return Status::invalid_field(key, "unknown key (known: " + known + ")");
    }
  }
  Query q;
  auto measures = strings(body, "measures");
  if (!measures) return measures.status();
  q.measures = std::move(*measures);
  auto dimensions = strings(body, "dimensions");
  if (!dimensions) return dimensions.status();
  q.dimensions = std::move(*dimensions);
  for (const char* key : {"grain", "from", "to"}) {
    if (!body.contains(key) || body.at(key).is_null()) continue;
    if (!body.at(key).is_string()) return Status::invalid_field(key, "must be text");
    const std::string v = body.at(key).get<std::string>();
    if (std::string(key) == "grain") q.grain = v;
    if (std::string(key) == "from") q.from = v;
    if (std::string(key) == "to") q.to = v;
  }
  if (body.contains("filters")) {
    const json& list = body.at("filters");
    if (!list.is_array()) return Status::invalid_field("filters", "must be an array");
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto f = filter(list[i], "filters[" + std::to_string(i) + "]");
      if (!f) return f.status();
      q.filters.push_back(std::move(*f));
    }
  }
  if (body.contains("sort")) {
    const json& list = body.at("sort");
    if (!list.is_array()) return Status::invalid_field("sort", "must be an array");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string at = "sort[" + std::to_string(i) + "]";
      SortKey k;
      if (list[i].is_string()) {
        k.field = list[i].get<std::string>();
        if (!k.field.empty() && k.field[0] == '-') {
          k.descending = true;
          k.field.erase(0, 1);
        }
      } else if (list[i].is_object() && list[i].contains("field") &&
                 list[i].at("field").is_string()) {
        k.field = list[i].at("field").get<std::string>();
        const std::string dir = list[i].value("direction", std::string("asc"));
        if (dir != "asc" && dir != "desc")
          return Status::invalid_field(at + ".direction", "must be asc or desc");
        k.descending = dir == "desc";
      } else {
        return Status::invalid_field(at, "must be a name or {field, direction}");
      }
      q.sort.push_back(std::move(k));
    }
  }
  if (body.contains("limit")) {
    if (!body.at("limit").is_number_integer())
      return Status::invalid_field("limit", "must be an integer");
    q.limit = body.at("limit").get<std::int64_t>();
  }
  if (body.contains("fiscal_year_start_month")) {
    if (!body.at("fiscal_year_start_month").is_number_integer())
      return Status::invalid_field("fiscal_year_start_month", "must be an integer");
    q.fiscal_year_start_month = body.at("fiscal_year_start_month").get<int>();
  }
  return q;
}

}  // namespace steward::engine::analytics
