#include "store/audit.hpp"

#include "domain/date.hpp"

namespace steward::store {

void record_audit(Unit& unit, std::string_view action, std::string_view entity_type,
                  long long entity_id, const nlohmann::json& before, const nlohmann::json& after) {
  std::string actor = unit.actor().name;
  std::string remote = unit.actor().remote_addr;
  std::string act(action);
  std::string type(entity_type);
  std::string before_text = before.is_null() ? std::string() : before.dump();
  std::string after_text = after.is_null() ? std::string() : after.dump();
  soci::indicator before_ind = before.is_null() ? soci::i_null : soci::i_ok;
  soci::indicator after_ind = after.is_null() ? soci::i_null : soci::i_ok;
  soci::indicator remote_ind = remote.empty() ? soci::i_null : soci::i_ok;
  std::string now = domain::utc_now_iso();
  unit.sql() << "INSERT INTO audit_events (actor, action, entity_type, entity_id, before_json, "
                "after_json, remote_addr, created_at, updated_at) "
                "VALUES (:actor, :action, :type, :id, :before, :after, :remote, :c, :u)",
      soci::use(actor), soci::use(act), soci::use(type), soci::use(entity_id),
      soci::use(before_text, before_ind), soci::use(after_text, after_ind),
      soci::use(remote, remote_ind), soci::use(now), soci::use(now);
}

}  // namespace steward::store
