// Mail settings: "mail.*" keys in the settings table (the organisation's sender, postal details
// and signer for templates, the mailer plugin to use, the personal-call threshold). Kept apart
// from settings_repository's organisation keys; writes validate and are audited the same way.
//
//   mail.from                  "New Hope Mission <office@example.org>"  (required to send)
//   mail.mailer                plugin id, e.g. org.steward.mail.smtp (default: the only enabled
//                              mailer)
//   mail.default_language      "en"     language of donors without a preference or Hangul name
//   mail.personal_call_minor   "100000" gifts at or above this (base currency, minor units) are
//                              flagged for a personal call
//   mail.org_address, mail.org_phone, mail.org_website, mail.org_email, mail.tax_id,
//   mail.signer_name, mail.signer_title       free text for templates ({{org.*}})
//   mail.paper_size            "letter" letter | a4: printed letters, receipts and statements
//   mail.legal_text            the receipt's legal wording (e.g. "No goods or services were
//                              provided in exchange for these contributions.")
//   mail.statement_year        "calendar" calendar | fiscal (fiscal_year_start_month): the year
//                              a receipt / year-end statement covers
//   mail.public_url            "https://crm.example.org": where donors reach this server; the
//                              unsubscribe links in appeals start with it (required to send one)
//   mail.appeal_rate_per_minute "60" messages a minute an appeal send goes out at (1..6000)
//   mail.thank_within_hours    "48"     hours after the end of the day a gift was received by
//                              which it should be thanked (1..720); the queue marks it overdue
//                              after (domain/thank_deadline.hpp, decision 0220)
#pragma once

#include <string>

#include "store/database.hpp"

namespace steward::store::mail_settings {

struct MailSettings {
  std::string from;
  std::string mailer;
  std::string default_language = "en";
  long long personal_call_minor = 100000;
  std::string org_address;
  std::string org_phone;
  std::string org_website;
  std::string org_email;
  std::string tax_id;
  std::string signer_name;
  std::string signer_title;
  std::string paper_size = "letter";
  std::string legal_text;
  std::string statement_year = "calendar";
  std::string public_url;
  int appeal_rate_per_minute = 60;
  int thank_within_hours = 48;
};

Result<MailSettings> get(Unit& unit);
// Errors: kInvalid naming the key (unknown key, a line break, a bad number or language).
Status set(Unit& unit, const std::string& key, const std::string& value);

}  // namespace steward::store::mail_settings
