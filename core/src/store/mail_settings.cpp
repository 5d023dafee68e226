#include "store/mail_settings.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/thank_deadline.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::mail_settings {
namespace {

bool is_count(const std::string& v) {
  return !v.empty() && v.size() <= 15 && v.find_first_not_of("0123456789") == std::string::npos;
}

bool is_rate(const std::string& v) {
  return is_count(v) && v.size() <= 4 && std::stoi(v) >= 1 && std::stoi(v) <= 6000;
}

bool is_thank_window(const std::string& v) {
  return is_count(v) && v.size() <= 4 && std::stoi(v) >= 1 &&
         std::stoi(v) <= domain::kMaxThankWithinHours;
}

bool is_public_url(const std::string& v) {
  bool https = v.rfind("https://", 0) == 0;
  bool http = v.rfind("http://", 0) == 0;
  std::size_t host = https ? 8 : 7;
  return (https || http) && v.size() > host && v.find_first_of(" \"'<>?#") == std::string::npos;
}

}  // namespace

Result<MailSettings> get(Unit& unit) {
  MailSettings out;
  std::string key, value;
  soci::statement st = (unit.sql().prepare << "SELECT key, value FROM settings WHERE key LIKE "
                                              "'mail.%'",
                        soci::into(key), soci::into(value));
  st.execute();
  while (st.fetch()) {
    if (key == "mail.from") out.from = value;
    if (key == "mail.mailer") out.mailer = value;
    if (key == "mail.default_language") out.default_language = value;
    if (key == "mail.personal_call_minor" && is_count(value)) {
      out.personal_call_minor = std::stoll(value);
    }
    if (key == "mail.org_address") out.org_address = value;
    if (key == "mail.org_phone") out.org_phone = value;
    if (key == "mail.org_website") out.org_website = value;
    if (key == "mail.org_email") out.org_email = value;
    if (key == "mail.tax_id") out.tax_id = value;
    if (key == "mail.signer_name") out.signer_name = value;
    if (key == "mail.signer_title") out.signer_title = value;
    if (key == "mail.paper_size") out.paper_size = value;
    if (key == "mail.legal_text") out.legal_text = value;
    if (key == "mail.statement_year") out.statement_year = value;
    if (key == "mail.public_url") out.public_url = value;
    if (key == "mail.appeal_rate_per_minute" && is_rate(value)) {
      out.appeal_rate_per_minute = std::stoi(value);
    }
    if (key == "mail.thank_within_hours" && is_thank_window(value)) {
      out.thank_within_hours = std::stoi(value);
    }
  }
  return out;
}

Status set(Unit& unit, const std::string& key, const std::string& value) {
  static const char* kKnown[] = {"mail.from",
                                 "mail.mailer",
                                 "mail.default_language",
                                 "mail.personal_call_minor",
                                 "mail.org_address",
                                 "mail.org_phone",
                                 "mail.org_website",
                                 "mail.org_email",
                                 "mail.tax_id",
                                 "mail.signer_name",
                                 "mail.signer_title",
                                 "mail.paper_size",
                                 "mail.legal_text",
                                 "mail.statement_year",
                                 "mail.public_url",
                                 "mail.appeal_rate_per_minute",
                                 "mail.thank_within_hours"};
  bool known = false;
  for (const char* k : kKnown) known = known || key == k;
  if (!known) {
    return Status::invalid_field(key,
                                 "unknown mail setting (known: mail.from, mail.mailer, "
                                 "mail.default_language, mail.personal_call_minor, "
                                 "mail.org_address, mail.org_phone, mail.org_website, "
                                 "mail.org_email, mail.tax_id, mail.signer_name, "
                                 "mail.signer_title, mail.paper_size, mail.legal_text, "
                                 "mail.statement_year, mail.public_url, "
                                 "mail.appeal_rate_per_minute, mail.thank_within_hours)");
  }
  bool multiline = key == "mail.org_address" || key == "mail.legal_text";
  std::size_t longest = key == "mail.legal_text" ? 2000 : 500;
  if (!domain::is_clean_text(value, multiline) || value.size() > longest) {
    return Status::invalid_field(
        key, (multiline ? "must be text of at most " : "must be one line of at most ") +
                 std::to_string(longest) + " characters");
  }
  if (key == "mail.paper_size" && value != "letter" && value != "a4") {
    return Status::invalid_field(key, "must be letter or a4");
  }
  if (key == "mail.statement_year" && value != "calendar" && value != "fiscal") {
    return Status::invalid_field(key, "must be calendar or fiscal");
  }
  if (key == "mail.personal_call_minor" && !is_count(value)) {
    return Status::invalid_field(key, "must be a whole number of minor units (100000 = $1,000)");
  }
  if (key == "mail.public_url" && !value.empty() && !is_public_url(value)) {
    return Status::invalid_field(key, "must be the server's address, e.g. https://crm.example.org");
  }
  if (key == "mail.appeal_rate_per_minute" && !is_rate(value)) {
    return Status::invalid_field(key, "must be a whole number of messages a minute, 1 to 6000");
  }
  if (key == "mail.thank_within_hours" && !is_thank_window(value)) {
    return Status::invalid_field(key, "must be a whole number of hours, 1 to 720 (48 = two days)");
  }
  if (key == "mail.default_language" && value != "en" && value != "ko") {
    return Status::invalid_field(key, "must be en or ko");
  }
  std::optional<std::string> before;
  unit.sql() << "SELECT value FROM settings WHERE key = :key", soci::use(key), soci::into(before);
  std::string now = domain::utc_now_iso();
  if (unit.sql().got_data()) {
    unit.sql() << "UPDATE settings SET value = :value, updated_at = :now WHERE key = :key",
        soci::use(value), soci::use(now), soci::use(key);
  } else {
    before.reset();
    unit.sql() << "INSERT INTO settings (key, value, created_at, updated_at) "
                  "VALUES (:key, :value, :c, :u)",
        soci::use(key), soci::use(value), soci::use(now), soci::use(now);
  }
  nlohmann::json b = before ? nlohmann::json{{key, *before}} : nlohmann::json();
  record_audit(unit, before ? "update" : "create", "setting", 0, b, {{key, value}});
  return Status::ok();
}

}  // namespace steward::store::mail_settings
