#include <nlohmann/json.hpp>

#include "steward/import_stripe/stripe_importer.hpp"
#include "steward/plugin_common/text.hpp"

namespace steward::import_stripe {

sdk::Manifest manifest() {
  sdk::Manifest m;
  m.id = "org.steward.import.stripe";
  m.kind = sdk::PluginKind::kImporter;
  m.version = "1.0.0";
  m.name = "Stripe CSV";
  m.description =
      "Stripe Dashboard exports: payments (with refunds), refunds, disputes and the itemized "
      "balance report.";
  m.author = "Steward";
  m.license = "MIT";
  m.config_schema = R"({
  "type": "object",
  "properties": {
    "date_order": {"type": "string", "enum": ["auto", "mdy", "dmy"]},
    "fund_metadata_keys": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "campaign_metadata_keys": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "appeal_metadata_keys": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "interval_metadata_keys": {"type": "array", "items": {"type": "string", "minLength": 1}}
  },
  "additionalProperties": false
})";
  return m;
}

namespace {
Status read_keys(const nlohmann::json& j, const char* name, std::vector<std::string>& out) {
  if (!j.contains(name)) return {};
  const auto& v = j.at(name);
  if (!v.is_array()) return Status::invalid_field(name, "must be a list of metadata keys");
  out.clear();
  for (const auto& item : v) {
    if (!item.is_string() || item.get<std::string>().empty()) {
      return Status::invalid_field(name, "must be a list of non-empty texts");
    }
    out.push_back(plugin_common::normalize_name(item.get<std::string>()));
  }
  return {};
}
}  // namespace

Result<StripeConfig> parse_config(const std::string& json) {
  StripeConfig config;
  nlohmann::json j = nlohmann::json::parse(json.empty() ? "{}" : json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::invalid("settings: not a JSON object");
  if (j.contains("date_order")) {
    const auto& v = j.at("date_order");
    auto order =
        v.is_string() ? plugin_common::date_order_from_name(v.get<std::string>()) : std::nullopt;
    if (!order || *order == plugin_common::DateOrder::kYmd) {
      return Status::invalid_field("date_order", "must be auto, mdy or dmy");
    }
    config.date_order = *order;
  }
  if (Status s = read_keys(j, "fund_metadata_keys", config.fund_keys); !s) return s;
  if (Status s = read_keys(j, "campaign_metadata_keys", config.campaign_keys); !s) return s;
  if (Status s = read_keys(j, "appeal_metadata_keys", config.appeal_keys); !s) return s;
  if (Status s = read_keys(j, "interval_metadata_keys", config.interval_keys); !s) return s;
  return config;
}

}  // namespace steward::import_stripe
