#include "steward/import_csv/csv_config.hpp"

#include <nlohmann/json.hpp>

#include <utility>
#include <vector>

#include "steward/import_csv/mapped_importer.hpp"
#include "steward/plugin_common/charset.hpp"
#include "steward/plugin_common/text.hpp"

namespace steward::import_csv {

namespace pc = plugin_common;

const char* config_schema() {
  return R"({
  "type": "object",
  "properties": {
    "date_column": {"type": "string", "minLength": 1},
    "amount_column": {"type": "string", "minLength": 1},
    "credit_column": {"type": "string", "minLength": 1},
    "debit_column": {"type": "string", "minLength": 1},
    "currency_column": {"type": "string", "minLength": 1},
    "currency": {"type": "string", "pattern": "^[A-Za-z]{3}$"},
    "email_column": {"type": "string", "minLength": 1},
    "name_column": {"type": "string", "minLength": 1},
    "first_name_column": {"type": "string", "minLength": 1},
    "last_name_column": {"type": "string", "minLength": 1},
    "fund_column": {"type": "string", "minLength": 1},
    "campaign_column": {"type": "string", "minLength": 1},
    "external_id_column": {"type": "string", "minLength": 1},
    "description_column": {"type": "string", "minLength": 1},
    "payer_id_column": {"type": "string", "minLength": 1},
    "fee_column": {"type": "string", "minLength": 1},
    "recurring_column": {"type": "string", "minLength": 1},
    "account": {"type": "string"},
    "payment_method": {"type": "string"},
    "date_format": {"type": "string", "enum": ["auto", "ymd", "mdy", "dmy"]},
    "decimal_style": {"type": "string", "enum": ["auto", "dot", "comma"]},
    "encoding": {"type": "string", "enum": ["utf-8", "cp949", "euc-kr", "latin-1", "windows-1252"]},
    "delimiter": {"type": "string", "enum": [",", ";", "\t", "|"]},
    "skip_rows": {"type": "integer", "minimum": 0, "maximum": 100},
    "negative_amounts": {"type": "string", "enum": ["skip", "refund"]}
  },
  "additionalProperties": false
})";
}

sdk::Manifest manifest() {
  sdk::Manifest m;
  m.id = "org.steward.import.csv";
  m.kind = sdk::PluginKind::kImporter;
  m.version = "1.0.0";
  m.name = "Mapped CSV";
  m.description =
      "Any CSV (a bank export, a spreadsheet of gifts) with the columns named in the settings; "
      "UTF-8, CP949/EUC-KR, Latin-1 or Windows-1252.";
  m.author = "Steward";
  m.license = "MIT";
  m.config_schema = config_schema();
  return m;
}

Result<CsvConfig> parse_config(const std::string& json) {
  CsvConfig c;
  nlohmann::json j = nlohmann::json::parse(json.empty() ? "{}" : json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return Status::invalid("settings: not a JSON object");
  if (j.empty()) return c;

  const std::vector<std::pair<const char*, std::string*>> texts = {
      {"date_column", &c.date_column},
      {"amount_column", &c.amount_column},
      {"credit_column", &c.credit_column},
      {"debit_column", &c.debit_column},
      {"currency_column", &c.currency_column},
      {"email_column", &c.email_column},
      {"name_column", &c.name_column},
      {"first_name_column", &c.first_name_column},
      {"last_name_column", &c.last_name_column},
      {"fund_column", &c.fund_column},
      {"campaign_column", &c.campaign_column},
      {"external_id_column", &c.external_id_column},
      {"description_column", &c.description_column},
      {"payer_id_column", &c.payer_id_column},
      {"fee_column", &c.fee_column},
      {"recurring_column", &c.recurring_column},
      {"currency", &c.currency},
      {"account", &c.account},
      {"payment_method", &c.payment_method},
      {"encoding", &c.encoding}};
  std::string date_format = "auto", decimal_style = "auto", delimiter = ",", negative = "skip";
  for (auto& [key, value] : j.items()) {
    bool known = false;
    for (const auto& [name, target] : texts) {
      if (key != name) continue;
      if (!value.is_string()) return Status::invalid_field(key, "must be text");
      *target = std::string(pc::trim(value.get<std::string>()));
      known = true;
    }
    for (auto [name, target] :
         {std::pair{"date_format", &date_format}, std::pair{"decimal_style", &decimal_style},
          std::pair{"delimiter", &delimiter}, std::pair{"negative_amounts", &negative}}) {
      if (key != name) continue;
      if (!value.is_string()) return Status::invalid_field(key, "must be text");
      *target = value.get<std::string>();
      known = true;
    }
    if (key == "skip_rows") {
      if (!value.is_number_integer() || value.get<int>() < 0 || value.get<int>() > 100) {
        return Status::invalid_field(key, "must be a whole number from 0 to 100");
      }
      c.skip_rows = value.get<int>();
      known = true;
    }
    if (!known) return Status::invalid_field(key, "is not a setting of the CSV importer");
  }

  if (c.date_column.empty()) return Status::invalid_field("date_column", "is required");
  if (c.amount_column.empty() && c.credit_column.empty()) {
    return Status::invalid_field("amount_column",
                                 "is required (or credit_column for deposit/withdrawal columns)");
  }
  if (c.currency_column.empty() && c.currency.empty()) {
    return Status::invalid_field("currency", "is required when there is no currency_column");
  }
  if (!c.currency.empty()) {
    std::string code = pc::normalize_currency(c.currency);
    if (code.empty()) return Status::invalid_field("currency", "must be an ISO 4217 code");
    c.currency = code;
  }
  if (c.name_column.empty() && c.first_name_column.empty() != c.last_name_column.empty()) {
    return Status::invalid_field(
        c.first_name_column.empty() ? "first_name_column" : "last_name_column",
        "is needed with the other name column");
  }
  auto order = pc::date_order_from_name(date_format);
  if (!order) return Status::invalid_field("date_format", "must be auto, ymd, mdy or dmy");
  c.date_order = *order;
  auto style = pc::decimal_style_from_name(decimal_style);
  if (!style) return Status::invalid_field("decimal_style", "must be auto, dot or comma");
  c.decimal_style = *style;
  if (pc::icu_charset_name(c.encoding).empty()) {
    return Status::invalid_field("encoding",
                                 "must be utf-8, cp949, euc-kr, latin-1 or windows-1252");
  }
  if (delimiter == "\\t" || delimiter == "tab") delimiter = "\t";
  if (delimiter.size() != 1 || std::string_view(",;\t|").find(delimiter[0]) == std::string::npos) {
    return Status::invalid_field("delimiter", "must be one of , ; | or a tab");
  }
  c.delimiter = delimiter[0];
  if (negative == "skip") {
    c.negative_amounts = NegativeAmounts::kSkip;
  } else if (negative == "refund") {
    c.negative_amounts = NegativeAmounts::kRefund;
  } else {
    return Status::invalid_field("negative_amounts", "must be skip or refund");
  }
  c.configured = true;
  return c;
}

}  // namespace steward::import_csv
