#include "engine/mail_merge.hpp"

#include "domain/constituent.hpp"
#include "domain/date.hpp"
#include "engine/mail_format.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine {
namespace {

bool is_korean(const std::string& language) { return language.rfind("ko", 0) == 0; }

std::string first_of(std::initializer_list<std::optional<std::string>> values) {
  for (const auto& v : values) {
    if (v && !v->empty()) return *v;
  }
  return "";
}

nlohmann::json donor_fields(const store::mail_queries::DonorRow& d, const std::string& language) {
  std::string given = first_of({d.preferred_name, d.first_name});
  std::string salutation = first_of({d.salutation});
  if (salutation.empty()) {
    if (is_korean(language)) {
      salutation = d.display_name + " 님께";
    } else {
      salutation = "Dear " + (given.empty() || d.kind != "individual" ? d.display_name : given);
    }
  }
  std::string address;
  for (const auto& line : d.address_lines) address += (address.empty() ? "" : "\n") + line;
  return {{"name", d.display_name},
          {"addressee", first_of({d.addressee, std::optional<std::string>(d.display_name)})},
          {"salutation", salutation},
          {"first_name", given},
          {"last_name", first_of({d.last_name})},
          {"organization_name", first_of({d.organization_name})},
          {"email", d.email.value_or("")},
          {"address", address},
          {"address_lines", d.address_lines}};
}

std::string payment_method_name(const std::string& method, const std::string& language) {
  bool ko = is_korean(language);
  if (method == "check") return ko ? "수표" : "check";
  if (method == "card") return ko ? "카드" : "card";
  if (method == "ach") return ko ? "계좌이체" : "bank transfer";
  if (method == "wire") return ko ? "송금" : "wire transfer";
  if (method == "cash") return ko ? "현금" : "cash";
  if (method == "stock") return ko ? "주식" : "stock";
  if (method == "in_kind") return ko ? "현물" : "in kind";
  return ko ? "기타" : "other";
}

}  // namespace

std::string donor_language(const store::mail_queries::DonorRow& donor,
                           const store::mail_settings::MailSettings& settings) {
  auto custom = nlohmann::json::parse(donor.custom_fields, nullptr, false);
  if (custom.is_object() && custom.contains("preferred_language") &&
      custom["preferred_language"].is_string()) {
    std::string lang = custom["preferred_language"].get<std::string>();
    if (lang == "en" || lang == "ko") return lang;
  }
  if (domain::contains_hangul(donor.display_name)) return "ko";
  return settings.default_language.empty() ? "en" : settings.default_language;
}

Result<nlohmann::json> merge_fields(store::Unit& unit, const MergeSubject& subject,
                                    const std::optional<std::string>& language_override) {
  auto donor = store::mail_queries::donor(unit, subject.constituent_id);
  if (!donor) return donor.status();
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  auto org = store::settings::get(unit);
  if (!org) return org.status();
  std::string language = language_override.value_or(donor_language(*donor, *settings));

  nlohmann::json j;
  j["language"] = language;
  j["donor"] = donor_fields(*donor, language);
  j["today"] = format_date(domain::Date::today().to_string(), language);
  j["org"] = {{"name", org->organization_name},       {"address", settings->org_address},
              {"phone", settings->org_phone},         {"email", settings->org_email},
              {"website", settings->org_website},     {"tax_id", settings->tax_id},
              {"signer_name", settings->signer_name}, {"signer_title", settings->signer_title}};
  j["first_gift"] = false;
  j["recurring"] = false;
  j["tribute"] = false;

  int year = subject.year.value_or(domain::Date::today().year());
  if (subject.gift_id) {
    auto gift = store::mail_queries::gift(unit, *subject.gift_id);
    if (!gift) return gift.status();
    if (gift->constituent_id != subject.constituent_id) {
      return Status::invalid_field("gift_id", "gift " + std::to_string(gift->id) +
                                                  " was not given by constituent " +
                                                  std::to_string(subject.constituent_id));
    }
    std::string funds;
    for (const auto& f : gift->funds) funds += (funds.empty() ? "" : ", ") + f;
    sdk::Money amount{gift->amount_minor, gift->currency};
    j["gift"] = {{"id", gift->id},
                 {"amount", format_amount(amount, language)},
                 {"amount_minor", gift->amount_minor},
                 {"currency", gift->currency},
                 {"date", format_date(gift->received_on, language)},
                 {"fund", funds},
                 {"payment_method", payment_method_name(gift->payment_method, language)},
                 {"receipt_number", gift->receipt_number.value_or("")},
                 {"tribute_name", gift->tribute_name.value_or("")},
                 {"in_honor", gift->tribute_type.value_or("") == "in_honor"},
                 {"in_memory", gift->tribute_type.value_or("") == "in_memory"},
                 {"in_kind_description", gift->in_kind_description.value_or("")}};
    j["first_gift"] = gift->first_gift;
    j["recurring"] = gift->recurring_plan_id.has_value();
    j["tribute"] = gift->tribute_type.has_value();
    if (!subject.year) year = std::stoi(gift->received_on.substr(0, 4));
  }
  std::string y = std::to_string(year);
  auto total =
      store::mail_queries::year_total(unit, subject.constituent_id, y + "-01-01", y + "-12-31");
  if (!total) return total.status();
  j["year"] = {{"year", year},
               {"total", format_amount({total->base_minor, org->base_currency}, language)},
               {"gift_count", total->gifts}};
  return j;
}

}  // namespace steward::engine
