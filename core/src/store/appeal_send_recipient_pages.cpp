#include "store/appeal_send_recipient_pages.hpp"

#include <algorithm>

#include "store/row_reader.hpp"

namespace steward::store::appeal_sends {
namespace {

// The one or two stored states a filter matches ("" = all: both empty).
std::pair<std::string, std::string> stored_states(const std::string& filter) {
  if (filter == "failed") return {"rejected", "skipped"};
  return {filter, filter};
}

RecipientRow row_from(const soci::row& row) {
  RowReader r(row);
  RecipientRow x;
  x.id = r.integer();
  x.send_id = r.integer();
  x.constituent_id = r.integer();
  x.template_id = r.integer();
  x.address = r.text();
  x.state = r.text();
  x.attempts = static_cast<int>(r.integer());
  x.mail_message_id = r.opt_integer();
  x.reply = r.opt_text();
  x.display_name = r.text();
  x.sort_name = r.text();
  return x;
}

}  // namespace

const std::vector<std::string>& recipient_filter_states() {
  static const std::vector<std::string> states = {"queued",   "sending", "sent",      "rejected",
                                                  "deferred", "skipped", "cancelled", "failed"};
  return states;
}

Result<RecipientPage> recipient_page(Unit& unit, const RecipientPageRequest& request) {
  const auto& known = recipient_filter_states();
  if (!request.state.empty() &&
      std::find(known.begin(), known.end(), request.state) == known.end()) {
    return Status::invalid_field(
        "state",
        "must be one of queued, sending, sent, rejected, deferred, skipped, cancelled, "
        "failed");
  }
  if (auto send = get(unit, request.send_id); !send) return send.status();
  const auto [s1, s2] = stored_states(request.state);
  const int any_state = request.state.empty() ? 1 : 0;
  const int restricted_too = request.include_restricted ? 1 : 0;
  const int limit = clamp_limit(request.page.limit);
  const int fetch = limit + 1;
  RecipientPage out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT r.id, r.appeal_send_id, r.constituent_id, r.template_id, r.address, "
              "r.state, r.attempts, r.mail_message_id, r.reply, c.display_name, c.sort_name "
              "FROM appeal_send_recipients r JOIN constituents c ON c.id = r.constituent_id "
              "WHERE r.appeal_send_id = :s AND r.id > :after "
              "AND (:any = 1 OR r.state = :s1 OR r.state = :s2) "
              "AND (:ir = 1 OR c.restricted = FALSE) ORDER BY r.id LIMIT :n",
       soci::use(request.send_id), soci::use(request.page.after_id), soci::use(any_state),
       soci::use(s1), soci::use(s2), soci::use(restricted_too), soci::use(fetch));
  for (const auto& row : rows) out.page.items.push_back(row_from(row));
  if (static_cast<int>(out.page.items.size()) > limit) {
    out.page.items.resize(static_cast<std::size_t>(limit));
    out.page.next_after_id = out.page.items.back().id;
  }
  if (!request.include_restricted) {
    // Counted per stored state in one query, so every filter button can say how many of its
    // count the caller cannot see; `hidden` is the part the current filter matches.
    soci::rowset<soci::row> counts =
        (unit.sql().prepare << "SELECT r.state, COUNT(*) FROM appeal_send_recipients r JOIN "
                               "constituents c ON c.id = r.constituent_id WHERE "
                               "r.appeal_send_id = :s AND c.restricted = TRUE GROUP BY r.state",
         soci::use(request.send_id));
    for (const auto& row : counts) {
      RowReader r(row);
      std::string state = r.text();
      const long long n = r.integer();
      if (any_state == 1 || state == s1 || state == s2) out.hidden += n;
      out.hidden_by_state[std::move(state)] = n;
    }
  }
  return out;
}

}  // namespace steward::store::appeal_sends
