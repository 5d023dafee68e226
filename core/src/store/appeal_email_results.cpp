#include "store/appeal_email_results.hpp"

#include <cmath>

#include "store/campaign_repository.hpp"
#include "store/row_reader.hpp"

namespace steward::store::appeal_sends {

double EmailResults::response_rate() const {
  if (sent <= 0) return 0.0;
  return std::round(static_cast<double>(responders) * 10000.0 / static_cast<double>(sent)) /
         10000.0;
}

Result<EmailResults> email_results(Unit& unit, long long appeal_id, bool include_restricted) {
  auto appeal = campaigns::get_appeal(unit, appeal_id);
  if (!appeal) return appeal.status();
  EmailResults out;
  out.appeal_id = appeal_id;
  unit.sql() << "SELECT COUNT(*) FROM appeal_sends WHERE appeal_id = :a", soci::use(appeal_id),
      soci::into(out.sends);
  {
    std::string state;
    long long n = 0;
    soci::statement st =
        (unit.sql().prepare << "SELECT r.state, COUNT(*) FROM appeal_send_recipients r JOIN "
                               "appeal_sends s ON s.id = r.appeal_send_id WHERE s.appeal_id = :a "
                               "GROUP BY r.state",
         soci::use(appeal_id), soci::into(state), soci::into(n));
    st.execute();
    while (st.fetch()) {
      out.recipients += n;
      if (state == "sent") out.sent = n;
      if (state == "rejected") out.rejected = n;
      if (state == "deferred") out.deferred = n;
      if (state == "skipped") out.skipped = n;
      if (state == "sending") out.unknown = n;
      if (state == "queued") out.queued = n;
      if (state == "cancelled") out.cancelled = n;
    }
  }
  const int restricted_too = include_restricted ? 1 : 0;
  const std::string counted =
      " g.appeal_id = :a AND g.deleted_at IS NULL AND g.status IN ('completed', "
      "'partially_refunded') AND (:r = 1 OR c.restricted = FALSE)";
  {
    soci::row row;
    unit.sql() << "SELECT COUNT(*), COUNT(DISTINCT g.constituent_id), "
                  "COALESCE(SUM(g.base_amount_minor - g.base_refunded_minor), 0) FROM gifts g "
                  "JOIN constituents c ON c.id = g.constituent_id WHERE" +
                      counted,
        soci::use(appeal_id), soci::use(restricted_too), soci::into(row);
    RowReader r(row);
    out.appeal_gifts = r.integer();
    out.appeal_donors = r.integer();
    out.appeal_raised_minor = r.integer();
  }
  {
    // The day each donor was first sent the appeal; the gift must be on or after it.
    soci::row row;
    unit.sql() << "SELECT COUNT(*), COUNT(DISTINCT g.constituent_id), "
                  "COALESCE(SUM(g.base_amount_minor - g.base_refunded_minor), 0) FROM gifts g "
                  "JOIN constituents c ON c.id = g.constituent_id JOIN (SELECT r.constituent_id, "
                  "MIN(r.updated_at) AS sent_at FROM appeal_send_recipients r JOIN appeal_sends "
                  "s ON s.id = r.appeal_send_id WHERE s.appeal_id = :a2 AND r.state = 'sent' "
                  "GROUP BY r.constituent_id) x ON x.constituent_id = g.constituent_id WHERE" +
                      counted + " AND " +
                      (unit.is_postgresql() ? "g.received_on >= CAST(x.sent_at AS DATE)"
                                            : "g.received_on >= substr(x.sent_at, 1, 10)"),
        soci::use(appeal_id), soci::use(appeal_id), soci::use(restricted_too), soci::into(row);
    RowReader r(row);
    out.response_gifts = r.integer();
    out.responders = r.integer();
    out.response_raised_minor = r.integer();
  }
  return out;
}

}  // namespace steward::store::appeal_sends
