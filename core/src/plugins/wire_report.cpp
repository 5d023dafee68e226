// The report half of plugins/wire.hpp: values, parameters, tables, query rows.
#include "plugins/wire.hpp"

namespace steward::plugins::wire {

json value_to_json(const sdk::Value& v) {
  switch (sdk::type_of(v)) {
    case sdk::ValueType::kNull:
      return {{"t", "null"}};
    case sdk::ValueType::kBoolean:
      return {{"t", "boolean"}, {"v", std::get<bool>(v)}};
    case sdk::ValueType::kInteger:
      return {{"t", "integer"}, {"v", std::get<std::int64_t>(v)}};
    case sdk::ValueType::kNumber:
      return {{"t", "number"}, {"v", std::get<double>(v)}};
    case sdk::ValueType::kText:
      return {{"t", "text"}, {"v", std::get<std::string>(v)}};
    case sdk::ValueType::kDate:
      return {{"t", "date"}, {"v", std::get<sdk::Date>(v).iso()}};
    case sdk::ValueType::kMoney: {
      const auto& m = std::get<sdk::Money>(v);
      return {{"t", "money"}, {"v", m.minor}, {"c", m.currency}};
    }
  }
  return {{"t", "null"}};
}

sdk::Value value_from_json(const json& j) {
  std::string t = j.at("t").get<std::string>();
  if (t == "boolean") return j.at("v").get<bool>();
  if (t == "integer") return j.at("v").get<std::int64_t>();
  if (t == "number") return j.at("v").get<double>();
  if (t == "text") return j.at("v").get<std::string>();
  if (t == "date") {
    sdk::Date d;
    sdk::Date::parse(j.at("v").get<std::string>(), d);
    return d;
  }
  if (t == "money") return sdk::Money{j.at("v").get<std::int64_t>(), j.at("c").get<std::string>()};
  return std::monostate{};
}

json values_to_json(const std::vector<sdk::Value>& values) {
  json out = json::array();
  for (const auto& v : values) out.push_back(value_to_json(v));
  return out;
}

std::vector<sdk::Value> values_from_json(const json& j) {
  std::vector<sdk::Value> out;
  for (const auto& v : j) out.push_back(value_from_json(v));
  return out;
}

json params_to_json(const std::map<std::string, sdk::Value>& params) {
  json out = json::object();
  for (const auto& [k, v] : params) out[k] = value_to_json(v);
  return out;
}

std::map<std::string, sdk::Value> params_from_json(const json& j) {
  std::map<std::string, sdk::Value> out;
  for (const auto& [k, v] : j.items()) out[k] = value_from_json(v);
  return out;
}

json specs_to_json(const std::vector<sdk::ParameterSpec>& specs) {
  json out = json::array();
  for (const auto& s : specs) {
    out.push_back({{"name", s.name},
                   {"label", s.label},
                   {"type", static_cast<int>(s.type)},
                   {"default", value_to_json(s.default_value)},
                   {"choices", s.choices},
                   {"required", s.required}});
  }
  return out;
}

std::vector<sdk::ParameterSpec> specs_from_json(const json& j) {
  std::vector<sdk::ParameterSpec> out;
  for (const auto& s : j) {
    sdk::ParameterSpec p;
    p.name = s.at("name").get<std::string>();
    p.label = s.at("label").get<std::string>();
    p.type = static_cast<sdk::ValueType>(s.at("type").get<int>());
    p.default_value = value_from_json(s.at("default"));
    p.choices = s.at("choices").get<std::vector<std::string>>();
    p.required = s.at("required").get<bool>();
    out.push_back(std::move(p));
  }
  return out;
}

json table_to_json(const sdk::Table& t) {
  json columns = json::array();
  for (const auto& c : t.columns) {
    columns.push_back({{"name", c.name}, {"label", c.label}, {"type", static_cast<int>(c.type)}});
  }
  json rows = json::array();
  for (const auto& r : t.rows) rows.push_back(values_to_json(r));
  json out = {{"columns", columns}, {"rows", rows}};
  if (t.chart) {
    out["chart"] = {{"kind", static_cast<int>(t.chart->kind)},
                    {"x", t.chart->x_column},
                    {"y", t.chart->y_columns}};
  }
  return out;
}

sdk::Table table_from_json(const json& j) {
  sdk::Table t;
  for (const auto& c : j.at("columns")) {
    t.columns.push_back({c.at("name").get<std::string>(), c.at("label").get<std::string>(),
                         static_cast<sdk::ValueType>(c.at("type").get<int>())});
  }
  for (const auto& r : j.at("rows")) t.rows.push_back(values_from_json(r));
  if (j.contains("chart")) {
    const auto& c = j.at("chart");
    t.chart =
        sdk::ChartHint{static_cast<sdk::ChartKind>(c.at("kind").get<int>()),
                       c.at("x").get<std::string>(), c.at("y").get<std::vector<std::string>>()};
  }
  return t;
}

json rows_to_json(const sdk::QueryRows& r) {
  json rows = json::array();
  for (const auto& row : r.rows) rows.push_back(values_to_json(row));
  return {{"columns", r.columns}, {"rows", rows}};
}

sdk::QueryRows rows_from_json(const json& j) {
  sdk::QueryRows r;
  r.columns = j.at("columns").get<std::vector<std::string>>();
  for (const auto& row : j.at("rows")) r.rows.push_back(values_from_json(row));
  return r;
}

}  // namespace steward::plugins::wire
