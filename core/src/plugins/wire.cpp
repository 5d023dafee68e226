#include "plugins/wire.hpp"

#include <sodium.h>

namespace steward::plugins::wire {

std::string base64_encode(std::string_view bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string base64_decode(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    throw std::runtime_error("bad base64 in plugin message");
  }
  out.resize(len);
  return out;
}

json status_to_json(const Status& s) {
  json fields = json::array();
  for (const auto& f : s.fields()) fields.push_back({{"field", f.field}, {"message", f.message}});
  return {{"code", static_cast<int>(s.code())}, {"message", s.message()}, {"fields", fields}};
}

Status status_from_json(const json& j) {
  int code = j.at("code").get<int>();
  if (code == 0) return Status::ok();
  if (code < 0 || code > static_cast<int>(StatusCode::kInternal)) code = 7;
  std::vector<FieldError> fields;
  for (const auto& f : j.value("fields", json::array())) {
    fields.push_back({f.at("field").get<std::string>(), f.at("message").get<std::string>()});
  }
  return {static_cast<StatusCode>(code), j.at("message").get<std::string>(), std::move(fields)};
}

json manifest_to_json(const sdk::Manifest& m) {
  return {{"id", m.id},
          {"kind", static_cast<int>(m.kind)},
          {"version", m.version},
          {"api_major", m.api_major},
          {"api_minor", m.api_minor},
          {"name", m.name},
          {"description", m.description},
          {"author", m.author},
          {"license", m.license},
          {"config_schema", m.config_schema}};
}

sdk::Manifest manifest_from_json(const json& j) {
  sdk::Manifest m;
  m.id = j.at("id").get<std::string>();
  m.kind = static_cast<sdk::PluginKind>(j.at("kind").get<int>());
  m.version = j.at("version").get<std::string>();
  m.api_major = j.at("api_major").get<int>();
  m.api_minor = j.at("api_minor").get<int>();
  m.name = j.at("name").get<std::string>();
  m.description = j.at("description").get<std::string>();
  m.author = j.at("author").get<std::string>();
  m.license = j.at("license").get<std::string>();
  m.config_schema = j.at("config_schema").get<std::string>();
  return m;
}

namespace {

json money_to_json(const sdk::Money& m) { return {{"minor", m.minor}, {"currency", m.currency}}; }
sdk::Money money_from_json(const json& j) {
  return {j.at("minor").get<std::int64_t>(), j.at("currency").get<std::string>()};
}
json pairs_to_json(const std::vector<std::pair<std::string, std::string>>& pairs) {
  json out = json::array();
  for (const auto& [k, v] : pairs) out.push_back({k, v});
  return out;
}
std::vector<std::pair<std::string, std::string>> pairs_from_json(const json& j) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : j) out.emplace_back(p.at(0).get<std::string>(), p.at(1).get<std::string>());
  return out;
}

json record_to_json(const sdk::PaymentRecord& r) {
  json j = {{"external_id", r.external_id},
            {"kind", static_cast<int>(r.kind)},
            {"date", r.date.iso()},
            {"amount", money_to_json(r.amount)},
            {"donor_name", r.donor_name},
            {"donor_email", r.donor_email},
            {"description", r.description},
            {"fund_hint", r.fund_hint},
            {"campaign_hint", r.campaign_hint},
            {"original_external_id", r.original_external_id},
            {"account", r.account},
            {"donor_external_id", r.donor_external_id},
            {"recurring_reference", r.recurring_reference},
            {"payment_method", r.payment_method},
            {"raw", pairs_to_json(r.raw)}};
  if (r.fee) j["fee"] = money_to_json(*r.fee);
  if (r.converted_amount) j["converted_amount"] = money_to_json(*r.converted_amount);
  if (!r.recurring_interval.empty()) j["recurring_interval"] = r.recurring_interval;
  if (!r.appeal_hint.empty()) j["appeal_hint"] = r.appeal_hint;
  if (r.donor_address) {
    const auto& a = *r.donor_address;
    j["donor_address"] = {{"line1", a.line1},
                          {"line2", a.line2},
                          {"city", a.city},
                          {"region", a.region},
                          {"postal_code", a.postal_code},
                          {"country", a.country}};
  }
  return j;
}

