#include "engine/appeal_audience.hpp"

#include <cctype>
#include <map>
#include <optional>
#include <set>

#include "domain/contact.hpp"
#include "engine/mail_merge.hpp"
#include "engine/segment_service.hpp"
#include "engine/segment_sql.hpp"
#include "store/campaign_repository.hpp"
#include "store/mail_settings.hpp"
#include "store/mail_template_repository.hpp"
#include "store/row_reader.hpp"
#include "store/segment_repository.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine::appeals {
namespace {

namespace seg = domain::segment;

// The segment's members with restricted constituents kept in (the tautology "restricted or not"
// makes the filter mention the flag, so segment_sql does not drop them): they are counted as
// an exclusion instead of vanishing.
seg::Filter with_restricted(const seg::Filter& filter) {
  seg::AnyOf either;
  either.items.push_back(seg::Filter{seg::Restricted{true}});
  either.items.push_back(seg::Filter{seg::Restricted{false}});
  seg::AllOf both;
  both.items.push_back(filter);
  both.items.push_back(seg::Filter{either});
  return seg::Filter{both};
}

// The template to use in `language`: the current active version there, else in English.
Result<std::optional<domain::MailTemplate>> template_for(store::Unit& unit, const std::string& name,
                                                         const std::string& language) {
  for (const std::string& lang : {language, std::string("en")}) {
    auto found = store::mail_templates::current(unit, name, lang);
    if (found && found->active) return std::optional<domain::MailTemplate>(*found);
    if (!found && found.status().code() != StatusCode::kNotFound) return found.status();
  }
  return std::optional<domain::MailTemplate>();
}

// An address compared the way mail servers do in practice: the whole address in lower case.
std::string address_key(const std::string& email) {
  std::string key = email;
  for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return key;
}

// The addresses earlier sends of this appeal have asked (or are asking) already.
std::set<std::string> addresses_already_asked(store::Unit& unit, long long appeal_id) {
  std::set<std::string> out;
  soci::rowset<std::string> rows =
      (unit.sql().prepare << "SELECT r.address FROM appeal_send_recipients r JOIN "
                             "appeal_sends s ON s.id = r.appeal_send_id WHERE "
                             "s.appeal_id = :appeal AND r.state IN ('queued', "
                             "'sending', 'sent', 'deferred')",
       soci::use(appeal_id));
  for (const std::string& address : rows) out.insert(address_key(address));
  return out;
}

}  // namespace

long long Exclusions::total() const {
  return restricted + already_sent + unsubscribed + do_not_email + do_not_solicit + no_valid_email +
         shared_address;
}

nlohmann::json Exclusions::to_json() const {
  return {{"restricted", restricted},         {"already_sent", already_sent},
          {"unsubscribed", unsubscribed},     {"do_not_email", do_not_email},
          {"do_not_solicit", do_not_solicit}, {"no_valid_email", no_valid_email},
          {"shared_address", shared_address}, {"total", total()}};
}

long long Audience::count_in(const std::string& language) const {
  long long n = 0;
  for (const auto& r : recipients) n += r.language == language ? 1 : 0;
  return n;
}

nlohmann::json Audience::to_json() const {
  return {{"appeal_id", appeal_id},
          {"segment_id", segment_id},
          {"template_name", template_name},
          {"segment_count", segment_count},
          {"recipients", recipients.size()},
          {"by_language", {{"en", count_in("en")}, {"ko", count_in("ko")}}},
          {"excluded", excluded.to_json()}};
}

