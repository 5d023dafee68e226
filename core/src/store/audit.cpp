#include "store/audit.hpp"

#include "domain/date.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

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

namespace {

nlohmann::json parse_image(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return nlohmann::json::parse(*text, nullptr, false);
}

}  // namespace

Result<Page<AuditEvent>> list_audit(Unit& unit, const AuditFilter& filter) {
  const int limit = clamp_limit(filter.limit);
  const long long before = filter.before_id > 0 ? filter.before_id : (1LL << 62);
  const int fetch = limit + 1;
  // Optional filters as "(:x IS NULL OR column = :x)" keep the statement fixed and bound.
  // created_at is TIMESTAMPTZ on PostgreSQL and ISO text on SQLite.
  const bool pg = unit.is_postgresql();
  const std::string from_at = pg ? "CAST(:f2 AS TIMESTAMPTZ)" : ":f2";
  const std::string until_at = pg ? "CAST(:u2 AS TIMESTAMPTZ)" : ":u2";
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT id, actor, action, entity_type, entity_id, before_json, after_json, "
              "remote_addr, created_at FROM audit_events WHERE id < :before "
              "AND (CAST(:t1 AS TEXT) IS NULL OR entity_type = :t2) "
              "AND (CAST(:e1 AS BIGINT) IS NULL OR entity_id = :e2) "
              "AND (CAST(:a1 AS TEXT) IS NULL OR actor = :a2) "
              "AND (CAST(:c1 AS TEXT) IS NULL OR action = :c2) "
              "AND (CAST(:f1 AS TEXT) IS NULL OR created_at >= " +
                  from_at +
                  ") "
                  "AND (CAST(:u1 AS TEXT) IS NULL OR created_at < " +
                  until_at +
                  ") "
                  "ORDER BY id DESC LIMIT :lim",
       soci::use(before), soci::use(filter.entity_type), soci::use(filter.entity_type),
       soci::use(filter.entity_id), soci::use(filter.entity_id), soci::use(filter.actor),
       soci::use(filter.actor), soci::use(filter.action), soci::use(filter.action),
       soci::use(filter.from_at), soci::use(filter.from_at), soci::use(filter.until_at),
       soci::use(filter.until_at), soci::use(fetch));
  Page<AuditEvent> page;
  for (const soci::row& row : rows) {
    RowReader r(row);
    AuditEvent e;
    e.id = r.integer();
    e.actor = r.text();
    e.action = r.text();
    e.entity_type = r.text();
    e.entity_id = r.opt_integer();
    e.before = parse_image(r.opt_text());
    e.after = parse_image(r.opt_text());
    e.remote_addr = r.opt_text();
    e.created_at = r.timestamp();
    page.items.push_back(std::move(e));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after_id = page.items.back().id;
  }
  return page;
}

}  // namespace steward::store