sdk::PaymentRecord record_from_json(const json& j) {
  sdk::PaymentRecord r;
  r.external_id = j.at("external_id").get<std::string>();
  r.kind = static_cast<sdk::PaymentKind>(j.at("kind").get<int>());
  sdk::Date::parse(j.at("date").get<std::string>(), r.date);
  r.amount = money_from_json(j.at("amount"));
  if (j.contains("fee")) r.fee = money_from_json(j.at("fee"));
  r.donor_name = j.at("donor_name").get<std::string>();
  r.donor_email = j.at("donor_email").get<std::string>();
  if (j.contains("donor_address")) {
    const auto& a = j.at("donor_address");
    r.donor_address = sdk::PostalAddress{a.at("line1"),  a.at("line2"),       a.at("city"),
                                         a.at("region"), a.at("postal_code"), a.at("country")};
  }
  r.description = j.at("description").get<std::string>();
  r.fund_hint = j.at("fund_hint").get<std::string>();
  r.campaign_hint = j.at("campaign_hint").get<std::string>();
  r.original_external_id = j.at("original_external_id").get<std::string>();
  r.account = j.at("account").get<std::string>();
  r.donor_external_id = j.at("donor_external_id").get<std::string>();
  r.recurring_reference = j.at("recurring_reference").get<std::string>();
  r.payment_method = j.at("payment_method").get<std::string>();
  r.raw = pairs_from_json(j.at("raw"));
  if (j.contains("converted_amount"))
    r.converted_amount = money_from_json(j.at("converted_amount"));
  r.recurring_interval = j.value("recurring_interval", std::string());
  r.appeal_hint = j.value("appeal_hint", std::string());
  return r;
}

}  // namespace

json output_to_json(const sdk::ParseOutput& out) {
  json records = json::array();
  for (const auto& r : out.records) records.push_back(record_to_json(r));
  json issues = json::array();
  for (const auto& i : out.issues) {
    issues.push_back(
        {{"line", i.line}, {"offset", i.offset}, {"field", i.field}, {"message", i.message}});
  }
  return {{"records", records}, {"issues", issues}};
}

void output_from_json(const json& j, sdk::ParseOutput& out) {
  for (const auto& r : j.at("records")) out.records.push_back(record_from_json(r));
  for (const auto& i : j.at("issues")) {
    out.issues.push_back({i.at("line").get<std::size_t>(), i.at("offset").get<std::size_t>(),
                          i.at("field").get<std::string>(), i.at("message").get<std::string>()});
  }
}

json message_to_json(const sdk::MailMessage& m) {
  json attachments = json::array();
  for (const auto& a : m.attachments) {
    attachments.push_back({{"file_name", a.file_name},
                           {"content_type", a.content_type},
                           {"bytes", base64_encode(a.bytes)}});
  }
  return {{"from", m.from},
          {"to", m.to},
          {"subject", m.subject},
          {"text", m.text},
          {"html", m.html},
          {"headers", pairs_to_json(m.headers)},
          {"attachments", attachments}};
}

sdk::MailMessage message_from_json(const json& j) {
  sdk::MailMessage m;
  m.from = j.at("from").get<std::string>();
  m.to = j.at("to").get<std::vector<std::string>>();
  m.subject = j.at("subject").get<std::string>();
  m.text = j.at("text").get<std::string>();
  m.html = j.at("html").get<std::string>();
  m.headers = pairs_from_json(j.at("headers"));
  for (const auto& a : j.at("attachments")) {
    m.attachments.push_back({a.at("file_name").get<std::string>(),
                             a.at("content_type").get<std::string>(),
                             base64_decode(a.at("bytes").get<std::string>())});
  }
  return m;
}

json statuses_to_json(const std::vector<sdk::RecipientStatus>& statuses) {
  json out = json::array();
  for (const auto& s : statuses) {
    out.push_back(
        {{"address", s.address}, {"state", static_cast<int>(s.state)}, {"reply", s.reply}});
  }
  return out;
}

std::vector<sdk::RecipientStatus> statuses_from_json(const json& j) {
  std::vector<sdk::RecipientStatus> out;
  for (const auto& s : j) {
    out.push_back({s.at("address").get<std::string>(),
                   static_cast<sdk::DeliveryState>(s.at("state").get<int>()),
                   s.at("reply").get<std::string>()});
  }
  return out;
}

}  // namespace steward::plugins::wire