Result<Audience> appeal_audience(store::Unit& unit, const AudienceRequest& request) {
  if (request.appeal_id <= 0) return Status::invalid_field("appeal_id", "is required");
  if (request.segment_id <= 0) return Status::invalid_field("segment_id", "is required");
  if (request.template_name.empty()) {
    return Status::invalid_field("template_name", "is required");
  }
  auto appeal = store::campaigns::get_appeal(unit, request.appeal_id);
  if (!appeal) return appeal.status();
  auto segment = store::segments::get(unit, request.segment_id);
  if (!segment) return segment.status();
  auto english = template_for(unit, request.template_name, "en");
  if (!english) return english.status();
  if (!*english) {
    return Status::invalid_field("template_name", "no active template \"" + request.template_name +
                                                      "\" in English (the fallback language)");
  }
  auto filter = segments::parse_filter(unit, segment->filter);
  if (!filter) {
    return Status::invalid_field(
        "segment_id", "the segment's filter does not parse: " + filter.status().message());
  }
  auto org = store::settings::get(unit);
  if (!org) return org.status();
  auto mail = store::mail_settings::get(unit);
  if (!mail) return mail.status();
  segment_sql::Context context;
  context.fiscal_year_start_month = org->fiscal_year_start_month;
  segment_sql::Compiled q = segment_sql::compile(with_restricted(*filter), context);
  const std::string sql =
      "SELECT c.id, c.display_name, c.custom_fields, c.restricted, c.do_not_email, "
      "c.do_not_solicit, (SELECT MIN(em.email) FROM emails em WHERE em.constituent_id = c.id AND "
      "em.is_primary = TRUE), (SELECT COUNT(*) FROM emails em WHERE em.constituent_id = c.id AND "
      "em.is_primary = TRUE AND em.unsubscribed_at IS NOT NULL), (SELECT COUNT(*) FROM "
      "appeal_send_recipients r JOIN appeal_sends s ON s.id = r.appeal_send_id WHERE "
      "s.appeal_id = :appeal AND r.constituent_id = c.id AND r.state IN ('queued', 'sending', "
      "'sent', 'deferred')) FROM constituents c WHERE " +
      q.sql + " ORDER BY c.id";
  soci::row row;
  soci::statement st(unit.sql());
  st.exchange(soci::into(row));
  const long long appeal_id = request.appeal_id;
  st.exchange(soci::use(appeal_id));
  segment_sql::bind(st, q.params);  // q.params outlives st
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute();

  Audience out;
  out.appeal_id = request.appeal_id;
  out.segment_id = request.segment_id;
  out.template_name = request.template_name;
  std::map<std::string, long long> template_ids;  // by language
  std::vector<AudienceMember> pending;
  std::set<std::string> addresses = addresses_already_asked(unit, request.appeal_id);
  while (st.fetch()) {
    store::RowReader r(row);
    store::mail_queries::DonorRow donor;
    donor.id = r.integer();
    donor.display_name = r.text();
    donor.custom_fields = r.opt_text().value_or("{}");
    const bool restricted = r.flag();
    donor.do_not_email = r.flag();
    const bool do_not_solicit = r.flag();
    const std::optional<std::string> email = r.opt_text();
    const bool unsubscribed = r.integer() > 0;
    const bool already = r.integer() > 0;
    ++out.segment_count;
    if (restricted) {
      ++out.excluded.restricted;
    } else if (already) {
      ++out.excluded.already_sent;
    } else if (unsubscribed) {
      ++out.excluded.unsubscribed;
    } else if (donor.do_not_email) {
      ++out.excluded.do_not_email;
    } else if (do_not_solicit) {
      ++out.excluded.do_not_solicit;
    } else if (!email || !domain::is_plausible_email(*email)) {
      ++out.excluded.no_valid_email;
    } else if (!addresses.insert(address_key(*email)).second) {
      ++out.excluded.shared_address;
    } else {
      pending.push_back({donor.id, donor.display_name, *email, donor_language(donor, *mail), 0});
    }
  }
  for (auto& m : pending) {
    auto it = template_ids.find(m.language);
    if (it == template_ids.end()) {
      auto t = template_for(unit, request.template_name, m.language);
      if (!t) return t.status();
      it = template_ids.emplace(m.language, (*t)->id).first;  // English exists (checked above)
    }
    m.template_id = it->second;
  }
  out.recipients = std::move(pending);
  return out;
}

}  // namespace steward::engine::appeals
