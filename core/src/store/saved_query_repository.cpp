#include "store/saved_query_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"

namespace steward::store::saved_queries {
namespace {

const char* kSelect =
    "SELECT q.id, q.owner_user_id, u.username, q.name, q.query, q.shared, q.created_at, "
    "q.updated_at FROM analytics_saved_queries q JOIN users u ON u.id = q.owner_user_id ";

domain::SavedQuery from_row(const soci::row& row) {
  RowReader r(row);
  domain::SavedQuery q;
  q.id = r.integer();
  q.owner_user_id = r.integer();
  q.owner = r.text();
  q.name = r.text();
  q.query = r.text();
  q.shared = r.flag();
  q.created_at = r.timestamp();
  q.updated_at = r.timestamp();
  return q;
}

// The audit image: what a later reader needs to see what changed.
nlohmann::json audit_json(const domain::SavedQuery& q) {
  return {{"id", q.id},
          {"owner_user_id", q.owner_user_id},
          {"name", q.name},
          {"query", nlohmann::json::parse(q.query, nullptr, false)},
          {"shared", q.shared}};
}

// The query in canonical form (compact JSON), or an error naming "query".
Result<std::string> checked(const domain::SavedQueryInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  auto parsed = nlohmann::json::parse(input.query, nullptr, false);
  if (!parsed.is_object()) return Status::invalid_field("query", "must be a JSON object");
  return parsed.dump();
}

Status saved_query_name_free(Unit& unit, long long owner, const std::string& name,
                             long long except_id) {
  long long taken = 0;
  unit.sql() << "SELECT COUNT(*) FROM analytics_saved_queries WHERE owner_user_id = :o AND "
                "name = :n AND id <> :id",
      soci::use(owner), soci::use(name), soci::use(except_id), soci::into(taken);
  if (taken > 0) return Status::conflict("you already have a saved query named '" + name + "'");
  return Status::ok();
}

bool may_see(const Viewer& viewer, const domain::SavedQuery& q) {
  return viewer.admin || q.shared || q.owner_user_id == viewer.user_id;
}

// The query, when `viewer` may change it (its owner or an admin).
Result<domain::SavedQuery> changeable(Unit& unit, const Viewer& viewer, long long id) {
  auto q = get(unit, viewer, id);
  if (!q) return q.status();
  if (!viewer.admin && q->owner_user_id != viewer.user_id) {
    return Status::permission_denied("only its owner or an admin may change a saved query");
  }
  return q;
}

}  // namespace

Result<std::vector<domain::SavedQuery>> list(Unit& unit, const Viewer& viewer) {
  const int admin = viewer.admin ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << std::string(kSelect) +
                                 "WHERE :admin = 1 OR q.shared = 1 OR q.owner_user_id = :u "
                                 "ORDER BY q.name, q.id LIMIT 500",
       soci::use(admin), soci::use(viewer.user_id));
  std::vector<domain::SavedQuery> out;
  for (const auto& row : rows) out.push_back(from_row(row));
  return out;
}

Result<domain::SavedQuery> get(Unit& unit, const Viewer& viewer, long long id) {
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << std::string(kSelect) + "WHERE q.id = :id", soci::use(id));
  for (const auto& row : rows) {
    domain::SavedQuery q = from_row(row);
    if (may_see(viewer, q)) return q;
  }
  return Status::not_found("saved query " + std::to_string(id) + " does not exist");
}

Result<domain::SavedQuery> create(Unit& unit, const Viewer& viewer,
                                  const domain::SavedQueryInput& input) {
  auto query = checked(input);
  if (!query) return query.status();
  if (Status s = saved_query_name_free(unit, viewer.user_id, input.name, 0); !s) return s;
  const std::string now = domain::utc_now_iso();
  const int shared = input.shared ? 1 : 0;
  long long id = 0;
  unit.sql() << "INSERT INTO analytics_saved_queries (owner_user_id, name, query, shared, "
                "created_at, updated_at) VALUES (:o, :n, :q, :s, :c, :u) RETURNING id",
      soci::use(viewer.user_id), soci::use(input.name), soci::use(*query), soci::use(shared),
      soci::use(now), soci::use(now), soci::into(id);
  auto made = get(unit, viewer, id);
  if (!made) return made.status();
  record_audit(unit, "create", "analytics_saved_query", id, nullptr, audit_json(*made));
  return made;
}

Result<domain::SavedQuery> update(Unit& unit, const Viewer& viewer, long long id,
                                  const domain::SavedQueryInput& input) {
  auto before = changeable(unit, viewer, id);
  if (!before) return before.status();
  auto query = checked(input);
  if (!query) return query.status();
  if (Status s = saved_query_name_free(unit, before->owner_user_id, input.name, id); !s) return s;
  const std::string now = domain::utc_now_iso();
  const int shared = input.shared ? 1 : 0;
  unit.sql() << "UPDATE analytics_saved_queries SET name = :n, query = :q, shared = :s, "
                "updated_at = :u WHERE id = :id",
      soci::use(input.name), soci::use(*query), soci::use(shared), soci::use(now), soci::use(id);
  auto after = get(unit, viewer, id);
  if (!after) return after.status();
  record_audit(unit, "update", "analytics_saved_query", id, audit_json(*before),
               audit_json(*after));
  return after;
}

Status remove(Unit& unit, const Viewer& viewer, long long id) {
  auto before = changeable(unit, viewer, id);
  if (!before) return before.status();
  unit.sql() << "DELETE FROM analytics_saved_queries WHERE id = :id", soci::use(id);
  record_audit(unit, "delete", "analytics_saved_query", id, audit_json(*before), nullptr);
  return Status::ok();
}

}  // namespace steward::store::saved_queries
