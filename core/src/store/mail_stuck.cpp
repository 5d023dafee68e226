#include "store/mail_stuck.hpp"

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/mail_message_repository.hpp"
#include "store/row_reader.hpp"

namespace steward::store::mail_stuck {

Result<std::vector<StuckMessage>> list(Unit& unit, const std::string& claimed_before) {
  if (!domain::parse_instant(claimed_before)) {
    return Status::invalid_field("claimed_before", "must be a UTC timestamp YYYY-MM-DDTHH:MM:SSZ");
  }
  std::vector<StuckMessage> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id, purpose, constituent_id, gift_id, address, created_at "
                             "FROM mail_messages WHERE state = 'sending' AND created_at < :t "
                             "ORDER BY created_at, id",
       soci::use(claimed_before));
  for (const auto& row : rows) {
    RowReader r(row);
    StuckMessage m;
    m.id = r.integer();
    m.purpose = r.text();
    m.constituent_id = r.integer();
    m.gift_id = r.opt_integer();
    m.address = r.text();
    m.created_at = r.timestamp();
    out.push_back(m);
  }
  return out;
}

Result<std::vector<StuckMessage>> clear(Unit& unit, const std::string& claimed_before,
                                        const std::string& reason) {
  if (reason.empty()) return Status::invalid_field("reason", "say why (e.g. checked the log)");
  auto stuck = list(unit, claimed_before);
  if (!stuck) return stuck.status();
  for (const auto& m : *stuck) {
    Status s = mail_messages::finish(unit, m.id, "deferred", "cleared while sending: " + reason);
    if (!s) return s;
  }
  std::string now = domain::utc_now_iso();
  soci::statement st =
      (unit.sql().prepare << "UPDATE receipts SET email_state = 'deferred', updated_at = :u "
                             "WHERE email_state = 'sending' AND updated_at < :t",
       soci::use(now), soci::use(claimed_before));
  st.execute(true);
  long long receipts = st.get_affected_rows();
  record_audit(unit, "clear_stuck", "mail_message", 0, nullptr,
               {{"claimed_before", claimed_before},
                {"reason", reason},
                {"messages", stuck->size()},
                {"receipts", receipts}});
  return *stuck;
}

}  // namespace steward::store::mail_stuck
