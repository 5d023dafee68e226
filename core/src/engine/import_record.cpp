#include "engine/import_record.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

namespace steward::engine::imports {
namespace {

nlohmann::json money_json(const sdk::Money& m) {
  return {{"minor", m.minor}, {"currency", m.currency}};
}

Result<sdk::Money> money_from(const nlohmann::json& j, const char* field) {
  if (!j.is_object() || !j.contains("minor") || !j["minor"].is_number_integer()) {
    return Status::invalid_field(field, "must be {minor, currency}");
  }
  return sdk::Money{j["minor"].get<long long>(), j.value("currency", "")};
}

std::string text(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

sdk::PaymentKind kind_from(const std::string& name) {
  if (name == "refund") return sdk::PaymentKind::kRefund;
  if (name == "reversal") return sdk::PaymentKind::kReversal;
  if (name == "fee") return sdk::PaymentKind::kFee;
  return sdk::PaymentKind::kPayment;
}

std::string hex_sha256(const std::string& data) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : out) {
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 15]);
  }
  return hex;
}

}  // namespace

nlohmann::json to_json(const sdk::PaymentRecord& r) {
  nlohmann::json j = {{"external_id", r.external_id},
                      {"kind", sdk::payment_kind_name(r.kind)},
                      {"date", r.date.iso()},
                      {"amount", money_json(r.amount)}};
  auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
  };
  put("account", r.account);
  if (r.fee) j["fee"] = money_json(*r.fee);
  put("donor_name", r.donor_name);
  put("donor_email", r.donor_email);
  if (r.donor_address) {
    const auto& a = *r.donor_address;
    j["donor_address"] = {{"line1", a.line1},
                          {"line2", a.line2},
                          {"city", a.city},
                          {"region", a.region},
                          {"postal_code", a.postal_code},
                          {"country", a.country}};
  }
  put("description", r.description);
  put("fund_hint", r.fund_hint);
  put("campaign_hint", r.campaign_hint);
  put("original_external_id", r.original_external_id);
  put("donor_external_id", r.donor_external_id);
  put("recurring_reference", r.recurring_reference);
  put("payment_method", r.payment_method);
  if (r.converted_amount) j["converted_amount"] = money_json(*r.converted_amount);
  put("recurring_interval", r.recurring_interval);
  put("appeal_hint", r.appeal_hint);
  return j;
}

Result<sdk::PaymentRecord> from_json(const nlohmann::json& j) {
  if (!j.is_object()) return Status::invalid_field("record", "must be an object");
  sdk::PaymentRecord r;
  r.external_id = text(j, "external_id");
  r.account = text(j, "account");
  r.kind = kind_from(text(j, "kind"));
  if (!sdk::Date::parse(text(j, "date"), r.date)) {
    return Status::invalid_field("record.date", "not a YYYY-MM-DD date");
  }
  auto amount = money_from(j.value("amount", nlohmann::json()), "record.amount");
  if (!amount) return amount.status();
  r.amount = *amount;
  if (j.contains("fee")) {
    auto fee = money_from(j["fee"], "record.fee");
    if (!fee) return fee.status();
    r.fee = *fee;
  }
  r.donor_name = text(j, "donor_name");
  r.donor_email = text(j, "donor_email");
  if (j.contains("donor_address") && j["donor_address"].is_object()) {
    const auto& a = j["donor_address"];
    r.donor_address =
        sdk::PostalAddress{text(a, "line1"),  text(a, "line2"),       text(a, "city"),
                           text(a, "region"), text(a, "postal_code"), text(a, "country")};
  }
  r.description = text(j, "description");
  r.fund_hint = text(j, "fund_hint");
  r.campaign_hint = text(j, "campaign_hint");
  r.original_external_id = text(j, "original_external_id");
  r.donor_external_id = text(j, "donor_external_id");
  r.recurring_reference = text(j, "recurring_reference");
  r.payment_method = text(j, "payment_method");
  if (j.contains("converted_amount")) {
    auto converted = money_from(j["converted_amount"], "record.converted_amount");
    if (!converted) return converted.status();
    r.converted_amount = *converted;
  }
  r.recurring_interval = text(j, "recurring_interval");
  r.appeal_hint = text(j, "appeal_hint");
  return r;
}

std::string processor_name(const std::string& plugin_id) {
  std::string last = plugin_id;
  if (auto dot = plugin_id.rfind('.'); dot != std::string::npos) last = plugin_id.substr(dot + 1);
  for (const char* prefix : {"import-", "import_"}) {
    if (last.starts_with(prefix) && last.size() > std::string(prefix).size()) {
      last = last.substr(std::string(prefix).size());
    }
  }
  return last;
}

std::string payment_source(const std::string& processor, const sdk::PaymentRecord& record) {
  return record.account.empty() ? processor : processor + ":" + record.account;
}

std::string content_hash(const sdk::PaymentRecord& r) {
  std::string s;
  for (const std::string& part :
       {r.account, std::string(sdk::payment_kind_name(r.kind)), r.date.iso(),
        std::to_string(r.amount.minor), r.amount.currency, r.donor_name, r.donor_email,
        r.description, r.donor_external_id, r.original_external_id}) {
    s += part;
    s.push_back('\x1f');
  }
  return hex_sha256(s);
}

Identity IdentityAssigner::assign(const sdk::PaymentRecord& record) {
  Identity id{payment_source(processor_, record), record.external_id};
  if (id.external_id.empty()) {
    std::string hash = content_hash(record);
    int n = ++occurrences_[hash];
    id.external_id = "hash:" + hash.substr(0, 40) + (n > 1 ? "#" + std::to_string(n) : "");
  }
  return id;
}

Identity original_identity(const std::string& processor, const sdk::PaymentRecord& record) {
  return Identity{payment_source(processor, record), record.original_external_id};
}

std::string gift_payment_method(const std::string& method) {
  std::string m = method;
  std::transform(m.begin(), m.end(), m.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (m == "card" || m == "credit_card" || m == "debit_card") return "card";
  if (m == "check" || m == "cheque") return "check";
  if (m == "cash") return "cash";
  if (m == "wire") return "wire";
  if (m == "ach" || m == "bank_transfer" || m == "sepa" || m == "direct_debit") return "ach";
  if (m == "stock") return "stock";
  return "other";
}

}  // namespace steward::engine::imports
