#include "store/email_preferences.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"

namespace steward::store::email_preferences {

Result<std::vector<std::string>> addresses(Unit& unit, long long constituent_id) {
  std::vector<std::string> out;
  std::string email;
  soci::statement st =
      (unit.sql().prepare << "SELECT em.email FROM emails em JOIN constituents c ON c.id = "
                             "em.constituent_id WHERE em.constituent_id = :id AND c.deleted_at "
                             "IS NULL AND c.merged_into_id IS NULL ORDER BY em.id",
       soci::use(constituent_id), soci::into(email));
  st.execute();
  while (st.fetch()) out.push_back(email);
  return out;
}

Result<bool> unsubscribe(Unit& unit, long long constituent_id, const std::string& address) {
  // Decision 0211: an appeal's unsubscribe opts this address out of appeals (bulk email asking
  // for gifts); receipts, thank-yous and statements are transactional and still go to it.
  // *Do not email* (no email of any kind) stays a choice staff make on the record.
  long long subscribed_rows = 0;
  soci::indicator ind = soci::i_null;
  unit.sql() << "SELECT (SELECT COUNT(*) FROM emails em WHERE em.constituent_id = c.id AND "
                "lower(em.email) = lower(:a) AND em.unsubscribed_at IS NULL) FROM constituents c "
                "WHERE c.id = :id AND c.deleted_at IS NULL",
      soci::use(address), soci::use(constituent_id), soci::into(subscribed_rows, ind);
  if (!unit.sql().got_data()) {
    return Status::not_found("constituent " + std::to_string(constituent_id) + " does not exist");
  }
  if (subscribed_rows == 0) return false;
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE emails SET unsubscribed_at = :n, updated_at = :u WHERE constituent_id = "
                ":id AND lower(email) = lower(:a) AND unsubscribed_at IS NULL",
      soci::use(now), soci::use(now), soci::use(constituent_id), soci::use(address);
  record_audit(unit, "unsubscribe", "constituent", constituent_id,
               {{"email", address}, {"unsubscribed_at", nullptr}},
               {{"email", address}, {"unsubscribed_at", now}, {"scope", "appeals"}});
  return true;
}

}  // namespace steward::store::email_preferences
