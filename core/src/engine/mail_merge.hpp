// Merge fields: what a template can say about a donor, a gift, the year and the organisation.
// Built as JSON (the preview shows it; docs/mail.md lists every field) and rendered with
// Mustache by mail_render.
//
//   donor.name  donor.addressee  donor.salutation  donor.first_name  donor.last_name
//   donor.email  donor.address (multi-line)  donor.address_lines (list)
//   gift.amount ("$1,000.00", "50,000원")  gift.amount_minor  gift.currency  gift.date
//   gift.fund (names joined by ", ")  gift.payment_method  gift.receipt_number
//   gift.tribute_name  gift.in_honor  gift.in_memory  gift.in_kind_description
//   year.year  year.total  year.gift_count
//   org.name  org.address  org.phone  org.email  org.website  org.tax_id  org.signer_name
//   org.signer_title
//   first_gift  recurring  tribute  (conditionals: {{#first_gift}}...{{/first_gift}})
//   today  language
//
// The donor's language: custom field "preferred_language" ("en"/"ko") when set, else "ko" when
// the name has Hangul, else the mail.default_language setting.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "store/database.hpp"
#include "store/mail_queries.hpp"
#include "store/mail_settings.hpp"

namespace steward::engine {

struct MergeSubject {
  long long constituent_id = 0;
  std::optional<long long> gift_id;  // the gift thanked; none for a donor-only message
  std::optional<int> year;           // the year of "year.*" (default: the gift's, or this year)
};

// The donor's language for mail (see above).
std::string donor_language(const store::mail_queries::DonorRow& donor,
                           const store::mail_settings::MailSettings& settings);

// Errors: kNotFound for a missing donor or gift; kInvalid ("gift_id") when the gift is another
// donor's.
Result<nlohmann::json> merge_fields(store::Unit& unit, const MergeSubject& subject,
                                    const std::optional<std::string>& language = std::nullopt);

}  // namespace steward::engine
