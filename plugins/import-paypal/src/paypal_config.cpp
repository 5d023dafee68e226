#include <nlohmann/json.hpp>

#include "steward/import_paypal/paypal_importer.hpp"
#include "steward/plugin_common/charset.hpp"

namespace steward::import_paypal {

sdk::Manifest manifest() {
  sdk::Manifest m;
  m.id = "org.steward.import.paypal";
  m.kind = sdk::PluginKind::kImporter;
  m.version = "1.0.0";
  m.name = "PayPal CSV";
  m.description =
      "PayPal activity download and statement CSVs (English, Spanish, French, German): "
      "donations, subscription payments, fees, refunds and reversals.";
  m.author = "Steward";
  m.license = "MIT";
  m.config_schema = R"({
  "type": "object",
  "properties": {
    "date_order": {"type": "string", "enum": ["auto", "mdy", "dmy"]},
    "decimal_style": {"type": "string", "enum": ["auto", "dot", "comma"]},
    "encoding": {"type": "string", "enum": ["utf-8", "latin-1", "windows-1252"]}
  },
  "additionalProperties": false
})";
  return m;
}

Result<PaypalConfig> parse_config(const std::string& json) {
  PaypalConfig config;
  nlohmann::json j = nlohmann::json::parse(json.empty() ? "{}" : json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::invalid("settings: not a JSON object");
  auto text = [&](const char* name) -> std::optional<std::string> {
    if (!j.contains(name) || !j.at(name).is_string()) return std::nullopt;
    return j.at(name).get<std::string>();
  };
  if (j.contains("date_order")) {
    auto v = text("date_order");
    auto order = v ? plugin_common::date_order_from_name(*v) : std::nullopt;
    if (!order || *order == plugin_common::DateOrder::kYmd) {
      return Status::invalid_field("date_order", "must be auto, mdy or dmy");
    }
    config.date_order = *order;
  }
  if (j.contains("decimal_style")) {
    auto v = text("decimal_style");
    auto style = v ? plugin_common::decimal_style_from_name(*v) : std::nullopt;
    if (!style) return Status::invalid_field("decimal_style", "must be auto, dot or comma");
    config.decimal_style = *style;
  }
  if (j.contains("encoding")) {
    auto v = text("encoding");
    if (!v || plugin_common::icu_charset_name(*v).empty()) {
      return Status::invalid_field("encoding", "must be utf-8, latin-1 or windows-1252");
    }
    config.encoding = *v;
  }
  return config;
}

}  // namespace steward::import_paypal
